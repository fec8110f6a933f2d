import type { User } from '../../shared/api/users.js';
import type { UserRecord } from '../models/user.model.js';

/** The account as the API shows it (shared/api/users.ts): never the hash, TOTP secret or recovery codes. */
export function toUserView(user: UserRecord): User {
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
