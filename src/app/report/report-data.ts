/**
 * What the schouw report, the terugkoppeling and the open-findings views
 * show, worked out without any UI: the findings grouped by element and
 * aspect, the action list, counts per status, the feedback groups for the
 * residents, the open findings of the wijkbeheerder and how long each has
 * been open. Words come from the caller; this module only orders and counts.
 * The score itself is the domain's one rule (`schouwScore` in
 * src/domain/schouw.ts).
 */
import { FINDING_ASPECTS, FINDING_ELEMENTS, FINDING_STATUSES, isOpenStatus } from '../../domain/finding.ts';
import type { Finding, FindingAspect, FindingElement, FindingStatus } from '../../domain/finding.ts';
import type { PartnerFilter } from '../../store/schouw-store.ts';

/** The parts of a finding this module reads (a store's FindingView is one). */
export type ReportFinding = Pick<
  Finding,
  'pointNo' | 'element' | 'aspect' | 'action' | 'status' | 'responsiblePartnerId' | 'createdAt' | 'location' | 'address'
> & { readonly id: string };

/** A whole finding with its id, as the exports (CSV, GeoJSON) write it. */
export type ExportFinding = Finding & { readonly id: string };

export type AspectGroup<F> = { readonly aspect: FindingAspect; readonly findings: readonly F[] };
export type ElementGroup<F> = { readonly element: FindingElement; readonly aspects: readonly AspectGroup<F>[]; readonly count: number };

/**
 * Findings grouped by element, then aspect, both in the domain's order (the
 * order of the capture form); within a group the findings keep the order
 * they came in (the store's: point number, then time).
 */
export function groupByElementAndAspect<F extends Pick<ReportFinding, 'element' | 'aspect'>>(findings: readonly F[]): ElementGroup<F>[] {
  const groups: ElementGroup<F>[] = [];
  for (const element of FINDING_ELEMENTS) {
    const ofElement = findings.filter((f) => f.element === element);
    if (ofElement.length === 0) continue;
    const aspects: AspectGroup<F>[] = [];
    for (const aspect of FINDING_ASPECTS) {
      const ofAspect = ofElement.filter((f) => f.aspect === aspect);
      if (ofAspect.length > 0) aspects.push({ aspect, findings: ofAspect });
    }
    groups.push({ element, aspects, count: ofElement.length });
  }
  return groups;
}

/**
 * Each finding's number in a round: its point number when the round numbers
 * its points, otherwise its place in the round's order (1-based) — so the
 * report, the map, the action list and the CSV speak of the same "nr. 3".
 *
 * @example
 * findingNumbers([{ id: 'a', pointNo: null }, { id: 'b', pointNo: 7 }]) // Map { a → 1, b → 7 }
 */
export function findingNumbers(findings: ReadonlyArray<Pick<ReportFinding, 'id' | 'pointNo'>>): Map<string, number> {
  return new Map(findings.map((f, index) => [f.id, f.pointNo ?? index + 1]));
}

/** The findings someone has to act on: those with an action other than none, in the round's order. */
export function actionList<F extends Pick<ReportFinding, 'action'>>(findings: readonly F[]): F[] {
  return findings.filter((f) => f.action !== null && f.action !== 'none');
}

/** How many findings have each follow-up status; every status present (0 when none). */
export function statusCounts(findings: ReadonlyArray<Pick<ReportFinding, 'status'>>): Record<FindingStatus, number> {
  const counts = Object.fromEntries(FINDING_STATUSES.map((status) => [status, 0])) as Record<FindingStatus, number>;
  for (const finding of findings) counts[finding.status] += 1;
  return counts;
}

/** The terugkoppeling's groups, in the order residents read them. */
export const FEEDBACK_GROUPS = ['resolved', 'busy', 'open', 'wontFix'] as const;
export type FeedbackGroup = (typeof FEEDBACK_GROUPS)[number];

/** Opgelost · mee bezig (reported or in progress) · nog open (new) · wordt niet opgepakt. */
export function feedbackGroupOf(status: FindingStatus): FeedbackGroup {
  switch (status) {
    case 'resolved':
      return 'resolved';
    case 'wontFix':
      return 'wontFix';
    case 'new':
      return 'open';
    case 'reported':
    case 'inProgress':
      return 'busy';
  }
}

export function feedbackGroups<F extends Pick<ReportFinding, 'status'>>(findings: readonly F[]): Array<{ group: FeedbackGroup; findings: F[] }> {
  return FEEDBACK_GROUPS.map((group) => ({ group, findings: findings.filter((f) => feedbackGroupOf(f.status) === group) }));
}

/** The latest follow-up note that says something (history oldest first, as the store gives it). */
export function latestNote(history: ReadonlyArray<{ readonly note: string; readonly to: FindingStatus }>, to?: FindingStatus): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i];
    if (entry && entry.note.trim() !== '' && (to === undefined || entry.to === to)) return entry.note.trim();
  }
  return null;
}

export type { PartnerFilter };
export type OpenFilter = { readonly partner: PartnerFilter; readonly status: FindingStatus | null };
export const ANY_OPEN: OpenFilter = { partner: { kind: 'any' }, status: null };

/**
 * The wijkbeheerder's list: open findings only (`isOpenStatus`), filtered by
 * responsible partner and status, oldest first — the longest waiting on top.
 */
export function openFindings<F extends Pick<ReportFinding, 'id' | 'status' | 'responsiblePartnerId' | 'createdAt'>>(
  findings: readonly F[],
  filter: OpenFilter = ANY_OPEN,
): F[] {
  return findings
    .filter((f) => isOpenStatus(f.status))
    .filter((f) => filter.status === null || f.status === filter.status)
    .filter((f) => {
      if (filter.partner.kind === 'any') return true;
      if (filter.partner.kind === 'none') return f.responsiblePartnerId === null;
      return f.responsiblePartnerId === filter.partner.partnerId;
    })
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

/** How many are open, of counts per status (a buurt's, for choosing a buurt). */
export function openCount(counts: Readonly<Record<FindingStatus, number>>): number {
  return FINDING_STATUSES.filter(isOpenStatus).reduce((sum, status) => sum + counts[status], 0);
}

/** The partners the open findings name, in first-seen order (for the filter's choices). */
export function partnersInUse(findings: ReadonlyArray<Pick<ReportFinding, 'responsiblePartnerId'>>): string[] {
  return [...new Set(findings.flatMap((f) => (f.responsiblePartnerId === null ? [] : [f.responsiblePartnerId])))];
}

export type Age = { readonly unit: 'today' | 'day' | 'week' | 'month'; readonly count: number };

const DAY = 24 * 60 * 60 * 1000;

/**
 * How long a finding has been open, in the unit people use: days for the
 * first two weeks, then weeks up to two months, then months (30 days).
 *
 * @example
 * ageOf(now - 21 * DAY, now) // { unit: 'week', count: 3 }
 */
export function ageOf(createdAt: number, now: number): Age {
  const days = Math.floor(Math.max(0, now - createdAt) / DAY);
  if (days < 1) return { unit: 'today', count: 0 };
  if (days < 14) return { unit: 'day', count: days };
  if (days < 60) return { unit: 'week', count: Math.floor(days / 7) };
  return { unit: 'month', count: Math.floor(days / 30) };
}

/** Where a finding is, for people: its address, or else its point; null when it has neither. */
export type Place =
  | { readonly kind: 'address'; readonly street: string; readonly number: string; readonly postcode: string | null; readonly place: string }
  | { readonly kind: 'point'; readonly lat: number; readonly lon: number }
  | null;

export function placeOf(finding: Pick<ReportFinding, 'location' | 'address'>): Place {
  if (finding.address) return { kind: 'address', ...finding.address };
  if (finding.location) return { kind: 'point', lat: finding.location.lat, lon: finding.location.lon };
  return null;
}

/** "Oranjelaan 12, Alblasserdam", or the point as the caller words it ("51,86120 NB, 4,66010 OL"). */
export function placeText(place: Place, formatPoint: (lat: number, lon: number) => string): string | null {
  if (place === null) return null;
  if (place.kind === 'point') return formatPoint(place.lat, place.lon);
  const street = [place.street, place.number].filter((part) => part.trim() !== '').join(' ');
  return [street, place.place].filter((part) => part.trim() !== '').join(', ');
}

/**
 * The words the exports write for a finding's codes, passed in so the pure
 * modules stay free of the UI (the screens make them from `findingLabel`).
 */
export type FindingWords = {
  element(value: FindingElement): string;
  aspect(value: FindingAspect): string;
  level(value: NonNullable<Finding['level']>): string;
  action(value: NonNullable<Finding['action']>): string;
  meldingStatus(value: Finding['meldingStatus']): string;
  status(value: FindingStatus): string;
  /** A partner's name by id (the id itself when the config no longer has it). */
  partner(id: string): string;
};
