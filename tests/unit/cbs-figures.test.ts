/**
 * The CBS "Kerncijfers wijken en buurten" import (issue 12 item 5): a
 * hand-written file shaped like the StatLine CSV download (`;`, quoted
 * headers with their position suffix, codes padded with spaces, "." for an
 * unknown figure, a source line under the table), with rows that cannot be
 * used. Every expected number is worked out here from the file's cells.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cbsFiguresIdFor, cbsFiguresOf, latestCbsFigures, matchCbsRows, parseCbsKerncijfers, parseCsvRows } from '../../src/domain/cbs-figures.ts';
import { RECORD_DEFINITIONS } from '../../src/domain/records.ts';

const FILE = readFileSync(join(import.meta.dirname, '../fixtures/cbs/kerncijfers-alblasserdam.csv'), 'utf8');

describe('parseCsvRows', () => {
  it('reads quoted cells with separators, doubled quotes and line ends inside, a BOM and either separator', () => {
    expect(parseCsvRows('\uFEFF"a;b";"say ""hi""";3\r\n"two\nlines";x;\n')).toEqual([
      ['a;b', 'say "hi"', '3'],
      ['two\nlines', 'x', ''],
    ]);
    expect(parseCsvRows('a,b\n1,"2,5"')).toEqual([
      ['a', 'b'],
      ['1', '2,5'],
    ]);
  });
});

describe('parseCbsKerncijfers', () => {
  const parsed = parseCbsKerncijfers(FILE);

  it('keeps the buurt rows with the figures converted: euro, not thousands; 65+ as a share of the residents', () => {
    expect([...parsed.rows.keys()]).toEqual(['BU04820101', 'BU04820102', 'BU04820103']);
    expect(parsed.rows.get('BU04820101')).toEqual({
      line: 4,
      code: 'BU04820101',
      year: null,
      // 620 of 2480 residents is 25 %; 228 and 27.4 thousand euro.
      figures: { residents: 2480, households: 1130, averageIncome: 27_400, share65Plus: 25, averageWoz: 228_000 },
    });
  });

  it('reads a code padded with spaces, "." as unknown and a decimal comma', () => {
    expect(parsed.rows.get('BU04820102')?.figures).toEqual({ residents: 1510, households: 640, averageIncome: 29_800, share65Plus: null, averageWoz: null });
  });

  it('names every row it could not use, by its line, and counts gemeente, wijk and source lines apart', () => {
    expect(parsed.otherAreas).toBe(2);
    expect(parsed.notAreas).toBe(1);
    expect(parsed.problems).toEqual([
      { kind: 'badNumber', line: 6, code: 'BU04820103', column: 'households', value: 'veel' },
      { kind: 'duplicate', line: 7, code: 'BU04820103' },
      { kind: 'badLine', line: 8, cells: 8, expected: 11 },
    ]);
    // The row with one bad cell keeps its other figures: 240 of 980 is 24.5 %.
    expect(parsed.rows.get('BU04820103')?.figures).toEqual({ residents: 980, households: null, averageIncome: 30_100, share65Plus: 24.5, averageWoz: 312_000 });
  });

  it('matches columns by their CBS name whatever their position or label, and says which it misses', () => {
    const labelled = parseCbsKerncijfers(
      '"Wijken en buurten","Perioden","Bevolking/Aantal inwoners (aantal)","Wonen/Gemiddelde WOZ-waarde van woningen (x 1 000 euro)"\n"BU05970101","2024JJ00","3 120","199"\n',
    );
    expect(labelled.columns).toEqual(['residents', 'averageWoz']);
    expect(labelled.problems).toEqual([
      { kind: 'missingColumn', column: 'households' },
      { kind: 'missingColumn', column: 'averageIncome' },
      { kind: 'missingColumn', column: 'age65Plus' },
      // CBS never writes a thousands separator; "3 120" is not a number it wrote, and is named.
      { kind: 'badNumber', line: 2, code: 'BU05970101', column: 'residents', value: '3 120' },
    ]);
    expect(labelled.rows.get('BU05970101')).toMatchObject({ year: 2024, figures: { residents: null, averageWoz: 199_000 } });
  });

  it('refuses a file without a code column or without any known figure, and an empty one', () => {
    expect(parseCbsKerncijfers('"Naam";"Inwoners"\n"Oranjebuurt";12\n').problems).toEqual([{ kind: 'noCodeColumn', headers: ['Naam', 'Inwoners'] }]);
    expect(parseCbsKerncijfers('"WijkenEnBuurten";"Mannen_6"\n"BU04820101";1200\n').problems).toEqual([{ kind: 'noFigureColumns' }]);
    expect(parseCbsKerncijfers('').problems).toEqual([{ kind: 'empty' }]);
  });
});

describe('matchCbsRows', () => {
  it('finds each visible buurt by its CBS code, and says which have no code or are not in the file', () => {
    const parsed = parseCbsKerncijfers(FILE);
    const matches = matchCbsRows(
      [
        { id: 'oranjebuurt', cbsCode: 'BU04820101' },
        { id: 'kinderdijk', cbsCode: 'BU04820199' },
        { id: 'centrum' },
        { id: 'oud', cbsCode: 'BU04820102', hidden: true },
      ],
      parsed,
    );
    expect(matches.map((m) => [m.buurtId, m.code, m.row?.code ?? null])).toEqual([
      ['oranjebuurt', 'BU04820101', 'BU04820101'],
      ['kinderdijk', 'BU04820199', null],
      ['centrum', null, null],
    ]);
  });
});

describe('the cbsFigures record', () => {
  const record = (id: string, values: Record<string, unknown>) => ({
    id,
    type: 'cbsFigures',
    fields: Object.fromEntries(Object.entries(values).map(([name, v]) => [name, { v, t: 't' }])),
    counters: {},
  });

  it('ties its id to its buurt and year, and reads back with missing figures as null', () => {
    const rule = RECORD_DEFINITIONS.cbsFigures.idRule as (id: string, fields: Record<string, unknown>) => string | null;
    expect(rule(cbsFiguresIdFor('oranjebuurt', 2024), { buurtId: 'oranjebuurt', year: 2024 })).toBeNull();
    expect(rule('cbs2023-oranjebuurt', { buurtId: 'oranjebuurt', year: 2024 })).toMatch(/derived/);
    const all = cbsFiguresOf([
      record('cbs2022-oranjebuurt', { buurtId: 'oranjebuurt', year: 2022, source: 'import', residents: 2400 }),
      record('cbs2024-oranjebuurt', { buurtId: 'oranjebuurt', year: 2024, source: 'typed', residents: 2480 }),
      record('cbs2023-kinderdijk', { buurtId: 'kinderdijk', year: 2023, source: 'typed', deleted: true }),
    ]);
    expect(all).toHaveLength(2);
    expect(latestCbsFigures(all, 'oranjebuurt', 2023)).toEqual({
      buurtId: 'oranjebuurt',
      year: 2022,
      cbsCode: null,
      source: 'import',
      residents: 2400,
      households: null,
      averageIncome: null,
      share65Plus: null,
      averageWoz: null,
    });
    expect(latestCbsFigures(all, 'oranjebuurt', 2026)?.year).toBe(2024);
    expect(latestCbsFigures(all, 'kinderdijk', 2026)).toBeNull();
  });
});
