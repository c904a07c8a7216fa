import { SCHOUW_KINDS, SCHOUW_METHODS, CROW_LEVELS } from '../../domain/schouw.ts';
import { useApp } from '../context.ts';
import { findingLabel } from './labels.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from './pack.ts';
import type { SchouwSettings, SchouwView } from '../../store/schouw-store.ts';
import { DetailItem } from '../ui/DetailItem.tsx';

/**
 * The round's kind, rating method and target level: each saved the moment
 * it is chosen (store.updateSchouw), shown read-only to whom may not change
 * them. Folded away by default: set once, at the start of the round.
 */
export function RoundSettings({ activityId, schouw, isReadOnly }: { activityId: string; schouw: SchouwView; isReadOnly: boolean }) {
  const { store, announce } = useApp();
  const t = useT(findingsPack);
  const save = (changes: Partial<SchouwSettings>) => {
    store.schouw.updateRound(activityId, changes).then(
      () => announce(t('round.settingSaved')),
      () => announce(t('round.saveFailed')),
    );
  };
  const summary = [
    findingLabel(t, 'schouwKind', schouw.kind),
    findingLabel(t, 'schouwMethod', schouw.method),
    `${t('round.targetLevel')}: ${schouw.targetLevel}`,
  ].join(' · ');

  return (
    <details class="round-settings round-section" data-testid="round-settings">
      <summary>
        <span class="round-settings-title">{t('round.settings')}</span>
        <span class="round-settings-summary">{summary}</span>
      </summary>
      {isReadOnly ? (
        <dl class="details">
          <DetailItem term={t('round.kind')}>{findingLabel(t, 'schouwKind', schouw.kind)}</DetailItem>
          <DetailItem term={t('round.method')}>{findingLabel(t, 'schouwMethod', schouw.method)}</DetailItem>
          <DetailItem term={t('round.targetLevel')}>{findingLabel(t, 'level', schouw.targetLevel)}</DetailItem>
        </dl>
      ) : (
        <div class="form">
          <Radios
            legend={t('round.kind')}
            name="schouw-kind"
            options={SCHOUW_KINDS}
            value={schouw.kind}
            label={(v) => findingLabel(t, 'schouwKind', v)}
            onChange={(kind) => save({ kind })}
          />
          <Radios
            legend={t('round.method')}
            name="schouw-method"
            options={SCHOUW_METHODS}
            value={schouw.method}
            label={(v) => findingLabel(t, 'schouwMethod', v)}
            onChange={(method) => save({ method })}
          />
          <Radios
            legend={t('round.targetLevel')}
            hint={t('round.targetHint')}
            name="schouw-target"
            options={CROW_LEVELS}
            value={schouw.targetLevel}
            label={(v) => findingLabel(t, 'level', v)}
            onChange={(targetLevel) => save({ targetLevel })}
          />
        </div>
      )}
    </details>
  );
}

function Radios<V extends string>(props: {
  legend: string;
  hint?: string;
  name: string;
  options: readonly V[];
  value: V;
  label(v: V): string;
  onChange(v: V): void;
}) {
  return (
    <fieldset class="fieldset" aria-describedby={props.hint ? `${props.name}-hint` : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="field-hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      <div class="checks">
        {props.options.map((option) => (
          <label key={option} class="check">
            <input type="radio" name={props.name} value={option} checked={props.value === option} onChange={() => props.onChange(option)} />
            <span>{props.label(option)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
