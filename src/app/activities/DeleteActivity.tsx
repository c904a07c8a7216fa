import { useRef, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { setEditing } from '../editing.ts';
import { LIST } from '../router.ts';
import { clearDraft } from './draft-storage.ts';
import { useScreenT } from '../i18n/screens/pack.ts';

/** Delete with an inline confirmation; the store writes a tombstone, never a hard delete. */
export function DeleteActivity({ id, formId }: { id: string; formId: string }) {
  const { store, announce, navigate, platform } = useApp();
  const t = useScreenT();
  const [confirming, setConfirming] = useState(false);
  const yesRef = useRef<HTMLButtonElement>(null);

  const confirm = async () => {
    try {
      await store.deleteActivity(id);
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
      {confirming ? (
        <div role="group" aria-labelledby="delete-confirm-text">
          <p id="delete-confirm-text">{t('form.deleteConfirm')}</p>
          <div class="form-actions">
            <button ref={yesRef} type="button" class="button button-danger button-large" onClick={() => void confirm()}>
              {t('form.deleteYes')}
            </button>
            <button type="button" class="button button-large" onClick={() => setConfirming(false)}>
              {t('form.deleteNo')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="button button-danger-outline button-block"
          onClick={() => {
            setConfirming(true);
            requestAnimationFrame(() => yesRef.current?.focus());
          }}
        >
          {t('form.delete')}
        </button>
      )}
    </div>
  );
}
