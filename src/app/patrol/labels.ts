/**
 * The labels of the patrol's codes (observation kinds and types, actions,
 * modes, outcomes), in one place: the round screens, the roster, the
 * wijkagent's screen, the effort view and the reports all read them from
 * here (words in this feature's nl.ts / en.ts; another feature adds
 * `patrolPack` to its `useT`).
 *
 * @example
 * observationTypeLabel(t, 'brokenStreetLight') // 'Kapotte lantaarnpaal'
 */
import type { Team } from '../../domain/config-records.ts';
import type { ObservationAction, ObservationKind, PublicSpaceObservationType, SafetyObservationType } from '../../domain/patrol-observation.ts';
import type { PatrolMode, PatrolOutcome } from '../../domain/patrol.ts';
import type { T } from '../i18n/translate.ts';
import type { PatrolKey } from './nl.ts';

export type ObservationType = SafetyObservationType | PublicSpaceObservationType;

/** Any `t` that knows the patrol's words. */
export type PatrolLabelT = T<PatrolKey>;

export function observationTypeLabel(t: PatrolLabelT, type: ObservationType): string {
  return t(`patrolType.${type}`);
}
export function observationKindLabel(t: PatrolLabelT, kind: ObservationKind): string {
  return t(`patrolKind.${kind}`);
}
export function observationActionLabel(t: PatrolLabelT, action: ObservationAction): string {
  return t(`patrolAction.${action}`);
}
export function patrolModeLabel(t: PatrolLabelT, mode: PatrolMode): string {
  return t(`patrolMode.${mode}`);
}
export function patrolOutcomeLabel(t: PatrolLabelT, outcome: PatrolOutcome): string {
  return t(`patrolOutcome.${outcome}`);
}

/**
 * A walker as the screens name them: "jij" for oneself, the display name
 * the phone knows (useMemberNames in roster/use-member-names.ts), and only
 * when it knows none "Teamlid N" by their place in the team.
 *
 * @example
 * walkerName(t, bart, anna, team, new Map([[bart, 'Bart']])) // 'Bart'
 */
export function walkerName(t: PatrolLabelT, userId: string, me: string, team: Pick<Team, 'memberIds'> | undefined, names: ReadonlyMap<string, string>): string {
  if (userId === me) return t('patrolWalker.you');
  const known = names.get(userId);
  if (known) return known;
  const index = team?.memberIds.indexOf(userId) ?? -1;
  return t('patrolWalker.member', { n: index >= 0 ? index + 1 : '?' });
}
