/**
 * Accounts, devices and invites: the messages of /api/v1/auth, /me, /users,
 * /invites, /devices and /audit. A device token is random, kept on the
 * device, sent as `Authorization: Bearer <token>` and stored only as a hash
 * on the server (DESIGN.md "Identity").
 */
import * as z from 'zod/mini';
import { ConfigIdSchema, noControlCharacters, plainString, text } from './fields.ts';
import { IdSchema } from './ids.ts';
import { ROLES } from './permissions.ts';
import { DeviceIdSchema } from './protocol.ts';

export const RoleSchema = z.enum(ROLES);

export const EmailSchema = z.string().check(z.maxLength(254), noControlCharacters(), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'));
export const PasswordSchema = z.string().check(z.minLength(10, 'must be at least 10 characters'), z.maxLength(200), noControlCharacters());
export const DeviceNameSchema = text(80, 1);
/** Invite codes: 128 random bits, base64url. */
export const InviteCodeSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{20,64}$/, 'is not an invite code'));

export const SignInRequestSchema = z.object({
  email: EmailSchema,
  password: plainString(200, 1),
  /** With an e-mail in several tenants: which one (else the server's default tenant, else the oldest account). */
  tenantId: z.optional(ConfigIdSchema),
  deviceId: DeviceIdSchema,
  deviceName: DeviceNameSchema,
});

export const RedeemInviteRequestSchema = z.object({
  code: InviteCodeSchema,
  deviceId: DeviceIdSchema,
  deviceName: DeviceNameSchema,
});

/** Who is signed in on this device, and what they may see. */
export const MeSchema = z.object({
  userId: IdSchema,
  tenantId: ConfigIdSchema,
  tenantName: z.string(),
  displayName: z.string(),
  email: z.nullable(z.string()),
  role: RoleSchema,
  buurtIds: z.array(ConfigIdSchema),
  teamIds: z.array(z.string()),
  deviceId: DeviceIdSchema,
});
export type Me = z.infer<typeof MeSchema>;

export const SessionSchema = z.object({
  token: z.string().check(z.minLength(32), z.maxLength(128)),
  expiresAt: z.number(),
  me: MeSchema,
});
export type Session = z.infer<typeof SessionSchema>;

export const CreateUserRequestSchema = z.object({
  displayName: text(120, 1),
  email: z.nullable(EmailSchema),
  password: z.nullable(PasswordSchema),
  role: RoleSchema,
  buurtIds: z._default(z.array(ConfigIdSchema), []),
});

export const UpdateUserRequestSchema = z.object({
  displayName: z.optional(text(120, 1)),
  role: z.optional(RoleSchema),
  buurtIds: z.optional(z.array(ConfigIdSchema)),
  active: z.optional(z.boolean()),
});

export const UserSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  email: z.nullable(z.string()),
  role: RoleSchema,
  buurtIds: z.array(z.string()),
  teamIds: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.number(),
});
export type User = z.infer<typeof UserSchema>;

export const CreateInviteRequestSchema = z.object({
  teamId: ConfigIdSchema,
  /** The volunteer's name as the team knows them (a user's own name, never a resident's). */
  displayName: text(120, 1),
  /**
   * Sign this existing user in on another phone instead of adding a new
   * volunteer (their name is used). Volunteers only: staff sign in with their
   * own password, so an invite can never hand a coordinator someone else's staff account.
   */
  userId: z.optional(IdSchema),
  expiresInHours: z._default(z.int().check(z.gte(1), z.lte(24 * 30)), 72),
});

export const InviteSchema = z.object({
  code: z.string(),
  /** The link to share (WhatsApp, QR code): `<origin>/#/uitnodiging/<code>`. */
  url: z.string(),
  teamId: z.string(),
  displayName: z.string(),
  expiresAt: z.number(),
});
export type Invite = z.infer<typeof InviteSchema>;

/** `GET /api/v1/invites/:code`: what the invite is for, before the phone redeems it. */
/**
 * What anyone holding an invite code may see before using it: the
 * programme, the team, the name it will sign in as, and the display name of
 * the coordinator who made it ("from whom") — nothing else about anyone.
 */
export const InvitePreviewSchema = z.object({
  tenantName: z.string(),
  issuerName: z.string(),
  teamName: z.string(),
  displayName: z.string(),
  expiresAt: z.number(),
});
export type InvitePreview = z.infer<typeof InvitePreviewSchema>;

export const DeviceInfoSchema = z.object({
  id: DeviceIdSchema,
  userId: IdSchema,
  name: z.string(),
  createdAt: z.number(),
  lastSeenAt: z.nullable(z.number()),
  expiresAt: z.number(),
  revokedAt: z.nullable(z.number()),
  isCurrent: z.boolean(),
});
export type DeviceInfo = z.infer<typeof DeviceInfoSchema>;

/** What an audit entry records; a record changed by a push (or by the server) is `record.<action>`. */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-out',
  /** Sign-in to the account from one address slowed down after too many wrong passwords (`detail.scope` 'account-address'), until `detail.until`. */
  'sign-in.lock',
  'invite.create',
  'invite.redeem',
  'user.create',
  'user.update',
  'device.revoke',
  'record.create',
  'record.update',
  'record.delete',
  /** Removed after its retention period (buurtpreventie); no user, no device: the server did it. */
  'record.purge',
  // Issue 10: what is refused or cleaned up is on the record too.
  'mutation.reject',
  'photo.upload',
  'photo.purge',
  'quota.exceed',
  'sign-in.fail',
  // Issue 14: the AVG rights of a person (person-data.ts) and the tenant's privacy texts.
  /** A coordinator downloaded everything Buurtlog holds about the person (inzage, art. 15). */
  'user.export',
  /** A coordinator erased the person (art. 17); `detail.pseudonym` is what they are called from then on. */
  'user.erase',
  'privacy-texts.update',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntrySchema = z.object({
  seq: z.number(),
  at: z.number(),
  userId: z.nullable(z.string()),
  deviceId: z.nullable(z.string()),
  action: z.string(),
  recordType: z.nullable(z.string()),
  recordId: z.nullable(z.string()),
  mutationId: z.nullable(z.string()),
  fields: z.array(z.string()),
  /** Beyond who and what: `invitedBy` and `targetUserId` of an invite's redemption, `scope` and `until` of a lock-out. */
  detail: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export type AuditDetail = Readonly<Record<string, string | number>>;
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** `GET /api/v1/audit`: newest first; pass `cursor` back for the next (older) page. */
export const AuditPageSchema = z.object({
  entries: z.array(AuditEntrySchema),
  cursor: z.nullable(z.string()),
  hasMore: z.boolean(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** Sessions last weeks, so work goes on offline; each contact with the server extends it. */
export const SESSION_DAYS = 60;

export function inviteUrl(origin: string, code: string): string {
  return `${origin}/#/uitnodiging/${code}`;
}
