/**
 * "Adres typen": street and house number, postcode and place if known.
 * Not a <form>: it sits inside the finding's own form, and forms do not
 * nest — Enter in a field uses the address instead of saving the finding.
 */
import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Address } from '../../domain/finding.ts';
import { useT } from '../i18n/use-t.ts';
import { placePack } from './pack.ts';
import { FieldMessages } from '../ui/FieldMessages.tsx';
import { controlProps } from '../ui/field.ts';
import { hasChanged, useUnsavedWork } from '../ui/use-unsaved-work.ts';
import { addressDraftOf, addressFromDraft, type AddressDraft, type AddressErrors } from './address-input.ts';

const FIELDS = [
  { name: 'street', label: 'address.street', autoComplete: 'address-line1', hint: null },
  { name: 'number', label: 'address.number', autoComplete: 'off', hint: 'address.numberHint' },
  { name: 'postcode', label: 'address.postcode', autoComplete: 'postal-code', hint: null },
  { name: 'place', label: 'address.place', autoComplete: 'address-level2', hint: null },
] as const;

export function AddressForm(props: { idPrefix: string; initial: Address | null; onUse(address: Address): void; onCancel(): void }) {
  const t = useT(placePack);
  const [initial] = useState<AddressDraft>(() => addressDraftOf(props.initial));
  const [draft, setDraft] = useState(initial);
  useUnsavedWork(hasChanged(initial, draft));
  const [errors, setErrors] = useState<AddressErrors>({});

  const use = () => {
    const result = addressFromDraft(draft);
    if (result.ok) props.onUse(result.address);
    else setErrors(result.errors);
  };
  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    use();
  };

  return (
    <div class="place-panel">
      <div class="place-address-fields">
        {FIELDS.map((field) => {
          const id = `${props.idPrefix}-${field.name}`;
          const error = errors[field.name] ? t(errors[field.name] as NonNullable<AddressErrors[keyof AddressErrors]>) : undefined;
          return (
            <div class="field" key={field.name}>
              <label for={id}>{t(field.label)}</label>
              <input
                {...controlProps(id, { hint: field.hint !== null, error })}
                type="text"
                name={field.name}
                autoComplete={field.autoComplete}
                autoCapitalize={field.name === 'postcode' ? 'characters' : 'sentences'}
                aria-required={field.name === 'street' ? 'true' : undefined}
                value={draft[field.name]}
                onInput={(event) => setDraft((d) => ({ ...d, [field.name]: event.currentTarget.value }))}
                onKeyDown={onKeyDown}
              />
              <FieldMessages id={id} hint={field.hint ? t(field.hint) : undefined} error={error} />
            </div>
          );
        })}
      </div>
      <div class="place-actions">
        <button type="button" class="button button-primary" onClick={use}>
          {t('address.use')}
        </button>
        <button type="button" class="button" onClick={props.onCancel}>
          {t('address.cancel')}
        </button>
      </div>
    </div>
  );
}
