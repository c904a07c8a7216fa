import '../ui/ui.css';
import './attendance.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ATTENDANCE_METHODS, COUNT_KEYS, pc4CounterKey, pc4OfCounterKey, turnedUp, type CountKey } from '../../domain/attendance.ts';
import { mayCount } from '../abilities.ts';
import { useApp } from '../context.ts';
import { useLive } from '../hooks.ts';
import { countLabel, methodLabel } from '../i18n/labels.ts';
import type { AttendanceView } from '../../store/attendance-store.ts';
import { hrefOf } from '../router.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { SyncBadge } from '../ui/SyncBadge.tsx';
import { CounterRow } from './CounterRow.tsx';
import { Pc4Entry } from './Pc4Entry.tsx';
import { EMPTY_TALLY, observed, settled, shown, tapped, type Tally } from '../ui/tally.ts';
import { useT } from '../i18n/use-t.ts';
import { activityPack } from '../activities/form/pack.ts';
import { attendancePack } from './pack.ts';

type CounterKey = CountKey | `pc4:${string}`;

const SETTLE_MS = 1000;

/** The order at the door: who turned up first, then first-timers and registrations. */
const DOOR_KEYS = ['residents', 'volunteers', 'professionals', 'children', 'firstTimers', 'registered'] as const satisfies readonly CountKey[];

/** `#/activiteit/:id/aanwezigheid`: counting at the door with one hand. */
export function AttendanceScreen({ id }: { id: string }) {
  const { store, announce, principal } = useApp();
  const t = useT(attendancePack, activityPack);
  const activity = useLive((s) => s.activities.get(id), [id]);
  // Counting buttons only for whom the permission table lets count (attendance takes its activity's scope).
  const isReadOnly = !activity || !mayCount(principal, activity);
  const attendance = useLive((s) => s.attendance.get(id), [id]);
  const [tally, setTally] = useState<Tally>(EMPTY_TALLY);
  // The latest live answer, for callbacks that outlive the render that made them.
  const live = useRef<AttendanceView | undefined>(attendance);
  live.current = attendance;

  useEffect(() => {
    if (attendance) setTally(observed);
  }, [attendance]);

  const ownOf = (key: string) => live.current?.ownCounts[key] ?? 0;
  const totalOf = (a: AttendanceView | undefined, key: CounterKey): number => {
    if (!a) return 0;
    const pc4 = pc4OfCounterKey(key);
    if (pc4 === null) return a.counts[key as CountKey];
    return a.postcodes.find(([code]) => code === pc4)?.[1] ?? 0;
  };
  const countOf = (key: CounterKey) => shown(totalOf(attendance, key), attendance?.ownCounts[key] ?? 0, tally[key]);

  const bump = (key: CounterKey, delta: 1 | -1, label: string) => {
    const next = Math.max(0, countOf(key) + delta);
    setTally((current) => tapped(current, key, delta, ownOf(key)));
    // Written at once; nothing else is awaited on the way (DESIGN.md: the
    // network is never on the path of a tap).
    store.attendance.bump(id, key, delta).then(
      () => {
        setTally((current) => settled(current, key, delta, true, ownOf(key)));
        // A write the store skipped (a "−" that met zero on disk) commits
        // nothing, so no live answer follows; let the live value win soon.
        setTimeout(() => setTally(observed), SETTLE_MS);
      },
      () => {
        setTally((current) => settled(current, key, delta, false, ownOf(key)));
        announce(t('attendance.saveFailed'));
      },
    );
    announce(t('attendance.announce', { label, count: next }));
  };

  const counts = Object.fromEntries(COUNT_KEYS.map((key) => [key, countOf(key)])) as Record<CountKey, number>;
  const seenPostcodes = useRef(new Set<string>());
  const postcodes = pc4Keys(attendance, tally, seenPostcodes.current);

  return (
    <>
      <ScreenTitle>{t('attendance.title')}</ScreenTitle>
      <p class="attendance-activity">
        {activity ? <a href={hrefOf({ name: 'detail', id })}>{activity.title}</a> : null}
        {attendance && <SyncBadge state={attendance.syncState} />}
      </p>

      {attendance === undefined ? (
        <p class="muted">{t('app.loading')}</p>
      ) : (
        <>
          <div class="attendance-summary" data-testid="attendance-summary">
            <p class="summary-item">
              <span class="summary-label">{t('attendance.turnedUp')}</span>
              <span class="summary-value" data-testid="turned-up">
                {turnedUp(counts)}
              </span>
            </p>
            <p class="summary-item">
              <span class="summary-label">{t('attendance.registered')}</span>
              <span class="summary-value" data-testid="registered">
                {counts.registered}
              </span>
            </p>
          </div>

          <section aria-labelledby="counts-title">
            <h2 id="counts-title" class="visually-hidden">
              {t('attendance.counts')}
            </h2>
            {DOOR_KEYS.map((key) => {
              const label = countLabel(t, key);
              return (
                <CounterRow
                  key={key}
                  id={key}
                  label={label}
                  value={counts[key]}
                  incrementLabel={t('attendance.increment', { label })}
                  decrementLabel={t('attendance.decrement', { label })}
                  onBump={(delta) => bump(key, delta, label)}
                  isReadOnly={isReadOnly}
                />
              );
            })}
          </section>
          {isReadOnly && activity && <p class="muted">{t('attendance.readOnly')}</p>}

          {isReadOnly ? (
            <p>
              {t('attendance.method')}: {methodLabel(t, attendance.method)}
            </p>
          ) : (
          <fieldset class="fieldset">
            <legend>{t('attendance.method')}</legend>
            <div class="checks checks-inline">
              {ATTENDANCE_METHODS.map((method) => (
                <label key={method} class="check">
                  <input
                    type="radio"
                    name="attendance-method"
                    value={method}
                    checked={attendance.method === method}
                    onChange={() => {
                      void store.attendance.setMethod(id, method).catch(() => announce(t('form.saveFailed')));
                    }}
                  />
                  <span>{methodLabel(t, method)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          )}

          <section aria-labelledby="pc4-title" class="pc4">
            <h2 id="pc4-title">{t('attendance.pc4Title')}</h2>
            {!isReadOnly && <Pc4Entry onAdd={(pc4) => bump(pc4CounterKey(pc4) as CounterKey, 1, t('attendance.pc4Label', { pc4 }))} />}
            {postcodes.length === 0 ? (
              <p class="muted">{t('attendance.pc4None')}</p>
            ) : (
              postcodes.map((pc4) => {
                const label = t('attendance.pc4Label', { pc4 });
                const key = pc4CounterKey(pc4) as CounterKey;
                return (
                  <CounterRow
                    key={pc4}
                    id={`pc4-${pc4}`}
                    label={label}
                    value={countOf(key)}
                    incrementLabel={t('attendance.increment', { label })}
                    decrementLabel={t('attendance.decrement', { label })}
                    onBump={(delta) => bump(key, delta, label)}
                    isReadOnly={isReadOnly}
                  />
                );
              })
            )}
          </section>
        </>
      )}
    </>
  );
}

/**
 * Postcodes to list: those counted (live), plus those just tapped whose
 * write has not shown up yet. One that dropped to zero stays listed while
 * the screen is open, so a mistaken "−" can be undone.
 */
function pc4Keys(attendance: AttendanceView | undefined, tally: Tally, seen: Set<string>): string[] {
  for (const [pc4] of attendance?.postcodes ?? []) seen.add(pc4);
  for (const key of Object.keys(tally)) {
    const pc4 = pc4OfCounterKey(key);
    if (pc4 !== null) seen.add(pc4);
  }
  return [...seen].sort();
}
