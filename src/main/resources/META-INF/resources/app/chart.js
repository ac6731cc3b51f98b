// The indicator chart (ECharts, served by the service from the org.mvnpm:echarts jar; loaded only on
// pages that draw a chart). A bound is never drawn as an exact point: exact figures are filled dots
// joined by a line; a "more than" / "at least" figure is a hollow upward triangle, a "less than" /
// "at most" one a hollow downward triangle, and neither is joined to the line.
import { t, qualifierWords } from './i18n.js';

const ECHARTS = '/_static/echarts/6.0.0/dist/echarts.min.js';
const LOWER = new Set(['MORE_THAN', 'AT_LEAST']);
const UPPER = new Set(['LESS_THAN', 'AT_MOST']);

let loading;
function echarts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = ECHARTS;
    script.onload = () => resolve(window.echarts);
    script.onerror = () => reject(new Error('ECharts could not be loaded'));
    document.head.append(script);
  });
  return loading;
}

export async function drawFigures(element, observations, unitName) {
  const lib = await echarts();
  const byRegion = new Map();
  for (const o of observations) {
    if (!byRegion.has(o.region.code)) byRegion.set(o.region.code, { name: o.region.name, rows: [] });
    byRegion.get(o.region.code).rows.push(o);
  }
  // Periods in order of their end, each a category: a year's figure sits at its year, not at 31 December.
  const periods = [...new Map([...observations].sort((a, b) => a.period.end.localeCompare(b.period.end)
    || a.period.start.localeCompare(b.period.start)).map((o) => [o.period.label, o])).keys()];
  const series = [];
  for (const { name, rows } of byRegion.values()) {
    const point = (o) => ({ value: [o.period.label, Number(o.value)], display: o.display, period: o.period.label,
      qualifier: o.qualifier });
    const exact = rows.filter((o) => !LOWER.has(o.qualifier) && !UPPER.has(o.qualifier))
      .sort((a, b) => periods.indexOf(a.period.label) - periods.indexOf(b.period.label));
    series.push({ name, type: 'line', symbol: 'circle', symbolSize: 8, data: exact.map(point) });
    const bounds = rows.filter((o) => LOWER.has(o.qualifier) || UPPER.has(o.qualifier));
    if (bounds.length) {
      series.push({ name, type: 'scatter', symbolSize: 14,
        data: bounds.map((o) => ({ ...point(o), symbol: 'emptyTriangle', symbolRotate: UPPER.has(o.qualifier) ? 180 : 0,
          label: { show: true, position: UPPER.has(o.qualifier) ? 'bottom' : 'top',
            formatter: qualifierWords(o.qualifier) } })) });
    }
  }
  const esc = lib.format.encodeHTML;
  const chart = lib.init(element, null, { renderer: 'svg' });
  chart.setOption({
    aria: { enabled: true },
    animation: false,
    grid: { left: 64, right: 24, top: 36, bottom: 40 },
    legend: { type: 'scroll', top: 4 },
    tooltip: { trigger: 'item', formatter: (p) => `${esc(p.seriesName)}<br>${esc(p.data.period)}: ${esc(p.data.display)}`
      + (p.data.qualifier !== 'EXACT' ? ` (${esc(qualifierWords(p.data.qualifier))})` : '') },
    xAxis: { type: 'category', data: periods, name: t('period') },
    yAxis: { type: 'value', name: unitName, scale: true },
    series,
  });
  new ResizeObserver(() => chart.resize()).observe(element);
  return chart;
}

/** A ranking as horizontal bars, the first at the top; each bar labelled with the figure as written. */
export async function drawRanking(element, ranking, unitName) {
  const lib = await echarts();
  const rows = [...ranking].reverse(); // ECharts draws a category axis from the bottom up
  const esc = lib.format.encodeHTML;
  const chart = lib.init(element, null, { renderer: 'svg' });
  chart.setOption({
    aria: { enabled: true },
    animation: false,
    grid: { left: 8, right: 96, top: 8, bottom: 24, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p) => `${p.data.rank}. ${esc(p.name)}: ${esc(p.data.display)}` },
    xAxis: { type: 'value', name: unitName, scale: false },
    yAxis: { type: 'category', data: rows.map((r) => r.observation.region.name), axisLabel: { interval: 0 } },
    series: [{ type: 'bar', data: rows.map((r) => ({ value: Number(r.observation.value), rank: r.rank,
      display: r.observation.display })), label: { show: true, position: 'right', formatter: (p) => p.data.display } }],
  });
  new ResizeObserver(() => chart.resize()).observe(element);
  return chart;
}
