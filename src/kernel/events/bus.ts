import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';

/** A handler of a kernel event; runs in the emitter's transaction so a reaction commits with its cause. */
export type EventHandler<T = unknown> = (payload: T, trx: Db) => Promise<void>;

/** In-process events between modules (e.g. training.edition.completed → networks opens a space). */
export interface EventBus {
  on<T>(name: string, handler: EventHandler<T>): void;
  emit<T>(name: string, payload: T, trx: Db): Promise<void>;
}

/** Creates the event bus. */
export function createEventBus(logger: Logger): EventBus {
  const handlers = new Map<string, EventHandler[]>();
  return {
    on(name, handler) {
      handlers.set(name, [...(handlers.get(name) ?? []), handler as EventHandler]);
    },
    async emit(name, payload, trx) {
      for (const handler of handlers.get(name) ?? []) await handler(payload, trx);
      logger.debug({ event: name }, 'event emitted');
    },
  };
}
