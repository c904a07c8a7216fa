import { useState } from 'preact/hooks';
import { TEAM_KINDS, type Team } from '../../domain/config-records.ts';
import { RemoteState } from '../account/RemoteState.tsx';
import { useRemote } from '../ui/use-remote.ts';
import { useApp } from '../context.ts';
import { buurtName, offered } from '../i18n/labels.ts';
import { controlProps } from '../ui/field.ts';
import { FieldMessages } from '../ui/FieldMessages.tsx';
import { fieldErrors, issuesOfError, nextOrder, type FormError } from './admin-logic.ts';
import { CheckList } from './CheckList.tsx';
import { InvitePanel } from './InvitePanel.tsx';
import { useT } from '../i18n/use-t.ts';
import { accountPack } from '../account/pack.ts';
import { formsPack } from '../ui/forms/pack.ts';
import { adminPack, type AdminT } from './pack.ts';
import { FormActions } from '../ui/FormActions.tsx';
import { hasChanged, useUnsavedWork } from '../ui/use-unsaved-work.ts';

type Mode = { kind: 'edit'; id: string } | { kind: 'invite'; id: string } | { kind: 'new' } | null;

/**
 * Teams (buurtpreventie team, schouw group, working group): kind, buurten
 * and members. The team record is a local-first write; its members are
 * user ids, chosen from the users on the server (which needs a connection).
 * "Uitnodiging maken" makes a one-time invite for a volunteer of the team.
 */
export function TeamsSection() {
  const { config } = useApp();
  const t = useT(adminPack, accountPack, formsPack);
  const [mode, setMode] = useState<Mode>(null);
  return (
    <>
      {config.teams.length === 0 ? (
        <p class="muted">{t('admin.empty')}</p>
      ) : (
        <ul class="item-list" data-testid="admin-team">
          {config.teams.map((team) => (
            <li key={team.id} class={team.hidden ? 'item item-hidden' : 'item'} data-team-id={team.id}>
              {mode?.kind === 'edit' && mode.id === team.id ? (
                <TeamForm team={team} onDone={() => setMode(null)} />
              ) : (
                <>
                  <div class="item-head">
                    <div>
                      <p class="item-name">
                        {team.name} {team.hidden && <span class="badge badge-hidden">{t('admin.hidden')}</span>}
                      </p>
                      <p class="item-meta">
                        {t(`teamKind.${team.kind}`)} · {membersText(t, team.memberIds.length)}
                        {team.buurtIds.length > 0 && ` · ${team.buurtIds.map((id) => buurtName(t, config, id)).join(', ')}`}
                      </p>
                    </div>
                    <div class="item-actions">
                      <button
                        type="button"
                        class="button button-small"
                        aria-label={t('admin.editLabel', { name: team.name })}
                        onClick={() => setMode({ kind: 'edit', id: team.id })}
                      >
                        {t('admin.edit')}
                      </button>
                      <button
                        type="button"
                        class="button button-small button-primary"
                        aria-label={t('team.inviteLabel', { name: team.name })}
                        onClick={() => setMode({ kind: 'invite', id: team.id })}
                      >
                        {t('team.invite')}
                      </button>
                    </div>
                  </div>
                  {mode?.kind === 'invite' && mode.id === team.id && <InvitePanel team={team} onClose={() => setMode(null)} />}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {mode?.kind === 'new' ? (
        <section class="card" aria-labelledby="new-team">
          <h2 id="new-team">{t('team.new')}</h2>
          <TeamForm team={null} onDone={() => setMode(null)} />
        </section>
      ) : (
        <button type="button" class="button button-primary button-block" onClick={() => setMode({ kind: 'new' })}>
          {t('team.new')}
        </button>
      )}
    </>
  );
}

function TeamForm({ team, onDone }: { team: Team | null; onDone(): void }) {
  const { config, store, announce, api, platform } = useApp();
  const t = useT(adminPack, accountPack, formsPack);
  const prefix = `team-${team?.id ?? 'new'}`;
  const [name, setName] = useState(team?.name ?? '');
  const [kind, setKind] = useState<Team['kind']>(team?.kind ?? 'workingGroup');
  const [buurtIds, setBuurtIds] = useState<string[]>(team?.buurtIds ?? []);
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const [hidden, setHidden] = useState(team?.hidden === true);
  const [initial] = useState(() => ({ name, kind, buurtIds, memberIds, hidden }));
  useUnsavedWork(hasChanged(initial, { name, kind, buurtIds, memberIds, hidden }));
  const [errors, setErrors] = useState<Record<string, FormError>>({});
  const users = useRemote(() => api().then((a) => a.users()), []);
  const err = (field: string) => {
    const e = errors[field];
    return e ? t(e.key, e.params) : undefined;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (name.trim() === '') {
      setErrors({ name: { key: 'error.required' } });
      platform.document.getElementById(`${prefix}-name`)?.focus();
      return;
    }
    const values = { name: name.trim(), kind, buurtIds, memberIds, hidden };
    try {
      await store.config.save('team', team?.id ?? null, team ? values : { ...values, order: nextOrder(config.teams) });
      announce(t(team ? 'admin.saved' : 'admin.added', { name: values.name }));
      onDone();
    } catch (error) {
      const issues = issuesOfError(error);
      if (!issues) return announce(t('admin.saveFailed'));
      setErrors(fieldErrors(issues));
      announce(t('form.errorSummary'));
    }
  };

  const buurten = offered(config.buurten, buurtIds).map((b) => ({ id: b.id, label: b.name }));
  return (
    <form class="form" noValidate onSubmit={(e) => void submit(e)}>
      <div class="field">
        <label for={`${prefix}-name`}>{t('team.name')}</label>
        <input
          {...controlProps(`${prefix}-name`, { error: err('name') })}
          type="text"
          maxLength={120}
          autocomplete="off"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <FieldMessages id={`${prefix}-name`} error={err('name')} />
      </div>
      <fieldset class="fieldset">
        <legend>{t('team.kind')}</legend>
        <div class="checks">
          {TEAM_KINDS.map((k) => (
            <label key={k} class="check">
              <input type="radio" name={`${prefix}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
              <span>{t(`teamKind.${k}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <CheckList id={`${prefix}-buurten`} legend={t('team.buurten')} options={buurten} value={buurtIds} onChange={setBuurtIds} />
      {users.remote.state === 'ready' ? (
        users.remote.value.length === 0 ? (
          <p class="muted">{t('team.noUsers')}</p>
        ) : (
          <CheckList
            id={`${prefix}-members`}
            legend={t('team.members')}
            options={users.remote.value
              .filter((user) => user.active || memberIds.includes(user.id))
              .map((user) => ({ id: user.id, label: `${user.displayName} (${t(`role.${user.role}`)})` }))}
            value={memberIds}
            onChange={setMemberIds}
          />
        )
      ) : (
        <fieldset class="fieldset">
          <legend>{t('team.members')}</legend>
          <p>{membersText(t, memberIds.length)}</p>
          {users.remote.state === 'failed' && <p class="field-hint">{t('team.membersNeedNetwork')}</p>}
          <RemoteState remote={users.remote} t={t} onRetry={users.reload} />
        </fieldset>
      )}
      <label class="check">
        <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.currentTarget.checked)} />
        <span>{t('team.hidden')}</span>
      </label>
      <FormActions save={t('admin.save')} cancel={t('admin.cancel')} onCancel={onDone} />
    </form>
  );
}

function membersText(t: AdminT, count: number): string {
  return count === 1 ? t('team.membersCount.one') : t('team.membersCount.other', { count });
}
