import { useState } from 'preact/hooks';
import type { Project } from '../../domain/config-records.ts';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import { buurtName, offered } from '../i18n/labels.ts';
import { controlProps } from '../ui/field.ts';
import { FieldMessages } from '../ui/FieldMessages.tsx';
import { fieldErrors, issuesOfError, nextOrder, periodText, type FormError } from './admin-logic.ts';
import { CheckList } from './CheckList.tsx';
import { useT } from '../i18n/use-t.ts';
import { accountPack } from '../account/pack.ts';
import { formsPack } from '../ui/forms/pack.ts';
import { adminPack } from './pack.ts';
import { FormActions } from '../ui/FormActions.tsx';
import { hasChanged, useUnsavedWork } from '../ui/use-unsaved-work.ts';

type Draft = {
  name: string;
  buurtId: string;
  themes: string[];
  partnerIds: string[];
  startDate: string;
  endDate: string;
  description: string;
  hidden: boolean;
};
const FIELDS = ['name', 'buurtId', 'startDate', 'endDate', 'description'] as const;

/** Projecten (projectvoorstellen): buurt, themes, period, partners. Local-first writes of project records. */
export function ProjectsSection() {
  const { config, lang } = useApp();
  const t = useT(adminPack, accountPack, formsPack);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  return (
    <>
      {config.projects.length === 0 ? (
        <p class="muted">{t('admin.empty')}</p>
      ) : (
        <ul class="item-list" data-testid="admin-project">
          {config.projects.map((project) => (
            <li key={project.id} class={project.hidden ? 'item item-hidden' : 'item'}>
              {editing === project.id ? (
                <ProjectForm project={project} onDone={() => setEditing(null)} />
              ) : (
                <div class="item-head">
                  <div>
                    <p class="item-name">
                      {project.name} {project.hidden && <span class="badge badge-hidden">{t('admin.hidden')}</span>}
                    </p>
                    <p class="item-meta">
                      {buurtName(t, config, project.buurtId)}
                      {(() => {
                        const period = periodText(project.startDate, project.endDate, (d) => formatDate(lang, d), {
                          open: t('project.open'),
                          period: (start, end) => t('project.period', { start, end }),
                        });
                        return period ? ` · ${period}` : '';
                      })()}
                    </p>
                  </div>
                  <button
                    type="button"
                    class="button button-small"
                    aria-label={t('admin.editLabel', { name: project.name })}
                    onClick={() => setEditing(project.id)}
                  >
                    {t('admin.edit')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing === 'new' ? (
        <section class="card" aria-labelledby="new-project">
          <h2 id="new-project">{t('project.new')}</h2>
          <ProjectForm project={null} onDone={() => setEditing(null)} />
        </section>
      ) : (
        <button type="button" class="button button-primary button-block" onClick={() => setEditing('new')}>
          {t('project.new')}
        </button>
      )}
    </>
  );
}

function ProjectForm({ project, onDone }: { project: Project | null; onDone(): void }) {
  const { config, store, announce, platform } = useApp();
  const t = useT(adminPack, accountPack, formsPack);
  const prefix = `project-${project?.id ?? 'new'}`;
  const [initial] = useState<Draft>(() => ({
    name: project?.name ?? '',
    buurtId: project?.buurtId ?? '',
    themes: project?.themes ?? [],
    partnerIds: project?.partnerIds ?? [],
    startDate: project?.startDate ?? '',
    endDate: project?.endDate ?? '',
    description: project?.description ?? '',
    hidden: project?.hidden === true,
  }));
  const [draft, setDraft] = useState(initial);
  useUnsavedWork(hasChanged(initial, draft));
  const [errors, setErrors] = useState<Record<string, FormError>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (field: string) => {
    const e = errors[field];
    return e ? t(e.key, e.params) : undefined;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, FormError> = {};
    if (draft.name.trim() === '') found['name'] = { key: 'error.required' };
    if (draft.buurtId === '') found['buurtId'] = { key: 'error.choose' };
    if (draft.startDate && draft.endDate && draft.endDate < draft.startDate) found['endDate'] = { key: 'project.endBeforeStart' };
    const values = {
      name: draft.name.trim(),
      buurtId: draft.buurtId,
      themes: draft.themes,
      partnerIds: draft.partnerIds,
      startDate: draft.startDate || null,
      endDate: draft.endDate || null,
      description: draft.description.trim(),
      hidden: draft.hidden,
    };
    try {
      if (Object.keys(found).length === 0) {
        await store.config.save('project', project?.id ?? null, project ? values : { ...values, order: nextOrder(config.projects) });
        announce(t(project ? 'admin.saved' : 'admin.added', { name: values.name }));
        onDone();
        return;
      }
    } catch (error) {
      const issues = issuesOfError(error);
      if (!issues) return announce(t('admin.saveFailed'));
      Object.assign(found, fieldErrors(issues));
    }
    setErrors(found);
    announce(t('form.errorSummary'));
    const first = FIELDS.find((f) => found[f]);
    if (first) platform.document.getElementById(`${prefix}-${first}`)?.focus();
  };

  const buurten = offered(config.buurten, [draft.buurtId]);
  const themes = offered(config.themes, draft.themes).map((th) => ({ id: th.id, label: th.label }));
  const partners = offered(config.partners, draft.partnerIds).map((p) => ({ id: p.id, label: p.name }));
  return (
    <form class="form" noValidate onSubmit={(e) => void submit(e)}>
      <div class="field">
        <label for={`${prefix}-name`}>{t('project.name')}</label>
        <input
          {...controlProps(`${prefix}-name`, { error: err('name') })}
          type="text"
          maxLength={200}
          autocomplete="off"
          value={draft.name}
          onInput={(e) => set('name', e.currentTarget.value)}
        />
        <FieldMessages id={`${prefix}-name`} error={err('name')} />
      </div>
      <div class="field">
        <label for={`${prefix}-buurtId`}>{t('project.buurt')}</label>
        <select {...controlProps(`${prefix}-buurtId`, { error: err('buurtId') })} value={draft.buurtId} onChange={(e) => set('buurtId', e.currentTarget.value)}>
          <option value="">{t('form.choose')}</option>
          {buurten.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
        <FieldMessages id={`${prefix}-buurtId`} error={err('buurtId')} />
      </div>
      <CheckList id={`${prefix}-themes`} legend={t('project.themes')} options={themes} value={draft.themes} onChange={(v) => set('themes', v)} />
      <div class="field-row">
        <div class="field">
          <label for={`${prefix}-startDate`}>{t('project.start')}</label>
          <input
            {...controlProps(`${prefix}-startDate`, { hint: true, error: err('startDate') })}
            type="date"
            value={draft.startDate}
            onInput={(e) => set('startDate', e.currentTarget.value)}
          />
          <FieldMessages id={`${prefix}-startDate`} hint={t('project.periodHint')} error={err('startDate')} />
        </div>
        <div class="field">
          <label for={`${prefix}-endDate`}>{t('project.end')}</label>
          <input
            {...controlProps(`${prefix}-endDate`, { hint: true, error: err('endDate') })}
            type="date"
            value={draft.endDate}
            onInput={(e) => set('endDate', e.currentTarget.value)}
          />
          <FieldMessages id={`${prefix}-endDate`} hint={t('project.periodHint')} error={err('endDate')} />
        </div>
      </div>
      <CheckList id={`${prefix}-partners`} legend={t('project.partners')} options={partners} value={draft.partnerIds} onChange={(v) => set('partnerIds', v)} />
      <div class="field">
        <label for={`${prefix}-description`}>{t('project.description')}</label>
        <textarea
          {...controlProps(`${prefix}-description`, { error: err('description') })}
          rows={3}
          maxLength={5000}
          value={draft.description}
          onInput={(e) => set('description', e.currentTarget.value)}
        />
        <FieldMessages id={`${prefix}-description`} error={err('description')} />
      </div>
      <label class="check">
        <input type="checkbox" checked={draft.hidden} onChange={(e) => set('hidden', e.currentTarget.checked)} />
        <span>{t('project.hidden')}</span>
      </label>
      <FormActions save={t('admin.save')} cancel={t('admin.cancel')} onCancel={onDone} />
    </form>
  );
}
