// 一屏观全域: enterprises by position and risk, the key counts of the caller's scope and the live alarm feed.
import { api, optional } from '../api.js';
import { h, clear, formatTime } from '../dom.js';
import { t, currentLang } from '../i18n.js';
import { feed } from '../live.js';
import { scatter, RISK_COLOURS } from '../charts.js';
import { emergencyFigures } from './emergency.js';

function count(key, value, testid) {
  return h('div', { class: 'count', dataset: { testid } },
    h('div', { class: 'count-value' }, value === null || value === undefined ? '—' : String(value)),
    h('div', { class: 'count-label' }, t(key)));
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

export function alarmRow(alarm) {
  return h('li', { class: `alarm level-${alarm.level}`, dataset: { testid: 'alarm-row', alarm: alarm.id, device: alarm.deviceId || '' } },
    h('a', { href: `#/alarms/${encodeURIComponent(alarm.id)}` },
      h('span', { class: `badge level-${alarm.level}` }, t(`level.${alarm.level}`)),
      h('span', { class: 'alarm-what', title: alarm.message || '' }, alarm.metric
        ? `${alarm.deviceId || ''} ${alarm.metric} ${alarm.value ?? ''} ${alarm.unit || ''}` : (alarm.message || alarm.deviceId || '')),
      h('span', { class: 'alarm-where' }, alarm.enterpriseId || ''),
      h('span', { class: `status status-${alarm.status}` }, t(`status.${alarm.status}`)),
      h('time', {}, formatTime(alarm.at, currentLang()))));
}

export async function renderOverview(page, who) {
  const scope = who.enterpriseId ? `?enterpriseId=${encodeURIComponent(who.enterpriseId)}&size=100` : '?size=100';
  const [enterprises, alarms, hazards, missing, certRate] = await Promise.all([
    who.role === 'enterprise'
      ? optional(`/api/enterprises/${encodeURIComponent(who.enterpriseId)}`).then(e => ({ items: e ? [e] : [] }))
      : api(`/api/enterprises${scope}`),
    api('/api/alarms?size=30'),
    hazardCounts(who),
    who.role === 'enterprise' ? Promise.resolve(null) : optional('/api/commitments/missing'),
    certificateRate(),
  ]);
  const openAlarms = (alarms.items || []).filter(a => a.status !== 'CLOSED');
  const alarmed = new Set(openAlarms.filter(a => a.status === 'ACTIVE').map(a => a.enterpriseId));
  const mapBox = h('div', { class: 'map' });
  // A narrower drawing on a phone, so that dots and names keep a legible size when scaled down.
  const narrow = window.innerWidth < 600;
  const drawMap = () => clear(mapBox).append(scatter(enterprises.items || [], {
    alarmed, width: narrow ? 360 : 640, height: narrow ? 440 : 480,
    onPick: e => { location.hash = `#/enterprises/${encodeURIComponent(e.id)}`; },
  }));
  drawMap();
  const openCount = h('div', { class: 'count-value' }, String(openAlarms.length));
  const legend = h('ul', { class: 'legend' }, Object.keys(RISK_COLOURS).map(c =>
    h('li', {}, h('span', { class: `swatch risk-${c}` }), t(`risk.${c}`))));
  const list = h('ul', { class: 'feed', dataset: { testid: 'alarm-feed' } });
  (alarms.items || []).forEach(view => list.append(alarmRow({ ...view, at: view.updatedAt || view.raisedAt })));
  const modeBadge = h('span', { class: 'mode', dataset: { testid: 'feed-mode' } }, '');
  const showMode = mode => {
    modeBadge.textContent = mode === 'live' ? `● ${t('overview.live')}` : mode === 'polling' ? `○ ${t('overview.polling')}` : '';
    modeBadge.classList.toggle('live', mode === 'live');
  };
  showMode(feed.mode);

  page.append(
    h('h1', {}, t('overview.title'), who.district ? ` · ${who.district}` : ''),
    h('section', { class: 'counts' },
      count('count.majorOpen', hazards.majorOpen, 'count-major'),
      count('count.overdue', hazards.overdue, 'count-overdue'),
      count('count.missing', missing ? missing.total : null, 'count-missing'),
      count('count.certRate', certRate, 'count-cert'),
      h('div', { class: 'count', dataset: { testid: 'count-alarms' } }, openCount, h('div', { class: 'count-label' }, t('count.openAlarms')))),
    h('div', { class: 'overview-grid' },
      h('section', { class: 'card' }, h('h2', {}, t('overview.map')), mapBox, legend),
      h('section', { class: 'card' }, h('h2', {}, t('overview.feed'), ' ', modeBadge), list)));

  emergencyFigures(who).then(card => page.append(card), () => {}); // accidents year on year, safe days, large drills

  return feed.subscribe((alarm, mode) => {
    showMode(mode);
    if (!alarm) return;
    list.querySelectorAll(`[data-alarm="${CSS.escape(alarm.id)}"]`).forEach(row => row.remove());
    const row = alarmRow(alarm);
    row.classList.add('fresh');
    list.prepend(row);
    const index = openAlarms.findIndex(a => a.id === alarm.id);
    if (index >= 0) openAlarms.splice(index, 1);
    if (alarm.status !== 'CLOSED') openAlarms.push(alarm);
    openCount.textContent = String(openAlarms.length);
    if (alarm.status === 'ACTIVE' && !alarmed.has(alarm.enterpriseId)) {
      alarmed.add(alarm.enterpriseId);
      drawMap();
    }
  });
}
