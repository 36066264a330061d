// 一图三清单 of one enterprise: its risk points on a site plan coloured by level, and the three lists (risk points,
// control measures, check tasks) from enterprise-service.
import { api, optional, query, ApiError } from '../api.js';
import { h } from '../dom.js';
import { t, label } from '../i18n.js';
import { riskPointMap } from '../charts.js';

const items = result => (Array.isArray(result) ? result : (result && result.items) || []);

function colourTag(colour) {
  return h('span', { class: 'risk-text-wrap' }, h('span', { class: `swatch risk-${colour}` }),
    h('span', { class: `risk-text risk-${colour}` }, colour ? t(`risk.${colour}`) : '—'));
}

function grading(p) {
  return p.method === 'LS' ? `LS: ${p.l} × ${p.s} = ${p.value}` : `LEC: ${p.l} × ${p.e} × ${p.c} = ${p.value}`;
}

function table(testid, headers, rows) {
  return h('div', { class: 'scroll-x' }, h('table', { class: 'table', dataset: { testid } },
    h('thead', {}, h('tr', {}, headers.map(k => h('th', {}, t(k))))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: headers.length, class: 'muted' }, t('risk.none'))))));
}

export async function renderRiskMap(page, who, id) {
  const base = `/api/enterprises/${encodeURIComponent(id)}`;
  let map;
  try {
    map = await api(`${base}/risk-map`);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.status === 404)) {
      page.append(h('h1', {}, t('risk.title')), h('div', { class: 'error forbidden', role: 'alert', dataset: { testid: 'forbidden' } },
        t(who.role === 'enterprise' && id !== who.enterpriseId ? 'ent.forbidden' : 'ent.notFound')));
      return;
    }
    throw e;
  }
  const size = query({ size: 100 });
  const [enterprise, points, measures, tasks] = await Promise.all([
    optional(base), optional(`${base}/risk-points${size}`), optional(`${base}/control-measures${size}`),
    optional(`${base}/check-tasks${size}`)]);
  const placed = map.points || [];
  page.append(
    h('p', {}, h('a', { href: `#/enterprises/${encodeURIComponent(id)}` }, `← ${(enterprise && enterprise.name) || id}`)),
    h('h1', {}, t('risk.title'), ' ', h('span', { class: 'muted' }, (enterprise && enterprise.name) || id)),
    h('section', { class: 'card' }, h('h2', {}, t('risk.map')),
      placed.length ? riskPointMap(placed) : h('p', { class: 'muted' }, t('risk.none')),
      h('ul', { class: 'legend' }, ['RED', 'ORANGE', 'YELLOW', 'BLUE'].map(c => h('li', {}, colourTag(c)))),
      map.unplaced ? h('p', { class: 'muted small-text' }, `${t('risk.unplaced')}: ${map.unplaced}`) : ''),
    h('section', { class: 'card' }, h('h2', {}, t('risk.points')),
      table('risk-points', ['risk.point', 'risk.colour', 'risk.grading', 'risk.hazards'], items(points).map(p =>
        h('tr', { dataset: { testid: 'risk-point-row', point: p.id, colour: p.colour } },
          h('td', {}, p.name), h('td', {}, colourTag(p.colour)), h('td', {}, grading(p)),
          h('td', {}, (p.hazards || []).join('、')))))),
    h('section', { class: 'card' }, h('h2', {}, t('risk.measures')),
      table('control-measures', ['risk.point', 'risk.measure', 'risk.taskCount'], items(measures).map(m =>
        h('tr', {}, h('td', {}, h('span', { class: `swatch risk-${m.colour}` }), m.pointName), h('td', {}, m.description),
          h('td', { class: 'num' }, String(m.tasks)))))),
    h('section', { class: 'card' }, h('h2', {}, t('risk.tasks')),
      table('check-tasks', ['risk.point', 'risk.measure', 'risk.task', 'risk.frequency', 'risk.post'], items(tasks).map(k =>
        h('tr', {}, h('td', {}, h('span', { class: `swatch risk-${k.colour}` }), k.pointName), h('td', {}, k.measure),
          h('td', {}, k.content), h('td', {}, label('freq', k.frequency)), h('td', {}, k.post || '—'))))));
}
