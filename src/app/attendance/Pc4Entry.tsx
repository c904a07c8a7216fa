import '../ui/counter.css';
import { useRef, useState } from 'preact/hooks';
import { controlProps } from '../ui/field.ts';
import { FieldMessages } from '../ui/FieldMessages.tsx';
import { useUnsavedWork } from '../ui/use-unsaved-work.ts';
import { normalizePc4Input, pc4FromInput } from './pc4.ts';
import { useT } from '../i18n/use-t.ts';
import { formsPack } from '../ui/forms/pack.ts';
import { attendancePack } from './pack.ts';

/** Type a four-digit postcode and count one participant for it. */
export function Pc4Entry({ onAdd }: { onAdd(pc4: string): void }) {
  const t = useT(attendancePack, formsPack);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const inputRef = useRef<HTMLInputElement>(null);
  useUnsavedWork(value !== '');

  const submit = (event: Event) => {
    event.preventDefault();
    const pc4 = pc4FromInput(value);
    if (pc4 === null) {
      setError(t('error.pc4'));
      inputRef.current?.focus();
      return;
    }
    onAdd(pc4);
    setValue('');
    setError(undefined);
    // Keep the keyboard up for the next person in the queue.
    inputRef.current?.focus();
  };

  return (
    <form class="pc4-entry" noValidate onSubmit={submit}>
      <label for="pc4-input">{t('attendance.pc4Input')}</label>
      <div class="inline">
        <input
          ref={inputRef}
          {...controlProps('pc4-input', { hint: true, error })}
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          maxLength={4}
          autocomplete="off"
          enterKeyHint="done"
          value={value}
          onInput={(e) => {
            const next = normalizePc4Input(e.currentTarget.value);
            // Write back so a stray letter disappears from the box at once.
            e.currentTarget.value = next;
            setValue(next);
            if (error) setError(undefined);
          }}
        />
        <button type="submit" class="counter-button counter-plus" aria-label={t('attendance.pc4Add')}>
          <span aria-hidden="true">+</span>
        </button>
      </div>
      <FieldMessages id="pc4-input" hint={t('attendance.pc4Hint')} error={error} />
    </form>
  );
}
