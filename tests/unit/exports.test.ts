/**
 * The exports' builders (src/app/exports): which records go in (permissions,
 * deleted, period, buurt), the CSV files for Dutch Excel and the GeoJSON of
 * the located records — every expected file typed out by hand here.
 */
import { describe, expect, it } from 'vitest';
import { attendancePack } from '../../src/app/attendance/pack.ts';
import { exportCsv, type ExportContext } from '../../src/app/exports/export-csv.ts';
import { exportCounts, exportKindsFor, selectForExport, type ExportFilter } from '../../src/app/exports/export-data.ts';
import { exportFileName } from '../../src/app/exports/export-files.ts';
import { locatedGeoJson } from '../../src/app/exports/export-geojson.ts';
import { exportsPack } from '../../src/app/exports/pack.ts';
import { core } from '../../src/app/i18n/core.ts';
import { createT } from '../../src/app/i18n/translate.ts';
import { monitoringHref, parseMonitoringRoute } from '../../src/app/monitoring/routes.ts';
import { patrolPack } from '../../src/app/patrol/pack.ts';
import { findingsPack } from '../../src/app/schouw/pack.ts';
import { ActivitySchema } from '../../src/domain/activity.ts';
import type { Config } from '../../src/domain/config-records.ts';
import { csvAmsterdamDateTime, csvDay } from '../../src/domain/csv.ts';
import { FindingSchema } from '../../src/domain/finding.ts';
import { PublicSpaceObservationSchema, SafetyObservationSchema } from '../../src/domain/patrol-observation.ts';
import { PatrolRoundSchema, PatrolSlotSchema } from '../../src/domain/patrol.ts';
import type { Principal } from '../../src/domain/permissions.ts';
import type { ExportSnapshot } from '../../src/store/export-store.ts';

const t = createT('nl', core, exportsPack, findingsPack, patrolPack, attendancePack);
const BOM = '\uFEFF';
const CRLF = '\r\n';
const file = (...lines: string[]) => BOM + lines.map((line) => line + CRLF).join('');

// Ids: UUIDv7 shapes, fixed.
const ACT = '0193a1b2-0000-7000-8000-000000000001';
const SCHOUW = '0193a1b2-0000-7000-8000-000000000002';
const GONE = '0193a1b2-0000-7000-8000-000000000003';
const F1 = '0193a1b2-0000-7000-8000-0000000000f1';
const F2 = '0193a1b2-0000-7000-8000-0000000000f2';
const F3 = '0193a1b2-0000-7000-8000-0000000000f3';
const F4 = '0193a1b2-0000-7000-8000-0000000000f4';
const ROUND = '0193a1b2-0000-7000-8000-0000000000a1';
const SLOT = '0193a1b2-0000-7000-8000-0000000000b1';
const OBS1 = '0193a1b2-0000-7000-8000-0000000000c1';
const OBS2 = '0193a1b2-0000-7000-8000-0000000000c2';

const config: Config = {
  id: 'alblasserdam',
  name: 'Alblasserdam',
  buurten: [
    { id: 'oranjebuurt', name: 'Oranjebuurt' },
    { id: 'kinderdijk', name: 'Kinderdijk' },
  ],
  partners: [{ id: 'woonkracht10', name: 'Woonkracht10', kind: 'housingCorporation' }],
  themes: [],
  activityTypes: [],
  projects: [],
  teams: [{ id: 'team-oranje', name: 'Team Oranje', kind: 'buurtpreventie', buurtIds: ['oranjebuurt'], memberIds: [] }],
};

const activity = (id: string, fields: Record<string, unknown>) =>
  ({
    ...ActivitySchema.parse({
      title: 'x',
      type: 'meeting',
      buurtId: 'oranjebuurt',
      date: '2026-02-10',
      start: '19:30',
      status: 'held',
      createdAt: 0,
      createdBy: 'u1',
      ...fields,
    }),
    id,
  }) as const;
const finding = (id: string, fields: Record<string, unknown>) =>
  ({
    ...FindingSchema.parse({
      schouwId: SCHOUW,
      buurtId: 'oranjebuurt',
      element: 'tree',
      aspect: 'damage',
      createdAt: Date.UTC(2026, 1, 14, 9, 5),
      createdBy: 'u1',
      ...fields,
    }),
    id,
  }) as const;

const snapshot: ExportSnapshot = {
  activities: [
    activity(ACT, {
      title: '=Opruimactie+1',
      type: 'clean-up',
      end: '21:00',
      place: 'Buurthuis; zaal 2',
      location: { lat: 51.8612, lon: 4.6601, source: 'map' },
      themes: ['omgeving-gemeenschap'],
      participatingOrganisations: [{ partnerId: 'woonkracht10' }, { name: 'Basisschool De Kiem' }],
    }),
    activity(SCHOUW, { title: 'Schouw Oranjebuurt', type: 'schouw', date: '2026-02-14', start: '10:00' }),
    activity(GONE, { title: 'Verwijderd', date: '2026-02-11', deleted: true, location: { lat: 51.9, lon: 4.7, source: 'gps' } }),
  ],
  attendance: new Map([
    [
      ACT,
      {
        counts: { residents: 12, volunteers: 3, professionals: 2, children: 4, firstTimers: 5, registered: 20 },
        postcodes: [
          ['2951', 9],
          ['2952', 3],
        ],
        method: 'headcount',
      },
    ],
  ]),
  schouw: new Map([
    [
      SCHOUW,
      {
        settings: { activityId: SCHOUW, kind: 'withResidents', method: 'crow', targetLevel: 'B', deleted: false },
        participants: { residents: 6, partners: [['woonkracht10', 2]], total: 8 },
      },
    ],
  ]),
  findings: [
    finding(F1, {
      level: 'C',
      note: '@SUM(1+1) boomspiegel kapot',
      location: { lat: 51.86125, lon: 4.66012, accuracyM: 4.4, source: 'gps' },
      address: { street: 'Oranjelaan', number: '12', postcode: '2951 AB', place: 'Alblasserdam' },
      action: 'reportFixi',
      responsiblePartnerId: 'woonkracht10',
      meldingNumber: 'FX-1',
      meldingStatus: 'received',
      status: 'reported',
      photos: ['a'.repeat(64)],
    }),
    // No place: in the CSV, not on the map.
    finding(F2, { level: 'A', createdAt: Date.UTC(2026, 2, 31, 21, 30) }),
    // Deleted: nowhere.
    finding(F3, { deleted: true, location: { lat: 51.8, lon: 4.6, source: 'gps' } }),
    // Another buurt.
    finding(F4, { buurtId: 'kinderdijk', location: { lat: 51.88, lon: 4.64, source: 'gps' } }),
  ],
  findingStatusChangedAt: new Map([[F1, Date.UTC(2026, 1, 16, 12, 0)]]),
  patrolRounds: [
    {
      ...PatrolRoundSchema.parse({
        teamId: 'team-oranje',
        slotId: SLOT,
        buurtIds: ['oranjebuurt'],
        startedAt: Date.UTC(2026, 1, 20, 19, 0),
        endedAt: Date.UTC(2026, 1, 20, 20, 30),
        walkers: ['0193a1b2-0000-7000-8000-00000000aaa1', '0193a1b2-0000-7000-8000-00000000aaa2'],
        mode: 'onFoot',
        outcome: 'remarks',
        closedBy: 'walkers',
        summary: 'Rustig',
        createdAt: 0,
        createdBy: 'u2',
      }),
      id: ROUND,
    },
  ],
  safetyObservations: [
    {
      ...SafetyObservationSchema.parse({
        roundId: ROUND,
        teamId: 'team-oranje',
        buurtId: 'oranjebuurt',
        observedAt: Date.UTC(2026, 1, 20, 19, 40),
        type: 'keyInDoor',
        action: 'residentAlerted',
        location: { lat: 51.862, lon: 4.661, source: 'gps' },
        createdAt: 0,
        createdBy: 'u2',
      }),
      id: OBS1,
    },
  ],
  reactions: new Map([[OBS1, 'seen']]),
  publicSpaceObservations: [
    {
      ...PublicSpaceObservationSchema.parse({
        roundId: ROUND,
        teamId: 'team-oranje',
        buurtId: 'oranjebuurt',
        observedAt: Date.UTC(2026, 1, 20, 20, 0),
        type: 'brokenStreetLight',
        action: 'meldingFixi',
        meldingNumber: 'FX-2',
        createdAt: 0,
        createdBy: 'u2',
      }),
      id: OBS2,
    },
  ],
  observationStatusChangedAt: new Map(),
  slots: [
    {
      ...PatrolSlotSchema.parse({
        teamId: 'team-oranje',
        date: '2026-02-20',
        start: '20:00',
        durationMinutes: 90,
        buurtIds: ['oranjebuurt'],
        meetingPoint: 'Kerkplein',
        createdAt: 0,
        createdBy: 'u1',
      }),
      id: SLOT,
    },
  ],
  slotWalkers: new Map([[SLOT, 1]]),
};

const coordinator: Principal = { userId: 'u1', tenantId: 'alblasserdam', role: 'coordinator', buurtIds: [], teamIds: [] };
const professional: Principal = { userId: 'u3', tenantId: 'alblasserdam', role: 'professional', buurtIds: ['kinderdijk'], teamIds: [] };
const q1: ExportFilter = { range: { from: '2026-01-01', to: '2026-03-31' }, buurtId: null };
const ctx: ExportContext = { t, config, snapshot };

describe('the shared writer in Europe/Amsterdam', () => {
  it('writes moments in Amsterdam time on both sides of the DST change, whatever the machine’s zone', () => {
    expect(csvAmsterdamDateTime(Date.UTC(2026, 2, 31, 21, 30))).toBe('31-03-2026 23:30');
    expect(csvAmsterdamDateTime(Date.UTC(2026, 0, 15, 11, 0))).toBe('15-01-2026 12:00');
    expect(csvDay('2026-05-04')).toBe('04-05-2026');
  });
});

describe('what goes into an export', () => {
  it('leaves out deleted records, records of another buurt and records outside the period', () => {
    const oranje = selectForExport(snapshot, coordinator, { ...q1, buurtId: 'oranjebuurt' });
    expect(oranje.activities.map((a) => a.id)).toEqual([ACT, SCHOUW]);
    expect(oranje.schouwRounds.map((a) => a.id)).toEqual([SCHOUW]);
    expect(oranje.findings.map((f) => f.id)).toEqual([F1, F2]);
    const april = selectForExport(snapshot, coordinator, { range: { from: '2026-04-01', to: '2026-06-30' }, buurtId: null });
    expect(exportCounts(april)).toEqual({
      activities: 0,
      schouwRounds: 0,
      findings: 0,
      patrolRounds: 0,
      safetyObservations: 0,
      publicSpaceObservations: 0,
      slots: 0,
    });
  });

  it('counts a finding made on 31 March 23:30 in Amsterdam in the first quarter', () => {
    expect(selectForExport(snapshot, coordinator, q1).findings.map((f) => f.id)).toContain(F2);
    const q2 = selectForExport(snapshot, coordinator, { range: { from: '2026-04-01', to: '2026-06-30' }, buurtId: null });
    expect(q2.findings).toEqual([]);
  });

  it('gives a professional only the types and buurten they may read', () => {
    expect(exportKindsFor(coordinator)).toEqual([
      'activities',
      'schouwRounds',
      'findings',
      'patrolRounds',
      'safetyObservations',
      'publicSpaceObservations',
      'slots',
    ]);
    expect(exportKindsFor(professional)).toEqual(['activities', 'schouwRounds', 'findings', 'publicSpaceObservations']);
    const selection = selectForExport(snapshot, professional, q1);
    expect(selection.activities).toEqual([]);
    expect(selection.findings.map((f) => f.id)).toEqual([F4]);
    expect(selection.publicSpaceObservations).toEqual([]);
    expect(selection.patrolRounds).toEqual([]);
  });

  it('leaves out a child whose round was deleted', () => {
    const deletedRound = { ...snapshot, patrolRounds: snapshot.patrolRounds.map((r) => ({ ...r, deleted: true })) };
    const selection = selectForExport(deletedRound, coordinator, q1);
    expect(selection.patrolRounds).toEqual([]);
    expect(selection.safetyObservations).toEqual([]);
    expect(selection.publicSpaceObservations).toEqual([]);
  });
});

describe('the CSV files', () => {
  const selection = selectForExport(snapshot, coordinator, { ...q1, buurtId: 'oranjebuurt' });

  it('writes the findings with their follow-up: BOM, `;`, decimal comma, a formula neutralised, Amsterdam times', () => {
    expect(exportCsv(ctx, 'findings', selection)).toBe(
      file(
        'Datum en tijd;Schouwronde;Buurt;Element;Aspect;Niveau;Voldoet aan streefniveau;Omschrijving;Straat;Huisnummer;Postcode;Woonplaats;Breedtegraad;Lengtegraad;Nauwkeurigheid (m);CBS-buurtcode;Actie;Verantwoordelijke partij;Meldingnummer;Status melding;Opvolgstatus;Status gewijzigd op;Foto’s;Id',
        `14-02-2026 10:05;Schouw Oranjebuurt;Oranjebuurt;Boom en boomspiegel;Beschadigd;C (laag, achterstand);Nee;'@SUM(1+1) boomspiegel kapot;Oranjelaan;12;2951 AB;Alblasserdam;51,86125;4,66012;4;;Melden in FIXI;Woonkracht10;FX-1;Ontvangen;Gemeld;16-02-2026 13:00;1;${F1}`,
        `31-03-2026 23:30;Schouw Oranjebuurt;Oranjebuurt;Boom en boomspiegel;Beschadigd;A (hoog);Ja;;;;;;;;;;;;;Nog niet gemeld;Nieuw;;0;${F2}`,
      ),
    );
  });

  it('writes the activities with their attendance counts and postcodes', () => {
    expect(exportCsv(ctx, 'activities', selection)).toBe(
      file(
        'Datum;Begin;Einde;Titel;Soort activiteit;Status;Buurt;Project;Thema’s;Team;Plaats;Breedtegraad;Lengtegraad;Organisatoren;Deelnemende organisaties;Bewoners;Vrijwilligers;Professionals;Kinderen;Deelnemers totaal;Nieuwe deelnemers;Aangemeld;Telmethode;Deelnemers per postcode (PC4);Notities;Id',
        `10-02-2026;19:30;21:00;'=Opruimactie+1;Opruimactie;Uitgevoerd;Oranjebuurt;;Omgeving & gemeenschap;;"Buurthuis; zaal 2";51,8612;4,6601;;Woonkracht10, Basisschool De Kiem;12;3;2;4;21;5;20;Telling;2951: 9, 2952: 3;;${ACT}`,
        `14-02-2026;10:00;;Schouw Oranjebuurt;Schouw;Uitgevoerd;Oranjebuurt;;;;;;;;;0;0;0;0;0;0;0;;;;${SCHOUW}`,
      ),
    );
  });

  it('writes the schouw rounds with their participants and score', () => {
    expect(exportCsv(ctx, 'schouwRounds', selection)).toBe(
      file(
        'Datum;Titel;Buurt;Soort schouw;Methode;Streefniveau;Deelnemers bewoners;Deelnemers partners;Deelnemers totaal;Bevindingen;Met niveau;Voldoet aan streefniveau;Voldoet aan streefniveau (%);Open;Opgelost;Id',
        // F1 (C, below B), F2 (A, meets B) and F4 (no level; this round's too): 3 findings, 2 rated, 1 meets B, all 3 open.
        `14-02-2026;Schouw Oranjebuurt;Oranjebuurt;Schouw met bewoners;CROW-niveaus (A+ t/m D);B;6;2;8;3;2;1;50;3;0;${SCHOUW}`,
      ),
    );
  });

  it('writes the patrol rounds without the walkers’ names, and the roster with the number signed up', () => {
    expect(exportCsv(ctx, 'patrolRounds', selection)).toBe(
      file(
        'Begin;Einde;Duur (uur);Team;Buurten;Vervoer;Aantal lopers;Afgemeld bij politie;Uitkomst;Niet afgesloten;Waarnemingen;Samenvatting;Id',
        `20-02-2026 20:00;20-02-2026 21:30;1,5;Team Oranje;Oranjebuurt;Te voet;2;Nee;Bijzonderheden;Nee;2;Rustig;${ROUND}`,
      ),
    );
    expect(exportCsv(ctx, 'slots', selection)).toBe(
      file(
        'Datum;Begin;Duur (minuten);Team;Buurten;Verzamelpunt;Aangemeld;Te weinig lopers;Ronde gelopen;Id',
        `20-02-2026;20:00;90;Team Oranje;Oranjebuurt;Kerkplein;1;Ja;Ja;${SLOT}`,
      ),
    );
  });

  it('writes both kinds of observation', () => {
    expect(exportCsv(ctx, 'safetyObservations', selection)).toBe(
      file(
        'Datum en tijd;Buurt;Team;Soort waarneming;Omschrijving;Actie;Meldingnummer;Reactie wijkagent;Straat;Huisnummer;Postcode;Woonplaats;Breedtegraad;Lengtegraad;Nauwkeurigheid (m);Id',
        `20-02-2026 20:40;Oranjebuurt;Team Oranje;Sleutel in de deur;;Bewoner gewaarschuwd;;Gezien door de politie;;;;;51,862;4,661;;${OBS1}`,
      ),
    );
    expect(exportCsv(ctx, 'publicSpaceObservations', selection)).toBe(
      file(
        'Datum en tijd;Buurt;Team;Soort waarneming;Omschrijving;Actie;Meldingnummer;Status melding;Opvolgstatus;Status gewijzigd op;Straat;Huisnummer;Postcode;Woonplaats;Breedtegraad;Lengtegraad;Nauwkeurigheid (m);Foto’s;Id',
        `20-02-2026 21:00;Oranjebuurt;Team Oranje;Kapotte lantaarnpaal;;Melding in FIXI;FX-2;Nog niet gemeld;Nieuw;;;;;;;;;0;${OBS2}`,
      ),
    );
  });

  it('names the files after what, when and where', () => {
    expect(exportFileName('findings', q1.range, 'Oranjebuurt')).toBe('bevindingen-2026-01-01-2026-03-31-oranjebuurt.csv');
    expect(exportFileName('places', q1.range, null)).toBe('plekken-2026-01-01-2026-03-31.geojson');
  });
});

describe('the GeoJSON of located records', () => {
  it('holds every located record as a point [lon, lat], and leaves out records without a place and deleted ones', () => {
    const selection = selectForExport(snapshot, coordinator, { ...q1, buurtId: 'oranjebuurt' });
    expect(locatedGeoJson(ctx, selection)).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: ACT,
          geometry: { type: 'Point', coordinates: [4.6601, 51.8612] },
          properties: {
            recordType: 'activity',
            recordTypeLabel: 'Activiteit',
            date: '2026-02-10',
            buurtId: 'oranjebuurt',
            buurt: 'Oranjebuurt',
            category: 'clean-up',
            categoryLabel: 'Opruimactie',
            description: '=Opruimactie+1',
            status: 'held',
            statusLabel: 'Uitgevoerd',
            meldingNumber: null,
            accuracyM: null,
          },
        },
        {
          type: 'Feature',
          id: F1,
          geometry: { type: 'Point', coordinates: [4.66012, 51.86125] },
          properties: {
            recordType: 'finding',
            recordTypeLabel: 'Bevinding',
            date: '2026-02-14',
            buurtId: 'oranjebuurt',
            buurt: 'Oranjebuurt',
            category: 'tree',
            categoryLabel: 'Boom en boomspiegel — Beschadigd',
            description: '@SUM(1+1) boomspiegel kapot',
            status: 'reported',
            statusLabel: 'Gemeld',
            meldingNumber: 'FX-1',
            accuracyM: 4,
          },
        },
        {
          type: 'Feature',
          id: OBS1,
          geometry: { type: 'Point', coordinates: [4.661, 51.862] },
          properties: {
            recordType: 'safetyObservation',
            recordTypeLabel: 'Waarneming veiligheid',
            date: '2026-02-20',
            buurtId: 'oranjebuurt',
            buurt: 'Oranjebuurt',
            category: 'keyInDoor',
            categoryLabel: 'Sleutel in de deur',
            description: '',
            status: null,
            statusLabel: null,
            meldingNumber: null,
            accuracyM: null,
          },
        },
      ],
    });
  });
});

describe('the route', () => {
  it('is #/monitoring/exporteren, in the monitoring area', () => {
    expect(parseMonitoringRoute('/monitoring/exporteren')).toEqual({ name: 'exports' });
    expect(monitoringHref({ name: 'exports' })).toBe('#/monitoring/exporteren');
  });
});
