/**
 * A CSV file that opens correctly in Dutch Excel with a double-click: UTF-8
 * with a byte-order mark (without it Excel reads Windows-1252 and "ë"
 * breaks), `;` between fields (Dutch Excel's list separator), CRLF line
 * ends, a decimal comma in numbers, dates as dd-mm-jjjj uu:mm. Text that a
 * spreadsheet would run as a formula is neutralised (OWASP "CSV
 * injection"). Shared by every export (the schouw's findings, the patrol
 * reports, a person's inzage bundle made on the server).
 */
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
