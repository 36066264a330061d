// 排查任务: the check instances the person on the post works through on a phone. An enterprise records each as done,
// or failed with a note (which opens a hazard, 自查自报, linked from the card); regulators and operators see the
// open instances past due across their scope.
import { api, query, ApiError } from '../api.js';
import { h, clear, formatTime, toast } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';

function problemText(e) {
  if (!(e instanceof ApiError)) return e.message;
  const fields = (e.problem.errors || []).map(x => x.field).filter(Boolean);
  return `${t('error.generic')} (${e.status} ${e.code})${fields.length ? ` ${fields.join(', ')}` : ''}: ${e.message}`;
}

function card(c, who) {
  const lang = currentLang();
  const state = c.status === 'OPEN' ? (c.overdue ? 'overdue' : '') : c.status.toLowerCase();
  const box = h('article', { class: `check-card ${state}`, dataset: { testid: 'check-card', id: c.id, status: c.status } },
    h('div', { class: 'muted small-text' }, h('span', { class: `swatch risk-${c.colour}` }), `${c.pointName} · ${c.measure}`),
    h('p', { class: 'check-content' }, c.content),
    h('div', { class: 'small-text' }, `${label('freq', c.frequency)} · ${t('risk.post')}: ${c.post || '—'}`),
    h('div', { class: 'small-text' }, `${t('check.due')}: ${formatTime(c.dueAt, lang)}`,
      c.overdue ? h('span', { class: 'badge level-RED' }, t('check.overdue')) : ''),
    who.role === 'enterprise' ? '' : h('div', { class: 'small-text' }, h('a', { href: `#/enterprises/${encodeURIComponent(c.enterpriseId)}/risk` },
      c.enterpriseId)));
  if (c.status !== 'OPEN') {
    box.append(h('div', { class: 'small-text' }, h('strong', {}, label('cistatus', c.status)),
      c.doneBy ? ` · ${c.doneBy} · ${formatTime(c.doneAt, lang)}` : '', c.note ? ` · ${c.note}` : ''),
    c.hazardId ? h('p', {}, h('a', { href: `#/hazards/${encodeURIComponent(c.hazardId)}`, dataset: { testid: 'check-hazard' } },
      `${t('check.hazard')} ${c.hazardId}`)) : '');
    return box;
  }
  if (who.role !== 'enterprise') return box;
  const note = h('textarea', { maxlength: 2000, placeholder: t('check.note'), dataset: { testid: 'check-note' } });
  const record = async outcome => {
    if (outcome === 'FAILED' && !note.value.trim()) {
      toast(t('check.noteRequired'), 'error');
      note.focus();
      return;
    }
    try {
      const done = await api(`/api/check-instances/${encodeURIComponent(c.id)}/result`, { method: 'POST',
        body: { outcome, note: note.value.trim() || null } });
      toast(t(outcome === 'DONE' ? 'check.recordedDone' : 'check.recordedFailed'), 'ok');
      // The card stays in the list with its result (and the hazard a failure opened) until the page is reloaded.
      box.replaceWith(card({ ...done, colour: c.colour }, who));
    } catch (e) {
      toast(problemText(e), 'error');
    }
  };
  box.append(note, h('div', { class: 'check-buttons' },
    h('button', { type: 'button', dataset: { testid: 'check-done' }, onclick: () => record('DONE') }, t('check.done')),
    h('button', { type: 'button', class: 'fail', dataset: { testid: 'check-failed' }, onclick: () => record('FAILED') }, t('check.failed'))));
  return box;
}

export async function renderChecks(page, who) {
  const own = who.role === 'enterprise';
  const list = h('div', { dataset: { testid: 'check-list' } });
  const counter = h('span', { class: 'muted', dataset: { testid: 'check-count' } });
  const status = h('select', { dataset: { testid: 'check-status' } },
    ['OPEN', '', 'DONE', 'FAILED'].map(s => h('option', { value: s }, s ? label('cistatus', s) : t('check.all'))));
  // The task list gives each instance its point's colour (the instance itself does not carry it).
  const colours = new Map();
  if (own) {
    const tasks = await api(`/api/enterprises/${encodeURIComponent(who.enterpriseId)}/check-tasks${query({ size: 100 })}`)
      .catch(() => ({ items: [] }));
    (tasks.items || []).forEach(k => colours.set(k.pointId, k.colour));
  }
  const load = async () => {
    const result = await api(own
      ? `/api/check-instances${query({ enterpriseId: who.enterpriseId, status: status.value, size: 100 })}`
      : `/api/check-instances/overdue${query({ size: 100 })}`);
    const items = result.items || [];
    counter.textContent = `${result.total ?? items.length}`;
    clear(list).append(...(items.length
      ? items.map(c => card({ ...c, colour: colours.get(c.pointId) }, who))
      : [h('p', { class: 'muted' }, t('check.none'))]));
  };
  status.addEventListener('change', () => load().catch(e => toast(problemText(e), 'error')));
  await load();
  page.append(h('h1', {}, t(own ? 'check.title' : 'check.overdueTitle'), counter),
    own ? h('label', { class: 'filter' }, t('alarm.status'), ' ', status) : '',
    h('section', { class: 'card' }, list));
}
