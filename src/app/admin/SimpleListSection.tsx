import { useRef, useState } from 'preact/hooks';
import { PARTNER_KINDS } from '../../domain/tenant-config.ts';
import { useApp } from '../context.ts';
import { activityTypeLabel } from '../i18n/labels.ts';
import { controlProps } from '../ui/field.ts';
import { FieldMessages } from '../ui/FieldMessages.tsx';
import {
  fieldErrors,
  issuesOfError,
  nameField,
  nextOrder,
  simpleItems,
  simpleValues,
  type FormError,
  type SimpleItem,
  type SimpleKind,
} from './admin-logic.ts';
import { useT } from '../i18n/use-t.ts';
import { accountPack } from '../account/pack.ts';
import { formsPack } from '../ui/forms/pack.ts';
import { adminPack, type AdminT } from './pack.ts';
import { FormActions } from '../ui/FormActions.tsx';
import { hasChanged, useUnsavedWork } from '../ui/use-unsaved-work.ts';

const NEW_KEYS = { buurt: 'admin.newBuurt', partner: 'admin.newPartner', theme: 'admin.newTheme', activityType: 'admin.newType' } as const;

/**
 * Buurten, partners, themes, activity types: rename, hide or show, add.
 * Each change is a local write of the item's record (synced like every
 * record); nothing here needs a connection.
 */
export function SimpleListSection({ kind }: { kind: SimpleKind }) {
  const { config } = useApp();
  const t = useT(adminPack, accountPack, formsPack);
  const items = simpleItems(kind, config, (id) => activityTypeLabel(t, null, id));
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <>
      <p class="field-hint">{t('admin.hiddenHint')}</p>
      {items.length === 0 ? (
        <p class="muted">{t('admin.empty')}</p>
      ) : (
        <ul class="item-list" data-testid={`admin-${kind}`}>
          {items.map((item) => (
            <li key={item.id} class={item.hidden ? 'item item-hidden' : 'item'}>
              {editing === item.id ? (
                <ItemForm kind={kind} item={item} onDone={() => setEditing(null)} />
              ) : (
                <ItemRow kind={kind} item={item} t={t} onEdit={() => setEditing(item.id)} />
              )}
            </li>
          ))}
        </ul>
      )}
      <section class="card" aria-labelledby={`new-${kind}`}>
        <h2 id={`new-${kind}`}>{t(NEW_KEYS[kind])}</h2>
        <ItemForm kind={kind} item={null} order={nextOrder(items)} onDone={() => {}} />
      </section>
    </>
  );
}

function ItemRow({ kind, item, t, onEdit }: { kind: SimpleKind; item: SimpleItem; t: AdminT; onEdit(): void }) {
  const { store, announce } = useApp();
  const toggle = async () => {
    try {
      await store.config.save(kind, item.id, { hidden: !item.hidden });
      announce(t(item.hidden ? 'admin.shownDone' : 'admin.hiddenDone', { name: item.name }));
    } catch {
      announce(t('admin.saveFailed'));
    }
  };
  return (
    <div class="item-head">
      <div>
        <p class="item-name">
          {item.name} {item.hidden && <span class="badge badge-hidden">{t('admin.hidden')}</span>}
        </p>
        {item.kind && <p class="item-meta">{t(`partnerKind.${item.kind as (typeof PARTNER_KINDS)[number]}`)}</p>}
        {item.cbsCode && <p class="item-meta">{item.cbsCode}</p>}
      </div>
      <div class="item-actions">
        <button type="button" class="button button-small" aria-label={t('admin.renameLabel', { name: item.name })} onClick={onEdit}>
          {t('admin.rename')}
        </button>
        <button
          type="button"
          class="button button-small"
          aria-label={t(item.hidden ? 'admin.showLabel' : 'admin.hideLabel', { name: item.name })}
          onClick={() => void toggle()}
        >
          {t(item.hidden ? 'admin.show' : 'admin.hide')}
        </button>
      </div>
    </div>
  );
}

/** Rename an item (item given) or add one (item null). */
function ItemForm({ kind, item, order = 0, onDone }: { kind: SimpleKind; item: SimpleItem | null; order?: number; onDone(): void }) {
  const { store, announce } = useApp();
  const t = useT(adminPack, accountPack, formsPack);
  const prefix = `${kind}-${item?.id ?? 'new'}`;
  const [name, setName] = useState(item && !item.isDefaultName ? item.name : '');
  const [partnerKind, setPartnerKind] = useState(item?.kind ?? 'other');
  const [cbsCode, setCbsCode] = useState(item?.cbsCode ?? '');
  // What the inputs held when opened, or when the last new item was added.
  const [base, setBase] = useState(() => ({ name, partnerKind, cbsCode }));
  useUnsavedWork(hasChanged(base, { name, partnerKind, cbsCode }));
  const [errors, setErrors] = useState<Record<string, FormError>>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const err = (field: string) => {
    const e = errors[field];
    return e ? t(e.key, e.params) : undefined;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '' && !(item?.isDefaultName === true && kind === 'activityType')) {
      setErrors({ [nameField(kind)]: { key: 'error.required' } });
      nameRef.current?.focus();
      return;
    }
    const values = trimmed === '' ? { label: null } : simpleValues(kind, { name: trimmed, partnerKind, cbsCode });
    try {
      await store.config.save(kind, item?.id ?? null, item ? values : { ...values, order });
      const shown = trimmed || (item?.name ?? '');
      announce(t(item ? 'admin.saved' : 'admin.added', { name: shown }));
      setErrors({});
      if (!item) {
        setName('');
        setCbsCode('');
        setBase({ name: '', partnerKind, cbsCode: '' });
      }
      onDone();
    } catch (error) {
      const issues = issuesOfError(error);
      if (!issues) return announce(t('admin.saveFailed'));
      setErrors(fieldErrors(issues));
      announce(t('form.errorSummary'));
    }
  };

  const field = nameField(kind);
  return (
    <form class="form" noValidate onSubmit={(e) => void submit(e)}>
      <div class="field">
        <label for={`${prefix}-name`}>{t('admin.name')}</label>
        <input
          ref={nameRef}
          {...controlProps(`${prefix}-name`, { hint: item?.isDefaultName === true, error: err(field) })}
          type="text"
          maxLength={120}
          autocomplete="off"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <FieldMessages
          id={`${prefix}-name`}
          hint={item?.isDefaultName ? t('admin.defaultName', { name: activityTypeLabel(t, null, item.id) }) : undefined}
          error={err(field)}
        />
      </div>
      {kind === 'partner' && (
        <div class="field">
          <label for={`${prefix}-kind`}>{t('admin.partnerKind')}</label>
          <select id={`${prefix}-kind`} value={partnerKind} onChange={(e) => setPartnerKind(e.currentTarget.value)}>
            {PARTNER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`partnerKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {kind === 'buurt' && (
        <div class="field">
          <label for={`${prefix}-cbs`}>{t('admin.cbsCode')}</label>
          <input
            {...controlProps(`${prefix}-cbs`, { hint: true, error: err('cbsCode') })}
            type="text"
            maxLength={10}
            autocomplete="off"
            autoCapitalize="characters"
            value={cbsCode}
            onInput={(e) => setCbsCode(e.currentTarget.value)}
          />
          <FieldMessages id={`${prefix}-cbs`} hint={t('admin.cbsCodeHint')} error={err('cbsCode')} />
        </div>
      )}
      <FormActions save={item ? t('admin.save') : t('admin.new')} cancel={t('admin.cancel')} {...(item ? { onCancel: onDone } : {})} />
    </form>
  );
}
