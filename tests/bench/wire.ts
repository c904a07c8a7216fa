/**
 * Bytes on the wire of a first pull (issue 13, "a lean wire"): 10,000
 * activities as varied as real ones (realistic-activities.ts) pushed into the
 * second seeded tenant, then pulled page by page three times — asking for no
 * compression, for gzip, for brotli — counting the body bytes as they come
 * off the socket (node:http does not decode them).
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { MAX_PULL_LIMIT, MAX_PUSH_MUTATIONS, SCHEMA_VERSION } from '../../src/domain/protocol.ts';
import { signIn, type RunningServer } from '../e2e/harness.ts';
import { realisticActivities } from './realistic-activities.ts';

export type WireFigures = { records: number; pages: number; identity: number; gzip: number; br: number };

const TENANT = 'ridderkerk';
const BUURTEN = ['bolnes', 'slikkerveer', 'rijsoord', 'drievliet', 'centrum', 'oost', 'west'];
const SEED_DEVICE = 'bench-wire-seed-0001';

export async function realisticWire(server: RunningServer, count: number): Promise<WireFigures> {
  const email = `coordinator@${TENANT}.example`;
  const seedToken = await signIn(server, { deviceId: SEED_DEVICE, email });
  const all = realisticActivities(count, { tenantId: TENANT, buurtIds: BUURTEN, today: Date.now(), device: SEED_DEVICE, createdBy: 'bench-coordinator' });
  for (let done = 0; done < count; done += MAX_PUSH_MUTATIONS) {
    const response = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${seedToken}` },
      body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, deviceId: SEED_DEVICE, mutations: all.slice(done, done + MAX_PUSH_MUTATIONS) }),
    });
    const { results } = (await response.json()) as { results?: Array<{ status: string }> };
    const refused = (results ?? []).filter((result) => result.status !== 'applied').length;
    if (response.status !== 200 || refused > 0) throw new Error(`wire seed push answered ${response.status}, ${refused} not applied`);
  }

  const token = await signIn(server, { deviceId: 'bench-wire-pull-0001', email });
  const pullAll = async (acceptEncoding: string) => {
    let cursor = '0';
    let bytes = 0;
    let pages = 0;
    let records = 0;
    for (let more = true; more; pages++) {
      const page = await get(`${server.url}/api/v1/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=${MAX_PULL_LIMIT}`, {
        authorization: `Bearer ${token}`,
        'accept-encoding': acceptEncoding,
      });
      bytes += page.wireBytes;
      const body = JSON.parse(page.text) as { records: unknown[]; cursor: string; hasMore: boolean };
      records += body.records.length;
      [cursor, more] = [body.cursor, body.hasMore];
    }
    return { bytes, pages, records };
  };
  const identity = await pullAll('identity');
  const gzip = await pullAll('gzip');
  const br = await pullAll('br');
  if (identity.records < count || gzip.records !== identity.records || br.records !== identity.records)
    throw new Error(`wire: pulled ${identity.records} / ${gzip.records} / ${br.records} records, expected ${count}`);
  return { records: identity.records, pages: identity.pages, identity: identity.bytes, gzip: gzip.bytes, br: br.bytes };
}

/** A GET whose body is counted as it arrives and then decoded for reading. */
function get(url: string, headers: Record<string, string>): Promise<{ wireBytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        if (res.statusCode !== 200) return reject(new Error(`pull answered ${res.statusCode}`));
        const encoding = res.headers['content-encoding'];
        const decoded = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
        resolve({ wireBytes: raw.byteLength, text: decoded.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
