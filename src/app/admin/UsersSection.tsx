import { useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { EmailSchema, PasswordSchema, type User } from '../../domain/auth.ts';
import { ROLES, type Role } from '../../domain/permissions.ts';
import { RemoteDeviceList } from '../account/DeviceList.tsx';
import { issuesOf, problemText } from '../ui/problem-text.ts';
import { RemoteState } from '../account/RemoteState.tsx';
import { useRemote } from '../ui/use-remote.ts';
import { useApp } from '../context.ts';
import { buurtName } from '../i18n/labels.ts';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { controlProps } from '../ui/field.ts';
import { FieldMessages } from '../ui/FieldMessages.tsx';
import { FormActions } from '../ui/FormActions.tsx';
import { hasChanged, useUnsavedWork } from '../ui/use-unsaved-work.ts';
import { fieldErrors, type FormError } from './admin-logic.ts';
import { CheckList } from './CheckList.tsx';
import { InvitePanel } from './InvitePanel.tsx';
import { PersonDataPanel } from './PersonDataPanel.tsx';
import { useT } from '../i18n/use-t.ts';
import { accountPack } from '../account/pack.ts';
import { formsPack } from '../ui/forms/pack.ts';
import { adminPack, type AdminT } from './pack.ts';

/**
 * Gebruikers: create staff (e-mail, password, role, buurten), change role,
 * buurten and whether the account is active, and see and revoke a person's
 * devices; download what Buurtlog holds about a person and erase them
 * (PersonDataPanel). All of it lives on the server: it needs a connection
 * and says so.
 */
export function UsersSection() {
  const { api } = useApp();
  const t = useT(adminPack, accountPack, formsPack);
  const { remote, reload, set } = useRemote(() => api().then((a) => a.users()), []);
  const [open, setOpen] = useState<string | null>(null);
  const [erasedNote, setErasedNote] = useState<string | null>(null);
  const remove = (user: User, pseudonym: string) => {
    if (remote.state === 'ready') set(remote.value.filter((u) => u.id !== user.id));
    setOpen(null);
    setErasedNote(t('person.erased', { name: user.displayName, pseudonym }));
  };
  const replace = (user: User) =>
    remote.state === 'ready' &&
    set(remote.value.some((u) => u.id === user.id) ? remote.value.map((u) => (u.id === user.id ? user : u)) : [...remote.value, user]);

  return (
    <>
      <RemoteState remote={remote} t={t} onRetry={reload} />
      {erasedNote && (
        <p class="notice" data-testid="erased-note">
          {erasedNote}
        </p>
      )}
      {remote.state === 'ready' &&
        (remote.value.length === 0 ? (
          <p class="muted">{t('users.none')}</p>
        ) : (
          <ul class="item-list" data-testid="admin-users">
            {[...remote.value]
              .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'))
              .map((user) => (
                <li key={user.id} class={user.active ? 'item' : 'item item-hidden'}>
                  <UserItem
                    user={user}
                    t={t}
                    isOpen={open === user.id}
                    onToggle={() => setOpen(open === user.id ? null : user.id)}
                    onSaved={replace}
                    onErased={(pseudonym) => remove(user, pseudonym)}
                  />
                </li>
              ))}
          </ul>
        ))}
      {remote.state === 'ready' && (
        <section class="card" aria-labelledby="new-user">
          <h2 id="new-user">{t('users.new')}</h2>
          <p class="field-hint">{t('users.newHint')}</p>
          <NewUserForm t={t} onCreated={replace} />
        </section>
      )}
    </>
  );
}

function UserItem(props: { user: User; t: AdminT; isOpen: boolean; onToggle(): void; onSaved(user: User): void; onErased(pseudonym: string): void }) {
  const { user, t, isOpen, onToggle, onSaved, onErased } = props;
  const { config } = useApp();
  const buurten = user.buurtIds.length > 0 ? user.buurtIds.map((id) => buurtName(t, config, id)).join(', ') : t('users.allBuurten');
  return (
    <>
      <div class="item-head">
        <div>
          <p class="item-name">
            {user.displayName} {!user.active && <span class="badge badge-hidden">{t('users.inactive')}</span>}
          </p>
          <p class="item-meta">
            {t(`role.${user.role}`)} · {buurten}
            {user.email ? ` · ${user.email}` : ''}
          </p>
        </div>
        <button
          type="button"
          class="button button-small"
          aria-expanded={isOpen}
          // The accessible name holds the visible word (WCAG 2.5.3): "Anna bewerken", then "Annuleren (Anna)".
          aria-label={isOpen ? t('users.closeLabel', { name: user.displayName }) : t('admin.editLabel', { name: user.displayName })}
          onClick={onToggle}
        >
          {isOpen ? t('admin.cancel') : t('admin.edit')}
        </button>
      </div>
      {isOpen && (
        <>
          <EditUserForm user={user} t={t} onSaved={onSaved} />
          <UserDevices user={user} t={t} />
          <AnotherDevice user={user} t={t} />
          <PersonDataPanel user={user} t={t} onErased={(result) => onErased(result.pseudonym)} />
        </>
      )}
    </>
  );
}

function RoleAndBuurten(props: { prefix: string; t: AdminT; role: Role; buurtIds: string[]; onRole(role: Role): void; onBuurten(ids: string[]): void }) {
  const { config } = useApp();
  const { t } = props;
  return (
    <>
      <fieldset class="fieldset">
        <legend>{t('users.role')}</legend>
        <div class="checks">
          {ROLES.map((role) => (
            <label key={role} class="check">
              <input type="radio" name={`${props.prefix}-role`} value={role} checked={props.role === role} onChange={() => props.onRole(role)} />
              <span>{t(`role.${role}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <CheckList
        id={`${props.prefix}-buurten`}
        legend={t('users.buurten')}
        hint={t('users.buurtenHint')}
        options={config.buurten.map((b) => ({ id: b.id, label: b.name }))}
        value={props.buurtIds}
        onChange={props.onBuurten}
      />
    </>
  );
}

function EditUserForm({ user, t, onSaved }: { user: User; t: AdminT; onSaved(user: User): void }) {
  const { api, announce } = useApp();
  const prefix = `user-${user.id}`;
  const [role, setRole] = useState<Role>(user.role);
  const [buurtIds, setBuurtIds] = useState<string[]>(user.buurtIds);
  const [active, setActive] = useState(user.active);
  // Compared with the user as last saved: the form stays open after saving.
  useUnsavedWork(hasChanged({ role: user.role, buurtIds: user.buurtIds, active: user.active }, { role, buurtIds, active }));
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    try {
      const saved = await (await api()).updateUser(user.id, { role, buurtIds, active });
      onSaved(saved);
      announce(t('users.saved', { name: saved.displayName }));
    } catch (error) {
      const text = problemText(error, t);
      setProblem(text);
      announce(text);
    }
  };

  return (
    <form class="form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary message={problem} />
      <RoleAndBuurten prefix={prefix} t={t} role={role} buurtIds={buurtIds} onRole={setRole} onBuurten={setBuurtIds} />
      <label class="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        <span>{t('users.active')}</span>
      </label>
      <FormActions save={t('admin.save')} />
    </form>
  );
}

/** A volunteer signs in on a new or second phone by an invite for their own account. */
function AnotherDevice({ user, t }: { user: User; t: AdminT }) {
  const { config } = useApp();
  const [isOpen, setOpen] = useState(false);
  const team = config.teams.find((candidate) => user.teamIds.includes(candidate.id));
  if (user.role !== 'volunteer' || !user.active || !team) return null;
  return isOpen ? (
    <InvitePanel team={team} user={user} onClose={() => setOpen(false)} />
  ) : (
    <div class="field">
      <button type="button" class="button" aria-label={t('users.inviteDeviceLabel', { name: user.displayName })} onClick={() => setOpen(true)}>
        {t('users.inviteDevice')}
      </button>
      <p class="field-hint">{t('users.inviteDeviceHint')}</p>
    </div>
  );
}

function UserDevices({ user, t }: { user: User; t: AdminT }) {
  return (
    <section aria-label={t('users.devicesLabel', { name: user.displayName })}>
      <h3>{t('users.devices')}</h3>
      <RemoteDeviceList load={(api) => api.userDevices(user.id)} deps={[user.id]} t={t} />
    </section>
  );
}

type NewUser = { displayName: string; email: string; password: string; role: Role; buurtIds: string[] };
const NEW_USER: NewUser = { displayName: '', email: '', password: '', role: 'professional', buurtIds: [] };
const NEW_FIELDS = ['displayName', 'email', 'password'] as const;

function NewUserForm({ t, onCreated }: { t: AdminT; onCreated(user: User): void }) {
  const { api, announce, platform } = useApp();
  const [draft, setDraft] = useState<NewUser>(NEW_USER);
  useUnsavedWork(hasChanged(NEW_USER, draft));
  const [errors, setErrors] = useState<Record<string, FormError>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const set = <K extends keyof NewUser>(key: K, value: NewUser[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (field: string) => {
    const e = errors[field];
    return e ? t(e.key, e.params) : undefined;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (isBusy) return;
    const found: Record<string, FormError> = {};
    if (draft.displayName.trim() === '') found['displayName'] = { key: 'error.required' };
    if (draft.email.trim() === '') found['email'] = { key: 'error.required' };
    else if (!z.safeParse(EmailSchema, draft.email.trim()).success) found['email'] = { key: 'error.invalid' };
    if (!z.safeParse(PasswordSchema, draft.password).success)
      found['password'] = draft.password === '' ? { key: 'error.required' } : { key: 'users.passwordTooShort' };
    setProblem(null);
    if (Object.keys(found).length === 0) {
      setBusy(true);
      try {
        const user = await (await api()).createUser({
          displayName: draft.displayName.trim(),
          email: draft.email.trim(),
          password: draft.password,
          role: draft.role,
          buurtIds: draft.buurtIds,
        });
        onCreated(user);
        setDraft(NEW_USER);
        setErrors({});
        announce(t('users.created', { name: user.displayName }));
        return;
      } catch (error) {
        const issues = issuesOf(error);
        if (issues.length > 0) Object.assign(found, fieldErrors(issues));
        else {
          const text = problemText(error, t);
          setProblem(text);
          announce(text);
        }
      } finally {
        setBusy(false);
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      announce(t('form.errorSummary'));
      const first = NEW_FIELDS.find((f) => found[f]);
      if (first) platform.document.getElementById(`new-user-${first}`)?.focus();
    }
  };

  return (
    <form class="form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary message={problem} />
      <div class="field">
        <label for="new-user-displayName">{t('users.name')}</label>
        <input
          {...controlProps('new-user-displayName', { error: err('displayName') })}
          type="text"
          maxLength={120}
          autocomplete="off"
          value={draft.displayName}
          onInput={(e) => set('displayName', e.currentTarget.value)}
        />
        <FieldMessages id="new-user-displayName" error={err('displayName')} />
      </div>
      <div class="field">
        <label for="new-user-email">{t('users.email')}</label>
        <input
          {...controlProps('new-user-email', { error: err('email') })}
          type="email"
          autocomplete="off"
          autoCapitalize="off"
          spellcheck={false}
          maxLength={254}
          value={draft.email}
          onInput={(e) => set('email', e.currentTarget.value)}
        />
        <FieldMessages id="new-user-email" error={err('email')} />
      </div>
      <div class="field">
        <label for="new-user-password">{t('users.password')}</label>
        <input
          {...controlProps('new-user-password', { hint: true, error: err('password') })}
          type="password"
          autocomplete="new-password"
          maxLength={200}
          value={draft.password}
          onInput={(e) => set('password', e.currentTarget.value)}
        />
        <FieldMessages id="new-user-password" hint={t('users.passwordHint')} error={err('password')} />
      </div>
      <RoleAndBuurten
        prefix="new-user"
        t={t}
        role={draft.role}
        buurtIds={draft.buurtIds}
        onRole={(r) => set('role', r)}
        onBuurten={(ids) => set('buurtIds', ids)}
      />
      <FormActions save={isBusy ? t('users.creating') : t('users.create')} isBusy={isBusy} />
    </form>
  );
}
