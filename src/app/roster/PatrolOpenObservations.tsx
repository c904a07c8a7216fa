import { useState } from 'preact/hooks';
import { FOLLOW_UP_STATUSES, isOpenStatus, type FollowUpStatus } from '../../domain/follow-up.ts';
import { can, scopeOf } from '../../domain/permissions.ts';
import type { PublicSpaceObservationView } from '../../store/patrol-roster-store.ts';
import { useApp } from '../context.ts';
import { useLive } from '../hooks.ts';
import { LOCALES } from '../i18n/translate.ts';
import { useT } from '../i18n/use-t.ts';
import { findingLabel } from '../schouw/labels.ts';
import { findingsPack } from '../schouw/pack.ts';
import { ObservationItem } from './ObservationItem.tsx';
import { rosterPack } from './pack.ts';
import './roster.css';

/**
 * The open public-space observations of the buurtpreventie in a buurt,
 * beside the schouw's open findings (report/OpenFindings.tsx), with the same
 * follow-up: a status and an append-only history.
 */
export function PatrolOpenObservations({ buurtId }: { buurtId: string }) {
  const t = useT(rosterPack, findingsPack);
  const observations = useLive(
    async (store) => (await store.roster.listPublicSpaceObservations({ buurtIds: [buurtId] })).filter((o) => isOpenStatus(o.status)),
    [buurtId],
  );
  if (!observations || observations.length === 0) return null;
  return (
    <section class="report-section" aria-labelledby="patrol-open">
      <h2 id="patrol-open">{t('patrolOpen.title')}</h2>
      <ul class="observation-list">
        {observations.map((observation) => (
          <ObservationItem key={observation.id} observation={observation}>
            <FollowUp observation={observation} />
          </ObservationItem>
        ))}
      </ul>
    </section>
  );
}

function FollowUp({ observation }: { observation: PublicSpaceObservationView }) {
  const { store, me, principal, lang, announce } = useApp();
  const t = useT(rosterPack, findingsPack);
  const [to, setTo] = useState<FollowUpStatus>(observation.status);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const history = useLive((s) => s.roster.getObservationHistory(observation.id), [observation.id]);
  const scope = scopeOf('observationStatusChange', '', observation);
  const mayFollowUp = can(principal, 'create', 'observationStatusChange', scope) && can(principal, 'update', 'publicSpaceObservation', scope);
  const when = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const id = `follow-${observation.id}`;
  return (
    <div class="patrol-follow-up">
      <p class="slot-line">
        <strong>{findingLabel(t, 'findingStatus', observation.status)}</strong>
        {observation.meldingNumber && ` · ${observation.meldingNumber}`}
      </p>
      {history && history.length > 0 && (
        <ol class="patrol-history">
          {history.map((entry) => (
            <li key={entry.id}>
              {when.format(entry.at)}: {findingLabel(t, 'findingStatus', entry.from)} → {findingLabel(t, 'findingStatus', entry.to)}
              {entry.note && ` — ${entry.note}`}
            </li>
          ))}
        </ol>
      )}
      {mayFollowUp && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            store.roster.setObservationStatus(observation.id, { to, note, by: me.userId }).then(
              () => {
                setNote('');
                setProblem('');
                announce(t('patrolOpen.saved'));
              },
              () => setProblem(t('patrolOpen.noChange')),
            );
          }}
        >
          <div class="field">
            <label for={`${id}-status`}>{t('patrolOpen.status')}</label>
            <select id={`${id}-status`} value={to} onChange={(e) => setTo(e.currentTarget.value as FollowUpStatus)}>
              {FOLLOW_UP_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {findingLabel(t, 'findingStatus', status)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`${id}-note`}>{t('patrolOpen.note')}</label>
            <input id={`${id}-note`} type="text" maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          {problem && (
            <p class="notice" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" class="button button-block">
            {t('patrolOpen.save')}
          </button>
        </form>
      )}
    </div>
  );
}
