// 一屏观全域: Chongqing's districts with the caller's own outlined and zoomed to, enterprises at their coordinates in
// their risk colour, the key counts of the caller's scope (open alarms per level kept live from the alarm stream),
// the live feed and the charts. Enterprises without coordinates are listed under the map.
import { api, optional } from '../api.js';
import { h, clear, formatTime } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';
import { feed } from '../live.js';
import { emergencyFigures } from './emergency.js';
import { describeAlarm } from '../alarmtext.js';
import { districtMap, placed, ALARM_SHADES } from '../charts/map.js';
import { overviewCharts } from './overview-charts.js';

const LEVELS = ['RED', 'ORANGE', 'YELLOW', 'BLUE'];

function count(key, value, testid, href) {
  const shown = h('div', { class: 'count-value' }, value === null || value === undefined ? '—' : String(value));
  const box = h(href ? 'a' : 'div', { class: 'count', href, dataset: { testid } }, shown, h('div', { class: 'count-label' }, t(key)));
  return [box, shown];
}

/** Hazard counts: the regulators' statistics endpoint, else computed from the caller's own open hazards. */
async function hazardCounts(who) {
  if (who.role !== 'enterprise') {
    const stats = await optional('/api/hazards/stats');
    if (stats) return { majorOpen: stats.openMajor, overdue: stats.overdue };
  }
  const page = await optional(`/api/hazards?open=true&size=100${who.enterpriseId ? `&enterpriseId=${encodeURIComponent(who.enterpriseId)}` : ''}`);
  if (!page) return { majorOpen: null, overdue: null };
  const items = page.items || [];
  return { majorOpen: items.filter(x => x.grade === 'MAJOR').length, overdue: items.filter(x => x.overdue).length };
}

/** Certified share of the people whose post needs a certificate, over training-service's per-enterprise rates. */
async function certificateRate() {
  const rates = await optional('/api/compliance/certificate-rates');
  if (!Array.isArray(rates)) return null;
  const required = rates.reduce((sum, r) => sum + (r.required || 0), 0);
  const certified = rates.reduce((sum, r) => sum + (r.certified || 0), 0);
  return required ? `${Math.round(certified * 1000 / required) / 10}%` : null;
}

/** Warnings still in force that someone in the caller's scope has not confirmed (an enterprise: itself). */
async function awaitingConfirmation() {
  const page = await optional('/api/warnings?size=100');
  if (!page) return null;
  const now = Date.now();
  return (page.items || []).filter(w => new Date(w.validUntil).getTime() > now && (w.unconfirmed || []).length).length;
}

export function alarmRow(alarm) {
  return h('li', { class: `alarm level-${alarm.level}`, dataset: { testid: 'alarm-row', alarm: alarm.id, device: alarm.deviceId || '' } },
    h('a', { href: `#/alarms/${encodeURIComponent(alarm.id)}` },
      h('span', { class: `badge level-${alarm.level}` }, label('level', alarm.level)),
      h('span', { class: 'alarm-what', title: alarm.message || '' }, describeAlarm(alarm)),
      h('span', { class: 'alarm-where' }, alarm.enterpriseId || ''),
      h('span', { class: `status status-${alarm.status}` }, label('status', alarm.status)),
      h('time', {}, formatTime(alarm.at, currentLang()))));
}

/**
 * Open alarms of the scope, kept current from the stream: the statistics endpoint gives the totals, the newest
 * alarms who they are; an alarm the page has not seen that changes or closes was open already.
 */
function openAlarmTally(stats, alarms) {
  const tally = { total: stats ? stats.open : 0, byLevel: { ...(stats ? stats.openByLevel : {}) },
    byDistrict: { ...(stats ? stats.openByDistrict : {}) }, known: new Map() };
  if (!stats) alarms.filter(a => a.status !== 'CLOSED').forEach(a => shift(tally, a, 1));
  alarms.filter(a => a.status !== 'CLOSED').forEach(a => tally.known.set(a.id, a));
  return tally;
}

function shift(tally, alarm, by) {
  tally.total += by;
  tally.byLevel[alarm.level] = (tally.byLevel[alarm.level] || 0) + by;
  if (alarm.district) tally.byDistrict[alarm.district] = (tally.byDistrict[alarm.district] || 0) + by;
}

function applyToTally(tally, alarm) {
  const before = tally.known.get(alarm.id);
  if (before) shift(tally, before, -1);
  else if (alarm.change && alarm.change !== 'RAISED') shift(tally, alarm, -1);
  tally.known.delete(alarm.id);
  if (alarm.status !== 'CLOSED') {
    shift(tally, alarm, 1);
    tally.known.set(alarm.id, alarm);
  }
}

export async function renderOverview(page, who) {
  const scope = who.enterpriseId ? `?enterpriseId=${encodeURIComponent(who.enterpriseId)}&size=100` : '?size=100';
  const [enterprises, alarms, hazards, missing, certRate, stats, unconfirmed] = await Promise.all([
    who.role === 'enterprise'
      ? optional(`/api/enterprises/${encodeURIComponent(who.enterpriseId)}`).then(e => ({ items: e ? [e] : [] }))
      : api(`/api/enterprises${scope}`),
    api('/api/alarms?size=100'),
    hazardCounts(who),
    who.role === 'enterprise' ? Promise.resolve(null) : optional('/api/commitments/missing'),
    certificateRate(),
    optional('/api/stats/alarms'),
    awaitingConfirmation(),
  ]);
  const companies = enterprises.items || [];
  const recent = (alarms.items || []).map(a => ({ ...a, at: a.updatedAt || a.raisedAt }));
  const tally = openAlarmTally(stats, recent);
  const alarmed = () => new Set([...tally.known.values()].filter(a => a.status === 'ACTIVE').map(a => a.enterpriseId));
  const district = who.district || (who.role === 'enterprise' && companies[0] ? companies[0].district : null);

  const [openBox, openValue] = count('count.openAlarms', tally.total, 'count-alarms', '#/alarms');
  const levelValues = {};
  const levelBoxes = LEVELS.slice(0, 2).map(level => {
    const [box, value] = count(`count.open.${level}`, tally.byLevel[level] || 0, `count-level-${level}`, '#/alarms');
    levelValues[level] = value;
    return box;
  });
  const showCounts = () => {
    openValue.textContent = String(tally.total);
    Object.entries(levelValues).forEach(([level, node]) => { node.textContent = String(tally.byLevel[level] || 0); });
  };

  const mapBox = h('div', { class: 'echart map', dataset: { testid: 'district-map' } });
  const unplaced = companies.filter(e => !placed(e));
  const shades = h('ul', { class: 'legend' }, ALARM_SHADES.map(([from, colour], i) => h('li', {},
    h('span', { class: `swatch shade-${i}` }), i + 1 < ALARM_SHADES.length
      ? `${from}${ALARM_SHADES[i + 1][0] - 1 > from ? `–${ALARM_SHADES[i + 1][0] - 1}` : ''}` : `≥ ${from}`, ` ${t('map.openAlarms')}`)));
  const list = h('ul', { class: 'feed', dataset: { testid: 'alarm-feed' } }, recent.slice(0, 30).map(alarmRow));
  const modeBadge = h('span', { class: 'mode', dataset: { testid: 'feed-mode' } }, '');
  const showMode = mode => {
    modeBadge.textContent = mode === 'live' ? `● ${t('overview.live')}` : mode === 'polling' ? `○ ${t('overview.polling')}` : '';
    modeBadge.classList.toggle('live', mode === 'live');
  };
  showMode(feed.mode);
  const chartSection = h('section', { class: 'chart-grid' });

  page.append(
    h('h1', {}, t('overview.title'), district ? ` · ${district}` : ''),
    h('section', { class: 'counts' },
      count('count.majorOpen', hazards.majorOpen, 'count-major', '#/hazards')[0],
      count('count.overdue', hazards.overdue, 'count-overdue', '#/hazards')[0],
      count('count.missing', missing ? missing.total : null, 'count-missing', '#/commitments')[0],
      count('count.certRate', certRate, 'count-cert', '#/training')[0],
      count('count.unconfirmed', unconfirmed, 'count-unconfirmed', '#/warnings')[0],
      openBox, ...levelBoxes),
    h('div', { class: 'overview-grid' },
      h('section', { class: 'card' }, h('h2', {}, t('overview.map')), mapBox, shades,
        unplaced.length ? h('div', { class: 'unplaced', dataset: { testid: 'unplaced' } }, h('h3', {}, t('map.unplaced')),
          h('ul', {}, unplaced.map(e => h('li', {}, h('a', { href: `#/enterprises/${encodeURIComponent(e.id)}` }, e.name))))) : ''),
      h('section', { class: 'card' }, h('h2', {}, t('overview.feed'), ' ', modeBadge), list)),
    chartSection);

  emergencyFigures(who).then(card => page.append(card), () => {}); // accidents year on year, safe days, large drills

  const disposers = [];
  let gone = false;
  const keep = dispose => (gone ? dispose() : disposers.push(dispose));
  let map = null;
  const mapState = () => ({ enterprises: companies, openByDistrict: tally.byDistrict, alarmed: alarmed(), district });
  districtMap(mapBox, mapState(), id => { location.hash = `#/enterprises/${encodeURIComponent(id)}`; })
    .then(drawn => { map = drawn; keep(drawn.dispose); })
    .catch(e => clear(mapBox).append(h('p', { class: 'muted' }, `${t('chart.unavailable')}: ${e.message}`)));
  overviewCharts(chartSection, who).then(keep);

  const unsubscribe = feed.subscribe((alarm, mode) => {
    showMode(mode);
    if (!alarm) return;
    list.querySelectorAll(`[data-alarm="${CSS.escape(alarm.id)}"]`).forEach(row => row.remove());
    const row = alarmRow(alarm);
    row.classList.add('fresh');
    list.prepend(row);
    applyToTally(tally, alarm);
    showCounts();
    if (map) map.update(mapState());
  });
  return () => { gone = true; unsubscribe(); disposers.forEach(dispose => dispose()); };
}
