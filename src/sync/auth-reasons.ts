/**
 * The reasons of a 401: the app asks to sign in again (keeping local data),
 * or wipes a revoked device. Apart from the HTTP layer (./http.ts), so the
 * controller that acts on them stays in the first download without it.
 */
export const AUTH_REASONS = ['unauthenticated', 'session-expired', 'device-revoked'] as const;
export type AuthReason = (typeof AUTH_REASONS)[number];

export function isAuthReason(reason: string): reason is AuthReason {
  return (AUTH_REASONS as readonly string[]).includes(reason);
}
