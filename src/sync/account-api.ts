/**
 * The account calls of the API: sign-in, invites, who am I, users, devices,
 * audit. Unlike records these need a connection — there is nothing to do
 * offline with a password or a device list — so every call answers now or
 * fails with a reason (`SyncFailure`), and the screens say so.
 *
 * @example
 * const api = createAccountApi({ fetch, baseUrl: location.origin, token: () => session?.token ?? null });
 * const session = await api.signIn({ email, password, deviceId, deviceName });
 */
import type { MonitoringAnswer } from '../domain/indicators.ts';
import * as z from 'zod/mini';
import {
  AuditPageSchema,
  DeviceInfoSchema,
  InvitePreviewSchema,
  InviteSchema,
  MeSchema,
  SessionSchema,
  UserSchema,
  type AuditPage,
  type DeviceInfo,
  type Invite,
  type InvitePreview,
  type Me,
  type Session,
  type User,
} from '../domain/auth.ts';
import { isAuthReason, type AuthReason } from './auth-reasons.ts';
import {
  ErasedPersonSchema,
  ErasurePreviewSchema,
  ErasureResultSchema,
  PrivacyTextsSchema,
  type ErasedPerson,
  type ErasurePreview,
  type ErasureResult,
  type PrivacyTexts,
  type UpdatePrivacyTextsRequest,
} from '../domain/person-data.ts';
import { callApi, getFile, getPhoto, SyncFailure, type FetchLike } from './http.ts';

/** `GET /api/v1/tenant` (public): the programme this server serves first, for the sign-in screen. */
export const TenantInfoSchema = z.object({ id: z.string(), name: z.string() });
export type TenantInfo = z.infer<typeof TenantInfoSchema>;
export type { InvitePreview };

export type SignInRequest = { email: string; password: string; deviceId: string; deviceName: string };
export type RedeemInviteRequest = { code: string; deviceId: string; deviceName: string };
export type CreateUserRequest = { displayName: string; email: string | null; password: string | null; role: User['role']; buurtIds: string[] };
export type UpdateUserRequest = Partial<Pick<User, 'displayName' | 'role' | 'buurtIds' | 'active'>>;
export type CreateInviteRequest = { teamId: string; displayName: string; expiresInHours?: number };

export type AccountApiOptions = {
  fetch: FetchLike;
  baseUrl?: string;
  /** The device token, or null before sign-in. */
  token: () => string | null;
  timeoutMs?: number;
  /** A signed-in call met a 401 (expired, unknown or revoked token): the app reacts as it does to the sync engine's. */
  onAuthProblem?: (reason: AuthReason) => void;
};

export function createAccountApi(options: AccountApiOptions) {
  const { fetch, baseUrl = '', token, timeoutMs = 15_000, onAuthProblem } = options;

  type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  function call<T>(method: Method, path: string, schema: z.ZodMiniType<T>, body?: unknown): Promise<T>;
  function call(method: Method, path: string, schema: null, body?: unknown): Promise<void>;
  function call<T>(method: Method, path: string, schema: z.ZodMiniType<T> | null, body?: unknown): Promise<T | void> {
    const bearer = token();
    const headers: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
    const init = { fetch, url: `${baseUrl}/api/v1${path}`, method, headers, body, timeoutMs };
    const answer = schema === null ? callApi(init, null) : callApi(init, schema);
    return answer.catch((error: unknown) => {
      // Only a call made with a token says something about this device's session.
      if (bearer && error instanceof SyncFailure && isAuthReason(error.reason)) onAuthProblem?.(error.reason);
      throw error;
    });
  }

  return {
    tenant: () => call('GET', '/tenant', TenantInfoSchema),
    signIn: (request: SignInRequest): Promise<Session> => call('POST', '/auth/sign-in', SessionSchema, request),
    signOut: () => call('POST', '/auth/sign-out', null),
    invitePreview: (code: string): Promise<InvitePreview> => call('GET', `/invites/${encodeURIComponent(code)}`, InvitePreviewSchema),
    redeemInvite: (request: RedeemInviteRequest): Promise<Session> => call('POST', '/auth/invite', SessionSchema, request),
    me: (): Promise<Me> => call('GET', '/me', MeSchema),
    users: (): Promise<User[]> => call('GET', '/users', z.array(UserSchema)),
    createUser: (request: CreateUserRequest): Promise<User> => call('POST', '/users', UserSchema, request),
    updateUser: (id: string, changes: UpdateUserRequest): Promise<User> => call('PATCH', `/users/${encodeURIComponent(id)}`, UserSchema, changes),
    devices: (): Promise<DeviceInfo[]> => call('GET', '/devices', z.array(DeviceInfoSchema)),
    userDevices: (userId: string): Promise<DeviceInfo[]> => call('GET', `/users/${encodeURIComponent(userId)}/devices`, z.array(DeviceInfoSchema)),
    revokeDevice: (id: string) => call('DELETE', `/devices/${encodeURIComponent(id)}`, null),
    createInvite: (request: CreateInviteRequest): Promise<Invite> => call('POST', '/invites', InviteSchema, request),
    /** Everything the server holds about a person, as a ZIP of JSON and CSV files (inzage; audited). */
    exportPerson(userId: string): Promise<Blob> {
      const bearer = token();
      return getFile({
        fetch,
        url: `${baseUrl}/api/v1/users/${encodeURIComponent(userId)}/export`,
        headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
        timeoutMs,
      }).catch((error: unknown) => {
        if (bearer && error instanceof SyncFailure && isAuthReason(error.reason)) onAuthProblem?.(error.reason);
        throw error;
      });
    },
    erasurePreview: (userId: string): Promise<ErasurePreview> => call('GET', `/users/${encodeURIComponent(userId)}/erasure`, ErasurePreviewSchema),
    erasePerson: (userId: string): Promise<ErasureResult> => call('POST', `/users/${encodeURIComponent(userId)}/erase`, ErasureResultSchema),
    /** Erased people by their old user id, with the pseudonym the audit log and lists show for them. */
    erased: (): Promise<ErasedPerson[]> => call('GET', '/users/erased', z.array(ErasedPersonSchema)),
    privacyTexts: (): Promise<PrivacyTexts> => call('GET', '/privacy-texts', PrivacyTextsSchema),
    savePrivacyTexts: (texts: UpdatePrivacyTextsRequest): Promise<PrivacyTexts> => call('PUT', '/privacy-texts', PrivacyTextsSchema, texts),
    /** A photo taken on another phone, checked against its hash (a finding's thumbnails). */
    photo(sha256: string): Promise<{ blob: Blob; type: string }> {
      const bearer = token();
      return getPhoto({
        fetch,
        url: `${baseUrl}/api/v1/photos/${encodeURIComponent(sha256)}`,
        headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
        timeoutMs,
        sha256,
      }).catch((error: unknown) => {
        if (bearer && error instanceof SyncFailure && isAuthReason(error.reason)) onAuthProblem?.(error.reason);
        throw error;
      });
    },
    /** The monitoring indicators (aggregates only) for a query: `period`, `from`, `to`, `buurtId`, `themeId`, `projectId`. */
    // The answer's schema loads with the dashboard, not with the first screen.
    monitoring: async (query: Readonly<Record<string, string>>): Promise<MonitoringAnswer> =>
      call('GET', `/monitoring?${new URLSearchParams(query as Record<string, string>)}`, (await import('../domain/indicators.ts')).MonitoringAnswerSchema),
    audit: (cursor: string | null, limit = 50): Promise<AuditPage> =>
      call('GET', `/audit?${new URLSearchParams({ ...(cursor ? { cursor } : {}), limit: String(limit) })}`, AuditPageSchema),
  };
}

export type AccountApi = ReturnType<typeof createAccountApi>;
