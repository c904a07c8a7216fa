/**
 * `GET /api/v1/monitoring?period=&from=&to=&buurtId=&themeId=&projectId=`
 * (coordinator: the tenant; professional: their buurten; others 403): the
 * indicators over the period and per quarter (monitoring/compute.ts). Only
 * aggregates, and only of what the person may read about: a professional's
 * figures never count another buurt.
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { MonitoringQuerySchema, amsterdamDay, resolvePeriod } from '../../domain/indicators.ts';
import { toIssues } from '../../domain/issues.ts';
import { residentCountsOf } from '../../domain/monitoring-settings.ts';
import { authenticate, type AuthEnv } from '../auth/authenticate.ts';
import { loadRecordsOfType } from '../db/records.ts';
import { ApiFailure } from '../errors.ts';
import { computeMonitoring } from '../monitoring/compute.ts';
import type { ServerContext } from '../server-context.ts';

export function monitoringRoute({ database, now }: ServerContext): Hono<AuthEnv> {
  return new Hono<AuthEnv>().get('/monitoring', authenticate(database, now), async (c) => {
    const principal = c.var.principal;
    if (principal.role !== 'coordinator' && principal.role !== 'professional') {
      throw new ApiFailure(403, 'forbidden', 'The monitoring dashboard is for coordinators and professionals.');
    }
    const query = z.safeParse(MonitoringQuerySchema, c.req.query());
    if (!query.success) throw new ApiFailure(400, 'invalid-payload', 'The monitoring query is not valid.', toIssues(query.error));
    const { period, from, to, buurtId, themeId, projectId } = query.data;
    const range = resolvePeriod({ period, from, to }, amsterdamDay(now()));
    if ('problem' in range) throw new ApiFailure(400, 'invalid-payload', range.problem, [{ path: 'to', message: range.problem }]);

    // A professional with buurten counts only those; a coordinator (or a professional without buurten) the whole tenant.
    const own = principal.role === 'coordinator' || principal.buurtIds.length === 0 ? null : principal.buurtIds;
    if (buurtId !== undefined && own !== null && !own.includes(buurtId)) {
      throw new ApiFailure(403, 'forbidden', 'You may see the figures of your own buurten only; choose one of them or all.');
    }
    const buurtIds = buurtId !== undefined ? [buurtId] : own;
    const residents = residentCountsOf(await loadRecordsOfType(database.db, principal.tenantId, 'residentCount'));
    const answer = await computeMonitoring(
      { db: database.db, tenantId: principal.tenantId, buurtIds, themeId: themeId ?? null, projectId: projectId ?? null, residents },
      { kind: period, range },
      now(),
    );
    return c.json({ ...answer, filters: { ...answer.filters, buurtId: buurtId ?? null } });
  });
}
