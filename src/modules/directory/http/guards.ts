import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, UnauthenticatedError, ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { canEnterDirectoryStaff } from '../policy.ts';

/** Rows per page of the staff lists. */
export const PAGE_SIZE = 25;

/** Page pre-handler: anonymous visitors go to the login page; people without directory rights see "not found". */
export async function requireDirectoryStaff(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
  if (!req.actor) {
    const next = encodeURIComponent(req.method === 'GET' ? req.url : `/${req.locale}/directory/manage`);
    return reply.redirect(`/${req.locale}/login?next=${next}`, 303);
  }
  if (!canEnterDirectoryStaff(req.actor)) throw new NotFoundError();
}

/** The actor of a request that passed the guard. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}

/** The submitted form as a plain record. */
export function formBody(req: FastifyRequest): Record<string, unknown> {
  const body = req.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** The page number asked for in the query string (1 when absent or wrong). */
export function pageNumber(req: FastifyRequest): number {
  const raw = Number((req.query as { page?: string }).page);
  return Number.isInteger(raw) && raw >= 1 && raw <= 100_000 ? raw : 1;
}

/** A query-string value as trimmed text, or undefined. */
export function queryText(req: FastifyRequest, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().slice(0, 100);
  return trimmed || undefined;
}

/** Runs a step; a ValidationError becomes the fields to show again instead of an exception. */
export async function attempt<T>(step: () => Promise<T>): Promise<{ value: T; errors: null } | { value: null; errors: FieldError[] }> {
  try {
    return { value: await step(), errors: null };
  } catch (error) {
    if (error instanceof ValidationError) return { value: null, errors: error.fields };
    throw error;
  }
}
