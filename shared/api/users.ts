import { z } from 'zod';
import { passwordSchema } from './password-policy.js';

/** Accounts of the inspectorate (`/api/users`, administrators only). */

export const userRoles = ['inspecteur', 'beheerder'] as const;
export type UserRole = (typeof userRoles)[number];

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().optional(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({ items: z.array(userSchema) });
export type UserList = z.infer<typeof userListSchema>;
export const userReplySchema = z.object({ user: userSchema });
export type UserReply = z.infer<typeof userReplySchema>;

export const emailSchema = z
  .email()
  .max(254)
  .transform((email) => email.trim().toLowerCase());

/** POST /api/users; without a password the server mails a set-password link. */
export const createUserBodySchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: z.enum(userRoles),
  password: passwordSchema.optional(),
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

/** PATCH /api/users/:id */
export const updateUserBodySchema = z
  .object({
    role: z.enum(userRoles).optional(),
    active: z.boolean().optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;
