import { CHART, trendBars } from './logic.ts';

/**
 * A small bar chart of an indicator per quarter, drawn by hand in SVG
 * (classes only: the CSP allows no inline style). Decoration for the eye:
 * the numbers are in the table below it, for screen readers and print.
 */
export function TrendChart({ values, baseline, target }: { values: ReadonlyArray<number | null>; baseline: number | null; target: number | null }) {
  const { bars, line } = trendBars(values, [baseline, target]);
  return (
    <svg class="trend" viewBox={`0 0 ${CHART.width} ${CHART.height}`} aria-hidden="true" focusable="false" preserveAspectRatio="none">
      <line class="trend-axis" x1="0" x2={CHART.width} y1={CHART.height - 0.25} y2={CHART.height - 0.25} />
      {bars.map((bar) => (
        <rect key={bar.x} class={bar.isLast ? 'trend-bar trend-bar-last' : 'trend-bar'} x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
      ))}
      {baseline !== null && <line class="trend-baseline" x1="0" x2={CHART.width} y1={line(baseline)} y2={line(baseline)} />}
      {target !== null && <line class="trend-target" x1="0" x2={CHART.width} y1={line(target)} y2={line(target)} />}
    </svg>
  );
}
