/**
 * A picture beside each choice of the capture screen, so a tap finds its
 * button at a glance in the street. Decoration only: every button also
 * carries its text label, and the icon is aria-hidden.
 */
import type { FindingAspect, FindingElement } from '../../domain/finding.ts';

export const ELEMENT_ICONS: Readonly<Record<FindingElement, string>> = {
  pavement: '🧱',
  road: '🛣️',
  cyclePath: '🚲',
  planting: '🌿',
  grass: '🌱',
  hedge: '🪴',
  tree: '🌳',
  litterBin: '🗑️',
  undergroundContainer: '♻️',
  streetFurniture: '🪑',
  playEquipment: '🛝',
  streetLighting: '💡',
  trafficSign: '🚦',
  water: '🌊',
  drain: '🕳️',
  other: '❔',
};

export const ASPECT_ICONS: Readonly<Record<FindingAspect, string>> = {
  litterFine: '🍬',
  litterCoarse: '📦',
  weedsPaving: '🌾',
  weedsPlanting: '🌱',
  damage: '💥',
  leaning: '↘️',
  loosePaving: '🧱',
  graffiti: '🎨',
  dogFouling: '🐕',
  leaves: '🍂',
  binFull: '🗑️',
  dumpedWaste: '🛋️',
  overgrown: '🌿',
  bare: '🟫',
  lightOut: '🌑',
  missing: '🔍',
  unsafe: '⚠️',
  other: '❔',
  opportunity: '✨',
};
