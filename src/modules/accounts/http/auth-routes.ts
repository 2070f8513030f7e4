import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';

/** Sign-in, sign-out, password reset, second factor and the personal account page. */
export function registerAuthRoutes(_app: FastifyInstance, _ctx: ModuleContext): void {}
