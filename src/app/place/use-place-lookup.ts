/** Placeholder (replaced before commit). */
export function usePlaceLookup(): void {}
