import type { Reach } from '../../../kernel/auth/actor.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import type { DimensionRole, Labels, SourceFormat, TextEncoding } from '../importers/types.ts';
import type { TerritorialLevel, VersionStatus } from './tables.ts';

/** A dataset: its metadata and where its current version is. */
export interface Dataset {
  id: string;
  key: string;
  title: TranslatedText;
  description: TranslatedText;
  source: string;
  sourceUrl: string | null;
  /** The SDMX dataflow it was imported from, if any. */
  structureId: string | null;
  licence: string;
  licenceUrl: string | null;
  attribution: string;
  referencePeriod: string | null;
  territorialLevel: TerritorialLevel;
  /** An EU frequency URI (http://publications.europa.eu/resource/authority/frequency/ANNUAL, …). */
  updateFrequency: string;
  /** Null for a national dataset. */
  regionCode: string | null;
  isPublished: boolean;
  publishedAt: Date | null;
  currentVersionId: number | null;
  currentVersionNumber: number | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One imported file of a dataset. */
export interface DatasetVersion {
  id: number;
  datasetId: string;
  number: number;
  status: VersionStatus;
  importedAt: Date;
  importedBy: string | null;
  readyAt: Date | null;
  sourceFileName: string;
  sourceFileHash: string;
  sourceFormat: SourceFormat;
  sourceEncoding: TextEncoding;
  rowCount: number;
  rowsWritten: number;
  timeMin: string | null;
  timeMax: string | null;
  provenance: string | null;
}

/** A dimension of a dataset; `position` is its index (1-based) in each observation's `codes`, null for time. */
export interface Dimension {
  id: number;
  datasetId: string;
  code: string;
  position: number | null;
  role: DimensionRole;
  labels: Labels;
}

/** A code of a dimension, with its labels and what it resolves to (territory level and codes, country). */
export interface DimensionCode {
  id: number;
  dimensionId: number;
  code: string;
  labels: Labels;
  /** Territory level (`country`, `macro_area`, `region`, `autonomous_province`, `province`, `municipality`) or citizenship kind (`country`, `area`, `total`, `stateless`, `other`). */
  refKind: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  municipalityCode: string | null;
  /** ISO alpha-2, for citizenship codes that are countries. */
  countryCode: string | null;
}

/** What a new dataset needs. */
export interface NewDataset {
  key: string;
  title: TranslatedText;
  description?: TranslatedText;
  source: string;
  sourceUrl?: string | null;
  structureId?: string | null;
  licence: string;
  licenceUrl?: string | null;
  attribution: string;
  referencePeriod?: string | null;
  territorialLevel: TerritorialLevel;
  updateFrequency: string;
  regionCode: string | null;
  createdBy: string | null;
}

/** Metadata of a dataset an import creates. */
export interface NewDatasetInput {
  /** Stable key; derived from the file when absent. */
  key?: string;
  title: TranslatedText;
  description?: TranslatedText;
  source: string;
  sourceUrl?: string | null;
  licence: string;
  licenceUrl?: string | null;
  attribution: string;
  updateFrequency: string;
  /** Null: a national dataset. */
  regionCode: string | null;
}

/** Which datasets a list shows: the published ones, plus the unpublished ones within a staff reach. */
export interface DatasetVisibility {
  /** Where the reader may see unpublished datasets (null: nowhere). */
  unpublishedReach: Reach | null;
}

/** A code to add to a dimension. */
export interface NewCode {
  code: string;
  labels: Labels;
  refKind: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  municipalityCode: string | null;
  countryCode: string | null;
}
