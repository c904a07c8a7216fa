/**
 * One CSV file per record type, for Dutch Excel through the shared writer
 * (domain/csv.ts: `;`, UTF-8 BOM, CRLF, decimal comma, formulas
 * neutralised). Dutch headers and labels come from the translation packs;
 * moments are written in Europe/Amsterdam, calendar dates as they are.
 * Who made a record, who walked and who signed up are never written: a
 * count stands for people. Pure; tested in tests/unit/exports.test.ts.
 */
import { turnedUp } from '../../domain/attendance.ts';
import type { Config } from '../../domain/config-records.ts';
import { csvAmsterdamDateTime, csvDay, toCsv, type CsvCell } from '../../domain/csv.ts';
import { isOpenStatus } from '../../domain/follow-up.ts';
import type { Location } from '../../domain/fields.ts';
import type { Address } from '../../domain/finding.ts';
import { MIN_WALKERS } from '../../domain/patrol.ts';
import { DEFAULT_TARGET_LEVEL, meetsTarget, schouwScore } from '../../domain/schouw.ts';
import type { ExportSnapshot } from '../../store/export-store.ts';
import { activityTypeLabel, buurtName, organisationLabel, statusLabel, themeLabel } from '../i18n/labels.ts';
import { observationActionLabel, observationTypeLabel, patrolModeLabel, patrolOutcomeLabel } from '../patrol/labels.ts';
import { findingLabel } from '../schouw/labels.ts';
import type { ExportKind, ExportSelection } from './export-data.ts';
import type { ExportsKey } from './nl.ts';
import type { ExportsT } from './pack.ts';

type Column<R> = readonly [header: ExportsKey, cell: (row: R) => CsvCell];

/** What the builders read besides the records: the words and the tenant's names. */
export type ExportContext = { readonly t: ExportsT; readonly config: Config | null; readonly snapshot: ExportSnapshot };

function table<R>(ctx: ExportContext, columns: ReadonlyArray<Column<R>>, rows: readonly R[]): string {
  return toCsv([columns.map(([header]) => ctx.t(header)), ...rows.map((row) => columns.map(([, cell]) => cell(row)))]);
}

const yesNo = (ctx: ExportContext, value: boolean | null) => (value === null ? null : ctx.t(value ? 'exports.yes' : 'exports.no'));
const names = (list: readonly string[]) => list.join(', ');
const teamName = (ctx: ExportContext, id: string | null) => (id === null ? null : (ctx.config?.teams.find((team) => team.id === id)?.name ?? id));
const partnerName = (ctx: ExportContext, id: string) => ctx.config?.partners.find((partner) => partner.id === id)?.name ?? id;
const buurten = (ctx: ExportContext, ids: readonly string[]) => names(ids.map((id) => buurtName(ctx.t, ctx.config, id)));
/** One decimal, as a number (Excel counts with it). */
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** Where a record is: its address and its point, the columns every located type shares. */
function placeColumns<R extends { location: Location | null; address: Address | null }>(): ReadonlyArray<Column<R>> {
  return [
    ['exports.col.street', (r) => r.address?.street ?? null],
    ['exports.col.number', (r) => r.address?.number || null],
    ['exports.col.postcode', (r) => r.address?.postcode ?? null],
    ['exports.col.town', (r) => r.address?.place || null],
    ['exports.col.lat', (r) => r.location?.lat ?? null],
    ['exports.col.lon', (r) => r.location?.lon ?? null],
    ['exports.col.accuracyM', (r) => (r.location?.accuracyM === undefined ? null : Math.round(r.location.accuracyM))],
  ];
}

type Row<K extends ExportKind> = ExportSelection[K][number];

function activitiesCsv(ctx: ExportContext, rows: ReadonlyArray<Row<'activities'>>): string {
  const counts = (a: Row<'activities'>) => ctx.snapshot.attendance.get(a.id);
  const count = (key: 'residents' | 'volunteers' | 'professionals' | 'children' | 'firstTimers' | 'registered') => (a: Row<'activities'>) =>
    counts(a)?.counts[key] ?? 0;
  const columns: ReadonlyArray<Column<Row<'activities'>>> = [
    ['exports.col.date', (a) => csvDay(a.date)],
    ['exports.col.start', (a) => a.start],
    ['exports.col.end', (a) => a.end],
    ['exports.col.title', (a) => a.title],
    ['exports.col.activityType', (a) => activityTypeLabel(ctx.t, ctx.config, a.type)],
    ['exports.col.activityStatus', (a) => statusLabel(ctx.t, a.status)],
    ['exports.col.buurt', (a) => buurtName(ctx.t, ctx.config, a.buurtId)],
    ['exports.col.project', (a) => (a.projectId === null ? null : (ctx.config?.projects.find((p) => p.id === a.projectId)?.name ?? a.projectId))],
    ['exports.col.themes', (a) => names(a.themes.map((id) => themeLabel(ctx.config, id)))],
    ['exports.col.team', (a) => teamName(ctx, a.teamId)],
    ['exports.col.place', (a) => a.place || null],
    ['exports.col.lat', (a) => a.location?.lat ?? null],
    ['exports.col.lon', (a) => a.location?.lon ?? null],
    ['exports.col.organisers', (a) => names(a.organisers.map((ref) => organisationLabel(ctx.config, ref)))],
    ['exports.col.participating', (a) => names(a.participatingOrganisations.map((ref) => organisationLabel(ctx.config, ref)))],
    ['exports.col.residents', count('residents')],
    ['exports.col.volunteers', count('volunteers')],
    ['exports.col.professionals', count('professionals')],
    ['exports.col.children', count('children')],
    [
      'exports.col.turnedUp',
      (a) => {
        const totals = counts(a);
        return totals ? turnedUp(totals.counts) : 0;
      },
    ],
    ['exports.col.firstTimers', count('firstTimers')],
    ['exports.col.registered', count('registered')],
    [
      'exports.col.method',
      (a) => {
        const totals = counts(a);
        return totals ? ctx.t(`method.${totals.method}`) : null;
      },
    ],
    ['exports.col.pc4', (a) => names((counts(a)?.postcodes ?? []).map(([pc4, n]) => `${pc4}: ${n}`)) || null],
    ['exports.col.notes', (a) => a.notes || null],
    ['exports.col.id', (a) => a.id],
  ];
  return table(ctx, columns, rows);
}

function schouwRoundsCsv(ctx: ExportContext, rows: ReadonlyArray<Row<'schouwRounds'>>): string {
  const findingsOf = new Map<string, Array<ExportSnapshot['findings'][number]>>();
  for (const finding of ctx.snapshot.findings) {
    if (finding.deleted) continue;
    const list = findingsOf.get(finding.schouwId);
    if (list) list.push(finding);
    else findingsOf.set(finding.schouwId, [finding]);
  }
  const round = (a: Row<'schouwRounds'>) => ctx.snapshot.schouw.get(a.id);
  const target = (a: Row<'schouwRounds'>) => round(a)?.settings?.targetLevel ?? DEFAULT_TARGET_LEVEL;
  const score = (a: Row<'schouwRounds'>) =>
    schouwScore(
      (findingsOf.get(a.id) ?? []).map((f) => f.level),
      target(a),
    );
  const partners = (a: Row<'schouwRounds'>) => (round(a)?.participants.partners ?? []).reduce((sum, [, n]) => sum + n, 0);
  const columns: ReadonlyArray<Column<Row<'schouwRounds'>>> = [
    ['exports.col.date', (a) => csvDay(a.date)],
    ['exports.col.title', (a) => a.title],
    ['exports.col.buurt', (a) => buurtName(ctx.t, ctx.config, a.buurtId)],
    ['exports.col.schouwKind', (a) => findingLabel(ctx.t, 'schouwKind', round(a)?.settings?.kind ?? 'withResidents')],
    ['exports.col.schouwMethod', (a) => findingLabel(ctx.t, 'schouwMethod', round(a)?.settings?.method ?? 'crow')],
    ['exports.col.targetLevel', (a) => target(a)],
    ['exports.col.participantsResidents', (a) => round(a)?.participants.residents ?? 0],
    ['exports.col.participantsPartners', partners],
    ['exports.col.participantsTotal', (a) => round(a)?.participants.total ?? 0],
    ['exports.col.findings', (a) => findingsOf.get(a.id)?.length ?? 0],
    ['exports.col.rated', (a) => score(a).rated],
    ['exports.col.meeting', (a) => score(a).meeting],
    [
      'exports.col.meetingShare',
      (a) => {
        const share = score(a).share;
        return share === null ? null : oneDecimal(share * 100);
      },
    ],
    ['exports.col.open', (a) => (findingsOf.get(a.id) ?? []).filter((f) => isOpenStatus(f.status)).length],
    ['exports.col.resolved', (a) => (findingsOf.get(a.id) ?? []).filter((f) => f.status === 'resolved').length],
    ['exports.col.id', (a) => a.id],
  ];
  return table(ctx, columns, rows);
}

function findingsCsv(ctx: ExportContext, rows: ReadonlyArray<Row<'findings'>>): string {
  const titles = new Map(ctx.snapshot.activities.map((a) => [a.id, a.title]));
  const target = (schouwId: string) => ctx.snapshot.schouw.get(schouwId)?.settings?.targetLevel ?? DEFAULT_TARGET_LEVEL;
  const since = (id: string) => ctx.snapshot.findingStatusChangedAt.get(id);
  const columns: ReadonlyArray<Column<Row<'findings'>>> = [
    ['exports.col.dateTime', (f) => csvAmsterdamDateTime(f.createdAt)],
    ['exports.col.round', (f) => titles.get(f.schouwId) ?? null],
    ['exports.col.buurt', (f) => buurtName(ctx.t, ctx.config, f.buurtId)],
    ['exports.col.element', (f) => findingLabel(ctx.t, 'element', f.element)],
    ['exports.col.aspect', (f) => findingLabel(ctx.t, 'aspect', f.aspect)],
    ['exports.col.level', (f) => (f.level === null ? null : findingLabel(ctx.t, 'level', f.level))],
    ['exports.col.meetsTarget', (f) => yesNo(ctx, meetsTarget(f.level, target(f.schouwId)))],
    ['exports.col.note', (f) => f.note || null],
    ...placeColumns<Row<'findings'>>(),
    ['exports.col.cbsBuurtCode', (f) => f.cbsBuurtCode],
    ['exports.col.action', (f) => (f.action === null ? null : findingLabel(ctx.t, 'action', f.action))],
    ['exports.col.responsible', (f) => (f.responsiblePartnerId === null ? null : partnerName(ctx, f.responsiblePartnerId))],
    ['exports.col.meldingNumber', (f) => f.meldingNumber],
    ['exports.col.meldingStatus', (f) => findingLabel(ctx.t, 'meldingStatus', f.meldingStatus)],
    ['exports.col.status', (f) => findingLabel(ctx.t, 'findingStatus', f.status)],
    [
      'exports.col.statusSince',
      (f) => {
        const at = since(f.id);
        return at === undefined ? null : csvAmsterdamDateTime(at);
      },
    ],
    ['exports.col.photos', (f) => f.photos.length],
    ['exports.col.id', (f) => f.id],
  ];
  return table(ctx, columns, rows);
}

function patrolRoundsCsv(ctx: ExportContext, rows: ReadonlyArray<Row<'patrolRounds'>>): string {
  const observations = new Map<string, number>();
  for (const o of [...ctx.snapshot.safetyObservations, ...ctx.snapshot.publicSpaceObservations]) {
    if (!o.deleted) observations.set(o.roundId, (observations.get(o.roundId) ?? 0) + 1);
  }
  const columns: ReadonlyArray<Column<Row<'patrolRounds'>>> = [
    ['exports.col.start', (r) => csvAmsterdamDateTime(r.startedAt)],
    ['exports.col.end', (r) => (r.endedAt === null ? null : csvAmsterdamDateTime(r.endedAt))],
    ['exports.col.hours', (r) => (r.endedAt === null ? null : Math.round(((r.endedAt - r.startedAt) / 3_600_000) * 100) / 100)],
    ['exports.col.team', (r) => teamName(ctx, r.teamId)],
    ['exports.col.buurten', (r) => buurten(ctx, r.buurtIds)],
    ['exports.col.mode', (r) => patrolModeLabel(ctx.t, r.mode)],
    ['exports.col.walkers', (r) => new Set(r.walkers).size],
    ['exports.col.checkedIn', (r) => yesNo(ctx, r.checkedInWithPolice)],
    ['exports.col.outcome', (r) => (r.outcome === null ? null : patrolOutcomeLabel(ctx.t, r.outcome))],
    ['exports.col.notClosed', (r) => yesNo(ctx, r.closedBy === 'app')],
    ['exports.col.observations', (r) => observations.get(r.id) ?? 0],
    ['exports.col.summary', (r) => r.summary || null],
    ['exports.col.id', (r) => r.id],
  ];
  return table(ctx, columns, rows);
}

/** The first columns of both kinds of observation: when, where, what and what was done. */
function observationColumns<R extends Row<'safetyObservations'> | Row<'publicSpaceObservations'>>(ctx: ExportContext): ReadonlyArray<Column<R>> {
  return [
    ['exports.col.dateTime', (o) => csvAmsterdamDateTime(o.observedAt)],
    ['exports.col.buurt', (o) => buurtName(ctx.t, ctx.config, o.buurtId)],
    ['exports.col.team', (o) => teamName(ctx, o.teamId)],
    ['exports.col.observationType', (o) => observationTypeLabel(ctx.t, o.type)],
    ['exports.col.note', (o) => o.note || null],
    ['exports.col.action', (o) => observationActionLabel(ctx.t, o.action)],
    ['exports.col.meldingNumber', (o) => o.meldingNumber],
  ];
}

function safetyObservationsCsv(ctx: ExportContext, rows: ReadonlyArray<Row<'safetyObservations'>>): string {
  const columns: ReadonlyArray<Column<Row<'safetyObservations'>>> = [
    ...observationColumns<Row<'safetyObservations'>>(ctx),
    [
      'exports.col.reaction',
      (o) => {
        const state = ctx.snapshot.reactions.get(o.id);
        return state === undefined ? null : ctx.t(state === 'seen' ? 'patrolObs.reactionSeen' : 'patrolObs.reactionHandled');
      },
    ],
    ...placeColumns<Row<'safetyObservations'>>(),
    ['exports.col.id', (o) => o.id],
  ];
  return table(ctx, columns, rows);
}

function publicSpaceObservationsCsv(ctx: ExportContext, rows: ReadonlyArray<Row<'publicSpaceObservations'>>): string {
  const columns: ReadonlyArray<Column<Row<'publicSpaceObservations'>>> = [
    ...observationColumns<Row<'publicSpaceObservations'>>(ctx),
    ['exports.col.meldingStatus', (o) => findingLabel(ctx.t, 'meldingStatus', o.meldingStatus)],
    ['exports.col.status', (o) => findingLabel(ctx.t, 'findingStatus', o.status)],
    [
      'exports.col.statusSince',
      (o) => {
        const at = ctx.snapshot.observationStatusChangedAt.get(o.id);
        return at === undefined ? null : csvAmsterdamDateTime(at);
      },
    ],
    ...placeColumns<Row<'publicSpaceObservations'>>(),
    ['exports.col.photos', (o) => o.photos.length],
    ['exports.col.id', (o) => o.id],
  ];
  return table(ctx, columns, rows);
}

function slotsCsv(ctx: ExportContext, rows: ReadonlyArray<Row<'slots'>>): string {
  const walked = new Set(ctx.snapshot.patrolRounds.filter((r) => !r.deleted && r.slotId !== null).map((r) => r.slotId));
  const signedUp = (s: Row<'slots'>) => ctx.snapshot.slotWalkers.get(s.id) ?? 0;
  const columns: ReadonlyArray<Column<Row<'slots'>>> = [
    ['exports.col.date', (s) => csvDay(s.date)],
    ['exports.col.start', (s) => s.start],
    ['exports.col.durationMinutes', (s) => s.durationMinutes],
    ['exports.col.team', (s) => teamName(ctx, s.teamId)],
    ['exports.col.buurten', (s) => buurten(ctx, s.buurtIds)],
    ['exports.col.meetingPoint', (s) => s.meetingPoint || null],
    ['exports.col.signedUp', signedUp],
    ['exports.col.needsWalkers', (s) => yesNo(ctx, signedUp(s) < MIN_WALKERS)],
    ['exports.col.walked', (s) => yesNo(ctx, walked.has(s.id))],
    ['exports.col.id', (s) => s.id],
  ];
  return table(ctx, columns, rows);
}

/** The CSV file of one kind of record. */
export function exportCsv(ctx: ExportContext, kind: ExportKind, selection: ExportSelection): string {
  switch (kind) {
    case 'activities':
      return activitiesCsv(ctx, selection.activities);
    case 'schouwRounds':
      return schouwRoundsCsv(ctx, selection.schouwRounds);
    case 'findings':
      return findingsCsv(ctx, selection.findings);
    case 'patrolRounds':
      return patrolRoundsCsv(ctx, selection.patrolRounds);
    case 'safetyObservations':
      return safetyObservationsCsv(ctx, selection.safetyObservations);
    case 'publicSpaceObservations':
      return publicSpaceObservationsCsv(ctx, selection.publicSpaceObservations);
    case 'slots':
      return slotsCsv(ctx, selection.slots);
  }
}
