import { CBS_FIGURES, type CbsFigures } from '../../domain/cbs-figures.ts';
import { useApp } from '../context.ts';
import { buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import { formatCbsFigure } from './cbs-logic.ts';
import { monitoringPack } from './pack.ts';

/**
 * CBS figures per buurt and year, as the report's context and the targets
 * screen's stored list both show them: a table in a region that scrolls
 * sideways on a phone (and is reachable by keyboard). `caption` names the
 * table on paper; `label` names the region when there is no caption.
 */
export function CbsTable({ rows, caption, label }: { rows: readonly CbsFigures[]; caption?: { id: string; text: string }; label?: string }) {
  const { lang, config } = useApp();
  const t = useT(monitoringPack);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <div class="table-scroll" tabIndex={0} role="region" {...(caption ? { 'aria-labelledby': caption.id } : { 'aria-label': label })}>
      <table class="monitoring-table cbs-table">
        {caption && <caption id={caption.id}>{caption.text}</caption>}
        <thead>
          <tr>
            <th scope="col">{t('monitoring.buurt')}</th>
            <th scope="col">{t('targets.year')}</th>
            {CBS_FIGURES.map((figure) => (
              <th key={figure} scope="col">
                {t(`cbs.figure.${figure}`)}
              </th>
            ))}
            <th scope="col">{t('cbs.source')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.buurtId}-${row.year}`}>
              <th scope="row">{buurtName(t, config, row.buurtId)}</th>
              <td>{row.year}</td>
              {CBS_FIGURES.map((figure) => (
                <td key={figure}>{formatCbsFigure(t, lang, figure, row[figure])}</td>
              ))}
              <td>{t(`cbs.source.${row.source}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
