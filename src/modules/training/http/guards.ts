import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, UnauthenticatedError, ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { canEnterWorkspace } from '../policy.ts';

/** Page hook: anonymous visitors go to the login page and come back. */
export async function requireSignedIn(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
  if (!req.actor) {
    const next = encodeURIComponent(req.method === 'GET' ? req.url : `/${req.locale}/training/my`);
    return reply.redirect(`/${req.locale}/login?next=${next}`, 303);
  }
}

/** Page hook for the workspace: signed in, and a manager, trainer or funder; others see "not found". */
export async function requireWorkspace(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
  if (!req.actor) return requireSignedIn(req, reply);
  if (!canEnterWorkspace(req.actor)) throw new NotFoundError();
}

/** The actor of a request that passed a guard. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}

/** The submitted form as a plain record. */
export function formBody(req: FastifyRequest): Record<string, unknown> {
  const body = req.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** A route parameter. */
export function param(req: FastifyRequest, name: string): string {
  return String((req.params as Record<string, unknown>)[name] ?? '');
}

/** A form value that may be sent once or several times (checkboxes), as a list of strings. */
export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** A form value as trimmed text ('' when absent). */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A form value as an integer, or undefined when empty or not a whole number. */
export function integerOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
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
