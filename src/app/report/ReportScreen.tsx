/** Placeholder while the screen is being built (replaced before commit). */
export function ReportScreen(_props: { activityId: string }) {
  return null;
}
