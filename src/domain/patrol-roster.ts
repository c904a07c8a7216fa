/**
 * The roster's weekly pattern: a coordinator repeats "every Tuesday and
 * Friday, 20:00, 90 minutes, from the church" and gets the slots up to three
 * months ahead (ROSTER_MONTHS_AHEAD). Pure: the pattern and the clock in,
 * the slots to make out (the store gives each an id and saves them).
 */
import { ROSTER_MONTHS_AHEAD } from './patrol.ts';

/** The time zone the roster's dates and times are in. */
export const ROSTER_TIME_ZONE = 'Europe/Amsterdam';

export type WeeklyPattern = {
  readonly teamId: string;
  /** ISO weekdays: 1 Monday … 7 Sunday. */
  readonly weekdays: readonly number[];
  readonly start: string;
  readonly durationMinutes: number;
  readonly meetingPoint: string;
  readonly buurtIds: readonly string[];
  /** First date to plan (YYYY-MM-DD); default today. */
  readonly from?: string;
  /** Last date to plan; never past three months ahead. */
  readonly until?: string;
};

export type SlotDraft = {
  readonly teamId: string;
  readonly date: string;
  readonly start: string;
  readonly durationMinutes: number;
  readonly meetingPoint: string;
  readonly buurtIds: readonly string[];
};

/** The calendar date (YYYY-MM-DD) at `now` in the roster's time zone. */
export function rosterDate(now: number, timeZone = ROSTER_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now));
}

/** The last date the roster may hold: today plus three calendar months. */
export function rosterHorizon(today: string): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + ROSTER_MONTHS_AHEAD, 1));
  // Clamp to the month's last day: 30 November + 3 months is 28/29 February, not 2 March.
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The slots a weekly pattern makes from today (or `from`, if later) up to
 * `until` or three months ahead, whichever is sooner, in date order; dates
 * that already have a slot of the team at that start (`existing`) are left
 * out, so repeating the pattern twice makes nothing twice.
 *
 * @example
 * expandWeeklyPattern({ teamId: 't', weekdays: [2], start: '20:00', durationMinutes: 90, meetingPoint: '', buurtIds: [] }, now)
 * // every Tuesday from today to three months ahead
 */
export function expandWeeklyPattern(
  pattern: WeeklyPattern,
  now: number,
  existing: ReadonlyArray<{ readonly teamId: string; readonly date: string; readonly start: string }> = [],
): SlotDraft[] {
  const today = rosterDate(now);
  const horizon = rosterHorizon(today);
  const first = pattern.from !== undefined && pattern.from > today ? pattern.from : today;
  const last = pattern.until !== undefined && pattern.until < horizon ? pattern.until : horizon;
  const taken = new Set(existing.filter((slot) => slot.teamId === pattern.teamId && slot.start === pattern.start).map((slot) => slot.date));
  const weekdays = new Set(pattern.weekdays);
  const drafts: SlotDraft[] = [];
  for (let day = Date.parse(`${first}T00:00:00Z`); ; day += 86_400_000) {
    const date = new Date(day).toISOString().slice(0, 10);
    if (date > last) break;
    const isoWeekday = ((new Date(day).getUTCDay() + 6) % 7) + 1;
    if (!weekdays.has(isoWeekday) || taken.has(date)) continue;
    drafts.push({
      teamId: pattern.teamId,
      date,
      start: pattern.start,
      durationMinutes: pattern.durationMinutes,
      meetingPoint: pattern.meetingPoint,
      buurtIds: [...pattern.buurtIds],
    });
  }
  return drafts;
}

/** A round can be started from a slot from this many minutes before its start until its end. */
export const SLOT_START_LEAD_MINUTES = 30;

/** How far the zone's clock is ahead of UTC at `at`, in ms (Amsterdam: one hour in winter, two in summer). */
function zoneOffsetMs(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(at))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - Math.floor(at / 1000) * 1000;
}

/**
 * The moment (Unix ms) a roster date and time ("YYYY-MM-DD", "HH:MM") stand
 * for in the roster's time zone.
 *
 * @example
 * rosterMoment('2026-12-01', '20:00') // 2026-12-01T19:00:00Z (Amsterdam is UTC+1 in winter)
 */
export function rosterMoment(date: string, time: string, timeZone = ROSTER_TIME_ZONE): number {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hours, minutes);
  // The offset at the guess, then at the answer: right on both sides of a daylight-saving change.
  const first = asUtc - zoneOffsetMs(asUtc, timeZone);
  return asUtc - zoneOffsetMs(first, timeZone);
}

/** When a round may be started from a slot: from 30 minutes before its start until its end (Unix ms, `until` exclusive). */
export function slotStartWindow(slot: { readonly date: string; readonly start: string; readonly durationMinutes: number }): { from: number; until: number } {
  const start = rosterMoment(slot.date, slot.start);
  return { from: start - SLOT_START_LEAD_MINUTES * 60_000, until: start + slot.durationMinutes * 60_000 };
}

/**
 * Whether a round may be started from the slot at `now`: it is about to
 * begin (half an hour ahead) or running. Before and after that, the slot
 * offers no start (an ad-hoc round is always possible).
 *
 * @example
 * isSlotStartable({ date, start: '20:00', durationMinutes: 90 }, rosterMoment(date, '19:45')) // true
 */
export function isSlotStartable(slot: { readonly date: string; readonly start: string; readonly durationMinutes: number }, now: number): boolean {
  const { from, until } = slotStartWindow(slot);
  return now >= from && now < until;
}

/**
 * "HH:MM" plus minutes, wrapping past midnight: a slot's end time.
 *
 * @example
 * endTime('23:30', 90) // '01:00'
 */
export function endTime(start: string, minutes: number): string {
  const [h = 0, m = 0] = start.split(':').map(Number);
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
