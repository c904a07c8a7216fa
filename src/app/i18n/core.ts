/**
 * The words of the first download, in Dutch: the shell and shared UI pieces,
 * the sync status, the activity list and the reasons' words. Each lives
 * beside its feature; this module only decides that they ship first
 * (tests/e2e/bundle-budget.test.ts). Their English is core-en.ts, loaded when
 * chosen. Every other feature's words load with its code (a pack).
 */
import { nl as activities } from '../activities/nl.ts';
import { nl as sync } from '../sync/nl.ts';
import { nl as ui } from '../ui/nl.ts';
import { nl as reasons } from './reasons/nl.ts';

export const core = { ...ui, ...sync, ...activities, ...reasons };
export type CoreKey = keyof typeof core;
