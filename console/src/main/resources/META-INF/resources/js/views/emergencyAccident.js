// One accident: its grade, the reporting steps with their deadlines (late ones marked), 补报 of changed casualties
// (re-graded by the service), and the regulator's steps: record a level's report, investigate, close (结案).
import { api } from '../api.js';
import { h, clear, formatTime, toast } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';
import { subnav, field, table, yuan, problemText } from './emergencyCommon.js';

function post(id, path, body, after) {
  return async ev => {
    if (ev) ev.preventDefault();
    try {
      after(await api(`/api/emergency/accidents/${encodeURIComponent(id)}/${path}`, { method: 'POST', body: body() }));
      toast(t('em.saved'), 'ok');
    } catch (e) { toast(problemText(e), 'error'); }
  };
}

function reportingTable(a, who, redraw) {
  const next = a.reporting.find(s => !s.reportedAt);
  return table(['em.reporting', 'em.due', 'em.reportedAt', 'em.status'], a.reporting.map(s => h('tr', { dataset: { testid: 'step-row' } },
    h('td', {}, label('level', s.level)), h('td', {}, formatTime(s.due, currentLang())),
    h('td', {}, s.reportedAt ? formatTime(s.reportedAt, currentLang())
      : who.role === 'regulator' && s === next ? h('button', { type: 'button', class: 'small', dataset: { testid: `report-${s.level}` },
        onclick: post(a.id, 'reports', () => ({ level: s.level }), redraw) }, t('em.recordLevel')) : '—'),
    h('td', { class: s.status === 'LATE' || s.status === 'OVERDUE' ? 'grade-MAJOR' : '', dataset: { testid: 'step-status' } },
      label('step', s.status)))), 'reporting');
}

function supplementForm(a, redraw) {
  const [deathsLabel, deaths] = field('em.deaths', { name: 'sup-deaths', type: 'number', min: 0, value: a.deaths, required: true });
  const [injuriesLabel, injuries] = field('em.injuries', { name: 'sup-injuries', type: 'number', min: 0, value: a.seriousInjuries, required: true });
  const [lossLabel, loss] = field('em.loss', { name: 'sup-loss', type: 'number', min: 0, value: a.directLossYuan, required: true });
  const [noteLabel, note] = field('em.note', { name: 'sup-note', maxlength: 2000 });
  return h('form', { class: 'stack-form', dataset: { testid: 'supplement-form' },
    onsubmit: post(a.id, 'casualties', () => ({ deaths: Number(deaths.value), seriousInjuries: Number(injuries.value),
      directLossYuan: Number(loss.value), note: note.value || undefined }), redraw) },
  deathsLabel, injuriesLabel, lossLabel, noteLabel,
  h('button', { type: 'submit', dataset: { testid: 'supplement-submit' } }, t('em.supplement')));
}

function regulatorSteps(a, redraw) {
  if (a.status === 'CLOSED') return '';
  const [textLabel, text] = field(a.status === 'REPORTED' ? 'em.note' : 'em.summary',
    { name: 'case-text', required: true, maxlength: 200 });
  const investigating = a.status === 'REPORTED';
  return h('form', { class: 'stack-form', dataset: { testid: 'accident-step' },
    onsubmit: post(a.id, investigating ? 'investigation' : 'closure',
      () => (investigating ? { team: text.value } : { conclusion: text.value }), redraw) },
  textLabel, h('button', { type: 'submit' }, label('astatus', investigating ? 'INVESTIGATING' : 'CLOSED')));
}

export async function renderAccident(page, who, id) {
  const slot = h('div');
  const draw = a => clear(slot).append(
    h('h1', {}, a.enterpriseName || a.enterpriseId, ' · ', h('span', { dataset: { testid: 'accident-grade' } }, label('grade', a.grade))),
    h('section', { class: 'card' }, h('dl', { class: 'facts' },
      h('dt', {}, t('em.occurredAt')), h('dd', {}, formatTime(a.occurredAt, currentLang())),
      h('dt', {}, t('em.place')), h('dd', {}, `${a.district}${a.town ? ` ${a.town}` : ''} · ${a.place}`),
      h('dt', {}, t('em.kind')), h('dd', {}, label('akind', a.kind), ' · ', label('sector', a.sector)),
      h('dt', {}, `${t('em.deaths')} / ${t('em.injuries')}`), h('dd', { dataset: { testid: 'accident-casualties' } }, `${a.deaths} / ${a.seriousInjuries}`),
      h('dt', {}, t('em.loss')), h('dd', {}, yuan(a.directLossYuan)),
      h('dt', {}, t('em.status')), h('dd', { dataset: { testid: 'accident-status' } }, label('astatus', a.status)),
      h('dt', {}, t('em.late')), h('dd', { class: a.late ? 'grade-MAJOR' : 'ok-text', dataset: { testid: 'accident-late-flag' } },
        a.late ? t('em.late') : t('em.onTime')),
      h('dt', {}, t('em.supplementUntil')), h('dd', {}, a.supplementUntil || '—'))),
    h('section', { class: 'card' }, h('h2', {}, t('em.reporting')), reportingTable(a, who, draw)),
    h('section', { class: 'card' }, h('h2', {}, t('em.supplements')),
      table(['em.reportedAt', 'em.deaths', 'em.injuries', 'em.grade', 'em.note'], (a.supplements || []).map(s =>
        h('tr', { dataset: { testid: 'supplement-row' } }, h('td', {}, formatTime(s.reportedAt, currentLang())),
          h('td', {}, String(s.casualties.deaths)), h('td', {}, String(s.casualties.seriousInjuries)),
          h('td', {}, `${label('grade', s.previousGrade)} → ${label('grade', s.grade)}`), h('td', {}, s.note || ''))), 'supplements'),
      a.status !== 'CLOSED' && who.role !== 'operator' ? supplementForm(a, draw) : ''),
    who.role === 'regulator' ? h('section', { class: 'card' }, h('h2', {}, t('em.status')), regulatorSteps(a, draw)) : '');
  draw(await api(`/api/emergency/accidents/${encodeURIComponent(id)}`));
  page.append(subnav('#/emergency'), h('p', {}, h('a', { href: '#/emergency' }, `← ${t('back')}`)), slot);
}
