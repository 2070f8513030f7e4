import type { FieldError } from '../../../kernel/http/errors.ts';
import { MODALITIES, isOneOf, type Modality } from './vocabulary.ts';

/** A path as submitted by the form. */
export interface PathInput {
  code: string;
  title: string;
  objectives: string;
  /** One competence per line. */
  competences: string;
  hours: number;
  modality: string;
  regionCodes: string[];
  trainerIds: string[];
}

/** A path's input once checked. */
export interface CheckedPath {
  code: string;
  title: string;
  objectives: string;
  competences: string[];
  hours: number;
  modality: Modality;
  regionCodes: string[];
  trainerIds: string[];
}

/** The competences of a text area: one per non-empty line. */
export function competenceLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

/**
 * Checks a path against the rules that need no database: code shape, lengths, hours, modality, at least
 * one region and competence. `knownRegions` and `allowedRegions` come from the territory and the actor.
 */
export function checkPath(input: PathInput, context: { knownRegions: string[]; isRegionAllowed(code: string): boolean; trainerIds: string[] }): { value: CheckedPath; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const code = input.code.trim().toUpperCase();
  if (!/^[A-Z0-9-]{2,20}$/.test(code)) errors.push({ field: 'code', messageKey: 'training.staff.errors.codeShape' });
  const competences = competenceLines(input.competences);
  if (competences.length === 0) errors.push({ field: 'competences', messageKey: 'validation.required' });
  else if (competences.length > 20) errors.push({ field: 'competences', messageKey: 'validation.maxItems', values: { limit: 20 } });
  else if (competences.some((c) => c.length > 200)) errors.push({ field: 'competences', messageKey: 'training.staff.errors.competenceTooLong' });
  if (!isOneOf(MODALITIES, input.modality)) errors.push({ field: 'modality', messageKey: 'validation.enum' });
  const regionCodes = [...new Set(input.regionCodes)];
  if (regionCodes.length === 0) errors.push({ field: 'regionCodes', messageKey: 'training.staff.errors.regionRequired' });
  else if (regionCodes.some((r) => !context.knownRegions.includes(r))) errors.push({ field: 'regionCodes', messageKey: 'validation.enum' });
  else if (regionCodes.some((r) => !context.isRegionAllowed(r))) errors.push({ field: 'regionCodes', messageKey: 'training.staff.errors.regionNotAllowed' });
  const trainerIds = [...new Set(input.trainerIds)];
  if (trainerIds.some((id) => !context.trainerIds.includes(id))) errors.push({ field: 'trainerIds', messageKey: 'training.staff.errors.notATrainer' });
  return {
    value: { code, title: input.title.trim(), objectives: input.objectives.trim(), competences, hours: input.hours, modality: input.modality as Modality, regionCodes: regionCodes.sort(), trainerIds },
    errors,
  };
}
