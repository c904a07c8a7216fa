/**
 * A CSV file that opens correctly in Dutch Excel with a double-click: UTF-8
 * with a byte-order mark (without it Excel reads Windows-1252 and "ë"
 * breaks), `;` between fields (Dutch Excel's list separator), CRLF line
 * ends, a decimal comma in numbers, dates as dd-mm-jjjj uu:mm. Text that a
 * spreadsheet would run as a formula is neutralised (OWASP "CSV
 * injection"). Shared by every export (the schouw's findings, the patrol
 * reports, a person's inzage bundle made on the server).
 */
import { TIME_ZONE } from './indicators.ts';

export const BOM = '\uFEFF';
const SEPARATOR = ';';
const EOL = '\r\n';

/** A cell: text, a number (written with a decimal comma), or empty. */
export type CsvCell = string | number | null;

/** Text a spreadsheet would read as a formula (or a DDE command) starts with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A number as Dutch Excel reads it: decimal comma, no thousands separator. */
export function csvNumber(value: number): string {
  return Number.isFinite(value) ? String(value).replace('.', ',') : '';
}

/** A moment (Unix ms) as local "dd-mm-jjjj uu:mm". */
export function csvDateTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const amsterdamFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A moment (Unix ms) as "dd-mm-jjjj uu:mm" in Europe/Amsterdam, whatever the
 * device's or server's own time zone: an export made abroad or on a UTC
 * server says the time people in the buurt lived it.
 *
 * @example
 * csvAmsterdamDateTime(Date.UTC(2026, 2, 31, 21, 30)) // '31-03-2026 23:30'
 */
export function csvAmsterdamDateTime(ms: number): string {
  const parts = amsterdamFormat.formatToParts(new Date(ms));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}-${part('month')}-${part('year')} ${part('hour')}:${part('minute')}`;
}

/**
 * A calendar day (YYYY-MM-DD, already a local date) as "dd-mm-jjjj".
 *
 * @example
 * csvDay('2026-05-04') // '04-05-2026'
 */
export function csvDay(day: string): string {
  return `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;
}

/**
 * One field, neutralised and quoted where needed.
 *
 * @example
 * csvCell('a;b') // '"a;b"'
 * csvCell('=SUM(A1)') // "'=SUM(A1)"
 * csvCell(51.8612) // '51,8612'
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  // Soft hyphens (where a long Dutch word in a tile may break) mean nothing in a spreadsheet.
  const plain = typeof value === 'number' ? value : value.replaceAll('\u00ad', '');
  const text = typeof plain === 'number' ? csvNumber(plain) : FORMULA_START.test(plain) ? `'${plain}` : plain;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: BOM, rows joined by CRLF, a CRLF after the last row. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return BOM + rows.map((row) => row.map(csvCell).join(SEPARATOR) + EOL).join('');
}
