import { useApp } from '../context.ts';
import { LIST } from '../router.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { clearDraft } from './draft-storage.ts';
import { useT } from '../i18n/use-t.ts';
import { activityPack } from './form/pack.ts';

/** Delete with an inline confirmation; the store writes a tombstone, never a hard delete. */
export function DeleteActivity({ id, formId, onDeleted }: { id: string; formId: string; onDeleted(): void }) {
  const { store, announce, navigate, platform } = useApp();
  const t = useT(activityPack);

  const confirm = async () => {
    try {
      await store.activities.delete(id);
      clearDraft(platform.localStorage, formId);
      onDeleted();
      announce(t('form.deleted'));
      navigate(LIST, { replace: true });
    } catch {
      announce(t('form.saveFailed'));
    }
  };

  return (
    <div class="danger-zone">
      <ConfirmButton
        variant="form-end"
        label={t('form.delete')}
        questionId="delete-confirm-text"
        question={t('form.deleteConfirm')}
        yes={t('form.deleteYes')}
        no={t('form.deleteNo')}
        focus="yes"
        onConfirm={confirm}
      />
    </div>
  );
}
