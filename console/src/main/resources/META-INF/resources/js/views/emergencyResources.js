// 应急资源 (五库: teams, experts with phones masked outside their district, materials with 调拨, shelters) and
// 值班值守 (today's duty, the week's rota, a regulator's or operator's entry for a day).
import { api, optional, query } from '../api.js';
import { h, clear, formatTime, toast } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';
import { subnav, field, table, today, problemText } from './emergencyCommon.js';

function dispatchForm(materials, reload) {
  const option = m => h('option', { value: m.id }, `${m.item} · ${m.location} (${m.quantity} ${m.unit})`);
  const from = h('select', { dataset: { testid: 'dispatch-from' } }, materials.map(option));
  const to = h('select', { dataset: { testid: 'dispatch-to' } }, materials.map(option));
  if (materials.length > 1) to.value = materials[1].id;
  const [quantityLabel, quantity] = field('em.quantity', { name: 'dispatch-quantity', type: 'number', min: 1, value: 1, required: true });
  const [reasonLabel, reason] = field('em.reason', { name: 'dispatch-reason', required: true, maxlength: 500 });
  return h('form', { class: 'stack-form', dataset: { testid: 'dispatch-form' }, onsubmit: async ev => {
    ev.preventDefault();
    try {
      await api('/api/emergency/materials/dispatches', { method: 'POST',
        body: { fromMaterialId: from.value, toMaterialId: to.value, quantity: Number(quantity.value), reason: reason.value } });
      toast(t('em.dispatched'), 'ok');
      await reload();
    } catch (e) { toast(problemText(e), 'error'); }
  } }, h('label', {}, t('em.from'), from), h('label', {}, t('em.to'), to), quantityLabel, reasonLabel,
  h('button', { type: 'submit', dataset: { testid: 'dispatch-submit' } }, t('em.dispatch')));
}

function materialRows(materials) {
  return materials.map(m => h('tr', { dataset: { testid: 'material-row', id: m.id } },
    h('td', {}, m.item), h('td', { dataset: { testid: 'material-quantity' } }, `${m.quantity} ${m.unit}`),
    h('td', {}, label('tier', m.tier)), h('td', {}, [m.district, m.town, m.village].filter(Boolean).join(' '), ' · ', m.location),
    h('td', { class: m.lowStock || m.expired || m.maintenanceDue ? 'grade-MAJOR' : '' },
      [m.lowStock ? t('em.lowStock') : '', m.expired ? t('em.expired') : '', m.maintenanceDue ? t('em.maintenanceDue') : '']
        .filter(Boolean).join('、'))));
}

export async function renderResources(page, who) {
  const body = h('div');
  const reload = async () => {
    const [teams, experts, materials, dispatches, shelters] = await Promise.all([optional('/api/emergency/teams', null),
      optional('/api/emergency/experts', []), optional('/api/emergency/materials?size=100', null),
      optional('/api/emergency/materials/dispatches?size=20', null), optional('/api/emergency/shelters', null)]);
    const stocks = materials ? materials.items || [] : [];
    clear(body).append(
      teams ? h('section', { class: 'card' }, h('h2', {}, t('em.teams')), table(['em.name', 'em.specialty', 'em.members', 'em.readiness', 'em.location'],
        teams.map(x => h('tr', { dataset: { testid: 'team-row' } }, h('td', {}, x.name), h('td', {}, label('sector', x.specialty)),
          h('td', {}, String(x.members)), h('td', {}, label('ready', x.readiness)), h('td', {}, x.base))), 'teams')) : '',
      h('section', { class: 'card' }, h('h2', {}, t('em.experts')), table(['em.name', 'em.specialty', 'em.organisation', 'em.district', 'em.phone'],
        experts.map(x => h('tr', { dataset: { testid: 'expert-row' } }, h('td', {}, x.name), h('td', {}, label('sector', x.specialty)),
          h('td', {}, [x.title, x.organisation].filter(Boolean).join(' · ')), h('td', {}, x.district),
          h('td', { dataset: { testid: 'expert-phone' } }, x.phone))), 'experts')),
      materials ? h('section', { class: 'card' }, h('h2', {}, t('em.materials')),
        table(['em.item', 'em.quantity', 'em.tier', 'em.location', ''], materialRows(stocks), 'materials'),
        stocks.length > 1 ? h('div', {}, h('h2', {}, t('em.dispatch')), dispatchForm(stocks, reload)) : '',
        dispatches ? h('div', {}, h('h2', {}, t('em.dispatches')), table(['em.date', 'em.item', 'em.quantity', 'em.reason'],
          (dispatches.items || []).map(d => h('tr', { dataset: { testid: 'dispatch-row' } }, h('td', {}, formatTime(d.at, currentLang())),
            h('td', {}, d.item), h('td', {}, `${d.quantity} ${d.unit}`), h('td', {}, d.reason))), 'dispatches')) : '') : '',
      shelters ? h('section', { class: 'card' }, h('h2', {}, t('em.shelters')), table(['em.name', 'em.shelterClass', 'em.capacity', 'em.location'],
        shelters.map(s => h('tr', { dataset: { testid: 'shelter-row' } }, h('td', {}, s.name), h('td', {}, label('shelter', s.shelterClass)),
          h('td', {}, String(s.capacity)), h('td', {}, `${s.district}${s.town ? ` ${s.town}` : ''} · ${s.address}`))), 'shelters')) : '');
  };
  await reload();
  page.append(subnav('#/emergency/resources'), h('h1', {}, t('em.resources')), body);
}

function officer(o) {
  return o ? `${o.name}${o.post ? `（${o.post}）` : ''} ${o.phone}` : '—';
}

function dutyForm(who, reload) {
  const [dateLabel, date] = field('em.date', { name: 'duty-date', type: 'date', required: true, value: today() });
  const [districtLabel, district] = field('em.district', { name: 'duty-district', maxlength: 40, value: who.district || '' });
  const [leaderLabel, leader] = field('em.leader', { name: 'duty-leader', required: true, maxlength: 40 });
  const [leaderPhoneLabel, leaderPhone] = field('em.phone', { name: 'duty-leader-phone', required: true, pattern: '\\+?[0-9][0-9-]{2,19}' });
  const [officerLabel, officerName] = field('em.officers', { name: 'duty-officer', required: true, maxlength: 40 });
  const [officerPhoneLabel, officerPhone] = field('em.phone', { name: 'duty-officer-phone', required: true, pattern: '\\+?[0-9][0-9-]{2,19}' });
  return h('form', { class: 'stack-form', dataset: { testid: 'duty-form' }, onsubmit: async ev => {
    ev.preventDefault();
    try {
      await api(`/api/emergency/duty/${encodeURIComponent(date.value)}`, { method: 'PUT', body: {
        district: who.district ? undefined : district.value, leader: { name: leader.value, phone: leaderPhone.value },
        officers: [{ name: officerName.value, phone: officerPhone.value }] } });
      toast(t('em.saved'), 'ok');
      await reload();
    } catch (e) { toast(problemText(e), 'error'); }
  } }, dateLabel, who.district ? '' : districtLabel, leaderLabel, leaderPhoneLabel, officerLabel, officerPhoneLabel,
  h('button', { type: 'submit', dataset: { testid: 'duty-submit' } }, t('em.setDuty')));
}

export async function renderDuty(page, who) {
  const body = h('div');
  const reload = async () => {
    const [todays, week] = await Promise.all([api('/api/emergency/duty/today'),
      who.role === 'enterprise' ? Promise.resolve(null) : optional(`/api/emergency/duty${query({})}`)]);
    const rows = list => list.map(d => h('tr', { dataset: { testid: 'duty-row' } }, h('td', {}, d.date),
      h('td', {}, `${d.district}${d.town ? ` ${d.town}` : ''}`), h('td', {}, officer(d.leader)),
      h('td', {}, d.officers.map(officer).join('；'))));
    clear(body).append(
      h('section', { class: 'card' }, h('h2', {}, t('em.today')), table(['em.date', 'em.district', 'em.leader', 'em.officers'], rows(todays), 'duty-today')),
      week ? h('section', { class: 'card' }, h('h2', {}, t('em.week')), table(['em.date', 'em.district', 'em.leader', 'em.officers'], rows(week), 'duty-week')) : '');
  };
  await reload();
  page.append(subnav('#/emergency/duty'), h('h1', {}, t('em.duty')), body,
    who.role === 'enterprise' ? '' : h('section', { class: 'card' }, h('h2', {}, t('em.setDuty')), dutyForm(who, reload)));
}
