import type { Actor } from '../auth/actor.ts';
import type { SessionRecord } from '../auth/sessions.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Translate } from '../i18n/messages.ts';
import type { Shell } from '../web/layout.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The page's language (URL segment) or, for the API, the Accept-Language choice. */
    locale: Locale;
    /** Translates interface strings in the request's language. */
    t: Translate;
    /** The signed-in person, or null. A session waiting for its second factor has no actor. */
    actor: Actor | null;
    session: SessionRecord | null;
    /** The anti-forgery token to put in this page's forms. */
    csrfToken: string;
  }
  interface FastifyInstance {
    shell: Shell;
  }
}

export {};
