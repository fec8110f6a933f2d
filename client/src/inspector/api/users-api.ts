import { z } from 'zod';
import { apiRequest } from '../../shared/api/api-client.js';
import { userListSchema, userResultSchema, type User } from './schemas.js';

export const usersKey = ['users'] as const;

export type NewUser = { email: string; name: string; role: User['role'] };
export type UserChange = Partial<Pick<User, 'role' | 'active' | 'name'>>;

export const listUsers = (signal?: AbortSignal) => apiRequest('/api/users', userListSchema, { signal });

export const createUser = (input: NewUser) =>
  apiRequest('/api/users', userResultSchema, { method: 'POST', body: input });

export const updateUser = (id: string, change: UserChange) =>
  apiRequest(`/api/users/${encodeURIComponent(id)}`, userResultSchema, { method: 'PATCH', body: change });

export const resetUserTotp = (id: string) =>
  apiRequest(`/api/users/${encodeURIComponent(id)}/totp`, z.unknown(), { method: 'DELETE' });
