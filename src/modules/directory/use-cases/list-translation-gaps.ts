import { reachOf, type Actor } from '../../../kernel/auth/actor.ts';
import type { Db } from '../../../kernel/db/database.ts';
import { translationGaps } from '../../../kernel/i18n/content.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { translationRepository, type TranslationCandidate } from '../data/translation-repository.ts';
import { SERVICE_TEXT_FIELDS } from '../domain/flatten.ts';

/** A service to translate, with the fields missing or outdated in the language. */
export interface TranslationTask extends TranslationCandidate {
  missing: string[];
  outdated: string[];
}

/** The services within the person's reach whose texts are missing or outdated in a language. */
export async function listTranslationGaps(options: { db: Db; actor: Actor; locale: Locale; page: number; pageSize: number }): Promise<{ items: TranslationTask[]; total: number }> {
  const { items, total } = await translationRepository.listCandidates(options.db, {
    reach: reachOf(options.actor, 'directory.translation.update'),
    locale: options.locale,
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  });
  const tasks = items.map((item) => {
    const missing: string[] = [];
    const outdated: string[] = [];
    const sort = (field: string, text: TranslationCandidate['texts'][keyof TranslationCandidate['texts']]) => {
      if (!text) return;
      const gaps = translationGaps(text, [options.locale]);
      if (gaps.missing.length) missing.push(field);
      if (gaps.outdated.length) outdated.push(field);
    };
    for (const field of SERVICE_TEXT_FIELDS) sort(field, item.texts[field]);
    item.documents.forEach((d, index) => sort(`required_documents[${index + 1}]`, d.document));
    return { ...item, missing, outdated };
  });
  return { items: tasks, total };
}
