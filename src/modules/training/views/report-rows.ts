import type { Translate } from '../../../kernel/i18n/messages.ts';
import type { Locale } from '../../../kernel/i18n/locales.ts';
import { textIn } from '../domain/content.ts';
import type { Figures } from '../domain/report-figures.ts';
import { PROFILES } from '../domain/vocabulary.ts';
import type { Report } from '../use-cases/build-report.ts';

/** One line of the report, at any level (edition, path, region, programme). */
export interface ReportLine {
  level: 'edition' | 'path' | 'region' | 'total';
  label: string;
  pathCode: string;
  region: string;
  state: string;
  figures: Figures;
}

/** Every line of a report, in the order the CSV and PDF list them. */
export function reportLines(report: Report, t: Translate, locale: Locale): ReportLine[] {
  return [
    ...report.editions.map((e) => ({
      level: 'edition' as const,
      label: `${textIn(e.path.title, locale)} · ${t('training.edition.name', { number: e.edition.number })}`,
      pathCode: e.path.code,
      region: e.regionName,
      state: t(`training.states.${e.edition.state}`),
      figures: e.figures,
    })),
    ...report.byPath.map((p) => ({ level: 'path' as const, label: textIn(p.path.title, locale), pathCode: p.path.code, region: '', state: '', figures: p.figures })),
    ...report.byRegion.map((r) => ({ level: 'region' as const, label: r.regionName, pathCode: '', region: r.regionName, state: '', figures: r.figures })),
    { level: 'total' as const, label: t('training.staff.reports.total'), pathCode: '', region: '', state: '', figures: report.totals },
  ];
}

const csvCell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The report as CSV (UTF-8 with a byte-order mark so spreadsheets read the accents), one line per edition, path, region and total. */
export function reportCsv(report: Report, t: Translate, locale: Locale): string {
  const header = [
    'level', 'path_code', 'label', 'region', 'state', 'editions', 'applicants', ...PROFILES.map((p) => `applicants_${p}`), 'participants', ...PROFILES.map((p) => `participants_${p}`),
    'attendance_rate', 'completion_rate', 'certified', 'satisfaction_mean', 'satisfaction_answers', 'competence_change_mean', 'competence_change_answers',
  ];
  const rows = reportLines(report, t, locale).map((line) => {
    const f = line.figures;
    return [
      line.level, line.pathCode, line.label, line.region, line.state, f.editions, f.applicants, ...PROFILES.map((p) => f.applicantsByProfile[p]), f.participants,
      ...PROFILES.map((p) => f.participantsByProfile[p]), f.attendanceRate, f.completionRate, f.certified, f.satisfaction.mean, f.satisfaction.count, f.competenceChange.mean, f.competenceChange.count,
    ];
  });
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
