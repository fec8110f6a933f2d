import express, { type Router } from 'express';
import type { InspectorContext } from '../investigations/inspector.context.js';
import { mountRoutes, route, type RouteDef } from '../openapi/route-spec.js';
import {
  createUserBodySchema,
  updateUserBodySchema,
  userListSchema,
  userReplySchema,
  type UserList,
  type UserReply,
} from '../../shared/api/users.js';
import { toUserView } from './user-view.js';
import { createUserFromBody, listUsers, resetUserTotp, updateUser } from './users.service.js';

const ADMIN = ['beheerder'] as const;

export function userRouteDefs(ctx: InspectorContext): RouteDef[] {
  return [
    route({
      method: 'get',
      path: '/api/users',
      summary: 'List accounts',
      tag: 'users',
      access: ADMIN,
      response: userListSchema,
      handler: async (): Promise<UserList> => ({ items: (await listUsers(ctx)).map(toUserView) }),
    }),
    route({
      method: 'post',
      path: '/api/users',
      summary: 'Create an account (without password: a set-password mail is sent)',
      tag: 'users',
      access: ADMIN,
      status: 201,
      body: createUserBodySchema,
      response: userReplySchema,
      handler: async ({ body, user }): Promise<UserReply> => ({
        user: toUserView(await createUserFromBody(ctx, body, user)),
      }),
    }),
    route({
      method: 'patch',
      path: '/api/users/:id',
      summary: 'Change role, name or active',
      tag: 'users',
      access: ADMIN,
      body: updateUserBodySchema,
      response: userReplySchema,
      handler: async ({ body, user, params }): Promise<UserReply> => ({
        user: toUserView(await updateUser(ctx, params.id ?? '', body, user)),
      }),
    }),
    route({
      method: 'delete',
      path: '/api/users/:id/totp',
      summary: 'Reset the TOTP of an account (lost phone)',
      tag: 'users',
      access: ADMIN,
      status: 204,
      async handler({ user, params }) {
        await resetUserTotp(ctx, params.id ?? '', user);
        return undefined;
      },
    }),
  ];
}

export function usersRoutes(ctx: InspectorContext): Router {
  const router = express.Router();
  mountRoutes(router, ctx, userRouteDefs(ctx));
  return router;
}
