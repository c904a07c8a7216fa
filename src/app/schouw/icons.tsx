/**
 * A picture beside each choice of the capture screen, so a tap finds its
 * button at a glance in the street. Drawn as SVG (Lucide, ISC licence), so
 * every phone shows the same picture — emoji are missing or differ per
 * phone. Decoration only: every button also carries its text label, and the
 * icon is aria-hidden. The icons load with the schouw screens, not the first
 * screen.
 */
import {
  Armchair,
  ArrowDownRight,
  Bike,
  BrickWall,
  Cigarette,
  CircleQuestionMark,
  Dog,
  FerrisWheel,
  Flower2,
  Grid2x2X,
  Grid3x3,
  Hammer,
  LampFloor,
  LandPlot,
  Leaf,
  LeafyGreen,
  LightbulbOff,
  Package,
  Recycle,
  Road,
  Search,
  Shrub,
  Signpost,
  Sofa,
  Sparkles,
  SprayCan,
  Sprout,
  Trash,
  TreeDeciduous,
  Trees,
  TriangleAlert,
  WavesHorizontal,
  Wheat,
  type LucideIcon,
} from 'lucide-preact';
import type { FindingAspect, FindingElement } from '../../domain/finding.ts';

type IconComponent = LucideIcon;

export const ELEMENT_ICONS: Readonly<Record<FindingElement, IconComponent>> = {
  pavement: BrickWall,
  road: Road,
  cyclePath: Bike,
  planting: Flower2,
  grass: Sprout,
  hedge: Shrub,
  tree: TreeDeciduous,
  litterBin: Trash,
  undergroundContainer: Recycle,
  streetFurniture: Armchair,
  playEquipment: FerrisWheel,
  streetLighting: LampFloor,
  trafficSign: Signpost,
  water: WavesHorizontal,
  drain: Grid3x3,
  other: CircleQuestionMark,
};

export const ASPECT_ICONS: Readonly<Record<FindingAspect, IconComponent>> = {
  litterFine: Cigarette,
  litterCoarse: Package,
  weedsPaving: Wheat,
  weedsPlanting: LeafyGreen,
  damage: Hammer,
  leaning: ArrowDownRight,
  loosePaving: Grid2x2X,
  graffiti: SprayCan,
  dogFouling: Dog,
  leaves: Leaf,
  binFull: Trash,
  dumpedWaste: Sofa,
  overgrown: Trees,
  bare: LandPlot,
  lightOut: LightbulbOff,
  missing: Search,
  unsafe: TriangleAlert,
  other: CircleQuestionMark,
  opportunity: Sparkles,
};

/** One icon of a map above, drawn at the size its CSS class gives it. */
export function ChoiceIcon({ icon: Icon }: { icon: IconComponent }) {
  return <Icon class="choice-svg" aria-hidden="true" />;
}
