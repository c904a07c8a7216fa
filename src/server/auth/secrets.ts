/**
 * Random secrets (device tokens, invite codes) and how they are stored:
 * only their SHA-256, so a copy of the database holds nothing that signs in.
 * Plain SHA-256 suffices here (unlike passwords): the secrets are 128–256
 * random bits, too many to guess.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A device token: 32 random bytes, base64url (43 characters). */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** An invite code: 16 random bytes, base64url (22 characters; InviteCodeSchema). */
export function newInviteCode(): string {
  return randomBytes(16).toString('base64url');
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}
