// The console's ECharts charts: a device's down-sampled history, alarms per level per day, hazards opened and closed
// per week, certificate rate by sector. Each draws into a box of the page and returns a function that disposes it.
import { mount } from './echarts.js';
import { t, label } from '../i18n.js';
import { RISK_COLOURS } from '../charts.js';

const LEVELS = ['RED', 'ORANGE', 'YELLOW', 'BLUE'];
const DAY = 86_400_000;

/** Local calendar day (yyyy-mm-dd) of an instant, in the browser's zone (China time for its users). */
export function dayOf(iso) {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The Monday (yyyy-mm-dd) of the week an instant falls in. */
export function weekOf(iso) {
  const d = new Date(iso);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return dayOf(d);
}

/** The last {@code days} days, oldest first. */
export function lastDays(days, now = new Date()) {
  return Array.from({ length: days }, (_, i) => dayOf(new Date(now.getTime() - (days - 1 - i) * DAY)));
}

/** Bars over a category axis of days or weeks, with a legend on top: the shape of both counting charts. */
function bars(axis, series) {
  return {
    grid: { left: 36, right: 12, top: 32, bottom: 28 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: axis.map(d => d.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

/**
 * Average per step as a line, min..max as a band (the min line with the span stacked on it), each rule step's
 * threshold as a dashed line in its level's colour.
 */
export async function historyChart(box, points, { unit = '', thresholds = [], from, to } = {}) {
  const at = p => new Date(p.start).getTime();
  const values = points.flatMap(p => [p.min, p.max]).concat(thresholds.map(s => s.threshold));
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const { dispose } = await mount(box, {
    grid: { left: 48, right: 16, top: 40, bottom: 28 },
    legend: { top: 0, left: 0, data: [t('chart.avg'), t('chart.band')] },
    tooltip: { trigger: 'axis' },
    // The whole asked window, so that a few minutes of readings sit where they belong in the hour.
    xAxis: { type: 'time', min: from ? from.getTime() : undefined, max: to ? to.getTime() : undefined },
    // From zero for readings that cannot go below it (concentrations, ratios), with room above the highest line.
    yAxis: { type: 'value', name: unit, min: lo >= 0 ? 0 : Math.floor(lo), max: Math.ceil(hi + (hi - Math.min(lo, 0)) * 0.1) },
    series: [
      { name: t('chart.min'), type: 'line', data: points.map(p => [at(p), p.min]), stack: 'band', symbol: 'none',
        lineStyle: { opacity: 0 }, tooltip: { show: false } },
      { name: t('chart.band'), type: 'line', data: points.map(p => [at(p), p.max - p.min]), stack: 'band', symbol: 'none',
        lineStyle: { opacity: 0 }, areaStyle: { color: 'rgba(13, 76, 146, .18)' }, tooltip: { show: false } },
      { name: t('chart.avg'), type: 'line', data: points.map(p => [at(p), p.avg]), showSymbol: points.length < 30,
        itemStyle: { color: '#0d4c92' },
        markLine: {
          symbol: 'none', silent: true,
          data: thresholds.map(s => ({ yAxis: s.threshold, lineStyle: { color: RISK_COLOURS[s.level], type: 'dashed' },
            label: { formatter: `${label('level', s.level)} ${s.threshold}`, position: 'insideEndTop' } })),
        } },
    ],
  });
  return dispose;
}

/** Alarms raised per day and level over the last {@code days} days, stacked bars in the level colours. */
export async function alarmsPerDay(box, alarms, days = 14) {
  const axis = lastDays(days);
  const counts = Object.fromEntries(LEVELS.map(l => [l, axis.map(() => 0)]));
  alarms.forEach(a => {
    const i = axis.indexOf(dayOf(a.raisedAt));
    if (i >= 0 && counts[a.level]) counts[a.level][i] += 1;
  });
  const { dispose } = await mount(box, bars(axis, LEVELS.map(l => ({ name: label('level', l), type: 'bar', stack: 'alarms',
    data: counts[l], itemStyle: { color: RISK_COLOURS[l] } }))));
  box.dataset.total = String(Object.values(counts).flat().reduce((a, b) => a + b, 0));
  return dispose;
}

/** Hazards reported and closed per week (weeks starting Monday) over the last {@code weeks} weeks. */
export async function hazardsPerWeek(box, hazards, weeks = 8) {
  const axis = lastDays(weeks * 7).map(weekOf).filter((w, i, all) => all.indexOf(w) === i);
  const opened = axis.map(() => 0);
  const closed = axis.map(() => 0);
  hazards.forEach(h => {
    const reported = (h.history || []).find(s => s.to === 'REPORTED') || {};
    const i = axis.indexOf(weekOf(h.reportedAt || h.createdAt || reported.at));
    if (i >= 0) opened[i] += 1;
    const closing = (h.history || []).find(s => s.to === 'CLOSED');
    const j = closing ? axis.indexOf(weekOf(closing.at)) : -1;
    if (j >= 0) closed[j] += 1;
  });
  const { dispose } = await mount(box, bars(axis, [
    { name: t('chart.opened'), type: 'bar', data: opened, itemStyle: { color: RISK_COLOURS.ORANGE } },
    { name: t('chart.closed'), type: 'bar', data: closed, itemStyle: { color: '#1f8a4c' } },
  ]));
  box.dataset.opened = String(opened.reduce((a, b) => a + b, 0));
  return dispose;
}

/** Certificate rate (持证率, %) per sector, one bar each, from training-service's per-sector figures. */
export async function rateBySector(box, rows) {
  const sorted = rows.slice().sort((a, b) => (a.rate ?? 0) - (b.rate ?? 0));
  const { dispose } = await mount(box, {
    grid: { left: 110, right: 36, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: sorted.map(r => label('sector', r.key)) },
    series: [{ name: t('count.certRate'), type: 'bar', data: sorted.map(r => r.rate ?? 0),
      label: { show: true, position: 'right', formatter: '{c}%' }, itemStyle: { color: '#0d4c92' } }],
  });
  box.dataset.sectors = String(sorted.length);
  return dispose;
}
