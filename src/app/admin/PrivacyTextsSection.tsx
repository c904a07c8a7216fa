import { useState } from 'preact/hooks';
import { PRIVACY_TEXT_KINDS, PRIVACY_TEXT_MAX, type PrivacyTextKind, type PrivacyTexts } from '../../domain/person-data.ts';
import { RemoteState } from '../account/RemoteState.tsx';
import { accountPack } from '../account/pack.ts';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { controlProps } from '../ui/field.ts';
import { FieldMessages } from '../ui/FieldMessages.tsx';
import { FormActions } from '../ui/FormActions.tsx';
import { formsPack } from '../ui/forms/pack.ts';
import { issuesOf, problemText } from '../ui/problem-text.ts';
import { useRemote } from '../ui/use-remote.ts';
import { hasChanged, useUnsavedWork } from '../ui/use-unsaved-work.ts';
import { adminPack, type AdminT } from './pack.ts';

/**
 * Privacy: the tenant's verwerkingsregister (what is stored, why, how long,
 * who sees it) and toegankelijkheidsverklaring, as every phone's privacy
 * screen shows them. The default texts until the coordinator saves.
 */
export function PrivacyTextsSection() {
  const { api } = useApp();
  const t = useT(adminPack, accountPack, formsPack);
  const { remote, reload, set } = useRemote(() => api().then((a) => a.privacyTexts()), []);
  return (
    <>
      <p>{t('privacyTexts.intro')}</p>
      <RemoteState remote={remote} t={t} onRetry={reload} />
      {remote.state === 'ready' && <PrivacyTextsForm saved={remote.value} t={t} onSaved={set} />}
    </>
  );
}

function PrivacyTextsForm({ saved, t, onSaved }: { saved: PrivacyTexts; t: AdminT; onSaved(texts: PrivacyTexts): void }) {
  const { api, announce } = useApp();
  const initial = { processingRegister: saved.processingRegister, accessibilityStatement: saved.accessibilityStatement };
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<PrivacyTextKind, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  useUnsavedWork(hasChanged(initial, draft));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (isBusy) return;
    const empty = Object.fromEntries(PRIVACY_TEXT_KINDS.filter((kind) => draft[kind].trim() === '').map((kind) => [kind, t('error.required')]));
    setErrors(empty);
    if (Object.keys(empty).length > 0) {
      setProblem(t('privacyTexts.fix'));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const stored = await (await api()).savePrivacyTexts(draft);
      onSaved(stored);
      announce(t('privacyTexts.saved'));
    } catch (error) {
      const paths = new Set(issuesOf(error).map((issue) => issue.path));
      setErrors(Object.fromEntries(PRIVACY_TEXT_KINDS.filter((kind) => paths.has(kind)).map((kind) => [kind, t('privacyTexts.invalid')])));
      const text = problemText(error, t);
      setProblem(text);
      announce(text);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary message={problem} />
      <p class="field-hint" role="status">
        {saved.updatedAt === null ? t('privacyTexts.defaults') : t('privacyTexts.own')}
      </p>
      {PRIVACY_TEXT_KINDS.map((kind) => (
        <div class="field" key={kind}>
          <label for={`privacy-${kind}`}>{t(`privacyTexts.${kind}`)}</label>
          <textarea
            {...controlProps(`privacy-${kind}`, { hint: true, error: errors[kind] })}
            rows={14}
            maxLength={PRIVACY_TEXT_MAX}
            value={draft[kind]}
            onInput={(e) => setDraft({ ...draft, [kind]: e.currentTarget.value })}
          />
          <FieldMessages id={`privacy-${kind}`} hint={t(`privacyTexts.${kind}Hint`)} error={errors[kind]} />
        </div>
      ))}
      <FormActions save={isBusy ? t('privacyTexts.saving') : t('admin.save')} isBusy={isBusy} />
    </form>
  );
}
