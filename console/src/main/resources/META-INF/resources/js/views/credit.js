// Credit (信易+安全): the standings of a regulator's area, one enterprise's score with every change and its cause
// (an enterprise sees its own), and the public grades with the 严重失信 list.
import { api, query } from '../api.js';
import { h, formatTime } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';

function gradeBadge(grade, listed) {
  return h('span', { class: `badge grade-${grade}`, dataset: { testid: 'credit-grade' } },
    grade, listed ? ` · ${t('credit.listed')}` : '');
}

/**
 * enforcement-service's notes name a 包保 role ("OPERATIONAL duty check of … overdue") or a drill's kind ("ON_SITE drill
 * … held on …") by its code: shown by its label.
 */
const noteLabelled = note => (note || '')
  .replace(/\b(PRINCIPAL|TECHNICAL|OPERATIONAL)\b/g, role => label('dutyrole', role))
  .replace(/\b(COMPREHENSIVE|SPECIAL|ON_SITE)\b/g, kind => label('pkind', kind));

export async function renderCreditList(page, who) {
  if (who.role === 'enterprise') {
    location.hash = `#/credit/${encodeURIComponent(who.enterpriseId)}`;
    return;
  }
  const [standings, grades] = await Promise.all([
    api(`/api/enforcement/credit${query({ size: 100 })}`),
    api(`/api/public/enforcement/credit${query({ district: who.district, size: 100 })}`),
  ]);
  const rows = (standings.items || []).map(s => h('tr', { dataset: { testid: 'credit-row', enterprise: s.id } },
    h('td', {}, h('a', { href: `#/credit/${encodeURIComponent(s.id)}` }, s.enterpriseName || s.id)),
    h('td', { class: 'num' }, s.score), h('td', {}, gradeBadge(s.grade, s.listed))));
  page.append(h('h1', {}, t('nav.credit')), h('section', { class: 'card scroll-x' }, rows.length
    ? h('table', { class: 'table' }, h('thead', {}, h('tr', {}, ['alarm.enterprise', 'credit.score', 'credit.grade']
      .map(k => h('th', {}, t(k))))), h('tbody', {}, rows))
    : h('p', { class: 'muted' }, t('credit.none'))),
  h('section', { class: 'card', dataset: { testid: 'credit-public' } }, h('h2', {}, t('credit.public')),
    h('ul', {}, (grades.items || []).map(g => h('li', {}, `${g.enterpriseName} `, gradeBadge(g.grade, g.listed))))));
}

export async function renderCredit(page, who, enterpriseId) {
  const c = await api(`/api/enforcement/credit/${encodeURIComponent(enterpriseId)}`);
  const lang = currentLang();
  const facts = [['credit.score', c.score], ['credit.grade', gradeBadge(c.grade, c.listed)], ['credit.drawFactor', `× ${c.drawFactor}`],
    ['credit.listed', c.listed ? `${c.listedReason || ''}` : '—'],
    ['credit.listedUntil', c.listedUntil ? formatTime(c.listedUntil, lang) : '—']];
  page.append(h('h1', {}, c.enterpriseName || c.enterpriseId),
    h('section', { class: 'card', dataset: { testid: 'credit' } }, h('table', { class: 'table' },
      h('tbody', {}, facts.map(([k, v]) => h('tr', {}, h('th', {}, t(k)), h('td', { dataset: { testid: k } }, v)))))),
    h('section', { class: 'card scroll-x' }, h('h2', {}, t('credit.history')), c.history.length
      ? h('table', { class: 'table', dataset: { testid: 'credit-history' } },
        h('thead', {}, h('tr', {}, ['report.received', 'credit.cause', 'credit.change', 'credit.grade'].map(k => h('th', {}, t(k))))),
        h('tbody', {}, c.history.map(x => h('tr', {},
          h('td', {}, formatTime(x.at, lang)), h('td', {}, x.cause ? label('ccause', x.cause) : x.ref, ' ', h('small', {}, noteLabelled(x.note))),
          h('td', { class: 'num' }, `${x.scoreBefore} → ${x.scoreAfter}`), h('td', {}, `${x.gradeBefore} → ${x.gradeAfter}`)))))
      : h('p', { class: 'muted' }, t('credit.none'))));
}
