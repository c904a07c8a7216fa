/**
 * The capture's guided flow: after an answer the next question comes into
 * view by itself (its top at the top of the screen, clear of the sticky bar
 * below) and gets the focus, so a screen reader reads its legend next.
 * Smooth only when the person has not asked for reduced motion.
 */
export function revealStep(target: HTMLElement | null): void {
  if (!target) return;
  const view = target.ownerDocument.defaultView;
  const isReduced = view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  target.scrollIntoView?.({ block: 'start', behavior: isReduced ? 'auto' : 'smooth' });
  target.focus({ preventScroll: true });
}

/** The capture's steps in order; each is the data-testid of its fieldset. */
export const CAPTURE_STEPS = ['step-photos', 'step-element', 'step-aspect', 'step-level', 'step-place', 'step-done'] as const;
export type CaptureStep = (typeof CAPTURE_STEPS)[number];

/** The step after `step`, skipping the level when the round's method has none. */
export function nextStep(step: CaptureStep, hasLevels: boolean): CaptureStep {
  const next = CAPTURE_STEPS[CAPTURE_STEPS.indexOf(step) + 1] ?? 'step-done';
  return next === 'step-level' && !hasLevels ? 'step-place' : next;
}
