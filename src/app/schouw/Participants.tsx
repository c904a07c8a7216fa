import { useEffect, useRef, useState } from 'preact/hooks';
import { RESIDENTS_COUNT, partnerCounterKey } from '../../domain/schouw.ts';
import { CounterRow } from '../attendance/CounterRow.tsx';
import { EMPTY_TALLY, observed, settled, shown, tapped, type Tally } from '../ui/tally.ts';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from './pack.ts';
import type { SchouwView } from '../../store/schouw-store.ts';

const SETTLE_MS = 1000;

/**
 * Who takes part in the round: residents and each partner's people, with the
 * attendance screen's big − and + (CounterRow) and its tally, so quick taps
 * show at once and two phones counting add up (PN-counters in the store).
 */
export function Participants({ activityId, schouw, isReadOnly }: { activityId: string; schouw: SchouwView; isReadOnly: boolean }) {
  const { store, config, announce } = useApp();
  const t = useT(findingsPack);
  const [tally, setTally] = useState<Tally>(EMPTY_TALLY);
  const live = useRef(schouw);
  live.current = schouw;
  useEffect(() => setTally(observed), [schouw]);

  const totalOf = (view: SchouwView, key: string): number =>
    key === RESIDENTS_COUNT ? view.participants.residents : (view.participants.partners.find(([id]) => partnerCounterKey(id) === key)?.[1] ?? 0);
  const countOf = (key: string) => shown(totalOf(schouw, key), schouw.ownCounts[key] ?? 0, tally[key]);
  const ownOf = (key: string) => live.current.ownCounts[key] ?? 0;

  const bump = (key: string, delta: 1 | -1, label: string) => {
    const next = Math.max(0, countOf(key) + delta);
    setTally((current) => tapped(current, key, delta, ownOf(key)));
    store.schouw.bump(activityId, key, delta).then(
      () => {
        setTally((current) => settled(current, key, delta, true, ownOf(key)));
        setTimeout(() => setTally(observed), SETTLE_MS);
      },
      () => {
        setTally((current) => settled(current, key, delta, false, ownOf(key)));
        announce(t('round.saveFailed'));
      },
    );
    announce(t('round.countAnnounce', { label, count: next }));
  };

  // Partners hidden by the coordinator still show when this round counted them.
  const counted = new Set(schouw.participants.partners.map(([id]) => id));
  const partners = config.partners.filter((partner) => !partner.hidden || counted.has(partner.id));
  const rows = [
    { key: RESIDENTS_COUNT, id: 'residents', label: t('round.residents') },
    ...partners.map((partner) => ({ key: partnerCounterKey(partner.id), id: `partner-${partner.id}`, label: partner.name })),
  ];
  const total = rows.reduce((sum, row) => sum + countOf(row.key), 0);

  return (
    <section aria-labelledby="participants-title" class="round-section">
      <h2 id="participants-title">{t('round.participants')}</h2>
      <p class="round-total" data-testid="participants-total">
        {t('round.participantsTotal', { count: total })}
      </p>
      {rows.map((row) => (
        <CounterRow
          key={row.key}
          id={row.id}
          label={row.label}
          value={countOf(row.key)}
          incrementLabel={t('round.increment', { label: row.label })}
          decrementLabel={t('round.decrement', { label: row.label })}
          onBump={(delta) => bump(row.key, delta, row.label)}
          isReadOnly={isReadOnly}
        />
      ))}
    </section>
  );
}
