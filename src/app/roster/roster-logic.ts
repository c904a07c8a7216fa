/**
 * The roster's and the effort view's arithmetic, pure: weeks of slots, a
 * slot's end, a month's range, effort per team and buurt. Tested in
 * tests/unit/roster-logic.test.ts.
 */
import { MIN_WALKERS } from '../../domain/patrol.ts';
import { isSlotStartable } from '../../domain/patrol-roster.ts';
import type { ObservationView, RoundView, SlotView } from '../../store/patrol-roster-store.ts';

// A slot's end time is the domain's (the patrol start form says it too).
export { endTime } from '../../domain/patrol-roster.ts';

/** What a slot offers about its round: start one, go to the running one, read the walked one's report, or nothing. */
export type SlotRoundAction = { kind: 'start' } | { kind: 'running'; roundId: string } | { kind: 'walked'; roundId: string } | null;

/**
 * A slot that already has a round points to it (never a second start); a
 * member of the slot's team may start one from half an hour before the
 * slot until its end (isSlotStartable).
 */
export function slotRoundAction(
  slot: Pick<SlotView, 'teamId' | 'date' | 'start' | 'durationMinutes' | 'round'>,
  now: number,
  teamIds: readonly string[],
): SlotRoundAction {
  if (slot.round) return { kind: slot.round.running ? 'running' : 'walked', roundId: slot.round.id };
  return teamIds.includes(slot.teamId) && isSlotStartable(slot, now) ? { kind: 'start' } : null;
}

/** ISO week number and the Monday that starts it (YYYY-MM-DD) of a calendar date. */
export function isoWeek(date: string): { week: number; monday: string } {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  const monday = new Date(day.getTime() - weekday * 86_400_000);
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
  return { week, monday: monday.toISOString().slice(0, 10) };
}

/** A calendar date plus days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export type SlotWeek = { week: number; monday: string; slots: SlotView[] };

/** Slots (in date order) grouped by ISO week. */
export function slotsByWeek(slots: readonly SlotView[]): SlotWeek[] {
  const weeks: SlotWeek[] = [];
  for (const slot of slots) {
    const { week, monday } = isoWeek(slot.date);
    const last = weeks.at(-1);
    if (last?.monday === monday) last.slots.push(slot);
    else weeks.push({ week, monday, slots: [slot] });
  }
  return weeks;
}

/** The month (YYYY-MM) as local Unix ms [from, until), and its first and last date. */
export function monthRange(month: string): { from: number; until: number; first: string; last: string } {
  const [year = 1970, m = 1] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return {
    from: new Date(year, m - 1, 1).getTime(),
    until: new Date(year, m, 1).getTime(),
    first: `${month}-01`,
    last: `${month}-${String(lastDay).padStart(2, '0')}`,
  };
}

/** The local month (YYYY-MM) of a moment, and `back` months before it. */
export function monthOf(now: number, back = 0): string {
  const d = new Date(now);
  const shifted = new Date(d.getFullYear(), d.getMonth() - back, 1);
  return `${shifted.getFullYear()}-${String(shifted.getMonth() + 1).padStart(2, '0')}`;
}

/** Hours a round was walked: only rounds the walkers closed have a known end. */
export function roundHours(round: Pick<RoundView, 'startedAt' | 'endedAt'>): number {
  return round.endedAt === null ? 0 : Math.max(0, round.endedAt - round.startedAt) / 3_600_000;
}

export type EffortRow = {
  teamId: string;
  buurtId: string;
  rounds: number;
  hours: number;
  /** Rounds walked with at least two walkers. */
  paired: number;
  slots: number;
  /** Slots with at least two walkers signed up. */
  covered: number;
  safety: number;
  publicSpace: number;
  /** Observations by type. */
  byType: Partial<Record<ObservationView['type'], number>>;
};

/** A share as a whole percentage, or null without anything to share. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}

/**
 * Effort per team and buurt: a round and a slot count in every buurt of
 * their area, an observation in its own buurt. Rows by team, then buurt.
 */
export function effortRows(input: { rounds: readonly RoundView[]; slots: readonly SlotView[]; observations: readonly ObservationView[] }): EffortRow[] {
  const rows = new Map<string, EffortRow>();
  const row = (teamId: string, buurtId: string): EffortRow => {
    const key = `${teamId}\u0000${buurtId}`;
    let found = rows.get(key);
    if (!found) {
      found = { teamId, buurtId, rounds: 0, hours: 0, paired: 0, slots: 0, covered: 0, safety: 0, publicSpace: 0, byType: {} };
      rows.set(key, found);
    }
    return found;
  };
  for (const round of input.rounds) {
    for (const buurtId of round.buurtIds) {
      const r = row(round.teamId, buurtId);
      r.rounds += 1;
      r.hours += roundHours(round);
      if (new Set(round.walkers).size >= MIN_WALKERS) r.paired += 1;
    }
  }
  for (const slot of input.slots) {
    for (const buurtId of slot.buurtIds) {
      const r = row(slot.teamId, buurtId);
      r.slots += 1;
      if (!slot.needsWalkers) r.covered += 1;
    }
  }
  for (const observation of input.observations) {
    const r = row(observation.teamId, observation.buurtId);
    if (observation.kind === 'safety') r.safety += 1;
    else r.publicSpace += 1;
    r.byType[observation.type] = (r.byType[observation.type] ?? 0) + 1;
  }
  return [...rows.values()].sort((a, b) => a.teamId.localeCompare(b.teamId) || a.buurtId.localeCompare(b.buurtId));
}

/** Observations by type over all rows, most first. */
export function typeTotals(rows: readonly EffortRow[]): Array<[ObservationView['type'], number]> {
  const totals = new Map<ObservationView['type'], number>();
  for (const row of rows) {
    // Object.entries widens the keys to string; they are the observation types byType was filled with.
    for (const [type, count] of Object.entries(row.byType) as Array<[ObservationView['type'], number]>) totals.set(type, (totals.get(type) ?? 0) + count);
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
