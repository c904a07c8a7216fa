/**
 * The findings as a CSV file that opens correctly in Dutch Excel with a
 * double-click: UTF-8 with a byte-order mark (without it Excel reads
 * Windows-1252 and "ë" breaks), `;` between fields (Dutch Excel's list
 * separator), CRLF line ends, a decimal comma in numbers (with `;` as
 * separator Dutch Excel reads `,` as the decimal sign), dates as
 * dd-mm-jjjj uu:mm. Text that a spreadsheet would run as a formula is
 * neutralised (OWASP "CSV injection"): findings are typed by residents.
 */
import { CROW_LEVELS, meetsTarget, type CrowLevel } from '../../domain/schouw.ts';
import type { Finding } from '../../domain/finding.ts';
import { csvDateTime, toCsv, type CsvCell } from '../../domain/csv.ts';
import { findingNumbers, type ExportFinding, type FindingWords } from './report-data.ts';

export { BOM, csvCell, csvDateTime, csvNumber, toCsv, type CsvCell } from '../../domain/csv.ts';

export const FINDING_CSV_COLUMNS = [
  'nr',
  'element',
  'aspect',
  'level',
  'meetsTarget',
  'note',
  'street',
  'number',
  'postcode',
  'place',
  'cbsBuurtCode',
  'lat',
  'lon',
  'accuracyM',
  'action',
  'responsible',
  'meldingNumber',
  'meldingStatus',
  'status',
  'photoCount',
  'createdAt',
  'id',
] as const;
export type FindingCsvColumn = (typeof FINDING_CSV_COLUMNS)[number];

export type FindingCsvWords = FindingWords & {
  readonly headers: Readonly<Record<FindingCsvColumn, string>>;
  readonly yes: string;
  readonly no: string;
};

/** A CROW level is written as its code (A+ … D), which sorts and filters well; good/bad/plus as words. */
function levelCell(level: Finding['level'], words: FindingWords): string | null {
  if (level === null) return null;
  return (CROW_LEVELS as readonly string[]).includes(level) ? level : words.level(level);
}

/** One round's findings (in the round's order) as a CSV file, headers first. */
export function findingsCsv(findings: readonly ExportFinding[], targetLevel: CrowLevel, words: FindingCsvWords): string {
  const numbers = findingNumbers(findings);
  const rows = findings.map((f): Record<FindingCsvColumn, CsvCell> => {
    const meets = meetsTarget(f.level, targetLevel);
    return {
      nr: numbers.get(f.id) ?? null,
      element: words.element(f.element),
      aspect: words.aspect(f.aspect),
      level: levelCell(f.level, words),
      meetsTarget: meets === null ? null : meets ? words.yes : words.no,
      note: f.note,
      street: f.address?.street ?? null,
      number: f.address?.number ?? null,
      postcode: f.address?.postcode ?? null,
      place: f.address?.place ?? null,
      cbsBuurtCode: f.cbsBuurtCode,
      lat: f.location?.lat ?? null,
      lon: f.location?.lon ?? null,
      accuracyM: f.location?.accuracyM === undefined ? null : Math.round(f.location.accuracyM),
      action: f.action === null ? null : words.action(f.action),
      responsible: f.responsiblePartnerId === null ? null : words.partner(f.responsiblePartnerId),
      meldingNumber: f.meldingNumber,
      meldingStatus: words.meldingStatus(f.meldingStatus),
      status: words.status(f.status),
      photoCount: f.photos.length,
      createdAt: csvDateTime(f.createdAt),
      id: f.id,
    };
  });
  return toCsv([FINDING_CSV_COLUMNS.map((column) => words.headers[column]), ...rows.map((row) => FINDING_CSV_COLUMNS.map((column) => row[column]))]);
}
