/** Placeholder while the screen is being built (replaced before commit). */
export function FindingCapture(_props: { activityId: string | null; findingId: string | null }) {
  return null;
}
