/**
 * The findings as GeoJSON (RFC 7946): a FeatureCollection of points in
 * WGS84 with coordinates as [longitude, latitude] — the order GIS tools
 * expect and people often get wrong. A finding without a place is still a
 * feature, with `geometry: null` (RFC 7946 §3.2), so the file holds the whole
 * round. Properties carry both the codes (for filtering) and the Dutch
 * labels (for reading), and the photos by their SHA-256.
 */
import { meetsTarget, type CrowLevel } from '../../domain/schouw.ts';
import type { Finding } from '../../domain/finding.ts';
import { findingNumbers, type ExportFinding, type FindingWords } from './report-data.ts';

export const GEOJSON_TYPE = 'application/geo+json';

export type PointGeometry = { readonly type: 'Point'; readonly coordinates: readonly [number, number] };

export type FindingProperties = {
  readonly nr: number;
  readonly schouwId: string;
  readonly buurtId: string;
  readonly element: Finding['element'];
  readonly elementLabel: string;
  readonly aspect: Finding['aspect'];
  readonly aspectLabel: string;
  readonly level: Finding['level'];
  readonly levelLabel: string | null;
  readonly targetLevel: CrowLevel;
  readonly meetsTarget: boolean | null;
  readonly note: string;
  readonly street: string | null;
  readonly houseNumber: string | null;
  readonly postcode: string | null;
  readonly place: string | null;
  readonly cbsBuurtCode: string | null;
  readonly accuracyM: number | null;
  readonly locationSource: 'gps' | 'map' | 'address' | null;
  readonly action: Finding['action'];
  readonly actionLabel: string | null;
  readonly responsiblePartnerId: string | null;
  readonly responsiblePartner: string | null;
  readonly meldingNumber: string | null;
  readonly meldingStatus: Finding['meldingStatus'];
  readonly meldingStatusLabel: string;
  readonly status: Finding['status'];
  readonly statusLabel: string;
  readonly photos: readonly string[];
  /** ISO 8601, UTC. */
  readonly createdAt: string;
};

export type FindingFeature = {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: PointGeometry | null;
  readonly properties: FindingProperties;
};

export type FindingCollection = { readonly type: 'FeatureCollection'; readonly features: readonly FindingFeature[] };

/** One round's findings (in the round's order) as a FeatureCollection. */
export function findingsGeoJson(findings: readonly ExportFinding[], targetLevel: CrowLevel, words: FindingWords): FindingCollection {
  const numbers = findingNumbers(findings);
  return {
    type: 'FeatureCollection',
    features: findings.map((f, index) => ({
      type: 'Feature',
      id: f.id,
      geometry: f.location ? { type: 'Point', coordinates: [f.location.lon, f.location.lat] } : null,
      properties: {
        nr: numbers.get(f.id) ?? index + 1,
        schouwId: f.schouwId,
        buurtId: f.buurtId,
        element: f.element,
        elementLabel: words.element(f.element),
        aspect: f.aspect,
        aspectLabel: words.aspect(f.aspect),
        level: f.level,
        levelLabel: f.level === null ? null : words.level(f.level),
        targetLevel,
        meetsTarget: meetsTarget(f.level, targetLevel),
        note: f.note,
        street: f.address?.street ?? null,
        houseNumber: f.address?.number || null,
        postcode: f.address?.postcode ?? null,
        place: f.address?.place || null,
        cbsBuurtCode: f.cbsBuurtCode,
        accuracyM: f.location?.accuracyM ?? null,
        locationSource: f.location?.source ?? null,
        action: f.action,
        actionLabel: f.action === null ? null : words.action(f.action),
        responsiblePartnerId: f.responsiblePartnerId,
        responsiblePartner: f.responsiblePartnerId === null ? null : words.partner(f.responsiblePartnerId),
        meldingNumber: f.meldingNumber,
        meldingStatus: f.meldingStatus,
        meldingStatusLabel: words.meldingStatus(f.meldingStatus),
        status: f.status,
        statusLabel: words.status(f.status),
        photos: [...f.photos],
        createdAt: new Date(f.createdAt).toISOString(),
      },
    })),
  };
}
