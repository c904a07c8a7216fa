/** "Exporteer niet-verstuurde gegevens": a JSON file the person can pass on. */
import { localDate } from '../format.ts';
import { downloadFile } from './download.ts';

export function exportFileName(now: number): string {
  return `buurtlog-niet-verstuurd-${localDate(now)}.json`;
}

/** Save `data` as a download. Returns the file name. */
export function downloadJson(doc: Document, data: unknown, now: number): string {
  const fileName = exportFileName(now);
  downloadFile(doc, JSON.stringify(data, null, 2), fileName, 'application/json');
  return fileName;
}
