import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Where the button stands, which decides how it and its question look. */
export type ConfirmVariant =
  /** In a list row (a device): a small button; the question and its answers in a `confirm` box. */
  | 'in-list'
  /** Under a record (a finding): a full-width button; the question in a notice, the answers in a row. */
  | 'notice'
  /** In a card (sign out): a full-width button; the question in a `confirm` box, each answer full-width. */
  | 'stacked'
  /** At the end of a form (an activity): a full-width button; large answers in a row. */
  | 'form-end';

type Classes = { button: string; group?: string; answers?: string; yes: string; no: string };

const DANGER_OUTLINE = 'button button-danger-outline';
const CLASSES: Record<ConfirmVariant, Classes> = {
  'in-list': { button: `${DANGER_OUTLINE} button-small`, group: 'confirm', yes: 'button button-danger', no: 'button' },
  notice: { button: `${DANGER_OUTLINE} button-block`, group: 'notice', answers: 'form-actions', yes: 'button button-danger', no: 'button' },
  stacked: { button: `${DANGER_OUTLINE} button-block`, group: 'confirm', yes: 'button button-danger button-block', no: 'button button-block' },
  'form-end': { button: `${DANGER_OUTLINE} button-block`, answers: 'form-actions', yes: 'button button-danger button-large', no: 'button button-large' },
};

export type ConfirmButtonProps = {
  variant: ConfirmVariant;
  /** The button that asks first. */
  label: string;
  /** Its accessible name, when the label alone does not say what (a device's name). */
  ariaLabel?: string;
  /** The question that takes the button's place, and its two answers. */
  questionId: string;
  question: string;
  yes: string;
  no: string;
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
  const classes = CLASSES[props.variant];

  if (!isConfirming) {
    return (
      <button type="button" class={classes.button} aria-label={props.ariaLabel} onClick={() => setConfirming(true)}>
        {props.label}
      </button>
    );
  }
  const answers = (
    <>
      <button
        ref={props.focus === 'yes' ? focusRef : undefined}
        type="button"
        class={classes.yes}
        aria-disabled={props.isBusy ? 'true' : undefined}
        onClick={() => void (props.isBusy ? null : props.onConfirm(close))}
      >
        {props.isBusy && props.busyLabel ? props.busyLabel : props.yes}
      </button>
      <button ref={props.focus === 'no' ? focusRef : undefined} type="button" class={classes.no} onClick={close}>
        {props.no}
      </button>
    </>
  );
  return (
    <div class={classes.group} role="group" aria-labelledby={props.questionId}>
      {props.before}
      <p id={props.questionId}>{props.question}</p>
      {classes.answers ? <div class={classes.answers}>{answers}</div> : answers}
    </div>
  );
}
