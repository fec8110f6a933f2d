import { z } from 'zod';
import {
  userListSchema,
  userReplySchema,
  type CreateUserBody,
  type UpdateUserBody,
} from '../../../../shared/api/users.js';
import { apiRequest } from '../../shared/api/api-client.js';

export const usersKey = ['users'] as const;

export const listUsers = (signal?: AbortSignal) => apiRequest('/api/users', userListSchema, { signal });

export const createUser = (input: CreateUserBody) =>
  apiRequest('/api/users', userReplySchema, { method: 'POST', body: input });

export const updateUser = (id: string, change: UpdateUserBody) =>
  apiRequest(`/api/users/${encodeURIComponent(id)}`, userReplySchema, { method: 'PATCH', body: change });

export const resetUserTotp = (id: string) =>
  apiRequest(`/api/users/${encodeURIComponent(id)}/totp`, z.unknown(), { method: 'DELETE' });
