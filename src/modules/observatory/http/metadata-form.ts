import { Type, type Static } from '@sinclair/typebox';
import { textFrom } from '../../../kernel/i18n/content.ts';
import type { NewDatasetInput } from '../data/repository.ts';
import type { Upload } from '../data/uploads-repository.ts';
import { FREQUENCIES, frequencyUri, LICENCES, shippedDatasetFor } from '../reference/catalogue.ts';

/** The form describing a dataset an import creates. */
export const MetadataForm = Type.Object({
  title_it: Type.String({ minLength: 2, maxLength: 300 }),
  title_en: Type.Optional(Type.String({ maxLength: 300 })),
  description_it: Type.Optional(Type.String({ maxLength: 4000 })),
  description_en: Type.Optional(Type.String({ maxLength: 4000 })),
  key: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,78}[a-z0-9]$' })),
  source: Type.String({ minLength: 1, maxLength: 500 }),
  source_url: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 })),
  licence: Type.Union(Object.keys(LICENCES).map((l) => Type.Literal(l))),
  attribution: Type.String({ minLength: 1, maxLength: 300 }),
  frequency: Type.Union(FREQUENCIES.map((f) => Type.Literal(f))),
});

/** Turns the submitted form into the new dataset's metadata. */
export function newDatasetFromForm(form: Static<typeof MetadataForm>, regionCode: string | null): NewDatasetInput {
  const description = form.description_it || form.description_en ? textFrom({ it: form.description_it, en: form.description_en }) : undefined;
  return {
    key: form.key,
    title: textFrom({ it: form.title_it, en: form.title_en }),
    description,
    source: form.source,
    sourceUrl: form.source_url ?? null,
    licence: form.licence,
    licenceUrl: LICENCES[form.licence] ?? null,
    attribution: form.attribution,
    updateFrequency: frequencyUri(form.frequency),
    regionCode,
  };
}

/** The form's first values: the shipped dataset's when the file is one of them, ISTAT's defaults for its formats, the file name otherwise. */
export function metadataDefaults(upload: Upload, preview: { header: string[]; rows: string[][] }): Record<string, string> {
  const structureAt = preview.header.findIndex((h) => h === 'DATAFLOW' || h === 'STRUCTURE_ID');
  const structureId = structureAt === -1 ? null : (preview.rows[0]?.[structureAt]?.split(': ')[0] ?? null);
  const shipped = shippedDatasetFor(structureId);
  if (shipped) {
    return {
      title_it: shipped.title.it,
      title_en: shipped.title.en,
      description_it: shipped.description.it,
      description_en: shipped.description.en,
      source: shipped.source,
      source_url: shipped.sourceUrl,
      licence: shipped.licence,
      attribution: shipped.attribution,
      frequency: shipped.frequency,
    };
  }
  const isIstat = upload.format !== 'tidy-csv';
  return {
    title_it: upload.fileName.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').slice(0, 300),
    source: isIstat ? `Istat${structureId ? `, ${structureId}` : ''}` : '',
    licence: 'CC-BY-4.0',
    attribution: isIstat ? 'Fonte: Istat' : '',
    frequency: isIstat ? 'ANNUAL' : 'IRREG',
  };
}
