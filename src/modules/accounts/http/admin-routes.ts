import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';

/** Administration pages: organisations, people, memberships, roles. */
export function registerAdminRoutes(_app: FastifyInstance, _ctx: ModuleContext): void {}
