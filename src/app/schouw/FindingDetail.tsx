/** Placeholder while the screen is being built (replaced before commit). */
export function FindingDetail(_props: { id: string }) {
  return null;
}
