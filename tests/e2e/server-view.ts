/** What the server holds, read the way a device would: through pull. */
import { attendanceIdFor } from '../../src/domain/attendance.ts';
import { counterValue } from '../../src/domain/merge.ts';
import type { SyncRecord } from '../../src/domain/records.ts';
import { serverRecords, type RunningServer } from './harness.ts';

export async function serverActivities(server: RunningServer): Promise<SyncRecord[]> {
  const records = (await serverRecords(server)) as SyncRecord[];
  return records.filter((r) => r.type === 'activity');
}

export async function serverActivityByTitle(server: RunningServer, title: string): Promise<SyncRecord[]> {
  return (await serverActivities(server)).filter((r) => r.fields['title']?.v === title);
}

export async function serverCount(server: RunningServer, activityId: string, key: string): Promise<number> {
  const records = (await serverRecords(server)) as SyncRecord[];
  const attendance = records.find((r) => r.id === attendanceIdFor(activityId));
  return counterValue(attendance?.counters[key]);
}
