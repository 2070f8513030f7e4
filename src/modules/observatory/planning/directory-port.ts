// What the planning view needs from the directory module. The directory's index.ts does not export these reads
// yet; once it does (same names and shapes), the planning route passes them in. Nothing here reads directory
// tables: modules only meet through index.ts.

/** Published services of one province that answer one need (a directory needs-taxonomy code). */
export interface ServicesPerNeed {
  /** UTS province code ('237'). */
  provinceCode: string;
  needCode: string;
  needLabel: string;
  services: number;
}

/** A language (ISO 639-1 or 639-3 code) spoken by at least one published service of a province. */
export interface LanguageSpoken {
  provinceCode: string;
  languageCode: string;
}

/** The reads the directory must export from its index.ts for the planning view of a region. */
export interface DirectoryPlanningReads {
  /** Published services per province and need, for the provinces of a region. */
  countPublishedServicesByProvinceAndNeed(options: { regionCode: string }): Promise<ServicesPerNeed[]>;
  /** Languages spoken by published services per province, for the provinces of a region. */
  listLanguagesSpokenByProvince(options: { regionCode: string }): Promise<LanguageSpoken[]>;
}
