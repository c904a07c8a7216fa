import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvDateTime, csvNumber, findingsCsv, toCsv, type FindingCsvWords } from '../../src/app/report/csv.ts';
import { csvWords } from '../../src/app/report/words.ts';
import { core } from '../../src/app/i18n/core.ts';
import { createT } from '../../src/app/i18n/translate.ts';
import { reportPack } from '../../src/app/report/pack.ts';
import { findingsPack } from '../../src/app/schouw/pack.ts';
import { ROUND_TIME, findingView } from '../fixtures/findings.ts';

/** A reader as strict as a spreadsheet's: `;` between fields, quoted fields with doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let isQuoted = false;
  while (i < text.length) {
    const char = text[i] as string;
    if (isQuoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') isQuoted = false;
      else field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === '') isQuoted = true;
    else if (char === ';') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += char;
    i += 1;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

const words: FindingCsvWords = csvWords(createT('nl', core, reportPack, findingsPack), {
  partners: [{ id: 'woonkracht10', name: 'Woonkracht10', kind: 'housingCorporation' }],
});

describe('a CSV file for Dutch Excel', () => {
  it('starts with a UTF-8 byte-order mark and ends every row with CRLF', () => {
    const text = toCsv([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1)).toBe('a;b\r\nc;d\r\n');
  });

  it('quotes fields with a separator, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('gewoon')).toBe('gewoon');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('de "Oranjelaan"')).toBe('"de ""Oranjelaan"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvCell(null)).toBe('');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('+31 6 1234')).toBe("'+31 6 1234");
    expect(csvCell('-stoep')).toBe("'-stoep");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\r=1+1')).toBe('"\'\r=1+1"');
    expect(csvCell('=HYPERLINK("http://x";"klik")')).toBe('"\'=HYPERLINK(""http://x"";""klik"")"');
  });

  it('writes numbers with a decimal comma, negative ones too, never as a formula', () => {
    expect(csvNumber(51.8612)).toBe('51,8612');
    expect(csvCell(-4.5)).toBe('-4,5');
    expect(csvCell(12)).toBe('12');
  });

  it('writes dates as dd-mm-jjjj uu:mm in local time', () => {
    expect(csvDateTime(new Date(2026, 4, 4, 9, 5).getTime())).toBe('04-05-2026 09:05');
  });

  it('reads back every tricky value exactly (formulas with their guard)', () => {
    const values = ['a;b', 'zei "hallo"', 'twee\r\nregels', 'één\nëxtra', '=SUM(1;2)', 'Café Ëlsbuurt', ''];
    const rows = parseCsv(toCsv([values]).slice(BOM.length));
    expect(rows).toEqual([['a;b', 'zei "hallo"', 'twee\r\nregels', 'één\nëxtra', "'=SUM(1;2)", 'Café Ëlsbuurt', '']]);
  });
});

describe('the findings CSV', () => {
  const tricky = findingView({
    pointNo: 3,
    element: 'tree',
    aspect: 'damage',
    level: 'C',
    note: 'Tak afgebroken; "gevaarlijk"\nbij de speeltuin. =SUM(A1)',
    address: { street: 'Oranjelaan', number: '12a', postcode: '2951 AB', place: 'Alblasserdam' },
    cbsBuurtCode: 'BU04820101',
    location: { lat: 51.8612345, lon: 4.6601, accuracyM: 7.6, source: 'gps' },
    action: 'referHousingCorporation',
    responsiblePartnerId: 'woonkracht10',
    meldingNumber: 'F-2026-0042',
    meldingStatus: 'received',
    status: 'reported',
    photos: ['a'.repeat(64), 'b'.repeat(64)],
    createdAt: new Date(2026, 4, 14, 10, 7).getTime(),
  });
  const plain = findingView({ level: 'A', createdAt: ROUND_TIME });
  const rows = parseCsv(findingsCsv([tricky, plain], 'B', words).slice(BOM.length));

  it('has the Dutch headers', () => {
    expect(rows[0]).toEqual([
      'nr',
      'element',
      'aspect',
      'niveau',
      'voldoet aan ambitie',
      'notitie',
      'straat',
      'huisnummer',
      'postcode',
      'plaats',
      'CBS-buurtcode',
      'breedtegraad',
      'lengtegraad',
      'nauwkeurigheid (m)',
      'actie',
      'verantwoordelijke partner',
      'meldnummer',
      'meldstatus',
      'status',
      "aantal foto's",
      'gemaakt op',
      'id',
    ]);
  });

  it('writes one row per finding with labels, a decimal comma and the note as typed', () => {
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      '3',
      'Boom en boomspiegel',
      'Beschadigd',
      'C',
      'nee',
      'Tak afgebroken; "gevaarlijk"\nbij de speeltuin. =SUM(A1)',
      'Oranjelaan',
      '12a',
      '2951 AB',
      'Alblasserdam',
      'BU04820101',
      '51,8612345',
      '4,6601',
      '8',
      'Doorverwijzen naar woningcorporatie',
      'Woonkracht10',
      'F-2026-0042',
      'Ontvangen',
      'Gemeld',
      '2',
      '14-05-2026 10:07',
      tricky.id,
    ]);
    expect(rows[2]?.slice(0, 5)).toEqual(['2', 'Stoep en bestrating', 'Losliggende tegels', 'A', 'ja']);
    expect(rows[2]?.slice(11, 15)).toEqual(['', '', '', '']);
  });
});
