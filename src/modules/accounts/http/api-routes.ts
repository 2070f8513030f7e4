import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.ts';

/** The accounts API under /api/v1/accounts. */
export function registerAccountsApi(_app: FastifyInstance, _ctx: ModuleContext): void {}
