import { describe, expect, it } from 'vitest';
import { checkSession, materialsText, parseMaterials } from './session-input.ts';

const edition = { startsOn: '2026-12-01', endsOn: '2026-12-20', trainerIds: ['t1'] };
const good = { date: '2026-12-03', startsAt: '09:00', endsAt: '13:00', place: 'Sala A', topic: 'Intro' };

describe('checkSession', () => {
  it('accepts a session inside the edition', () => {
    expect(checkSession(good, edition, 'in_person')).toEqual([]);
  });

  it('names the edition dates when a session falls outside them', () => {
    expect(checkSession({ ...good, date: '2026-12-21' }, edition, 'in_person')).toEqual([
      { field: 'date', messageKey: 'training.staff.errors.sessionOutsideEdition', values: { start: '2026-12-01', end: '2026-12-20' } },
    ]);
  });

  it('wants the end after the start, a place in person, a secure link online, a trainer of the edition', () => {
    const fields = (input: Parameters<typeof checkSession>[0], modality: 'in_person' | 'online' | 'blended') => checkSession(input, edition, modality).map((e) => e.field);
    expect(fields({ ...good, endsAt: '09:00' }, 'in_person')).toEqual(['endsAt']);
    expect(fields({ ...good, place: '' }, 'in_person')).toEqual(['place']);
    expect(fields({ ...good, place: '' }, 'online')).toEqual(['onlineUrl']);
    expect(fields({ ...good, place: '', onlineUrl: 'http://meet.example.org/x' }, 'blended')).toEqual(['onlineUrl']);
    expect(fields({ ...good, trainerPersonId: 'other' }, 'in_person')).toEqual(['trainerPersonId']);
  });
});

describe('materials', () => {
  it('reads labelled and bare links and writes them back', () => {
    const { materials, isValid } = parseMaterials('Slides | https://example.org/s.pdf\nhttps://example.org/r');
    expect(isValid).toBe(true);
    expect(materials).toEqual([{ label: 'Slides', url: 'https://example.org/s.pdf' }, { label: 'https://example.org/r', url: 'https://example.org/r' }]);
    expect(materialsText(materials)).toBe('Slides | https://example.org/s.pdf\nhttps://example.org/r');
  });

  it('refuses a line that is not a web address', () => {
    expect(parseMaterials('Slides | ftp://x').isValid).toBe(false);
  });
});
