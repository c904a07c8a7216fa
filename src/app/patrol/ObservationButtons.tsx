/**
 * The large type buttons: one tap saves an observation with its time and
 * the last GPS place (use-position.ts). Safety types first (the kind most
 * logged at night); public space one tap away. A suspicious situation asks
 * "112 gebeld?" first (SAAR), whose answer is the second tap.
 */
import { useState } from 'preact/hooks';
import { PUBLIC_SPACE_OBSERVATION_TYPES, SAFETY_OBSERVATION_TYPES, asksCalled112First, type ObservationKind } from '../../domain/patrol-observation.ts';
import type { ObservationInput } from '../../store/patrol-store.ts';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { TYPE_ICONS } from './icons.ts';
import { patrolPack } from './pack.ts';
import { patrolHref } from './routes.ts';
import { usePosition } from './use-position.ts';
import { observationKindLabel, observationTypeLabel } from './labels.ts';

export function ObservationButtons({ roundId }: { roundId: string }) {
  const { store, me, announce, navigate } = useApp();
  const t = useT(patrolPack);
  const position = usePosition();
  const [kind, setKind] = useState<ObservationKind>('safety');
  const [asking, setAsking] = useState(false);
  const types = kind === 'safety' ? SAFETY_OBSERVATION_TYPES : PUBLIC_SPACE_OBSERVATION_TYPES;

  const save = async (input: ObservationInput) => {
    const id = await store.patrol.addObservation({ ...input, location: position() }, me.userId);
    announce(t('patrolRound.saved', { type: observationTypeLabel(t, input.type) }));
    navigate({ name: 'patrol', path: patrolHref({ name: 'observation', roundId, id }).slice(1) });
  };

  if (asking) {
    return (
      <section class="patrol-section patrol-saar" aria-labelledby="saar-title">
        <h2 id="saar-title">{t('patrolAdd.saar')}</h2>
        <p>{t('patrolAdd.saarHint')}</p>
        <div class="patrol-saar-buttons">
          <button
            type="button"
            class="button button-primary patrol-target"
            onClick={() => void save({ roundId, kind: 'safety', type: 'suspiciousSituation', action: 'called112' })}
          >
            {t('patrolAdd.saarYes')}
          </button>
          <a
            class="button patrol-target patrol-phone-112"
            href="tel:112"
            onClick={() => void save({ roundId, kind: 'safety', type: 'suspiciousSituation', action: 'called112' })}
          >
            {t('patrolAdd.saarCall')}
          </a>
          <button type="button" class="button patrol-target" onClick={() => void save({ roundId, kind: 'safety', type: 'suspiciousSituation' })}>
            {t('patrolAdd.saarNo')}
          </button>
          <button type="button" class="button button-small" onClick={() => setAsking(false)}>
            {t('patrolAdd.cancel')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section class="patrol-section" aria-labelledby="add-title">
      <h2 id="add-title">{t('patrolAdd.title')}</h2>
      <div class="patrol-kinds" role="group" aria-label={t('patrolAdd.title')}>
        {(['safety', 'publicSpace'] as const).map((option) => (
          <button key={option} type="button" class="patrol-kind patrol-target" aria-pressed={kind === option} onClick={() => setKind(option)}>
            {observationKindLabel(t, option)}
          </button>
        ))}
      </div>
      <p class="field-hint">{t('patrolAdd.hint')}</p>
      <ul class="patrol-types">
        {types.map((type) => {
          const Icon = TYPE_ICONS[type];
          const onClick =
            kind === 'safety'
              ? () =>
                  asksCalled112First(type as (typeof SAFETY_OBSERVATION_TYPES)[number])
                    ? setAsking(true)
                    : void save({ roundId, kind: 'safety', type: type as (typeof SAFETY_OBSERVATION_TYPES)[number] })
              : () => void save({ roundId, kind: 'publicSpace', type: type as (typeof PUBLIC_SPACE_OBSERVATION_TYPES)[number] });
          return (
            <li key={type}>
              <button type="button" class="patrol-type patrol-target" onClick={onClick}>
                <Icon aria-hidden="true" size={28} />
                <span>{observationTypeLabel(t, type)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
