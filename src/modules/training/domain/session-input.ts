import type { FieldError } from '../../../kernel/http/errors.ts';
import type { MaterialLink } from '../data/tables.ts';
import type { Modality } from './vocabulary.ts';

/** A session as submitted by the form; materials are "label | https://…" lines. */
export interface SessionInput {
  date: string;
  startsAt: string;
  endsAt: string;
  place?: string;
  onlineUrl?: string;
  trainerPersonId?: string;
  topic: string;
  materials?: string;
}

/** Reads "label | url" lines (a bare URL is its own label); a line that is not a web address is an error. */
export function parseMaterials(text: string | undefined): { materials: MaterialLink[]; isValid: boolean } {
  const materials: MaterialLink[] = [];
  let isValid = true;
  for (const line of (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const [first = '', ...rest] = line.split('|').map((p) => p.trim());
    const url = rest.length ? rest.join('|') : first;
    if (!/^https?:\/\/\S+$/.test(url)) isValid = false;
    else materials.push({ label: rest.length ? first : url, url });
  }
  return { materials, isValid: isValid && materials.length <= 20 };
}

/** The materials as the form shows them again. */
export function materialsText(materials: MaterialLink[]): string {
  return materials.map((m) => (m.label === m.url ? m.url : `${m.label} | ${m.url}`)).join('\n');
}

/**
 * Checks a session against its edition: the day within the edition's dates, the end after the start, a place
 * for sessions in person and a link for online ones (either for blended paths), a trainer of the edition.
 */
export function checkSession(input: SessionInput, edition: { startsOn: string; endsOn: string; trainerIds: string[] }, modality: Modality): FieldError[] {
  const errors: FieldError[] = [];
  if (input.date < edition.startsOn || input.date > edition.endsOn) {
    errors.push({ field: 'date', messageKey: 'training.staff.errors.sessionOutsideEdition', values: { start: edition.startsOn, end: edition.endsOn } });
  }
  if (input.endsAt <= input.startsAt) errors.push({ field: 'endsAt', messageKey: 'training.staff.errors.endBeforeStart' });
  const hasPlace = Boolean(input.place?.trim());
  const hasLink = Boolean(input.onlineUrl?.trim());
  if (modality === 'in_person' && !hasPlace) errors.push({ field: 'place', messageKey: 'training.staff.errors.placeRequired' });
  if (modality === 'online' && !hasLink) errors.push({ field: 'onlineUrl', messageKey: 'training.staff.errors.linkRequired' });
  if (modality === 'blended' && !hasPlace && !hasLink) errors.push({ field: 'place', messageKey: 'training.staff.errors.placeOrLinkRequired' });
  if (hasLink && !/^https:\/\/\S+$/.test(input.onlineUrl!.trim())) errors.push({ field: 'onlineUrl', messageKey: 'validation.format.uri' });
  if (input.trainerPersonId && !edition.trainerIds.includes(input.trainerPersonId)) errors.push({ field: 'trainerPersonId', messageKey: 'training.staff.errors.trainerNotOfEdition' });
  if (!parseMaterials(input.materials).isValid) errors.push({ field: 'materials', messageKey: 'training.staff.errors.materialsShape' });
  return errors;
}
