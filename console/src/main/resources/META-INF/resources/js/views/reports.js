// Public reports (举报) for regulators of their area: the list, and one report with the handler's steps (受理 → 核查
// → 属实/不属实 → 奖励). The service judges who may act (the report-handler role, the report's own handler); the
// reporter's identity is fetched only on request, and each reading is on the audit trail.
import { api, query } from '../api.js';
import { h, formatTime, toast } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';
import { problemText } from './enforcement.js';

export async function renderReports(page) {
  const result = await api(`/api/enforcement/reports${query({ size: 100 })}`);
  const items = result.items || [];
  const lang = currentLang();
  page.append(h('h1', {}, t('nav.reports')), h('section', { class: 'card scroll-x' }, items.length
    ? h('table', { class: 'table', dataset: { testid: 'report-list' } },
      h('thead', {}, h('tr', {}, ['report.code', 'report.category', 'alarm.enterprise', 'alarm.status', 'report.received']
        .map(k => h('th', {}, t(k))))),
      h('tbody', {}, items.map(r => h('tr', { dataset: { testid: 'report-row', code: r.trackingCode } },
        h('td', {}, h('a', { href: `#/reports/${encodeURIComponent(r.id)}` }, r.trackingCode)),
        h('td', {}, label('rcat', r.category)),
        h('td', {}, r.enterpriseName || r.place || '—'),
        h('td', {}, label('rstatus', r.status)),
        h('td', {}, formatTime(r.receivedAt, lang))))))
    : h('p', { class: 'muted' }, t('report.none'))));
}

function step(path, fields, submitKey, testid, done) {
  const inputs = fields.map(([name, type, options]) => [name, type, options
    ? h('select', { name }, options.map(([value, text]) => h('option', { value }, text)))
    : h('input', { name, type, required: type !== 'text-optional' })]);
  return h('form', {
    class: 'stack-form', dataset: { testid },
    onsubmit: async ev => {
      ev.preventDefault();
      const body = {};
      inputs.forEach(([name, type, input]) => {
        if (input.value === '') return;
        body[name] = type === 'number' ? Number(input.value) : type === 'bool' ? input.value === 'true'
          : type === 'list' ? input.value.split(/[\s,，、]+/).filter(Boolean) : input.value;
      });
      try {
        await api(path, { method: 'POST', body });
        await done();
      } catch (e) { toast(problemText(e), 'error'); }
    },
  }, inputs.map(([name, , input]) => h('label', {}, t(`report.${name}`), input)), h('button', { type: 'submit' }, t(submitKey)));
}

export async function renderReport(page, who, id) {
  const r = await api(`/api/enforcement/reports/${encodeURIComponent(id)}`);
  const lang = currentLang();
  const base = `/api/enforcement/reports/${encodeURIComponent(id)}`;
  const again = async () => { page.replaceChildren(); await renderReport(page, who, id); };
  const rows = [['report.code', r.trackingCode], ['report.category', label('rcat', r.category)],
    ['alarm.status', label('rstatus', r.status)], ['alarm.enterprise', r.enterpriseName || '—'], ['report.place', r.place || '—'],
    ['report.internal', t(r.internal ? 'report.yes' : 'report.no')],
    ['report.reporter', t(r.anonymous ? 'report.anonymous' : 'report.named')], ['report.handler', r.handler || '—'],
    ['report.received', formatTime(r.receivedAt, lang)],
    ['report.rewardAmount', r.reward ? `¥${r.reward.amount}` : '—']];
  const card = h('section', { class: 'card', dataset: { testid: 'report' } },
    h('h2', {}, r.trackingCode, ' ', h('span', { class: 'status', dataset: { testid: 'report-status' } }, label('rstatus', r.status))),
    h('table', { class: 'table' }, h('tbody', {}, rows.map(([k, v]) => h('tr', {}, h('th', {}, t(k)), h('td', {}, v))))),
    h('p', {}, r.text),
    r.additions.length ? h('ul', {}, r.additions.map(a => h('li', {}, `${formatTime(a.at, lang)}: ${a.text}`))) : '');
  page.append(h('h1', {}, t('nav.reports')), card);
  if (who.role !== 'regulator') return;
  const actions = h('section', { class: 'card', dataset: { testid: 'report-actions' } });
  if (!r.anonymous) {
    const box = h('pre', { dataset: { testid: 'reporter' } });
    actions.append(h('button', {
      type: 'button', dataset: { testid: 'show-reporter' },
      onclick: async () => {
        try {
          const p = await api(`${base}/reporter`);
          box.textContent = [p.name, p.phone, p.idNumber, p.contact].filter(Boolean).join(' · ');
        } catch (e) { toast(problemText(e), 'error'); }
      },
    }, t('report.showReporter')), box);
  }
  const yesNo = (yes, no) => [['true', t(yes)], ['false', t(no)]];
  if (r.status === 'RECEIVED') {
    actions.append(step(`${base}/triage`, [['accept', 'bool', yesNo('report.accept', 'report.reject')], ['note', 'text']],
      'submit', 'report-triage', again));
  }
  if (r.status === 'ACCEPTED') {
    actions.append(step(`${base}/verification`, [['inspectionId', 'text']], 'report.link', 'report-verify', again));
    // Or open the inspection straight from the report, naming the team (inspector ids, comma-separated).
    actions.append(step(`${base}/inspection`, [['inspectorIds', 'list'], ['sector', 'text-optional']], 'report.openInspection',
      'report-open-inspection', again));
  }
  if (r.status === 'ACCEPTED' || r.status === 'VERIFYING') {
    actions.append(step(`${base}/outcome`, [['founded', 'bool', yesNo('report.founded', 'report.unfounded')], ['note', 'text']],
      'submit', 'report-outcome', again));
  }
  if (r.status === 'FOUNDED') {
    const fields = r.category === 'CONCEALED_ACCIDENT'
      ? [['accidentGrade', 'text', ['GENERAL', 'LARGER', 'MAJOR', 'GRAVEST'].map(g => [g, label('agrade', g)])],
        ['concealedDeaths', 'number']]
      : [['caseId', 'text']];
    actions.append(step(`${base}/reward`, fields, 'report.reward', 'report-reward', again));
  }
  page.append(actions);
}
