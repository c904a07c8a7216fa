/**
 * Every located record of an export as one GeoJSON FeatureCollection
 * (RFC 7946): findings, observations of both kinds and activities with a
 * point, in WGS84 with coordinates as [longitude, latitude]. A record
 * without a point is left out (its row is in the CSV files). Properties
 * are a subset of the CSV columns: what, when, where and the follow-up —
 * never who made it or who walked. Codes for filtering beside the Dutch
 * labels for reading. Pure; tested in tests/unit/exports.test.ts.
 */
import { amsterdamDay } from '../../domain/indicators.ts';
import type { Location } from '../../domain/fields.ts';
import { activityTypeLabel, buurtName, statusLabel } from '../i18n/labels.ts';
import { observationTypeLabel } from '../patrol/labels.ts';
import { findingLabel } from '../schouw/labels.ts';
import type { ExportContext } from './export-csv.ts';
import type { ExportSelection } from './export-data.ts';

export const GEOJSON_TYPE = 'application/geo+json';

const LOCATED_TYPES = ['activity', 'finding', 'safetyObservation', 'publicSpaceObservation'] as const;
type LocatedType = (typeof LOCATED_TYPES)[number];

type LocatedProperties = {
  readonly recordType: LocatedType;
  readonly recordTypeLabel: string;
  /** The Amsterdam day (YYYY-MM-DD) the record counts on, as in the CSV and on the dashboard. */
  readonly date: string;
  readonly buurtId: string;
  readonly buurt: string;
  /** The activity's type, the finding's element, the observation's type: its code … */
  readonly category: string;
  /** … and its label (a finding's: element — aspect). */
  readonly categoryLabel: string;
  /** The activity's title, the finding's or observation's note. */
  readonly description: string;
  /** An activity's status, the follow-up status of a finding or public-space observation; null for a safety observation. */
  readonly status: string | null;
  readonly statusLabel: string | null;
  readonly meldingNumber: string | null;
  readonly accuracyM: number | null;
};

type LocatedFeature = {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] };
  readonly properties: LocatedProperties;
};

export type LocatedCollection = { readonly type: 'FeatureCollection'; readonly features: readonly LocatedFeature[] };

type Common = Omit<LocatedProperties, 'recordTypeLabel' | 'buurt' | 'accuracyM'>;

function feature(ctx: ExportContext, id: string, location: Location | null, common: Common): LocatedFeature[] {
  if (location === null) return [];
  return [
    {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
      properties: {
        ...common,
        recordTypeLabel: ctx.t(`exports.type.${common.recordType}`),
        buurt: buurtName(ctx.t, ctx.config, common.buurtId),
        accuracyM: location.accuracyM === undefined ? null : Math.round(location.accuracyM),
      },
    },
  ];
}

/** The located records of the selection, by type (activities, findings, then observations), each type oldest first. */
export function locatedGeoJson(ctx: ExportContext, selection: ExportSelection): LocatedCollection {
  const { t } = ctx;
  return {
    type: 'FeatureCollection',
    features: [
      ...selection.activities.flatMap((a) =>
        feature(ctx, a.id, a.location, {
          recordType: 'activity',
          date: a.date,
          buurtId: a.buurtId,
          category: a.type,
          categoryLabel: activityTypeLabel(t, ctx.config, a.type),
          description: a.title,
          status: a.status,
          statusLabel: statusLabel(t, a.status),
          meldingNumber: null,
        }),
      ),
      ...selection.findings.flatMap((f) =>
        feature(ctx, f.id, f.location, {
          recordType: 'finding',
          date: amsterdamDay(f.createdAt),
          buurtId: f.buurtId,
          category: f.element,
          categoryLabel: `${findingLabel(t, 'element', f.element)} — ${findingLabel(t, 'aspect', f.aspect)}`,
          description: f.note,
          status: f.status,
          statusLabel: findingLabel(t, 'findingStatus', f.status),
          meldingNumber: f.meldingNumber,
        }),
      ),
      ...selection.safetyObservations.flatMap((o) =>
        feature(ctx, o.id, o.location, {
          recordType: 'safetyObservation',
          date: amsterdamDay(o.observedAt),
          buurtId: o.buurtId,
          category: o.type,
          categoryLabel: observationTypeLabel(t, o.type),
          description: o.note,
          status: null,
          statusLabel: null,
          meldingNumber: o.meldingNumber,
        }),
      ),
      ...selection.publicSpaceObservations.flatMap((o) =>
        feature(ctx, o.id, o.location, {
          recordType: 'publicSpaceObservation',
          date: amsterdamDay(o.observedAt),
          buurtId: o.buurtId,
          category: o.type,
          categoryLabel: observationTypeLabel(t, o.type),
          description: o.note,
          status: o.status,
          statusLabel: findingLabel(t, 'findingStatus', o.status),
          meldingNumber: o.meldingNumber,
        }),
      ),
    ],
  };
}
