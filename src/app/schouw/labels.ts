/**
 * The labels of the schouw's enumerations, in one place: screens, the report
 * and the CSV export all read them from here.
 *
 * @example
 * findingLabel(t, 'element', 'tree') // 'Boom en boomspiegel'
 * findingLabel(t, 'level', null) // 'Geen niveau'
 */
import type { FindingAction, FindingAspect, FindingElement, FindingStatus, MeldingStatus } from '../../domain/finding.ts';
import type { FindingLevel, SchouwKind, SchouwMethod } from '../../domain/schouw.ts';
import type { FindingsT } from './pack.ts';

type Enumerations = {
  schouwKind: SchouwKind;
  schouwMethod: SchouwMethod;
  level: FindingLevel | null;
  element: FindingElement;
  aspect: FindingAspect;
  action: FindingAction;
  meldingStatus: MeldingStatus;
  findingStatus: FindingStatus;
};

export function findingLabel<K extends keyof Enumerations>(t: FindingsT, kind: K, value: Enumerations[K]): string {
  return t(`${kind}.${value ?? 'none'}` as Parameters<FindingsT>[0]);
}
