// 应急管理: the accidents page (快报, list, year-on-year statistics, 安全发展累计日), the routes of every emergency
// page, and the accident and drill figures the overview shows.
import { api, optional, query } from '../api.js';
import { h, clear, formatTime, toast } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';
import { subnav, field, choice, table, change, yuan, instantOf, problemText } from './emergencyCommon.js';
import { renderAccident } from './emergencyAccident.js';
import { renderEmergencyPlans, renderDrills } from './emergencyPlans.js';
import { renderResources, renderDuty } from './emergencyResources.js';
import { renderCommandMap } from './emergencyMap.js';

export const ACCIDENT_KINDS = ['OBJECT_STRIKE', 'VEHICLE_INJURY', 'MACHINERY_INJURY', 'LIFTING_INJURY', 'ELECTROCUTION',
  'DROWNING', 'SCALD', 'FIRE', 'FALL_FROM_HEIGHT', 'COLLAPSE', 'ROOF_FALL', 'WATER_INRUSH', 'BLASTING', 'GAS_EXPLOSION',
  'FIREWORKS_EXPLOSION', 'BOILER_EXPLOSION', 'VESSEL_EXPLOSION', 'OTHER_EXPLOSION', 'POISONING_ASPHYXIA', 'ROAD_TRAFFIC', 'OTHER'];

export const EMERGENCY_ROUTES = [
  [/^#\/emergency\/accidents\/([^/]+)$/, renderAccident],
  [/^#\/emergency\/plans$/, renderEmergencyPlans],
  [/^#\/emergency\/drills$/, renderDrills],
  [/^#\/emergency\/resources$/, renderResources],
  [/^#\/emergency\/duty$/, renderDuty],
  [/^#\/emergency\/map$/, renderCommandMap],
  [/^#\/emergency$/, renderAccidents],
];

/** 事故快报: an enterprise reports its own; a regulator names an enterprise of its area. */
function reportForm(who, onCreated) {
  const [enterpriseLabel, enterprise] = field('em.enterprise', { name: 'enterpriseId', maxlength: 64 });
  const [kindLabel, kind] = choice('em.kind', 'kind', ACCIDENT_KINDS, v => label('akind', v));
  const [occurredLabel, occurred] = field('em.occurredAt', { name: 'occurredAt', type: 'datetime-local', required: true });
  const [reportedLabel, reported] = field('em.reportedAt', { name: 'reportedAt', type: 'datetime-local' });
  const [placeLabel, place] = field('em.place', { name: 'place', required: true, maxlength: 200 });
  const [deathsLabel, deaths] = field('em.deaths', { name: 'deaths', type: 'number', min: 0, value: 0, required: true });
  const [injuriesLabel, injuries] = field('em.injuries', { name: 'seriousInjuries', type: 'number', min: 0, value: 0, required: true });
  const [lossLabel, loss] = field('em.loss', { name: 'directLossYuan', type: 'number', min: 0, value: 0, required: true });
  return h('form', {
    class: 'stack-form', dataset: { testid: 'accident-form' },
    onsubmit: async ev => {
      ev.preventDefault();
      const body = { kind: kind.value, occurredAt: instantOf(occurred.value), reportedAt: instantOf(reported.value),
        place: place.value, deaths: Number(deaths.value), seriousInjuries: Number(injuries.value), directLossYuan: Number(loss.value) };
      if (who.role !== 'enterprise') body.enterpriseId = enterprise.value;
      try {
        const accident = await api('/api/emergency/accidents', { method: 'POST', body });
        toast(`${label('grade', accident.grade)}${accident.late ? ` · ${t('em.late')}` : ''}`, accident.late ? 'error' : 'ok');
        onCreated(accident);
      } catch (e) { toast(problemText(e), 'error'); }
    },
  }, who.role === 'enterprise' ? '' : enterpriseLabel, kindLabel, occurredLabel, reportedLabel, placeLabel, deathsLabel,
  injuriesLabel, lossLabel, h('button', { type: 'submit', dataset: { testid: 'accident-submit' } }, t('em.report')));
}

function accidentRows(items) {
  return items.map(a => h('tr', { dataset: { testid: 'accident-row', id: a.id } },
    h('td', {}, h('a', { href: `#/emergency/accidents/${encodeURIComponent(a.id)}` }, formatTime(a.occurredAt, currentLang()))),
    h('td', {}, a.enterpriseName || a.enterpriseId), h('td', {}, label('akind', a.kind)),
    h('td', {}, `${a.deaths} / ${a.seriousInjuries}`),
    h('td', { class: a.grade === 'GENERAL' ? '' : 'grade-MAJOR' }, label('grade', a.grade)),
    h('td', { class: a.late ? 'grade-MAJOR' : 'ok-text', dataset: { testid: 'accident-late' } }, a.late ? t('em.late') : t('em.onTime')),
    h('td', {}, label('astatus', a.status))));
}

/** The year's figures against the same stretch of last year, by district, sector or month. */
async function statsCard(who) {
  const body = h('div');
  const [byLabel, by] = choice('em.by', 'by', ['DISTRICT', 'SECTOR', 'MONTH'], v => label('by', v));
  const show = async () => {
    const stats = await api(`/api/emergency/accidents/stats${query({ by: by.value })}`);
    const row = (r, testid) => h('tr', { dataset: { testid } }, h('td', {}, r.key === 'ALL' ? t('em.total') : label('sector', r.key)),
      h('td', {}, String(r.accidents)), h('td', {}, String(r.previousAccidents)), h('td', {}, change(r.accidentsChangePercent)),
      h('td', {}, String(r.deaths)), h('td', {}, String(r.previousDeaths)), h('td', {}, change(r.deathsChangePercent)),
      h('td', {}, yuan(r.directLossYuan)));
    clear(body).append(h('p', { class: 'muted' }, `${stats.year} · ${stats.asOf}`),
      table(['em.key', 'em.count', 'em.lastYear', 'em.change', 'em.deaths', 'em.lastYear', 'em.change', 'em.loss'],
        [...stats.rows.map(r => row(r, 'stats-row')), row(stats.total, 'stats-total')], 'stats'));
  };
  by.addEventListener('change', () => show().catch(e => toast(problemText(e), 'error')));
  await show();
  const safe = await optional('/api/emergency/accidents/safe-days');
  return h('section', { class: 'card' }, h('h2', {}, t('em.stats')),
    h('p', {}, `${t('em.safeDays')}：`, h('strong', { dataset: { testid: 'safe-days' } },
      safe && safe.days !== null ? String(safe.days) : '—'), safe && safe.lastFatalOn ? ` (${safe.lastFatalOn})` : ''),
    h('div', { class: 'inline-form' }, byLabel), body);
}

export async function renderAccidents(page, who) {
  const list = h('div');
  let lateOnly = false;
  const load = async () => {
    const accidents = await api(`/api/emergency/accidents${query({ size: 50, late: lateOnly ? 'true' : '' })}`);
    clear(list).append(table(['em.occurredAt', 'em.enterprise', 'em.kind', `em.deaths`, 'em.grade', 'em.reporting', 'em.status'],
      accidentRows(accidents.items || []), 'accidents'));
  };
  const lateToggle = h('label', {}, h('input', { type: 'checkbox', dataset: { testid: 'late-only' },
    onchange: ev => { lateOnly = ev.target.checked; load().catch(e => toast(problemText(e), 'error')); } }), t('em.lateOnly'));
  await load();
  page.append(subnav('#/emergency'), h('h1', {}, t('em.accidents')),
    who.role === 'operator' ? '' : h('section', { class: 'card' }, h('h2', {}, t('em.report')),
      reportForm(who, accident => { location.hash = `#/emergency/accidents/${encodeURIComponent(accident.id)}`; })),
    h('section', { class: 'card' }, h('h2', {}, t('em.accidents')), lateToggle, list),
    await statsCard(who));
}

/** The overview's accident and drill figures: this year's accidents and deaths year on year, safe days, large drills. */
export async function emergencyFigures(who) {
  const [stats, safe, drills] = await Promise.all([optional('/api/emergency/accidents/stats?by=TOTAL'),
    optional('/api/emergency/accidents/safe-days'),
    who.role === 'enterprise' ? Promise.resolve(null) : optional('/api/emergency/drills/district-counts')]);
  if (!stats) return '';
  const figure = (key, value, note, testid) => h('div', { class: 'count', dataset: { testid } },
    h('div', { class: 'count-value' }, value === null || value === undefined ? '—' : String(value)),
    h('div', { class: 'count-label' }, t(key), note ? ` · ${note}` : ''));
  const held = Array.isArray(drills) ? drills.reduce((sum, d) => sum + d.largeDrillsHeld, 0) : null;
  const target = Array.isArray(drills) ? drills.reduce((sum, d) => sum + d.target, 0) : null;
  return h('section', { class: 'card', dataset: { testid: 'emergency-figures' } },
    h('h2', {}, h('a', { href: '#/emergency' }, t('em.figures'))),
    h('div', { class: 'counts' },
      figure('em.accidentsYtd', stats.total.accidents, `${t('em.change')} ${change(stats.total.accidentsChangePercent)}`, 'em-accidents'),
      figure('em.deathsYtd', stats.total.deaths, `${t('em.change')} ${change(stats.total.deathsChangePercent)}`, 'em-deaths'),
      figure('em.safeDays', safe ? safe.days : null, '', 'em-safe-days'),
      held === null ? '' : figure('em.target', `${held} / ${target}`, '', 'em-drills')));
}
