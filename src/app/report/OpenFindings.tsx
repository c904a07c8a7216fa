/** Placeholder while the screen is being built (replaced before commit). */
export function OpenFindings(_props: { activityId: string | null; buurtId: string | null }) {
  return null;
}
