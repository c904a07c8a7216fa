import { describe, expect, it } from 'vitest';
import { exportFileName, fileSlug, mediaTypeOf } from '../../src/app/report/download.ts';
import { GEOJSON_TYPE, findingsGeoJson } from '../../src/app/report/geojson.ts';
import { findingWords } from '../../src/app/report/words.ts';
import { core } from '../../src/app/i18n/core.ts';
import { createT } from '../../src/app/i18n/translate.ts';
import { reportPack } from '../../src/app/report/pack.ts';
import { findingsPack } from '../../src/app/schouw/pack.ts';
import { ROUND_ID, ROUND_TIME, findingView } from '../fixtures/findings.ts';

const words = findingWords(createT('nl', core, reportPack, findingsPack), {
  partners: [{ id: 'gemeente', name: 'Gemeente Alblasserdam', kind: 'municipality' }],
});

describe('the findings as GeoJSON', () => {
  const placed = findingView({
    pointNo: 4,
    element: 'litterBin',
    aspect: 'binFull',
    level: 'D',
    location: { lat: 51.8612, lon: 4.6601, accuracyM: 6, source: 'gps' },
    action: 'reportFixi',
    responsiblePartnerId: 'gemeente',
    meldingNumber: '123456',
    status: 'reported',
    photos: ['c'.repeat(64)],
  });
  const unplaced = findingView({ level: 'good', note: 'Mooi nieuw plantvak' });
  const collection = findingsGeoJson([placed, unplaced], 'B', words);

  it('is an RFC 7946 FeatureCollection with one feature per finding', () => {
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(2);
    expect(collection.features.every((f) => f.type === 'Feature')).toBe(true);
    expect(collection.features.map((f) => f.id)).toEqual([placed.id, unplaced.id]);
  });

  it('puts longitude before latitude', () => {
    expect(collection.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [4.6601, 51.8612] });
  });

  it('keeps a finding without a place, with a null geometry', () => {
    expect(collection.features[1]?.geometry).toBeNull();
  });

  it('carries codes and Dutch labels, status, level, whether it meets the target, and the photo hashes', () => {
    expect(collection.features[0]?.properties).toMatchObject({
      nr: 4,
      schouwId: ROUND_ID,
      element: 'litterBin',
      elementLabel: 'Afvalbak',
      aspect: 'binFull',
      aspectLabel: 'Afvalbak vol',
      level: 'D',
      levelLabel: 'D (zeer laag)',
      targetLevel: 'B',
      meetsTarget: false,
      action: 'reportFixi',
      actionLabel: 'Melden in FIXI',
      responsiblePartner: 'Gemeente Alblasserdam',
      meldingNumber: '123456',
      status: 'reported',
      statusLabel: 'Gemeld',
      photos: ['c'.repeat(64)],
      accuracyM: 6,
      createdAt: new Date(ROUND_TIME).toISOString(),
    });
    expect(collection.features[1]?.properties).toMatchObject({ nr: 2, level: 'good', meetsTarget: true, note: 'Mooi nieuw plantvak', photos: [] });
  });

  it('survives JSON as plain data', () => {
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });
});

describe('export file names', () => {
  it('names the file after the round’s date and buurt', () => {
    expect(exportFileName('2026-05-14', 'Oranjebuurt', 'csv')).toBe('schouw-2026-05-14-oranjebuurt.csv');
    expect(exportFileName('2026-05-14', 'Wijk Ëlsbroek (Noord)', 'geojson')).toBe('schouw-2026-05-14-wijk-elsbroek-noord.geojson');
    expect(fileSlug('!!!')).toBe('');
    expect(exportFileName('2026-05-14', '', 'csv')).toBe('schouw-2026-05-14.csv');
  });

  it('gives GeoJSON its own media type', () => {
    expect(mediaTypeOf('geojson')).toBe(GEOJSON_TYPE);
    expect(GEOJSON_TYPE).toBe('application/geo+json');
    expect(mediaTypeOf('csv')).toBe('text/csv;charset=utf-8');
  });
});
