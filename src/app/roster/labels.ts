/** The labels of the patrol enumerations (observation types, actions, modes, outcomes) in the roster pack. */
import type { ObservationAction } from '../../domain/patrol-observation.ts';
import type { PatrolMode, PatrolOutcome } from '../../domain/patrol.ts';
import type { RosterKey } from './nl.ts';
import type { RosterT } from './pack.ts';

export function observationLabel(t: RosterT, type: string): string {
  return t(`rosterObs.${type}` as RosterKey);
}
export function actionLabel(t: RosterT, action: ObservationAction): string {
  return t(`rosterAction.${action}`);
}
export function modeLabel(t: RosterT, mode: PatrolMode): string {
  return t(`rosterMode.${mode}`);
}
export function outcomeLabel(t: RosterT, outcome: PatrolOutcome): string {
  return t(`rosterOutcome.${outcome}`);
}
