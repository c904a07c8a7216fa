import '../ui/ui.css';
import { useEffect, useState } from 'preact/hooks';
import { activityChoices, mayCreateActivity, mayEditActivity } from '../abilities.ts';
import { useApp } from '../context.ts';
import { reasonText } from '../i18n/reasons.ts';
import { localDate } from '../format.ts';
import { visible } from '../i18n/labels.ts';
import { LIST, hrefOf } from '../router.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { ActivityForm, type ActivityFormProps } from './ActivityForm.tsx';
import { loadDraft } from './draft-storage.ts';
import { draftOf, emptyDraft, fieldsOf, repeatDraft } from './form-logic.ts';
import { useT } from '../i18n/use-t.ts';
import { attendancePack } from '../attendance/pack.ts';
import { activityPack } from './form/pack.ts';

type Loaded = Pick<ActivityFormProps, 'base' | 'initial' | 'restored' | 'formId' | 'activityId'> | 'not-found' | 'forbidden';

/**
 * `#/activiteit/nieuw`, `#/activiteit/:id/bewerken` and
 * `#/activiteit/:id/herhalen` (`repeatOf`: a new activity with the fields of
 * that one, on the next date it would come round — form-logic `repeatDate`).
 */
export function ActivityFormScreen({ id, repeatOf }: { id: string | null; repeatOf?: string }) {
  const { store, config, navigate, now, platform, principal } = useApp();
  const t = useT(activityPack, attendancePack);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let live = true;
    const formId = id !== null ? `activity-${id}` : repeatOf ? `activity-repeat-${repeatOf}` : 'activity-new';
    const stored = loadDraft(platform.localStorage, formId);
    if (id === null && repeatOf) {
      if (!mayCreateActivity(principal, config)) return setLoaded('forbidden');
      void store.activities.get(repeatOf).then((activity) => {
        if (!live) return;
        if (!activity || activity.deleted) return setLoaded('not-found');
        const base = fieldsOf(draftOf(activity), activity);
        const initial = repeatDraft(base, localDate(now()));
        setLoaded({ formId, activityId: null, base, initial, restored: stored?.draft ?? null });
      });
      return () => {
        live = false;
      };
    }
    if (id === null) {
      if (!mayCreateActivity(principal, config)) return setLoaded('forbidden');
      const choices = activityChoices(principal, { buurten: visible(config.buurten), teams: visible(config.teams) });
      const only = choices.buurten.length === 1 ? choices.buurten[0]?.id : undefined;
      const onlyTeam = choices.isTeamRequired && choices.teams.length === 1 ? choices.teams[0]?.id : undefined;
      const initial = emptyDraft({ today: localDate(now()), ...(only ? { buurtId: only } : {}), ...(onlyTeam ? { teamId: onlyTeam } : {}) });
      setLoaded({ formId, activityId: null, base: null, initial, restored: stored?.draft ?? null });
      return;
    }
    // Loaded once, not live: a change arriving by sync must not overwrite
    // what the person is typing. Saving writes only the fields they changed.
    void store.activities.get(id).then((activity) => {
      if (!live) return;
      if (!activity || activity.deleted) return setLoaded('not-found');
      if (!mayEditActivity(principal, activity)) return setLoaded('forbidden');
      const base = stored?.base ?? fieldsOf(draftOf(activity), activity);
      setLoaded({ formId, activityId: id, base, initial: draftOf(base), restored: stored?.draft ?? null });
    });
    return () => {
      live = false;
    };
  }, [id, repeatOf]);

  return (
    <>
      <ScreenTitle>{t(repeatOf ? 'form.repeatTitle' : id === null ? 'form.newTitle' : 'form.editTitle')}</ScreenTitle>
      {loaded === null ? (
        <p class="muted">{t('app.loading')}</p>
      ) : loaded === 'forbidden' ? (
        <>
          <p>{reasonText('forbidden', t)}</p>
          <a class="button" href={hrefOf(id === null ? LIST : { name: 'detail', id })}>
            {t(id === null ? 'app.backToList' : 'attendance.back')}
          </a>
        </>
      ) : loaded === 'not-found' ? (
        <>
          <p>{t('form.notFound')}</p>
          <a class="button" href={hrefOf(LIST)}>
            {t('app.backToList')}
          </a>
        </>
      ) : (
        <ActivityForm
          key={loaded.formId}
          {...loaded}
          onSaved={(savedId) => navigate({ name: 'detail', id: savedId }, { replace: true })}
          onCancel={() => navigate(id === null ? LIST : { name: 'detail', id }, { replace: true })}
        />
      )}
    </>
  );
}
