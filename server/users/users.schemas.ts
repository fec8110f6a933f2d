import { z } from 'zod';
import { passwordSchema } from '../auth/passwords.js';
import { userRoles, type UserRecord } from '../models/user.model.js';

export const userViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().optional(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userViewSchema>;

export function toUserView(user: UserRecord): UserView {
  return {
    id: user._id.toString(),
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    totpEnabled: user.totpEnabled,
    ...(user.lastLoginAt ? { lastLoginAt: user.lastLoginAt.toISOString() } : {}),
    createdAt: user.createdAt.toISOString(),
  };
}

export const emailSchema = z
  .email()
  .max(254)
  .transform((email) => email.trim().toLowerCase());

export const createUserBodySchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: z.enum(userRoles),
  password: passwordSchema.optional(),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z
  .object({
    role: z.enum(userRoles).optional(),
    active: z.boolean().optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const userListSchema = z.object({ items: z.array(userViewSchema) });
export const userReplySchema = z.object({ user: userViewSchema });
