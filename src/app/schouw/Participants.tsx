import type { CounterKey } from '../../domain/attendance.ts';
import { RESIDENTS_COUNT, partnerCounterKey } from '../../domain/schouw.ts';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { CounterRow } from '../ui/CounterRow.tsx';
import { useCounter } from '../ui/use-counter.ts';
import { findingsPack } from './pack.ts';
import type { SchouwView } from '../../store/schouw-store.ts';

/**
 * Who takes part in the round: residents and each partner's people, with the
 * attendance screen's big − and + (CounterRow) and its tally, so quick taps
 * show at once and two phones counting add up (PN-counters in the store).
 */
export function Participants({ activityId, schouw, isReadOnly }: { activityId: string; schouw: SchouwView; isReadOnly: boolean }) {
  const { store, config, announce } = useApp();
  const t = useT(findingsPack);
  const counter = useCounter({
    view: schouw,
    totalOf,
    write: (key, delta) => store.schouw.bump(activityId, key, delta),
    onFailed: () => announce(t('round.saveFailed')),
  });
  const bump = (key: CounterKey, delta: 1 | -1, label: string) => {
    const count = counter.bump(key, delta);
    announce(t('round.countAnnounce', { label, count }));
  };

  // Partners hidden by the coordinator still show when this round counted them.
  const counted = new Set(schouw.participants.partners.map(([id]) => id));
  const partners = config.partners.filter((partner) => !partner.hidden || counted.has(partner.id));
  const rows: Array<{ key: CounterKey; id: string; label: string }> = [
    { key: RESIDENTS_COUNT, id: 'residents', label: t('round.residents') },
    ...partners.map((partner) => ({ key: partnerCounterKey(partner.id), id: `partner-${partner.id}`, label: partner.name })),
  ];
  const total = rows.reduce((sum, row) => sum + counter.countOf(row.key), 0);

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
          value={counter.countOf(row.key)}
          incrementLabel={t('round.increment', { label: row.label })}
          decrementLabel={t('round.decrement', { label: row.label })}
          onBump={(delta) => bump(row.key, delta, row.label)}
          isReadOnly={isReadOnly}
          isSaving={counter.isSaving(row.key)}
        />
      ))}
    </section>
  );
}

function totalOf(view: SchouwView, key: CounterKey): number {
  if (key === RESIDENTS_COUNT) return view.participants.residents;
  return view.participants.partners.find(([id]) => partnerCounterKey(id) === key)?.[1] ?? 0;
}
