// 报警统计: open alarms of the caller's scope by level, sector and district, alarms raised per level and day, and per
// enterprise and month how fast alarms were acknowledged and cleared (快警、快控、快处), from warning-service.
import { api } from '../api.js';
import { h } from '../dom.js';
import { t, label } from '../i18n.js';
import { table } from '../table.js';
import { chartCard, recentAlarms } from './overview-charts.js';
import { alarmsPerDay } from '../charts/series.js';

const minutes = seconds => (seconds === null || seconds === undefined ? '—' : `${Math.round(seconds / 6) / 10}`);

function counts(titleKey, testid, map, labelOf) {
  const entries = Object.entries(map || {}).sort((a, b) => b[1] - a[1]);
  return h('section', { class: 'card', dataset: { testid } }, h('h2', {}, t(titleKey)), entries.length
    ? table(['stats.group', 'stats.open'], entries.map(([key, n]) => ({ item: key, cells: [labelOf(key), String(n)] })))
    : h('p', { class: 'muted' }, t('alarm.none')));
}

export async function renderAlarmStats(page) {
  const stats = await api('/api/stats/alarms');
  const chart = chartCard('chart.alarmsPerDay', 'chart-alarms');
  page.append(h('h1', {}, t('stats.title')),
    h('section', { class: 'counts' }, h('div', { class: 'count', dataset: { testid: 'stats-open' } },
      h('div', { class: 'count-value' }, String(stats.open)), h('div', { class: 'count-label' }, t('count.openAlarms')))),
    h('div', { class: 'chart-grid' },
      counts('stats.byLevel', 'stats-level', stats.openByLevel, k => label('level', k)),
      counts('stats.bySector', 'stats-sector', stats.openBySector, k => label('sector', k)),
      counts('stats.byDistrict', 'stats-district', stats.openByDistrict, k => k)),
    chart.card,
    h('section', { class: 'card', dataset: { testid: 'stats-response' } }, h('h2', {}, t('stats.response')),
      (stats.responseTimes || []).length ? table(
        ['alarm.enterprise', 'stats.month', 'stats.acknowledged', 'stats.meanAck', 'stats.p90Ack', 'stats.cleared', 'stats.meanClear', 'stats.p90Clear'],
        stats.responseTimes.map(r => ({ item: r, cells: [r.enterpriseId, r.month, String(r.acknowledged), minutes(r.meanSecondsToAcknowledge),
          minutes(r.p90SecondsToAcknowledge), String(r.cleared), minutes(r.meanSecondsToClear), minutes(r.p90SecondsToClear)] })))
        : h('p', { class: 'muted' }, t('alarm.none'))));
  const alarms = await recentAlarms();
  const dispose = alarms ? await alarmsPerDay(chart.box, alarms) : () => {};
  return dispose;
}
