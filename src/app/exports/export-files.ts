/** The names of the export files: what, the period, the buurt. Pure. */
import type { DayRange } from '../../domain/indicators.ts';
import { fileSlug } from '../ui/download.ts';
import type { ExportKind } from './export-data.ts';

/** Dutch, as people see them in their downloads folder. */
const FILE_WORDS: Readonly<Record<ExportKind | 'places', string>> = {
  activities: 'activiteiten',
  schouwRounds: 'schouwrondes',
  findings: 'bevindingen',
  patrolRounds: 'buurtpreventierondes',
  safetyObservations: 'waarnemingen-veiligheid',
  publicSpaceObservations: 'waarnemingen-openbare-ruimte',
  slots: 'rooster',
  places: 'plekken',
};

/**
 * @example
 * exportFileName('findings', { from: '2026-01-01', to: '2026-03-31' }, 'Oranjebuurt') // 'bevindingen-2026-01-01-2026-03-31-oranjebuurt.csv'
 * exportFileName('places', range, null) // 'plekken-2026-01-01-2026-03-31.geojson'
 */
export function exportFileName(kind: ExportKind | 'places', range: DayRange, buurt: string | null): string {
  const slug = buurt === null ? '' : fileSlug(buurt);
  return `${FILE_WORDS[kind]}-${range.from}-${range.to}${slug ? `-${slug}` : ''}.${kind === 'places' ? 'geojson' : 'csv'}`;
}
