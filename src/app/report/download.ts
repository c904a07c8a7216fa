/** File names and media types of the schouw exports (the download itself: ui/download.ts). */
import { fileSlug } from '../ui/download.ts';
import { GEOJSON_TYPE } from './geojson.ts';

export const CSV_TYPE = 'text/csv;charset=utf-8';

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

export { downloadFile, fileSlug } from '../ui/download.ts';
