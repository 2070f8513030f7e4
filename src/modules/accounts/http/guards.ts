import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, UnauthenticatedError } from '../../../kernel/http/errors.ts';
import { canEnterAdministration } from '../policy.ts';

/** Page hook (before the body is read): anonymous visitors go to the login page; people without administration rights see "not found". */
export async function requireAdministrationPage(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
  if (!req.actor) {
    const next = encodeURIComponent(req.method === 'GET' ? req.url : req.url.split('?')[0] ?? '/');
    return reply.redirect(`/${req.locale}/login?next=${next}`, 303);
  }
  if (!canEnterAdministration(req.actor)) throw new NotFoundError();
}

/** API hook (before validation, so callers learn nothing from 422s): 401 without a session, 404 without administration rights. */
export async function requireAdministrationApi(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw new UnauthenticatedError();
  if (!canEnterAdministration(req.actor)) throw new NotFoundError();
}

/** The actor of a request that passed a guard. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}
