import type { FastifyRequest } from 'fastify';

/** Rows per page of the administration lists. */
export const ADMIN_PAGE_SIZE = 25;

/** The page number asked for in the query string (1 when absent or not a positive whole number). */
export function pageNumber(req: FastifyRequest): number {
  const raw = Number((req.query as { page?: string }).page);
  return Number.isInteger(raw) && raw >= 1 && raw <= 100_000 ? raw : 1;
}

/** A text filter from the query string, trimmed and bounded, or undefined when empty. */
export function textFilter(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().slice(0, 100);
  return trimmed === '' ? undefined : trimmed;
}
