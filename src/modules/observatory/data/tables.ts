import type { Generated, Kysely } from 'kysely';
import type { Db } from '../../../kernel/db/database.ts';
import type { TranslatedText } from '../../../kernel/i18n/content.ts';
import type { DimensionRole, ImportIssue, Labels, SourceFormat, TextEncoding } from '../importers/types.ts';

/** Where a dataset's territories sit: a single level, or several. */
export type TerritorialLevel = 'country' | 'region' | 'province' | 'municipality' | 'mixed';

/** The life of an imported version: being written, usable, or being discarded. */
export type VersionStatus = 'importing' | 'ready' | 'failed';

/** The life of an uploaded file, from the upload to its import. */
export type UploadStatus = 'uploaded' | 'checked' | 'queued' | 'importing' | 'done' | 'failed';

/** The observatory's tables, as Kysely sees them. */
export interface ObservatoryTables {
  observatory_datasets: {
    id: Generated<string>;
    key: string;
    title: TranslatedText;
    description: Generated<TranslatedText>;
    source: string;
    source_url: string | null;
    structure_id: string | null;
    licence: string;
    licence_url: string | null;
    attribution: string;
    reference_period: string | null;
    territorial_level: TerritorialLevel;
    update_frequency: string;
    region_code: string | null;
    is_published: Generated<boolean>;
    published_at: Date | null;
    current_version_id: string | null;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  observatory_versions: {
    id: Generated<string>;
    dataset_id: string;
    number: number;
    status: VersionStatus;
    imported_at: Generated<Date>;
    imported_by: string | null;
    ready_at: Date | null;
    source_file_name: string;
    source_file_hash: string;
    source_format: SourceFormat;
    source_encoding: TextEncoding;
    row_count: Generated<number>;
    rows_written: Generated<number>;
    time_min: string | null;
    time_max: string | null;
    code_ids: Generated<number[]>;
    provenance: string | null;
    heartbeat_at: Generated<Date>;
  };
  observatory_dimensions: {
    id: Generated<number>;
    dataset_id: string;
    code: string;
    position: number | null;
    role: DimensionRole;
    labels: Labels;
  };
  observatory_codes: {
    id: Generated<number>;
    dimension_id: number;
    code: string;
    labels: Labels;
    ref_kind: string | null;
    region_code: string | null;
    province_code: string | null;
    municipality_code: string | null;
    country_code: string | null;
    first_version_id: string | null;
  };
  observatory_observations: {
    version_id: string;
    codes: number[];
    territory_id: number | null;
    time: string;
    value: number | null;
    status: string | null;
    attributes: Record<string, string> | null;
  };
  observatory_uploads: {
    id: Generated<string>;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    file_name: string;
    content: Buffer | null;
    byte_size: number;
    sha256: string;
    format: SourceFormat;
    region_code: string | null;
    dataset_id: string | null;
    new_dataset: unknown;
    mapping: unknown;
    status: UploadStatus;
    total_rows: number | null;
    progress_rows: Generated<number>;
    report: { issues: ImportIssue[]; issueCount: number } | null;
    error: string | null;
    version_id: string | null;
    heartbeat_at: Date | null;
  };
  observatory_itter107: { code: string; name: string; level: string; region_code: string | null; province_code: string | null; note: string };
  observatory_citizenship_codes: { code: string; kind: string; country_code: string | null; labels: Labels; note: string };
}

/** Narrows the shared client to this module's tables. */
export const observatoryDb = (db: Db) => db as unknown as Kysely<ObservatoryTables>;
