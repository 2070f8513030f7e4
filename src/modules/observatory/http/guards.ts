import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../../kernel/auth/actor.ts';
import { NotFoundError, UnauthenticatedError } from '../../../kernel/http/errors.ts';

const OBSERVATORY_PERMISSIONS = ['observatory.dataset.read', 'observatory.dataset.import', 'observatory.dataset.publish'];

/** Whether a person works on the observatory anywhere (an analyst, or a platform administrator). */
export function isAnalyst(actor: Actor | null): boolean {
  return !!actor && (actor.isPlatformAdmin || actor.grants.some((g) => OBSERVATORY_PERMISSIONS.includes(g.permission)));
}

/** Page hook: anonymous visitors go to the login page; people who are not analysts see "not found". */
export async function requireAnalystPage(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
  if (!req.actor) {
    const next = encodeURIComponent(req.method === 'GET' ? req.url : (req.url.split('?')[0] ?? '/'));
    return reply.redirect(`/${req.locale}/login?next=${next}`, 303);
  }
  if (!isAnalyst(req.actor)) throw new NotFoundError();
}

/** The actor of a request that passed the guard. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}
