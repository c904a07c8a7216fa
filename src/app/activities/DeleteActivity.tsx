import { useApp } from '../context.ts';
import { setEditing } from '../editing.ts';
import { LIST } from '../router.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { clearDraft } from './draft-storage.ts';
import { useT } from '../i18n/use-t.ts';
import { activityPack } from './form/pack.ts';

/** Delete with an inline confirmation; the store writes a tombstone, never a hard delete. */
export function DeleteActivity({ id, formId }: { id: string; formId: string }) {
  const { store, announce, navigate, platform } = useApp();
  const t = useT(activityPack);

  const confirm = async () => {
    try {
      await store.activities.delete(id);
      clearDraft(platform.localStorage, formId);
      setEditing(formId, false);
      announce(t('form.deleted'));
      navigate(LIST, { replace: true });
    } catch {
      announce(t('form.saveFailed'));
    }
  };

  return (
    <div class="danger-zone">
      <ConfirmButton
        label={t('form.delete')}
        buttonClass="button button-danger-outline button-block"
        questionId="delete-confirm-text"
        question={t('form.deleteConfirm')}
        yes={t('form.deleteYes')}
        no={t('form.deleteNo')}
        yesClass="button button-danger button-large"
        noClass="button button-large"
        answersClass="form-actions"
        focus="yes"
        onConfirm={confirm}
      />
    </div>
  );
}
