/**
 * Context from open data (issue 12 item 5): a few CBS "Kerncijfers wijken en
 * buurten" figures of a buurt in a CBS year, imported from the CBS table's
 * CSV download or typed in by the coordinator. The app never calls CBS: the
 * coordinator downloads the table and imports it (`parseCbsKerncijfers`).
 *
 * They are a synced record like `residentCount` (monitoring-settings.ts):
 * one per buurt and CBS year, its id derived (`cbsFiguresIdFor`), the
 * coordinator writes, professionals read. The report shows them as survey
 * context, never as a result of the programme.
 */
import * as z from 'zod/mini';
import { CbsBuurtCodeSchema, ConfigIdSchema } from './fields.ts';
import type { Mergeable } from './merge.ts';

/** The figures kept, in the order the report shows them. */
export const CBS_FIGURES = ['residents', 'households', 'averageIncome', 'share65Plus', 'averageWoz'] as const;
export type CbsFigure = (typeof CBS_FIGURES)[number];

const YearSchema = z.int().check(z.gte(2000, 'must be 2000 or later'), z.lte(2100, 'must be 2100 or earlier'));
const bounded = (max: number) => z.nullable(z.number().check(z.gte(0, 'must be 0 or more'), z.lte(max, `must be at most ${max}`)));

export const CbsFiguresFieldSchemas = {
  buurtId: ConfigIdSchema,
  /** The CBS year of the table (Kerncijfers wijken en buurten <year>). */
  year: YearSchema,
  /** The CBS buurtcode the figures were read under (codes change between years); null when typed in without one. */
  cbsCode: z.nullable(CbsBuurtCodeSchema),
  /** Aantal inwoners. */
  residents: z.nullable(z.int().check(z.gte(0, 'must be 0 or more'), z.lte(10_000_000, 'must be at most 10,000,000'))),
  /** Huishoudens totaal. */
  households: z.nullable(z.int().check(z.gte(0, 'must be 0 or more'), z.lte(10_000_000, 'must be at most 10,000,000'))),
  /** Gemiddeld inkomen per inwoner, in euro (CBS writes x 1 000 euro; stored in euro). */
  averageIncome: bounded(10_000_000),
  /** Share of residents aged 65 or older, 0–100. */
  share65Plus: bounded(100),
  /** Gemiddelde WOZ-waarde van woningen, in euro (CBS writes x 1 000 euro; stored in euro). */
  averageWoz: bounded(100_000_000),
  /** Where the figures came from. */
  source: z.enum(['import', 'typed']),
  deleted: z.boolean(),
};
export const CBS_FIGURES_REQUIRED = ['buurtId', 'year', 'source'] as const;

/** The id of a buurt's CBS figures in a CBS year ('cbs2024-oranjebuurt'; at most 64 characters, like residentCountIdFor). */
export function cbsFiguresIdFor(buurtId: string, year: number): string {
  return `cbs${year}-${buurtId}`.slice(0, 64);
}

export type CbsFigures = {
  readonly buurtId: string;
  readonly year: number;
  readonly cbsCode: string | null;
  readonly source: 'import' | 'typed';
} & { readonly [K in CbsFigure]: number | null };

const CbsFiguresSchema = z.object({
  buurtId: ConfigIdSchema,
  year: YearSchema,
  cbsCode: z._default(CbsFiguresFieldSchemas.cbsCode, null),
  residents: z._default(CbsFiguresFieldSchemas.residents, null),
  households: z._default(CbsFiguresFieldSchemas.households, null),
  averageIncome: z._default(CbsFiguresFieldSchemas.averageIncome, null),
  share65Plus: z._default(CbsFiguresFieldSchemas.share65Plus, null),
  averageWoz: z._default(CbsFiguresFieldSchemas.averageWoz, null),
  source: CbsFiguresFieldSchemas.source,
});

type SettingsRecord = { readonly id: string; readonly type: string } & Mergeable;

/** The CBS figures among the records (not deleted, complete). */
export function cbsFiguresOf(records: readonly SettingsRecord[]): CbsFigures[] {
  return records.flatMap((record) => {
    if (record.type !== 'cbsFigures' || record.fields['deleted']?.v === true) return [];
    const parsed = z.safeParse(CbsFiguresSchema, Object.fromEntries(Object.entries(record.fields).map(([name, field]) => [name, field.v])));
    return parsed.success ? [parsed.data] : [];
  });
}

/** A buurt's figures of the latest CBS year at or before `year` (CBS publishes every year, surveys some figures every two). */
export function latestCbsFigures(all: readonly CbsFigures[], buurtId: string, year: number): CbsFigures | null {
  return all.filter((f) => f.buurtId === buurtId && f.year <= year).sort((a, b) => b.year - a.year)[0] ?? null;
}

// ---------------------------------------------------------------------------
// The CBS CSV import.

/**
 * The columns read, by the names CBS gives them. The StatLine download names
 * a column by its key and position ("AantalInwoners_5"); the position moves
 * between years, so only the part before the last `_<n>` counts. The
 * download "met labels" names it by its title instead ("Aantal inwoners
 * (aantal)"): those are matched too, without case, spaces or punctuation.
 */
const COLUMN_NAMES = {
  code: ['WijkenEnBuurten', 'Codering', 'Wijken en buurten', 'Regioaanduiding/Codering (code)', 'Codering (code)'],
  name: ['Gemeentenaam', 'Regioaanduiding/Gemeentenaam (naam)'],
  period: ['Perioden', 'Periode'],
  residents: ['AantalInwoners', 'Bevolking/Aantal inwoners (aantal)', 'Aantal inwoners (aantal)', 'Aantal inwoners'],
  households: ['HuishoudensTotaal', 'Bevolking/Particuliere huishoudens/Huishoudens totaal (aantal)', 'Huishoudens totaal (aantal)', 'Huishoudens totaal'],
  averageIncome: [
    'GemiddeldInkomenPerInwoner',
    'Inkomen/Inkomen van personen/Gemiddeld inkomen per inwoner (x 1 000 euro)',
    'Gemiddeld inkomen per inwoner (x 1 000 euro)',
    'Gemiddeld inkomen per inwoner',
  ],
  age65Plus: ['k_65JaarOfOuder', 'Bevolking/Leeftijdsgroepen/65 jaar of ouder (aantal)', '65 jaar of ouder (aantal)', '65 jaar of ouder'],
  averageWoz: [
    'GemiddeldeWOZWaardeVanWoningen',
    'Wonen/Gemiddelde WOZ-waarde van woningen (x 1 000 euro)',
    'Gemiddelde WOZ-waarde van woningen (x 1 000 euro)',
    'Gemiddelde WOZ-waarde van woningen',
  ],
} as const;
type Column = keyof typeof COLUMN_NAMES;
/** Columns that carry a figure (the rest say which row it is). */
const FIGURE_COLUMNS = ['residents', 'households', 'averageIncome', 'age65Plus', 'averageWoz'] as const satisfies readonly Column[];
type FigureColumn = (typeof FIGURE_COLUMNS)[number];

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
/** "AantalInwoners_5" → "aantalinwoners"; a title keeps its words. */
const keyOfHeader = (header: string) => squash(header.trim().replace(/_\d+$/, ''));

/** Which known column each header is, by its index. */
function matchColumns(headers: readonly string[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  for (const column of Object.keys(COLUMN_NAMES) as Column[]) {
    const names = new Set(COLUMN_NAMES[column].map(squash));
    const index = headers.findIndex((header) => names.has(keyOfHeader(header)));
    if (index >= 0) out[column] = index;
  }
  return out;
}

/** A problem with the file, a column or a row; the screen says it in words (nl.ts `cbs.problem.*`). */
export type CbsImportProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'noCodeColumn'; readonly headers: readonly string[] }
  | { readonly kind: 'noFigureColumns' }
  | { readonly kind: 'missingColumn'; readonly column: FigureColumn }
  | { readonly kind: 'badNumber'; readonly line: number; readonly code: string; readonly column: FigureColumn; readonly value: string }
  | { readonly kind: 'duplicate'; readonly line: number; readonly code: string }
  | { readonly kind: 'badLine'; readonly line: number; readonly cells: number; readonly expected: number };

export type CbsRow = {
  /** The line in the file (1 is the header), so a person can find it. */
  readonly line: number;
  readonly code: string;
  /** The CBS year, when the file has a Perioden column ("2024JJ00"). */
  readonly year: number | null;
  readonly figures: { readonly [K in CbsFigure]: number | null };
};

export type CbsParse = {
  /** The buurt rows (codes BU…), keyed by code; gemeente and wijk rows are not buurten and are left out. */
  readonly rows: ReadonlyMap<string, CbsRow>;
  /** Rows of gemeenten and wijken (GM…, WK…): counted, not kept. */
  readonly otherAreas: number;
  /** Rows whose first cell is no CBS code at all (notes, totals, source lines CBS puts under the table). */
  readonly notAreas: number;
  readonly problems: readonly CbsImportProblem[];
  /** The figures found among the columns. */
  readonly columns: readonly FigureColumn[];
};

/**
 * Splits a CSV text into rows of cells: `;` or `,` between cells (whichever
 * the header line has more of, outside quotes), quotes around cells with
 * `""` for a quote inside, CRLF or LF line ends, a BOM ignored.
 */
export function parseCsvRows(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const separator = (firstLine.match(/,/g)?.length ?? 0) > (firstLine.match(/;/g)?.length ?? 0) ? ',' : ';';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((value) => value.trim() !== ''));
}

/**
 * A CBS number: "1234", "27.5" or "27,5", spaces around; CBS writes "." or
 * an empty cell for "geheim of onbekend" (null). NaN when it is neither.
 */
function cbsNumber(raw: string): number | null {
  const value = raw.trim();
  if (value === '' || value === '.' || value === '-' || value === '×' || value === 'x') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(value)) return Number.NaN;
  return Number(value.replace(',', '.'));
}

function periodYear(raw: string | undefined): number | null {
  const match = raw?.trim().match(/^(\d{4})/);
  return match ? Number(match[1]) : null;
}

/**
 * Reads the CBS table "Kerncijfers wijken en buurten" as downloaded from
 * StatLine (CSV, `;` between cells, headers in quotes): the buurt rows with
 * the figures kept (residents, households, average income per resident and
 * average WOZ value in euro, the share aged 65 or older), and every column
 * or row it could not use, for the screen to name.
 */
export function parseCbsKerncijfers(text: string): CbsParse {
  const [headers, ...lines] = parseCsvRows(text);
  const empty = { rows: new Map(), otherAreas: 0, notAreas: 0, columns: [] };
  if (headers === undefined || lines.length === 0) return { ...empty, problems: [{ kind: 'empty' }] };
  const at = matchColumns(headers);
  if (at.code === undefined) return { ...empty, problems: [{ kind: 'noCodeColumn', headers: headers.map((h) => h.trim()).slice(0, 8) }] };
  const columns = FIGURE_COLUMNS.filter((column) => at[column] !== undefined);
  if (columns.length === 0) return { ...empty, problems: [{ kind: 'noFigureColumns' }] };
  const problems: CbsImportProblem[] = FIGURE_COLUMNS.filter((column) => at[column] === undefined).map((column) => ({ kind: 'missingColumn', column }));
  const rows = new Map<string, CbsRow>();
  let otherAreas = 0;
  let notAreas = 0;
  lines.forEach((cells, index) => {
    const line = index + 2;
    // CBS pads codes with spaces ("BU04820101  "): they mean nothing.
    const code = (cells[at.code as number] ?? '').trim().toUpperCase();
    if (/^(GM|WK|NL)\d*$/.test(code)) {
      otherAreas++;
      return;
    }
    if (!z.safeParse(CbsBuurtCodeSchema, code).success) {
      notAreas++;
      return;
    }
    if (cells.length !== headers.length) {
      problems.push({ kind: 'badLine', line, cells: cells.length, expected: headers.length });
      return;
    }
    if (rows.has(code)) {
      problems.push({ kind: 'duplicate', line, code });
      return;
    }
    const read: Partial<Record<FigureColumn, number | null>> = {};
    for (const column of columns) {
      const raw = cells[at[column] as number] ?? '';
      const value = cbsNumber(raw);
      if (value !== null && (Number.isNaN(value) || value < 0)) {
        problems.push({ kind: 'badNumber', line, code, column, value: raw.trim() });
        read[column] = null;
      } else read[column] = value;
    }
    const residents = read.residents ?? null;
    const age65 = read.age65Plus ?? null;
    rows.set(code, {
      line,
      code,
      year: periodYear(at.period === undefined ? undefined : cells[at.period]),
      figures: {
        residents: residents === null ? null : Math.round(residents),
        households: read.households == null ? null : Math.round(read.households),
        averageIncome: read.averageIncome == null ? null : Math.round(read.averageIncome * 1000),
        share65Plus: age65 === null || residents === null || residents === 0 || age65 > residents ? null : Math.round((1000 * age65) / residents) / 10,
        averageWoz: read.averageWoz == null ? null : Math.round(read.averageWoz * 1000),
      },
    });
  });
  return { rows, otherAreas, notAreas, problems, columns };
}

/** What an import would write: per configured buurt with a CBS code, the row found for it, or why there is none. */
export type CbsMatch =
  | { readonly buurtId: string; readonly code: string; readonly row: CbsRow }
  | { readonly buurtId: string; readonly code: string; readonly row: null }
  | { readonly buurtId: string; readonly code: null; readonly row: null };

export function matchCbsRows(buurten: ReadonlyArray<{ id: string; cbsCode?: string | undefined; hidden?: boolean | undefined }>, parsed: CbsParse): CbsMatch[] {
  return buurten
    .filter((b) => !b.hidden)
    .map((b) => {
      if (!b.cbsCode) return { buurtId: b.id, code: null, row: null };
      return { buurtId: b.id, code: b.cbsCode, row: parsed.rows.get(b.cbsCode) ?? null };
    });
}
