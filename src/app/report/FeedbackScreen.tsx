/** Placeholder while the screen is being built (replaced before commit). */
export function FeedbackScreen(_props: { activityId: string }) {
  return null;
}
