/**
 * Markers at (nearly) the same place would hide each other's numbers: two
 * findings at one litter bin, three along one front door. Points closer than
 * `MARKER_GAP_PX` on screen form a group; the members of a group stand in a
 * small ring around their shared spot, in list order, so every number shows
 * and each still points at its place (a short line to the spot). Pure.
 */

/** Twice a marker's radius (14) and a little air: closer than this, two markers overlap. */
export const MARKER_GAP_PX = 30;

export type ScreenPoint = { readonly x: number; readonly y: number };
export type SpreadPoint = { readonly at: ScreenPoint; readonly spot: ScreenPoint; readonly isMoved: boolean };

/** Where to draw each marker (same order as `points`): its own spot, or a place on the ring around its group's spot. */
export function spreadMarkers(points: readonly ScreenPoint[], gap = MARKER_GAP_PX): SpreadPoint[] {
  const groups: { spot: ScreenPoint; members: number[] }[] = [];
  const groupOf: number[] = [];
  points.forEach((point, index) => {
    const group = groups.find((g) => Math.hypot(g.spot.x - point.x, g.spot.y - point.y) < gap);
    if (group) {
      group.members.push(index);
      groupOf[index] = groups.indexOf(group);
    } else {
      groupOf[index] = groups.length;
      groups.push({ spot: point, members: [index] });
    }
  });
  return points.map((point, index) => {
    const group = groups[groupOf[index] ?? 0];
    if (!group || group.members.length === 1) return { at: point, spot: point, isMoved: false };
    const n = group.members.length;
    // Neighbours on the ring a marker's width apart: the chord between them is `gap`.
    const radius = gap / 2 / Math.sin(Math.PI / n);
    const angle = -Math.PI / 2 + (2 * Math.PI * group.members.indexOf(index)) / n;
    return { at: { x: group.spot.x + radius * Math.cos(angle), y: group.spot.y + radius * Math.sin(angle) }, spot: group.spot, isMoved: true };
  });
}
