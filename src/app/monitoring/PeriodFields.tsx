import { PERIOD_KINDS, type PeriodKind } from '../../domain/indicators.ts';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { monitoringPack } from './pack.ts';

export type PeriodChoice = { readonly period: PeriodKind; readonly from: string; readonly to: string; readonly buurtId: string };

/**
 * The period (month, quarter, year or from–to) and the buurt, as the
 * dashboard and the export screen ask them: one day picks its month,
 * quarter or year; "Eigen periode" asks for both ends. `id` prefixes the
 * fields' ids (`<id>-period`, `<id>-from`, `<id>-to`, `<id>-buurt`).
 */
export function PeriodFields({ id, value, onChange }: { id: string; value: PeriodChoice; onChange: (patch: Partial<PeriodChoice>) => void }) {
  const { config, principal } = useApp();
  const t = useT(monitoringPack);
  const isAllBuurten = principal.role === 'coordinator' || principal.buurtIds.length === 0;
  const buurten = config.buurten.filter((b) => !b.hidden && (isAllBuurten || principal.buurtIds.includes(b.id)));
  return (
    <>
      <div class="field">
        <label for={`${id}-period`}>{t('monitoring.period')}</label>
        <select id={`${id}-period`} value={value.period} onChange={(e) => onChange({ period: e.currentTarget.value as PeriodKind })}>
          {PERIOD_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`monitoring.period.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-from`}>{t(value.period === 'custom' ? 'monitoring.from' : 'monitoring.day')}</label>
        <input id={`${id}-from`} type="date" value={value.from} onChange={(e) => e.currentTarget.value && onChange({ from: e.currentTarget.value })} />
      </div>
      {value.period === 'custom' && (
        <div class="field">
          <label for={`${id}-to`}>{t('monitoring.to')}</label>
          <input id={`${id}-to`} type="date" value={value.to} onChange={(e) => e.currentTarget.value && onChange({ to: e.currentTarget.value })} />
        </div>
      )}
      <div class="field">
        <label for={`${id}-buurt`}>{t('monitoring.buurt')}</label>
        <select id={`${id}-buurt`} value={value.buurtId} onChange={(e) => onChange({ buurtId: e.currentTarget.value })}>
          <option value="">{isAllBuurten ? t('monitoring.allBuurten') : t('monitoring.ownBuurten')}</option>
          {buurten.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
