import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { BadRequestError } from '../errors.js';
import { csrfProtection, originCheck } from '../auth/csrf.js';
import { currentUser, requireUser } from '../auth/require-user.js';
import type { InspectorContext } from '../investigations/inspector.context.js';
import type { UserRecord, UserRole } from '../models/user.model.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** 'public': no session (login, password reset); otherwise the roles allowed. */
export type Access = 'public' | 'session' | readonly UserRole[];

/** What the OpenAPI document says about a route; every inspector route is declared through `route`. */
export type RouteDoc = {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  status: number;
  /** Non-JSON replies (file downloads). */
  binary?: boolean;
};

type HandlerInput<B, Q> = { body: B; query: Q; params: Record<string, string>; req: Request; res: Response };
type AuthedInput<B, Q> = HandlerInput<B, Q> & { user: UserRecord };

/**
 * A handler returns the JSON body to send with `status` — typed by the route's `response` schema, so a
 * reply that breaks the shared contract fails the typecheck — or undefined when it wrote the reply itself.
 */
type Handler<B, Q, A extends Access, R> = (
  input: A extends 'public' ? HandlerInput<B, Q> : AuthedInput<B, Q>,
) => Promise<R | undefined>;

export type RouteDef = RouteDoc & {
  /** `checkResponse`: parse the reply with `response` first and fail loudly on a mismatch (tests). */
  handle(req: Request, res: Response, options?: { checkResponse?: boolean }): Promise<void>;
};

/** A reply that does not match the route's own response schema: a server bug, never the client's fault. */
export class ResponseContractError extends Error {
  constructor(routePath: string, issues: z.core.$ZodIssue[]) {
    super(
      `Reply of ${routePath} breaks its response schema: ${issues
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ')}`,
    );
    this.name = 'ResponseContractError';
  }
}

export function route<
  A extends Access,
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  R extends z.ZodType = z.ZodUnknown,
>(
  spec: Omit<RouteDoc, 'status' | 'body' | 'query' | 'access' | 'response'> & {
    access: A;
    status?: number;
    body?: B;
    query?: Q;
    response?: R;
    handler: Handler<z.infer<B>, z.infer<Q>, A, z.input<R>>;
  },
): RouteDef {
  const { handler, ...doc } = spec;
  const status = spec.status ?? 200;
  return {
    ...doc,
    status,
    async handle(req, res, options = {}) {
      const body = spec.body ? parseWith(spec.body, req.body, 'invalid_body') : undefined;
      const query = spec.query ? parseWith(spec.query, req.query, 'invalid_query') : undefined;
      const params = Object.fromEntries(Object.entries(req.params).map(([k, v]) => [k, String(v)]));
      const base = { body, query, params, req, res } as HandlerInput<z.infer<B>, z.infer<Q>>;
      const input = spec.access === 'public' ? base : { ...base, user: currentUser(res) };
      const result = await (handler as (input: HandlerInput<z.infer<B>, z.infer<Q>>) => Promise<unknown>)(
        input,
      );
      if (res.headersSent) return;
      if (result === undefined) {
        res.status(status).end();
        return;
      }
      if (options.checkResponse && spec.response) {
        // Through JSON first: the schema describes what the client receives (dates as strings …).
        const parsed = spec.response.safeParse(JSON.parse(JSON.stringify(result)));
        if (!parsed.success)
          throw new ResponseContractError(`${spec.method.toUpperCase()} ${spec.path}`, parsed.error.issues);
      }
      res.status(status).json(result);
    },
  };
}

/**
 * Mounts routes with their guards: every non-public route gets requireUser (with its roles) and CSRF
 * protection before the handler, so a route cannot be declared without them.
 */
export function mountRoutes(router: Router, ctx: InspectorContext, routes: RouteDef[]): void {
  for (const def of routes) {
    const guards =
      def.access === 'public'
        ? [originCheck(ctx.config)]
        : [requireUser(ctx, def.access === 'session' ? undefined : def.access), csrfProtection(ctx.config)];
    const checkResponse = ctx.config.NODE_ENV === 'test';
    router[def.method](def.path, ...guards, (req: Request, res: Response) =>
      def.handle(req, res, { checkResponse }),
    );
  }
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown, code: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new BadRequestError(
      code,
      'The request does not match the expected shape',
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return parsed.data;
}
