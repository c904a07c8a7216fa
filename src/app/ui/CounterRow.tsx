import './counter.css';

/**
 * One count with a big − and +. Built for a thumb at a door: the buttons are
 * never disabled while a write is in flight and never debounced, so ten taps
 * a second are ten counts. "−" is only refused at zero, with aria-disabled
 * so a screen reader's focus stays on the button.
 */
export function CounterRow(props: {
  id: string;
  label: string;
  value: number;
  incrementLabel: string;
  decrementLabel: string;
  onBump(delta: 1 | -1): void;
  /** Someone who may see but not count (the permission table): the value alone. */
  isReadOnly?: boolean;
  /** Taps shown that the store's answer does not show yet (use-counter.ts): marked for tests, never drawn differently. */
  isSaving?: boolean;
}) {
  const atZero = props.value <= 0;
  // Read-only (the person may not count): the same row, without its buttons.
  return (
    <div
      class="counter"
      role="group"
      aria-labelledby={`${props.id}-label`}
      data-testid={`counter-${props.id}`}
      data-saving={props.isSaving ? 'true' : undefined}
    >
      {!props.isReadOnly && (
        <button
          type="button"
          class="counter-button counter-minus"
          aria-label={props.decrementLabel}
          aria-disabled={atZero ? 'true' : undefined}
          onClick={() => {
            if (!atZero) props.onBump(-1);
          }}
        >
          <span aria-hidden="true">−</span>
        </button>
      )}
      <div class="counter-body">
        <span class="counter-label" id={`${props.id}-label`}>
          {props.label}
        </span>
        <span class="counter-value" data-testid={`value-${props.id}`}>
          {props.value}
        </span>
      </div>
      {!props.isReadOnly && (
        <button type="button" class="counter-button counter-plus" aria-label={props.incrementLabel} onClick={() => props.onBump(1)}>
          <span aria-hidden="true">+</span>
        </button>
      )}
    </div>
  );
}
