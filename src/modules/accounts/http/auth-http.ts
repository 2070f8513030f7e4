import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { SESSION_COOKIE } from '../../../kernel/auth/sessions.ts';
import { ValidationError, type FieldError } from '../../../kernel/http/errors.ts';
import { href } from '../../../kernel/web/layout.ts';

/**
 * The `next` target after login when it is safe: a same-site path (starting with one `/`, no scheme, no
 * host, no backslash or control character). Anything else is ignored, so login cannot redirect off-site.
 */
export function safeNext(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) return null;
  if (!value.startsWith('/') || value.startsWith('//')) return null;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  return value;
}

/** A path with a `next` query parameter, when there is one. */
export function withNext(path: string, next: string | null): string {
  return next ? `${path}?next=${encodeURIComponent(next)}` : path;
}

/** Hands the browser a new session cookie: HttpOnly, SameSite=Lax, Secure behind HTTPS. */
export function setSessionCookie(reply: FastifyReply, ctx: ModuleContext, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies });
}

/** Removes the session cookie from the browser. */
export function clearSessionCookie(reply: FastifyReply, ctx: ModuleContext): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies });
}

/** The signed-in person, or null after sending the browser to the login page (coming back to `nextPath`). */
export function requireActor(req: FastifyRequest, reply: FastifyReply, nextPath: string = req.url): Actor | null {
  if (req.actor) return req.actor;
  void reply.redirect(withNext(href(req, '/login'), safeNext(nextPath)), 303);
  return null;
}

/** Runs a form's step; a ValidationError becomes the list of fields to show again instead of an exception. */
export async function attempt<T>(step: () => T | Promise<T>): Promise<{ value: T; errors: null } | { value: null; errors: FieldError[] }> {
  try {
    return { value: await step(), errors: null };
  } catch (error) {
    if (error instanceof ValidationError) return { value: null, errors: error.fields };
    throw error;
  }
}

/** The submitted form as a plain record (an absent or non-form body is empty). */
export function formBody(req: FastifyRequest): Record<string, unknown> {
  const body = req.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** A submitted field as text (repeated fields and non-strings count as empty). */
export function textOf(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}
