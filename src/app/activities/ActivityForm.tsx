import './form.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ACTIVITY_STATUSES } from '../../domain/activity.ts';
import { activityChoices, activityEditChoices, mayDeleteActivity } from '../abilities.ts';
import { useApp } from '../context.ts';
import { activityTypeLabel, activityTypesOf, offered, statusLabel, themesOf } from '../i18n/labels.ts';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { controlProps } from '../ui/field.ts';
import { FieldMessages } from '../ui/FieldMessages.tsx';
import { FormActions } from '../ui/FormActions.tsx';
import { useUnsavedWork } from '../ui/use-unsaved-work.ts';
import { clearDraft, saveDraft } from './draft-storage.ts';
import {
  DRAFT_FIELDS,
  MORE_FIELDS,
  changedFields,
  emptyDraft,
  fieldsOf,
  isDraftDirty,
  toggleTheme,
  validateDraft,
  type ActivityDraft,
  type ActivityFields,
  type DraftField,
  type FieldErrors,
} from './form-logic.ts';
import { DeleteActivity } from './DeleteActivity.tsx';
import { OrganisationField } from './OrganisationField.tsx';
import { useT } from '../i18n/use-t.ts';
import { formsPack } from '../ui/forms/pack.ts';
import { activityPack } from './form/pack.ts';

export type ActivityFormProps = {
  formId: string;
  /**
   * The record being edited, as it was when editing began; null for a new one.
   * A repeat (activityId null) passes the original: what the form does not show
   * (project, location) comes along into the copy.
   */
  base: ActivityFields | null;
  activityId: string | null;
  /** What the inputs held at the start (the record, or a new empty draft). */
  initial: ActivityDraft;
  /** Unsaved input restored from an earlier visit, if any. */
  restored: ActivityDraft | null;
  onSaved(id: string): void;
  onCancel(): void;
};

export function ActivityForm(props: ActivityFormProps) {
  const { config, store, announce, platform, principal } = useApp();
  const t = useT(activityPack, formsPack);
  // What the permission table lets this person choose: volunteers file
  // activities only under their own teams, and must pick one.
  const choices = activityChoices(principal, { buurten: config.buurten, teams: config.teams });
  const [draft, setDraft] = useState<ActivityDraft>(props.restored ?? props.initial);
  // Editing: only the moves the server accepts (mayMove); a buurt or team the person may not change is shown as text.
  const edit =
    props.activityId !== null && props.base
      ? activityEditChoices(principal, props.base, { buurtId: draft.buurtId, teamId: draft.teamId || null }, { buurten: config.buurten, teams: config.teams })
      : null;
  const isTeamRequired = edit ? !edit.isNoTeamAllowed : choices.isTeamRequired;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [showRestored, setShowRestored] = useState(props.restored !== null);
  const [saveFailed, setSaveFailed] = useState(false);
  const saving = useRef(false);
  const more = useRef<HTMLDetailsElement>(null);
  // "Meer gegevens" starts open when it holds something (an edit with notes, a place…).
  const [moreOpen, setMoreOpen] = useState(() => hasMore(props.restored ?? props.initial));
  const dirty = isDraftDirty(props.initial, draft);

  const release = useUnsavedWork(dirty);
  useEffect(() => {
    if (dirty) saveDraft(platform.localStorage, props.formId, { draft, base: props.base });
    else clearDraft(platform.localStorage, props.formId);
  }, [draft, dirty]);

  const set = <K extends DraftField>(name: K, value: ActivityDraft[K]) => {
    setDraft((d) => ({ ...d, [name]: value }));
    if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
  };
  const err = (name: DraftField) => {
    const e = errors[name];
    return e ? t(e.key, e.params) : undefined;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving.current) return;
    const found = validateDraft(draft, { isTeamRequired });
    setErrors(found);
    const first = DRAFT_FIELDS.find((name) => found[name]);
    if (first) {
      if ((MORE_FIELDS.includes(first) || (first === 'teamId' && !teamUp)) && more.current) {
        more.current.open = true;
        setMoreOpen(true);
      }
      announce(t('form.errorSummary'));
      platform.document.getElementById(`activity-${first}`)?.focus();
      return;
    }
    saving.current = true;
    setSaveFailed(false);
    try {
      const fields = fieldsOf(draft, props.base ?? undefined);
      let id = props.activityId;
      if (id === null) id = await store.activities.create(fields);
      else if (props.base) {
        const changes = changedFields(props.base, fields);
        if (Object.keys(changes).length > 0) await store.activities.update(id, changes);
      }
      clearDraft(platform.localStorage, props.formId);
      release();
      announce(t('form.saved'));
      props.onSaved(id);
    } catch {
      setSaveFailed(true);
      announce(t('form.saveFailed'));
    } finally {
      saving.current = false;
    }
  };

  const cancel = () => {
    clearDraft(platform.localStorage, props.formId);
    release();
    props.onCancel();
  };

  const discardDraft = () => {
    clearDraft(platform.localStorage, props.formId);
    setDraft(props.initial);
    setErrors({});
    setShowRestored(false);
  };

  const types = offered(activityTypesOf(config), [draft.type]);
  const themes = offered(themesOf(config), draft.themes);
  const buurten = offered(edit ? edit.buurten : choices.buurten, [draft.buurtId]);
  const teams = offered(edit ? edit.teams : choices.teams, [draft.teamId]);
  const hasErrors = Object.values(errors).some(Boolean);
  // The team is asked up front only where it must be chosen; one team is filled in, and an optional one waits below.
  const teamUp = isTeamRequired && (teams.length !== 1 || draft.teamId === '');
  const teamField =
    edit?.isTeamChangeable === false ? (
      <FixedField
        id="activity-teamId"
        label={t('activity.team')}
        value={config.teams.find((team) => team.id === draft.teamId)?.name ?? t('activity.noTeam')}
        hint={t('activity.teamFixed')}
      />
    ) : (
      (teams.length > 0 || isTeamRequired) && (
        <div class="field">
          <label for="activity-teamId">{t('activity.team')}</label>
          <select
            {...controlProps('activity-teamId', { hint: true, error: err('teamId') })}
            value={draft.teamId}
            onChange={(e) => set('teamId', e.currentTarget.value)}
          >
            {(!edit || edit.isNoTeamAllowed) && <option value="">{isTeamRequired ? t('form.choose') : t('activity.noTeam')}</option>}
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
          <FieldMessages id="activity-teamId" hint={t('activity.teamHint')} error={err('teamId')} />
        </div>
      )
    );

  return (
    <form class="form activity-form" noValidate onSubmit={(e) => void submit(e)}>
      {showRestored && (
        <div class="notice">
          <p>{t('form.draftRestored')}</p>
          <button type="button" class="button button-small" onClick={discardDraft}>
            {t('form.discardDraft')}
          </button>
        </div>
      )}
      <ErrorSummary message={hasErrors && t('form.errorSummary')} />

      <div class="field">
        <label for="activity-title">{t('activity.title')}</label>
        <input
          {...controlProps('activity-title', { error: err('title') })}
          type="text"
          maxLength={200}
          autocomplete="off"
          value={draft.title}
          onInput={(e) => set('title', e.currentTarget.value)}
        />
        <FieldMessages id="activity-title" error={err('title')} />
      </div>

      {edit?.isBuurtChangeable === false ? (
        <FixedField
          id="activity-buurtId"
          label={t('activity.buurt')}
          value={config.buurten.find((buurt) => buurt.id === draft.buurtId)?.name ?? draft.buurtId}
          hint={t('activity.buurtFixed')}
        />
      ) : (
        <div class="field">
          <label for="activity-buurtId">{t('activity.buurt')}</label>
          <select
            {...controlProps('activity-buurtId', { error: err('buurtId') })}
            value={draft.buurtId}
            onChange={(e) => set('buurtId', e.currentTarget.value)}
          >
            {!edit && <option value="">{t('form.choose')}</option>}
            {buurten.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
          <FieldMessages id="activity-buurtId" error={err('buurtId')} />
        </div>
      )}

      {teamUp && teamField}

      <div class="field">
        <label for="activity-type">{t('activity.type')}</label>
        <select {...controlProps('activity-type', { error: err('type') })} value={draft.type} onChange={(e) => set('type', e.currentTarget.value)}>
          <option value="">{t('form.choose')}</option>
          {types.map((type) => (
            <option key={type.id} value={type.id}>
              {activityTypeLabel(t, config, type.id)}
            </option>
          ))}
        </select>
        <FieldMessages id="activity-type" error={err('type')} />
      </div>

      <div class="field-row activity-when">
        <div class="field">
          <label for="activity-date">{t('activity.date')}</label>
          <input
            {...controlProps('activity-date', { error: err('date') })}
            type="date"
            value={draft.date}
            onInput={(e) => set('date', e.currentTarget.value)}
          />
          <FieldMessages id="activity-date" error={err('date')} />
        </div>
        <div class="field">
          <label for="activity-start">{t('activity.start')}</label>
          <input
            {...controlProps('activity-start', { error: err('start') })}
            type="time"
            value={draft.start}
            onInput={(e) => set('start', e.currentTarget.value)}
          />
          <FieldMessages id="activity-start" error={err('start')} />
        </div>
      </div>

      <ErrorSummary message={saveFailed && t('form.saveFailed')} />
      <FormActions save={t('form.save')} cancel={t('form.cancel')} onCancel={cancel} isLarge />

      <details ref={more} class="more-fields" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)}>
        <summary class="more-fields-summary">{t('form.more')}</summary>
        <div class="field">
          <label for="activity-end">{t('activity.end')}</label>
          <input
            {...controlProps('activity-end', { hint: true, error: err('end') })}
            type="time"
            value={draft.end}
            onInput={(e) => set('end', e.currentTarget.value)}
          />
          <FieldMessages id="activity-end" hint={t('activity.endHint')} error={err('end')} />
        </div>
        {!teamUp && teamField}
        <div class="field">
          <label for="activity-place">{t('activity.place')}</label>
          <input
            {...controlProps('activity-place', { hint: true, error: err('place') })}
            type="text"
            maxLength={200}
            autocomplete="off"
            value={draft.place}
            onInput={(e) => set('place', e.currentTarget.value)}
          />
          <FieldMessages id="activity-place" hint={t('activity.placeHint')} error={err('place')} />
        </div>

        <fieldset class="fieldset" id="activity-themes" aria-describedby={err('themes') ? 'activity-themes-error' : undefined}>
          <legend>{t('activity.themes')}</legend>
          <FieldMessages id="activity-themes" error={err('themes')} />
          <div class="checks">
            {themes.map((theme) => (
              <label key={theme.id} class="check">
                <input
                  type="checkbox"
                  checked={draft.themes.includes(theme.id)}
                  onChange={(e) => set('themes', toggleTheme(draft.themes, theme.id, e.currentTarget.checked))}
                />
                <span>{theme.label}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <OrganisationField
          id="activity-organisers"
          legend={t('activity.organisers')}
          value={draft.organisers}
          onChange={(next) => set('organisers', next)}
          error={err('organisers')}
        />
        <OrganisationField
          id="activity-participatingOrganisations"
          legend={t('activity.participating')}
          value={draft.participatingOrganisations}
          onChange={(next) => set('participatingOrganisations', next)}
          error={err('participatingOrganisations')}
        />

        <fieldset class="fieldset" id="activity-status">
          <legend>{t('activity.status')}</legend>
          <div class="checks checks-inline">
            {ACTIVITY_STATUSES.map((status) => (
              <label key={status} class="check">
                <input type="radio" name="activity-status" value={status} checked={draft.status === status} onChange={() => set('status', status)} />
                <span>{statusLabel(t, status)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <div class="field">
          <label for="activity-notes">{t('activity.notes')}</label>
          <textarea
            {...controlProps('activity-notes', { hint: true, error: err('notes') })}
            rows={4}
            maxLength={5000}
            value={draft.notes}
            onInput={(e) => set('notes', e.currentTarget.value)}
          />
          <FieldMessages id="activity-notes" hint={t('activity.notesHint')} error={err('notes')} />
        </div>
      </details>

      {props.activityId !== null && props.base && mayDeleteActivity(principal, { id: props.activityId, ...props.base }) && (
        <DeleteActivity id={props.activityId} formId={props.formId} onDeleted={release} />
      )}
    </form>
  );
}

/** A value the person sees but may not change here, with the reason as its hint. */
function FixedField({ id, label, value, hint }: { id: string; label: string; value: string; hint: string }) {
  return (
    <div class="field" role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`}>
      <span class="field-label" id={`${id}-label`}>
        {label}
      </span>
      <span class="field-fixed" id={id}>
        {value}
      </span>
      <FieldMessages id={id} hint={hint} />
    </div>
  );
}

function hasMore(draft: ActivityDraft): boolean {
  const empty = emptyDraft({ today: draft.date });
  return MORE_FIELDS.some((name) => JSON.stringify(draft[name]) !== JSON.stringify(empty[name]));
}
