/** "Exporteer niet-verstuurde gegevens": a JSON file the person can pass on. */
import { localDate } from '../format.ts';

export function exportFileName(now: number): string {
  return `buurtlog-niet-verstuurd-${localDate(now)}.json`;
}

/** Save `data` as a download. Returns the file name. */
export function downloadJson(doc: Document, data: unknown, now: number): string {
  const fileName = exportFileName(now);
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once cancels the download in some browsers (WebKit).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return fileName;
}
