/** A demo text in Italian (the original) and English. */
export type ItEn = readonly [it: string, en: string];

/** Who typically offers a kind of service (resolved to a real demo organisation per town). */
export type OwnerKind = 'comune' | 'prefecture' | 'health' | 'cpia' | 'employment' | 'school' | 'third_sector' | 'migrant' | 'region';

/** A documents-to-bring entry of the demo. */
export type DocumentKey =
  | 'passport'
  | 'permit'
  | 'taxCode'
  | 'healthCard'
  | 'residence'
  | 'isee'
  | 'photos'
  | 'stamp'
  | 'rentContract'
  | 'payslips'
  | 'diploma'
  | 'schoolReport'
  | 'vaccinations'
  | 'birthCert'
  | 'cv'
  | 'noDocument'
  | 'commissionDecision'
  | 'medicalRecords'
  | 'kit';

/** Opening-hours patterns of the demo. */
export type HoursPattern = 'office' | 'officeLong' | 'threeMornings' | 'afternoons' | 'evening' | 'night' | 'always' | 'saturday';

/** How the demo makes services of one sub-need. */
export interface ServiceTemplate {
  need: string;
  owners: OwnerKind[];
  /** Names with {town}; the first is used most. */
  names: ItEn[];
  description: ItEn;
  documents: DocumentKey[];
  hours: HoursPattern[];
  isFree: boolean;
  fees?: ItEn;
  eligibility?: ItEn;
  ages?: readonly [number | null, number | null];
  /** Extra languages this kind of service tends to offer. */
  languages?: string[];
}
