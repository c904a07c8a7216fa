/** Ending a round: the outcome and a short summary; says so when changes are not sent yet. */
import { useState } from 'preact/hooks';
import { PATROL_OUTCOMES, type PatrolOutcome } from '../../domain/patrol.ts';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { patrolPack } from './pack.ts';
import { patrolOutcomeLabel } from './labels.ts';

export function EndRound({ id, unsent }: { id: string; unsent: number }) {
  const { store, announce } = useApp();
  const t = useT(patrolPack);
  const [isOpen, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<PatrolOutcome>('nothingToReport');
  const [summary, setSummary] = useState('');

  if (!isOpen) {
    return (
      <button type="button" class="button button-block patrol-target patrol-end-open" onClick={() => setOpen(true)}>
        {t('patrolEnd.open')}
      </button>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    await store.patrol.endRound(id, { outcome, summary });
    announce(t('patrolEnd.done'));
  };
  return (
    <form class="form patrol-section" aria-labelledby="end-title" onSubmit={submit}>
      <h2 id="end-title">{t('patrolEnd.title')}</h2>
      <fieldset class="fieldset">
        <legend>{t('patrolEnd.outcome')}</legend>
        <div class="checks">
          {PATROL_OUTCOMES.map((option) => (
            <label key={option} class="check">
              <input type="radio" name="patrol-outcome" value={option} checked={outcome === option} onChange={() => setOutcome(option)} />
              <span>{patrolOutcomeLabel(t, option)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label class="field">
        <span>{t('patrolEnd.summary')}</span>
        <textarea rows={3} maxLength={2000} value={summary} onInput={(event) => setSummary((event.target as HTMLTextAreaElement).value)} />
      </label>
      {unsent > 0 && (
        <p class="notice" role="status">
          {t('patrolEnd.unsent', { count: unsent })}
        </p>
      )}
      <button type="submit" class="button button-primary button-block patrol-target">
        {t('patrolEnd.submit')}
      </button>
    </form>
  );
}
