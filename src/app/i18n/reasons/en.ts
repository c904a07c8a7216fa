/** English words for every machine reason: exactly the keys of nl.ts (checked by the type). */
import type { Words } from '../translate.ts';
import type { nl } from './nl.ts';

export const en: Words<typeof nl> = {
  'reason.invalid-payload': 'The data is not valid and was not accepted.',
  'reason.malformed-json': 'The server could not read the message.',
  'reason.unsupported-media-type': 'The server could not read the message.',
  'reason.body-too-large': 'The message was too large for the server.',
  'reason.unknown-record-type': 'The server does not know this kind of data. Update Buurtlog.',
  'reason.unknown-field': 'The server does not know one of the fields. Update Buurtlog.',
  'reason.missing-fields': 'Required data is missing.',
  'reason.type-mismatch': 'This change does not match the data on the server.',
  'reason.tenant-mismatch': 'This data belongs to another programme.',
  'reason.foreign-counter': 'A count from another device cannot be changed here.',
  'reason.clock-ahead': 'This device’s clock is ahead. Set the date and time correctly.',
  'reason.schema-unsupported': 'This version of Buurtlog is newer than the server.',
  'reason.client-outdated': 'This version of Buurtlog is too old. Update the app.',
  'reason.unknown-tenant': 'The server does not know this programme.',
  'reason.unauthenticated': 'Sign in again. Your data stays on this device.',
  'reason.session-expired': 'Your session has expired. Sign in again; your data stays on this device and is sent afterwards.',
  'reason.device-revoked': 'A coordinator signed this device out. The data on this device has been wiped.',
  'reason.invalid-credentials': 'This e-mail address and password do not match.',
  'reason.password-common':
    'This password is too easy to guess: it is on a list of common or leaked passwords, or a pattern like aaaaaaaaaa or 1234567890. Choose another, for instance a few unrelated words.',
  'reason.rate-limited': 'Too many attempts. Wait a few minutes and try again.',
  'reason.quota-exceeded': 'This device has sent too much for now. Nothing is lost: everything stays on the phone and is sent later by itself.',
  'reason.invite-invalid': 'This invite has expired or was already used. Ask your coordinator for a new one.',
  'reason.forbidden': 'Your role or team does not allow this.',
  'reason.unknown-parent': 'The round, slot or observation this change belongs to is not on the server (yet).',
  'reason.purged': 'This was removed after its retention period and can no longer be changed.',
  'reason.unknown-activity': 'The activity of this count is not (yet) on the server.',
  'reason.unknown-finding': 'The finding this change belongs to is not on the server (yet).',
  'reason.not-found': 'Not found on the server.',
  'reason.internal': 'Something went wrong on the server. It will be retried later.',
  'reason.network': 'No connection. Your data is safe on this device.',
  'reason.server-unavailable': 'The server cannot be reached right now. It will be retried later.',
};
