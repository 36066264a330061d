// Hazard list and detail. The buttons offered follow enterprise-service's hazard life (who may take which
// step); the service stays the judge and its problem+json answer is shown when it refuses.
import { api, query, ApiError } from '../api.js';
import { h, clear, formatTime, toast } from '../dom.js';
import { t, currentLang } from '../i18n.js';

/** Steps the caller may offer from a status, mirroring the table in enterprise-service's README. */
export function allowedSteps(hazard, role) {
  const regulator = role === 'regulator';
  const enterprise = role === 'enterprise';
  const general = hazard.grade === 'GENERAL';
  switch (hazard.status) {
    case 'REPORTED':
    case 'REJECTED':
      return regulator || enterprise ? ['RECTIFYING'] : [];
    case 'RECTIFYING':
      return enterprise ? ['RECTIFIED'] : [];
    case 'RECTIFIED':
      return regulator || (enterprise && general) ? ['CLOSED', 'REJECTED'] : [];
    default:
      return [];
  }
}

function row(hazard) {
  return h('tr', { class: hazard.overdue ? 'overdue' : '', dataset: { testid: 'hazard-row' } },
    h('td', {}, h('a', { href: `#/hazards/${encodeURIComponent(hazard.id)}` }, (hazard.description || hazard.id).slice(0, 60))),
    h('td', {}, hazard.enterpriseId),
    h('td', {}, h('span', { class: `grade grade-${hazard.grade}` }, t(`hazard.${hazard.grade}`))),
    h('td', {}, t(`hstatus.${hazard.status}`)),
    h('td', {}, hazard.deadline || '—', hazard.overdue ? h('span', { class: 'badge level-RED' }, t('hazard.overdue')) : ''),
    h('td', { class: 'num' }, String(hazard.ageDays)));
}

export async function renderHazards(page, who) {
  const body = h('tbody');
  const openOnly = h('input', { type: 'checkbox', checked: true, dataset: { testid: 'hazard-open' } });
  const load = async () => {
    const result = await api(`/api/hazards${query({ open: openOnly.checked ? 'true' : '', size: 100,
      enterpriseId: who.role === 'enterprise' ? who.enterpriseId : '' })}`);
    clear(body).append(...(result.items || []).map(row));
  };
  openOnly.addEventListener('change', () => load().catch(e => toast(e.message, 'error')));
  await load();
  page.append(h('h1', {}, t('hazard.list')),
    h('label', { class: 'filter' }, openOnly, ' ', t('hazard.openOnly')),
    h('section', { class: 'card scroll-x' }, h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['hazard.description', 'alarm.enterprise', 'hazard.grade', 'alarm.status', 'hazard.deadline', 'hazard.age']
        .map(k => h('th', {}, t(k))))), body)));
}

export async function renderHazard(page, who, id) {
  const hazard = await api(`/api/hazards/${encodeURIComponent(id)}`);
  const lang = currentLang();
  const note = h('input', { type: 'text', maxlength: 2000, placeholder: t('alarm.note'), dataset: { testid: 'hazard-note' } });
  const steps = allowedSteps(hazard, who.role);
  const move = async to => {
    try {
      await api(`/api/hazards/${encodeURIComponent(id)}/transitions`, { method: 'POST', body: { to, note: note.value || null } });
      toast(t('hazard.moved'), 'ok');
      const fresh = h('div', { class: 'page' });
      await renderHazard(fresh, who, id);
      page.replaceWith(fresh);
    } catch (e) {
      toast(e instanceof ApiError ? `${t('error.generic')} (${e.status} ${e.code}): ${e.message}` : e.message, 'error');
    }
  };
  const facts = [
    ['alarm.enterprise', h('a', { href: `#/enterprises/${encodeURIComponent(hazard.enterpriseId)}`, dataset: { testid: 'hazard-enterprise' } },
      hazard.enterpriseId)],
    ['hazard.grade', t(`hazard.${hazard.grade}`)],
    ['alarm.status', t(`hstatus.${hazard.status}`)],
    ['hazard.deadline', `${hazard.deadline || '—'}${hazard.overdue ? ` (${t('hazard.overdue')})` : ''}`],
    ['hazard.age', String(hazard.ageDays)],
    ['hazard.responsible', hazard.responsiblePerson],
    ['hazard.measures', hazard.measures],
  ];
  page.append(
    h('p', {}, h('a', { href: '#/hazards' }, `← ${t('back')}`)),
    h('h1', {}, t('hazard.title'), ' ', h('span', { class: `grade grade-${hazard.grade}` }, t(`hazard.${hazard.grade}`))),
    h('section', { class: 'card' },
      h('p', { class: 'message' }, hazard.description || ''),
      h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v || '—')])),
      steps.length ? h('div', { class: 'actions' }, note, steps.map(to =>
        h('button', { type: 'button', dataset: { testid: `to-${to}` }, onclick: () => move(to) }, t(`hazard.to.${to}`)))) : ''),
    h('section', { class: 'card', dataset: { testid: 'hazard-history' } }, h('h2', {}, t('hazard.history')),
      h('table', { class: 'table' }, h('tbody', {}, (hazard.history || []).map(entry => h('tr', {},
        h('td', {}, formatTime(entry.at, lang)),
        h('td', {}, `${entry.from ? t(`hstatus.${entry.from}`) : '∅'} → ${t(`hstatus.${entry.to}`)}`),
        h('td', {}, `${entry.who || ''} (${entry.role || ''})`),
        h('td', {}, entry.note || '')))))));
}
