import type { Locale } from '../../../kernel/i18n/locales.ts';
import type { Translate } from '../../../kernel/i18n/messages.ts';
import { PROFILES } from '../domain/vocabulary.ts';
import type { Report } from '../use-cases/build-report.ts';
import { newPdf, pdfBytes } from './pdf-kit.ts';
import { reportLines } from './report-rows.ts';

const number = (locale: Locale, value: number | null, digits = 1) => (value === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value));

/** The funder's report as an A4 landscape PDF: progress, then figures per path, region and edition, then the mix by profile. */
export async function renderReportPdf(options: { report: Report; t: Translate; locale: Locale; platformName: string; generatedAt: Date }): Promise<Buffer> {
  const { report, t, locale } = options;
  const doc = newPdf({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: t('training.staff.reports.title'), Author: options.platformName }, lang: locale });
  doc.font('bold').fontSize(18).text(t('training.staff.reports.title'));
  doc.font('regular').fontSize(9).text(`${options.platformName} · ${new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(options.generatedAt)}`);
  doc.moveDown(0.5).font('semibold').fontSize(12).text(t('training.staff.reports.progress', { paths: report.progress.paths, target: report.progress.target, completed: report.progress.pathsWithCompletedEdition }));
  doc.moveDown(0.5);
  const header = [
    t('training.staff.reports.columns.line'), t('training.staff.reports.columns.applicants'), t('training.staff.reports.columns.participants'),
    t('training.staff.reports.columns.attendance'), t('training.staff.reports.columns.completion'), t('training.staff.reports.columns.certified'),
    t('training.staff.reports.columns.satisfaction'), t('training.staff.reports.columns.change'),
  ];
  const lines = reportLines(report, t, locale);
  for (const level of ['path', 'region', 'edition'] as const) {
    doc.moveDown(0.5).font('semibold').fontSize(11).text(t(`training.staff.reports.by.${level}`), 36);
    doc.moveDown(0.2).font('regular').fontSize(8);
    doc.table({
      columnStyles: ['*', 55, 60, 55, 55, 50, 60, 60],
      rowStyles: (row) => (row === 0 ? { font: { src: 'semibold' }, backgroundColor: '#e6f0fa' } : undefined),
      data: [
        header,
        ...lines
          .filter((l) => l.level === level || l.level === 'total')
          .map((l) => [
            l.level === 'edition' ? `${l.label} (${l.region}, ${l.state})` : l.label,
            String(l.figures.applicants),
            String(l.figures.participants),
            l.figures.attendanceRate === null ? '—' : `${number(locale, l.figures.attendanceRate)}%`,
            l.figures.completionRate === null ? '—' : `${number(locale, l.figures.completionRate)}%`,
            String(l.figures.certified),
            number(locale, l.figures.satisfaction.mean, 2),
            number(locale, l.figures.competenceChange.mean, 2),
          ]),
      ],
    });
  }
  doc.moveDown(0.5).font('semibold').fontSize(11).text(t('training.staff.reports.byProfile'), 36);
  doc.moveDown(0.2).font('regular').fontSize(8);
  const totals = report.totals;
  doc.table({
    columnStyles: ['*', 80, 80, 80, 80],
    rowStyles: (row) => (row === 0 ? { font: { src: 'semibold' }, backgroundColor: '#e6f0fa' } : undefined),
    data: [
      [t('training.staff.selection.profile'), t('training.staff.reports.columns.applicants'), t('training.staff.reports.columns.participants'), t('training.staff.reports.columns.satisfaction'), t('training.staff.reports.columns.change')],
      ...PROFILES.map((p) => [
        t(`training.profiles.${p}`),
        String(totals.applicantsByProfile[p]),
        String(totals.participantsByProfile[p]),
        number(locale, totals.satisfactionByProfile[p]?.mean ?? null, 2),
        number(locale, totals.competenceChangeByProfile[p]?.mean ?? null, 2),
      ]),
    ],
  });
  return pdfBytes(doc);
}
