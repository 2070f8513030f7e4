// Languages most useful to reach people of a citizenship (ISO 3166 alpha-2 → ISO 639 codes), for the
// citizenships that appear among the main ones in the shipped ISTAT files. Several languages mean any of them
// serves; the list is deliberately short (the main language(s) of daily life and administration).
export const CITIZENSHIP_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  AL: ['sq'],
  BD: ['bn'],
  BR: ['pt'],
  CI: ['fr'],
  CN: ['zh'],
  EG: ['ar'],
  GH: ['en', 'tw'],
  GM: ['en'],
  GN: ['fr'],
  IN: ['hi', 'pa', 'en'],
  LK: ['si', 'ta'],
  MA: ['ar'],
  MD: ['ro', 'ru'],
  ML: ['fr', 'bm'],
  NG: ['en'],
  PE: ['es'],
  PH: ['tl', 'en'],
  PK: ['ur'],
  RO: ['ro'],
  RU: ['ru'],
  SN: ['fr', 'wo'],
  TN: ['ar', 'fr'],
  UA: ['uk', 'ru'],
  US: ['en'],
};

/** The languages for a citizenship (empty when the table does not know it). */
export function languagesOf(countryCode: string): readonly string[] {
  return CITIZENSHIP_LANGUAGES[countryCode] ?? [];
}
