/** Placeholder while the screen is being built (replaced before commit). */
export function RoundScreen(_props: { activityId: string }) {
  return null;
}
