import './organisation-field.css';
import { useState } from 'preact/hooks';
import type { OrganisationRef } from '../../domain/fields.ts';
import { useApp } from '../context.ts';
import { offered } from '../i18n/labels.ts';
import { FieldMessages } from '../ui/FieldMessages.tsx';
import { addOrganisationName, toggleOrganisation } from './form-logic.ts';
import { useT } from '../i18n/use-t.ts';
import { activityPack } from './form/pack.ts';

/** Partners from the tenant config as checkboxes, plus free names (school, church, sports club …). */
export function OrganisationField(props: {
  id: string;
  legend: string;
  value: readonly OrganisationRef[];
  onChange(next: OrganisationRef[]): void;
  error?: string | undefined;
}) {
  const { config } = useApp();
  const t = useT(activityPack);
  const [name, setName] = useState('');
  const inUse = props.value.flatMap((ref) => ('partnerId' in ref ? [ref.partnerId] : []));
  const partners = offered(config.partners, inUse);
  const names = props.value.filter((ref): ref is { name: string } => 'name' in ref);
  const add = () => {
    props.onChange(addOrganisationName(props.value, name));
    setName('');
  };

  return (
    <fieldset class="fieldset" id={props.id} aria-describedby={props.error ? `${props.id}-error` : undefined}>
      <legend>{props.legend}</legend>
      <FieldMessages id={props.id} error={props.error} />
      {partners.length === 0 ? (
        <p class="muted">{t('form.noPartners')}</p>
      ) : (
        <div class="checks">
          {partners.map((p) => {
            const ref = { partnerId: p.id };
            const checked = inUse.includes(p.id);
            return (
              <label key={p.id} class="check">
                <input type="checkbox" checked={checked} onChange={(e) => props.onChange(toggleOrganisation(props.value, ref, e.currentTarget.checked))} />
                <span>{p.name}</span>
              </label>
            );
          })}
        </div>
      )}
      {names.length > 0 && (
        <ul class="name-list" aria-label={t('form.otherNames')}>
          {names.map((ref) => (
            <li key={ref.name}>
              <span>{ref.name}</span>
              <button
                type="button"
                class="button button-small"
                aria-label={t('form.removeName', { name: ref.name })}
                onClick={() => props.onChange(toggleOrganisation(props.value, ref, false))}
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="add-name">
        <label for={`${props.id}-name`}>{t('form.addName')}</label>
        <div class="inline">
          <input
            id={`${props.id}-name`}
            type="text"
            maxLength={120}
            autocomplete="off"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            // A typed name is never lost: leaving the field adds it, as a tap on "Toevoegen" would.
            onBlur={() => name.trim() !== '' && add()}
            onKeyDown={(e) => {
              // Enter adds the name instead of submitting the whole form.
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" class="button" onClick={add}>
            {t('form.addNameButton')}
          </button>
        </div>
      </div>
    </fieldset>
  );
}
