import '../ui/ui.css';
import './attendance.css';
import { useRef } from 'preact/hooks';
import {
  ATTENDANCE_METHODS,
  COUNT_KEYS,
  isCountKey,
  pc4CounterKey,
  pc4OfCounterKey,
  turnedUp,
  type CounterKey,
  type CountKey,
} from '../../domain/attendance.ts';
import { mayCount } from '../abilities.ts';
import { useApp } from '../context.ts';
import { useLive } from '../hooks.ts';
import { countLabel, methodLabel } from '../i18n/labels.ts';
import type { AttendanceView } from '../../store/attendance-store.ts';
import { hrefOf } from '../router.ts';
import { CounterRow } from '../ui/CounterRow.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { SyncBadge } from '../ui/SyncBadge.tsx';
import { useCounter } from '../ui/use-counter.ts';
import { Pc4Entry } from './Pc4Entry.tsx';
import { useT } from '../i18n/use-t.ts';
import { activityPack } from '../activities/form/pack.ts';
import { attendancePack } from './pack.ts';

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
  const counter = useCounter({
    view: attendance,
    totalOf,
    write: (key, delta) => store.attendance.bump(id, key, delta),
    onFailed: () => announce(t('attendance.saveFailed')),
  });
  const bump = (key: CounterKey, delta: 1 | -1, label: string) => {
    const count = counter.bump(key, delta);
    announce(t('attendance.announce', { label, count }));
  };

  const counts = Object.fromEntries(COUNT_KEYS.map((key) => [key, counter.countOf(key)])) as Record<CountKey, number>;
  const seenPostcodes = useRef(new Set<string>());
  const postcodes = pc4Keys(attendance, counter.pendingKeys(), seenPostcodes.current);

  return (
    <>
      <ScreenTitle>{t('attendance.title')}</ScreenTitle>
      <p class="attendance-activity">
        {activity ? <a href={hrefOf({ name: 'detail', id })}>{activity.title}</a> : null}
        <SyncBadge state={attendance ? attendance.syncState : null} />
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
                  isSaving={counter.isSaving(key)}
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
            {!isReadOnly && <Pc4Entry onAdd={(pc4) => bump(pc4CounterKey(pc4), 1, t('attendance.pc4Label', { pc4 }))} />}
            {postcodes.length === 0 ? (
              <p class="muted">{t('attendance.pc4None')}</p>
            ) : (
              postcodes.map((pc4) => {
                const label = t('attendance.pc4Label', { pc4 });
                const key = pc4CounterKey(pc4);
                return (
                  <CounterRow
                    key={pc4}
                    id={`pc4-${pc4}`}
                    label={label}
                    value={counter.countOf(key)}
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
function pc4Keys(attendance: AttendanceView | undefined, pending: readonly string[], seen: Set<string>): string[] {
  for (const [pc4] of attendance?.postcodes ?? []) seen.add(pc4);
  for (const key of pending) {
    const pc4 = pc4OfCounterKey(key);
    if (pc4 !== null) seen.add(pc4);
  }
  return [...seen].sort();
}

function totalOf(attendance: AttendanceView, key: CounterKey): number {
  const pc4 = pc4OfCounterKey(key);
  if (pc4 !== null) return attendance.postcodes.find(([code]) => code === pc4)?.[1] ?? 0;
  return isCountKey(key) ? attendance.counts[key] : 0;
}
