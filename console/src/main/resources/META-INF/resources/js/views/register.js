// 重大危险源 register: a regulator's installations across its scope (grade filter, counts by grade), an enterprise's
// own installations. S, α and R as enterprise-service computed them by GB 18218-2018, with each substance's rows.
import { api, optional, query } from '../api.js';
import { h, clear, toast } from '../dom.js';
import { t, label } from '../i18n.js';

const GRADES = ['FIRST', 'SECOND', 'THIRD', 'FOURTH'];

function fixed(value, digits = 2) {
  return typeof value === 'number' ? String(Math.round(value * 10 ** digits) / 10 ** digits) : '—';
}

function gradeTag(hazard) {
  return hazard.grade
    ? h('span', { class: `mh-grade g-${hazard.grade}`, dataset: { testid: 'mh-grade' } }, hazard.gradeLabel || label('mhgrade', hazard.grade))
    : h('span', { class: 'muted', dataset: { testid: 'mh-grade' } }, t('mh.notMajor'));
}

function substances(hazard) {
  return h('details', {}, h('summary', {}, t('mh.substances'), ` (${(hazard.substances || []).length})`),
    h('ul', { class: 'substances' }, (hazard.substances || []).map(s => h('li', {},
      `${s.substance}: q = ${fixed(s.quantity)} t, Q = ${fixed(s.threshold)} t (${s.thresholdClause || '—'}), `
        + `β = ${fixed(s.beta)} (${s.betaClause || '—'})`))));
}

function row(hazard) {
  const enterprise = encodeURIComponent(hazard.enterpriseId);
  return h('tr', { dataset: { testid: 'mh-row', id: hazard.id } },
    h('td', {}, h('strong', {}, hazard.name), h('div', { class: 'muted small-text' }, hazard.id), substances(hazard)),
    h('td', {}, h('a', { href: `#/enterprises/${enterprise}/risk`, dataset: { testid: 'mh-enterprise' } }, hazard.enterpriseId),
      h('div', { class: 'muted small-text' }, [hazard.district, hazard.town].filter(Boolean).join(' '))),
    h('td', {}, label('unit', hazard.unitType)),
    h('td', { class: 'num', dataset: { testid: 'mh-s' } }, fixed(hazard.s)),
    h('td', { class: 'num' }, fixed(hazard.alpha, 1)),
    h('td', { class: 'num', dataset: { testid: 'mh-r' } }, fixed(hazard.r)),
    h('td', {}, gradeTag(hazard)));
}

function countsOf(summary) {
  if (!summary) return '';
  return h('div', { class: 'counts', dataset: { testid: 'mh-counts' } },
    [['mh.total', summary.total], ...GRADES.map(g => [`mhgrade.${g}`, (summary.byGrade || {})[g] ?? 0]),
      ['mh.notMajor', summary.notMajor]]
      .map(([key, n]) => h('div', { class: 'count' }, h('div', { class: 'count-value' }, String(n ?? '—')),
        h('div', { class: 'count-label' }, t(key)))));
}

export async function renderRegister(page, who) {
  const own = who.role === 'enterprise';
  const body = h('tbody');
  const more = h('p', { class: 'muted small-text' });
  const grade = h('select', { dataset: { testid: 'mh-grade-filter' } },
    h('option', { value: '' }, t('mh.allGrades')), GRADES.map(g => h('option', { value: g }, t(`mhgrade.${g}`))));
  const load = async () => {
    const path = own ? `/api/enterprises/${encodeURIComponent(who.enterpriseId)}/major-hazards${query({ size: 100 })}`
      : `/api/major-hazards${query({ grade: grade.value, size: 100 })}`;
    const result = await api(path);
    const items = (result.items || []).filter(x => !grade.value || x.grade === grade.value);
    // One page of 100 (the service's largest); the grade filter and the counts above narrow a larger register.
    more.textContent = result.total > (result.items || []).length ? `${t('mh.firstOf')} ${result.total}` : '';
    clear(body).append(...(items.length ? items.map(row)
      : [h('tr', {}, h('td', { colspan: 7, class: 'muted' }, t('mh.none')))]));
  };
  grade.addEventListener('change', () => load().catch(e => toast(e.message, 'error')));
  const [summary] = await Promise.all([own ? null : optional('/api/major-hazards/by-grade'), load()]);
  page.append(h('h1', {}, t('mh.title')),
    countsOf(summary),
    h('label', { class: 'filter' }, t('mh.grade'), ' ', grade),
    own ? h('p', {}, h('a', { href: `#/enterprises/${encodeURIComponent(who.enterpriseId)}/risk` }, t('risk.mapLink'))) : '',
    h('section', { class: 'card scroll-x' }, h('table', { class: 'table', dataset: { testid: 'mh-table' } },
      h('thead', {}, h('tr', {}, ['mh.installation', 'alarm.enterprise', 'mh.unit', 'S', 'α', 'R', 'mh.grade']
        .map(k => h('th', {}, t(k))))), body), more),
    h('p', { class: 'muted small-text' }, t('mh.basis')));
}
