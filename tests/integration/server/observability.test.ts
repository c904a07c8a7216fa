/**
 * What an operator reads (README "Productie"), on SQLite and PostgreSQL:
 * one JSON log line per request with its id, route pattern, status,
 * duration, tenant and device — and never a token, password or note text;
 * a 500 answers the id the log has; `GET /metrics` in Prometheus's text
 * format behind METRICS_TOKEN; liveness and readiness.
 */
import { Writable } from 'node:stream';
import { Hono } from 'hono';
import parsePrometheusTextFormat, { type Family } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/app.ts';
import { errorHandler } from '../../../src/server/errors.ts';
import { createLogger } from '../../../src/server/request-log.ts';
import { TEST_COORDINATOR_PASSWORD, createTestUser, type TestUser } from '../../fixtures/server-auth.ts';
import { variantJpeg } from '../../fixtures/server-schouw.ts';
import { NOW } from '../../fixtures/fixed.ts';
import { idFactory, newActivity } from '../../fixtures/server-mutations.ts';
import { apiClient } from './api-client.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './databases.ts';

const METRICS_TOKEN = 'metrics-token-for-the-test-0001';
const NOTE = 'Mevrouw de Vries op nummer 12 heeft hulp nodig';
const WRONG_PASSWORD = 'niet-het-goede-wachtwoord-42';

/** A logger writing JSON lines into `lines`. */
function memoryLogger(lines: string[]) {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return createLogger('info', sink);
}

describe.each(DIALECTS)('logs and metrics on %s', (dialect) => {
  let test: TestDatabase;
  let volunteer: TestUser;
  let app: Hono;
  const lines: string[] = [];
  let token = '';
  const ids = idFactory(0x10a9);

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    volunteer = await createTestUser(test.database, { role: 'coordinator', devices: ['obs-phone-01'] });
    app = createApp({ db: test.database, now: () => NOW, logger: memoryLogger(lines), metricsToken: METRICS_TOKEN });
    const client = apiClient(app);
    const signIn = (password: string) =>
      client.call('POST', '/api/v1/auth/sign-in', { email: 'coordinator@alblasserdam.example', password, deviceId: 'obs-phone-02', deviceName: 'Telefoon' });
    expect((await signIn(WRONG_PASSWORD)).status).toBe(401);
    const session = await signIn(TEST_COORDINATOR_PASSWORD);
    expect(session.status).toBe(200);
    token = (session.body as { token: string }).token;
    await apiClient(app, volunteer).push('obs-phone-01', [newActivity(ids, ids(), { device: 'obs-phone-01' }, { notes: NOTE })]);
    const photo = variantJpeg(41);
    const upload = await apiClient(app, volunteer).send(`/api/v1/photos/${photo.sha256}`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg', ...volunteer.auth() },
      body: photo.bytes as BodyInit,
    });
    expect(upload.status).toBe(201);
    await apiClient(app, volunteer).pull();
    await client.send('/api/v1/does-not-exist');
  });
  afterAll(() => test.cleanup());

  it('writes one JSON line per request with its id, route pattern, status, duration, tenant and device', () => {
    const requests = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['msg'] === 'request');
    expect(requests.map((line) => `${line['method']} ${line['route']} ${line['status']}`)).toEqual([
      'POST /api/v1/auth/sign-in 401',
      'POST /api/v1/auth/sign-in 200',
      'POST /api/v1/sync/push 200',
      'PUT /api/v1/photos/:sha256 201',
      'GET /api/v1/sync/pull 200',
      'GET not-found 404',
    ]);
    for (const line of requests) {
      expect(line['reqId']).toMatch(/^[0-9A-Z]{12}$/);
      expect(typeof line['ms']).toBe('number');
      expect(typeof line['time']).toBe('string');
    }
    expect(requests[2]).toMatchObject({ tenant: 'alblasserdam', device: 'obs-phone-01' });
  });

  it('never logs a token, a password, a note or a photo hash', () => {
    const photo = variantJpeg(41).sha256;
    for (const secret of [token, WRONG_PASSWORD, TEST_COORDINATOR_PASSWORD, NOTE, photo, volunteer.tokens.get('obs-phone-01') ?? 'no-token'])
      expect(lines.join('\n')).not.toContain(secret);
  });

  it('answers an unexpected error with the request id its log line has', async () => {
    const failing = new Hono();
    const errorLines: string[] = [];
    failing.use('*', async (c, next) => {
      c.set('requestId' as never, 'ABCDEFGHJK12' as never);
      await next();
    });
    failing.onError(errorHandler(memoryLogger(errorLines)));
    failing.get('/boom', () => {
      throw new Error(`database said no about ${NOTE.length} things`);
    });
    const answer = await failing.request('/boom');
    expect(answer.status).toBe(500);
    expect(await answer.json()).toMatchObject({ error: { reason: 'internal', requestId: 'ABCDEFGHJK12' } });
    expect(JSON.parse(errorLines[0] ?? '{}')).toMatchObject({
      reqId: 'ABCDEFGHJK12',
      level: 'error',
      err: { message: expect.stringContaining('database said no') },
    });
  });

  it('serves /metrics only with METRICS_TOKEN, in Prometheus text format with what an operator watches', async () => {
    expect((await app.request('/metrics')).status).toBe(401);
    expect((await createApp({ db: test.database }).request('/metrics')).status).toBe(404);
    const answer = await app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(answer.status).toBe(200);
    const families = new Map<string, Family>(parsePrometheusTextFormat(await answer.text()).map((family) => [family.name, family]));
    const sample = (name: string, labels: Record<string, string> = {}) =>
      families.get(name)?.metrics.find((metric) => Object.entries(labels).every(([key, value]) => metric.labels?.[key] === value));

    expect(sample('buurtlog_http_requests_total', { method: 'PUT', route: '/api/v1/photos/:sha256', status: '201' })?.value).toBe('1');
    const latency = families.get('buurtlog_http_request_duration_seconds');
    expect(latency?.type).toBe('HISTOGRAM');
    expect(latency?.metrics[0]?.buckets?.['+Inf']).toBeDefined();
    expect(sample('buurtlog_push_mutations_total', { status: 'applied' })?.value).toBe('1');
    expect(sample('buurtlog_push_mutations_total', { status: 'rejected' })?.value).toBe('0');
    expect(Number(sample('buurtlog_photo_bytes_stored_total')?.value)).toBe(variantJpeg(41).bytes.length);
    expect(sample('buurtlog_sign_in_failures_total')?.value).toBe('1');
    expect(Number(sample('buurtlog_database_size_bytes')?.value)).toBeGreaterThan(0);
    if (dialect === 'postgres') expect(Number(sample('buurtlog_database_pool_connections', { state: 'total' })?.value)).toBeGreaterThan(0);
  });

  it('tells liveness from readiness', async () => {
    expect((await app.request('/api/v1/health/live')).status).toBe(200);
    expect(await (await app.request('/api/v1/health/ready')).json()).toMatchObject({ ok: true, database: dialect });
  });
});
