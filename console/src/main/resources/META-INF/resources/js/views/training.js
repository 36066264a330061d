// 培训与考试: training records (newest first), each person's hours against the yearly minimum, and the principals'
// 应知应会 exam results. Identity numbers are left out (training-service sends them masked; the page needs none).
import { optional } from '../api.js';
import { h } from '../dom.js';
import { t, label } from '../i18n.js';
import { table, itemsOf } from '../table.js';

function section(titleKey, testid, result, render) {
  const items = itemsOf(result);
  return h('section', { class: 'card', dataset: { testid } }, h('h2', {}, t(titleKey)),
    !result ? h('p', { class: 'muted' }, t('error.unavailable'))
      : items.length ? render(items) : h('p', { class: 'muted' }, t('train.none')));
}

const passed = flag => (flag === null || flag === undefined ? '—'
  : h('span', { class: flag ? 'ok-text' : 'pending' }, t(flag ? 'train.passed' : 'train.failed')));

export async function renderTraining(page, who) {
  const scope = who.enterpriseId ? `&enterpriseId=${encodeURIComponent(who.enterpriseId)}` : '';
  const year = new Date().getFullYear();
  const [records, hours, exams] = await Promise.all([
    optional(`/api/training-records?size=100${scope}`),
    optional(`/api/training-records/hours?year=${year}&size=100${scope}`),
    optional(`/api/exam-results?size=100${scope}`),
  ]);
  page.append(h('h1', {}, t('train.title')),
    section('train.records', 'training-records', records, items => table(
      ['field.name', 'alarm.enterprise', 'train.course', 'train.hours', 'field.time', 'train.trainer', 'train.score', 'train.result'],
      items.map(r => ({ item: r, cells: [r.personName || r.personId, r.enterpriseName || r.enterpriseId, r.course, String(r.hours),
        r.date, r.trainer, r.examScore === null || r.examScore === undefined ? '—' : `${r.examScore} / ${r.passMark}`, passed(r.passed)] })),
      { rowAttrs: () => ({ dataset: { testid: 'training-row' } }) })),
    section('train.hoursTitle', 'training-hours', hours, items => table(
      ['field.name', 'alarm.enterprise', 'train.post', 'train.hours', 'train.required', 'train.met'],
      items.map(p => ({ item: p, cells: [p.personName || p.personId, p.enterpriseName || p.enterpriseId, label('rolecat', p.roleCategory),
        String(p.hours ?? 0), String(p.required ?? '—'), passed(p.met)] })))),
    section('train.exams', 'exam-results', exams, items => table(
      ['field.name', 'alarm.enterprise', 'train.exam', 'field.time', 'train.score', 'train.result', 'train.published'],
      items.map(r => ({ item: r, cells: [r.name, r.enterpriseName || r.enterpriseId, r.examName, r.examDate,
        `${r.score} / ${r.passMark}`, passed(r.passed), t(r.published ? 'yes' : 'no')] })),
      { rowAttrs: () => ({ dataset: { testid: 'exam-row' } }) })));
}
