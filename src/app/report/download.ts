/**
 * Save an export as a file: a Blob behind a temporary `<a download>`, the
 * way every browser (and an installed PWA) accepts without a server.
 */
import { GEOJSON_TYPE } from './geojson.ts';

export const CSV_TYPE = 'text/csv;charset=utf-8';

/** Lowercase ASCII with dashes: "Oranjebuurt (Noord)" → "oranjebuurt-noord", "Ëlsbuurt" → "elsbuurt". */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * @example
 * exportFileName('2026-05-14', 'Oranjebuurt', 'csv') // 'schouw-2026-05-14-oranjebuurt.csv'
 */
export function exportFileName(date: string, buurt: string, extension: 'csv' | 'geojson'): string {
  const slug = fileSlug(buurt);
  return `schouw-${date}${slug ? `-${slug}` : ''}.${extension}`;
}

export function mediaTypeOf(extension: 'csv' | 'geojson'): string {
  return extension === 'csv' ? CSV_TYPE : GEOJSON_TYPE;
}

/** Start the download of `content` as `fileName`. */
export function downloadFile(doc: Document, content: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once cancels the download in some browsers (WebKit).
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
