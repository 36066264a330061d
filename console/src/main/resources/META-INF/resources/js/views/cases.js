// Penalty cases (行政处罚) from 立案 to 结案, and the public postings (执法公示). A case moves by one route,
// POST /api/enforcement/cases/{id}/transitions with the target state and that step's fields; the form offers the
// states the case may move to next, and the service judges (range of the article, 法制审核, unique number).
import { api, query, fetchBlob } from '../api.js';
import { h, formatTime, toast } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';
import { problemText } from './enforcement.js';

const NEXT = {
  FILED: ['NOTIFIED'], NOTIFIED: ['REVIEWED', 'DECIDED'], REVIEWED: ['DECIDED'], DECIDED: ['EXECUTED', 'REVOKED'],
  EXECUTED: ['CLOSED', 'REVOKED'], CLOSED: ['REVOKED'], REVOKED: [],
};

/** The fields each target state's step takes, as [name, input type]. */
const FIELDS = {
  NOTIFIED: [['proposedAmount', 'number'], ['note', 'text']],
  REVIEWED: [['approved', 'checkbox'], ['opinion', 'text']],
  DECIDED: [['decisionNumber', 'text'], ['amount', 'number'], ['decidedOn', 'date']],
  EXECUTED: [['paidOn', 'date'], ['receiptNumber', 'text'], ['note', 'text']],
  CLOSED: [['reason', 'text']],
  REVOKED: [['reason', 'text']],
};

export async function renderCases(page, who) {
  const result = await api(`/api/enforcement/cases${query({ size: 100 })}`);
  const items = result.items || [];
  page.append(h('h1', {}, t('nav.cases')), h('section', { class: 'card scroll-x' }, items.length
    ? h('table', { class: 'table' }, h('thead', {}, h('tr', {}, ['alarm.enterprise', 'enf.violation', 'alarm.status', 'enf.amount']
      .map(k => h('th', {}, t(k))))), h('tbody', {}, items.map(c => h('tr', { dataset: { testid: 'case-row' } },
      h('td', {}, h('a', { href: `#/cases/${encodeURIComponent(c.id)}` }, c.enterpriseName || c.enterpriseId)),
      h('td', {}, c.violation ? c.violation.title || c.violation.code : '—'),
      h('td', {}, label('cstatus', c.status)),
      h('td', { class: 'num' }, c.decision ? `¥${c.decision.amount}` : c.proposedAmount ? `¥${c.proposedAmount}` : '—')))))
    : h('p', { class: 'muted' }, t('enf.none'))));
}

function transitionForm(c, done) {
  const targets = NEXT[c.status] || [];
  const to = h('select', { name: 'to', dataset: { testid: 'case-to' } }, targets.map(s => h('option', { value: s }, label('cstatus', s))));
  const fieldsBox = h('div', { class: 'stack-form' });
  let inputs = {};
  const draw = () => {
    inputs = {};
    fieldsBox.replaceChildren(...FIELDS[to.value].map(([name, type]) => {
      const input = h('input', { type, name, dataset: { testid: `case-${name}` } });
      inputs[name] = input;
      return h('label', {}, t(`enf.f.${name}`), input);
    }));
  };
  to.addEventListener('change', draw);
  draw();
  return h('form', { class: 'stack-form', dataset: { testid: 'case-form' }, onsubmit: async ev => {
    ev.preventDefault();
    const body = { to: to.value };
    for (const [name, input] of Object.entries(inputs)) {
      if (input.type === 'checkbox') body[name] = input.checked;
      else if (input.value !== '') body[name] = input.type === 'number' ? Number(input.value) : input.value;
    }
    try {
      await api(`/api/enforcement/cases/${encodeURIComponent(c.id)}/transitions`, { method: 'POST', body });
      toast(t('enf.moved'), 'ok');
      await done();
    } catch (e) { toast(problemText(e), 'error'); }
  } }, h('label', {}, t('enf.nextState'), to), fieldsBox, h('button', { type: 'submit', dataset: { testid: 'case-submit' } }, t('submit')));
}

export async function renderCase(page, who, id) {
  const c = await api(`/api/enforcement/cases/${encodeURIComponent(id)}`);
  const rerender = async () => { const fresh = h('div', { class: 'page' }); await renderCase(fresh, who, id); page.replaceWith(fresh); };
  const facts = [
    ['alarm.enterprise', c.enterpriseName || c.enterpriseId],
    ['enf.violation', c.violation ? `${c.violation.title || ''} ${c.violation.article || ''} (¥${c.violation.fineMin}–${c.violation.fineMax})` : '—'],
    ['enf.facts', c.facts], ['enf.f.proposedAmount', c.proposedAmount],
    ['enf.f.decisionNumber', c.decision ? c.decision.number : null], ['enf.amount', c.decision ? c.decision.amount : null],
    ['enf.f.paidOn', c.execution ? c.execution.paidOn : null], ['enf.closedOn', c.closedOn],
  ];
  page.append(h('p', {}, h('a', { href: '#/cases' }, `← ${t('back')}`)),
    h('h1', {}, t('enf.case'), ' ', h('span', { class: 'muted', dataset: { testid: 'case-status' } }, label('cstatus', c.status))),
    h('section', { class: 'card' }, h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, t(k)),
      h('dd', {}, v === null || v === undefined || v === '' ? '—' : String(v))])),
    who.role !== 'enterprise' ? h('p', {}, h('a', { href: '#', dataset: { testid: 'case-record' }, onclick: async ev => {
      ev.preventDefault();
      const blob = await fetchBlob(`/api/enforcement/cases/${encodeURIComponent(id)}/record`);
      const a = h('a', { href: URL.createObjectURL(blob), download: `case-${id}.html` });
      a.click();
    } }, t('enf.record'))) : ''),
    who.role === 'regulator' && (NEXT[c.status] || []).length ? h('section', { class: 'card' }, h('h2', {}, t('enf.nextStep')),
      transitionForm(c, rerender)) : '');
}

export async function renderPostings(page, who) {
  const lang = currentLang();
  const result = await api(`/api/public/enforcement/postings${query({ size: 50 })}`);
  const pending = who.role === 'regulator' ? await api('/api/enforcement/postings?status=PENDING&size=50') : { items: [] };
  const draws = await api(`/api/public/enforcement/draws${query({ size: 20 })}`);
  page.append(h('h1', {}, t('nav.postings')),
    (pending.items || []).length ? h('section', { class: 'card' }, h('h2', {}, t('enf.pending')),
      h('ul', {}, pending.items.map(p => h('li', { dataset: { testid: 'pending-posting' } }, `${p.decisionNumber || p.id} · ${p.enterpriseName || ''} `,
        h('button', { type: 'button', class: 'small', dataset: { testid: `publish-${p.id}` }, onclick: async () => {
          try {
            await api(`/api/enforcement/postings/${encodeURIComponent(p.id)}/publish`, { method: 'POST', body: {} });
            toast(t('enf.published'), 'ok');
            const fresh = h('div', { class: 'page' }); await renderPostings(fresh, who); page.replaceWith(fresh);
          } catch (e) { toast(problemText(e), 'error'); }
        } }, t('enf.publish')))))) : '',
    h('section', { class: 'card', dataset: { testid: 'postings' } }, h('h2', {}, t('enf.posted')),
      (result.items || []).length ? h('ul', { class: 'postings' }, result.items.map(p => h('li', { dataset: { testid: 'posting' } },
        h('strong', {}, p.decisionNumber), ` · ${p.enterpriseName} · ${p.violation || ''} · ¥${p.amount}`,
        h('div', { class: 'muted' }, `${p.party || ''} ${p.facts || ''}`),
        h('div', { class: 'muted small-text' }, `${t('enf.postedOn')} ${p.postedOn || '—'}`))))
        : h('p', { class: 'muted' }, t('enf.none'))),
    h('section', { class: 'card' }, h('h2', {}, t('enf.publicDraws')),
      h('ul', {}, (draws.items || []).map(d => h('li', { dataset: { testid: 'public-draw' } },
        `${d.planTitle || d.id} · ${d.district} · ${formatTime(d.drawnAt, lang)} · ${label('dstatus', d.status)}`)))));
}
