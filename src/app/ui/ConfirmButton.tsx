import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export type ConfirmButtonProps = {
  /** The button that asks first. */
  label: string;
  /** Its accessible name, when the label alone does not say what (a device's name). */
  ariaLabel?: string;
  buttonClass: string;
  /** The question that takes the button's place, and its two answers. */
  questionId: string;
  question: string;
  yes: string;
  no: string;
  yesClass: string;
  noClass: string;
  groupClass?: string;
  /** Put the two answers in a row of this class (e.g. `form-actions`). */
  answersClass?: string;
  /** Where focus goes when the question appears, so a screen reader hears it: the safe answer, or yes. */
  focus: 'yes' | 'no';
  /** Shown above the question (say, what would be lost). */
  before?: ComponentChildren;
  /** While busy, yes says so and does nothing. */
  isBusy?: boolean;
  busyLabel?: string;
  /** Yes: `close` puts the first button back (after a change that keeps this on screen). */
  onConfirm(close: () => void): void | Promise<void>;
};

/** A dangerous action asked twice: a button, then in its place a question with yes and no. */
export function ConfirmButton(props: ConfirmButtonProps) {
  const [isConfirming, setConfirming] = useState(false);
  const focusRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (isConfirming) requestAnimationFrame(() => focusRef.current?.focus());
  }, [isConfirming]);
  const close = () => setConfirming(false);

  if (!isConfirming) {
    return (
      <button type="button" class={props.buttonClass} aria-label={props.ariaLabel} onClick={() => setConfirming(true)}>
        {props.label}
      </button>
    );
  }
  const answers = (
    <>
      <button
        ref={props.focus === 'yes' ? focusRef : undefined}
        type="button"
        class={props.yesClass}
        aria-disabled={props.isBusy ? 'true' : undefined}
        onClick={() => void (props.isBusy ? null : props.onConfirm(close))}
      >
        {props.isBusy && props.busyLabel ? props.busyLabel : props.yes}
      </button>
      <button ref={props.focus === 'no' ? focusRef : undefined} type="button" class={props.noClass} onClick={close}>
        {props.no}
      </button>
    </>
  );
  return (
    <div class={props.groupClass} role="group" aria-labelledby={props.questionId}>
      {props.before}
      <p id={props.questionId}>{props.question}</p>
      {props.answersClass ? <div class={props.answersClass}>{answers}</div> : answers}
    </div>
  );
}
