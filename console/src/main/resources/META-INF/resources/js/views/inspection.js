// On-site inspection (现场检查) at phone width: the checklist with each item's legal basis, pass / fail / not
// applicable with a note (and for a failure the rectification deadline), photos straight from the camera, and
// every drawn inspector's signature. The service checks everything again and names the field it refuses.
import { api, optional, upload, fetchBlob, query } from '../api.js';
import { h, clear, formatTime, toast } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';
import { problemText } from './enforcement.js';

const OUTCOMES = ['PASS', 'FAIL', 'NOT_APPLICABLE'];

export async function renderInspections(page, who) {
  const result = await api(`/api/enforcement/inspections${query({ size: 100,
    enterpriseId: who.role === 'enterprise' ? who.enterpriseId : '' })}`);
  const items = result.items || [];
  page.append(h('h1', {}, t('nav.inspections')), h('section', { class: 'card scroll-x' }, items.length
    ? h('table', { class: 'table' }, h('thead', {}, h('tr', {}, ['alarm.enterprise', 'enf.sector', 'alarm.status', 'enf.inspectedOn']
      .map(k => h('th', {}, t(k))))), h('tbody', {}, items.map(i => h('tr', { dataset: { testid: 'inspection-row' } },
      h('td', {}, h('a', { href: `#/inspections/${encodeURIComponent(i.id)}` }, i.enterpriseName || i.enterpriseId)),
      h('td', {}, label('sector', i.sector)), h('td', {}, label('istatus', i.status)), h('td', {}, i.inspectedOn || '—')))))
    : h('p', { class: 'muted' }, t('enf.none'))));
}

function itemRow(item, result, editable, evidence) {
  const outcome = h('select', { name: `outcome-${item.code}`, disabled: !editable, dataset: { testid: `outcome-${item.code}` } },
    OUTCOMES.map(o => h('option', { value: o, selected: (result ? result.outcome : 'PASS') === o }, label('outcome', o))));
  const note = h('input', { type: 'text', maxlength: 2000, placeholder: t('enf.note'), value: result && result.note ? result.note : '',
    disabled: !editable, dataset: { testid: `note-${item.code}` } });
  const deadline = h('input', { type: 'date', value: result && result.deadline ? result.deadline : '', disabled: !editable,
    dataset: { testid: `deadline-${item.code}` } });
  const failOnly = h('label', { class: 'fail-only' }, t('hazard.deadline'), deadline);
  const sync = () => { failOnly.hidden = outcome.value !== 'FAIL'; };
  outcome.addEventListener('change', sync);
  sync();
  const row = h('li', { class: `check-item${item.major ? ' major' : ''}`, dataset: { testid: 'check-item', code: item.code } },
    h('div', { class: 'check-text' }, h('strong', {}, item.code), ' ', item.text,
      item.major ? h('span', { class: 'grade grade-MAJOR' }, ` ${t('hazard.MAJOR')}`) : ''),
    h('div', { class: 'muted small-text' }, item.legalBasis),
    h('div', { class: 'check-inputs' }, outcome, note, failOnly),
    evidence);
  row.collect = () => {
    const r = { code: item.code, outcome: outcome.value };
    if (note.value) r.note = note.value;
    if (outcome.value === 'FAIL' && deadline.value) r.deadline = deadline.value;
    return r;
  };
  return row;
}

function photoInput(inspectionId, code, onUploaded) {
  // capture="environment" opens the phone's rear camera; on a desktop it is an ordinary file picker.
  const input = h('input', { type: 'file', accept: 'image/*,application/pdf', capture: 'environment', class: 'photo-input',
    dataset: { testid: `photo-${code}` } });
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    const form = new FormData();
    form.append('itemCode', code);
    form.append('file', file, file.name);
    try {
      await upload(`/api/enforcement/inspections/${encodeURIComponent(inspectionId)}/evidence`, form);
      toast(t('enf.uploaded'), 'ok');
      input.value = '';
      await onUploaded();
    } catch (e) { toast(problemText(e), 'error'); }
  });
  return h('label', { class: 'photo' }, `📷 ${t('enf.addPhoto')}`, input);
}

async function thumbnail(inspectionId, ev) {
  if (!ev.contentType.startsWith('image/')) return h('span', { class: 'muted' }, ev.fileName);
  // The bytes need the bearer token, so they are fetched and shown as a data: URL (the page CSP allows data: images).
  const blob = await fetchBlob(`/api/enforcement/inspections/${encodeURIComponent(inspectionId)}/evidence/${encodeURIComponent(ev.id)}`);
  const url = await new Promise(resolve => { const r = new FileReader(); r.onload = () => resolve(r.result); r.readAsDataURL(blob); });
  return h('img', { class: 'thumb', src: url, alt: ev.fileName, dataset: { testid: 'evidence-thumb' } });
}

export async function renderInspection(page, who, id) {
  const inspection = await api(`/api/enforcement/inspections/${encodeURIComponent(id)}`);
  const editable = who.role === 'regulator' && inspection.signatures.length === 0;
  const byCode = Object.fromEntries(inspection.results.map(r => [r.code, r]));
  const lists = {};
  const refreshEvidence = async () => {
    const all = await optional(`/api/enforcement/inspections/${encodeURIComponent(id)}/evidence`, []);
    Object.values(lists).forEach(list => clear(list));
    for (const ev of all) {
      if (lists[ev.itemCode]) lists[ev.itemCode].append(h('li', { dataset: { testid: 'evidence' } }, await thumbnail(id, ev)));
    }
  };
  const rows = inspection.items.map(item => {
    lists[item.code] = h('ul', { class: 'evidence-list' });
    return itemRow(item, byCode[item.code], editable,
      h('div', {}, lists[item.code], editable ? photoInput(id, item.code, refreshEvidence) : ''));
  });
  const signed = new Set(inspection.signatures.map(s => s.inspectorId));
  const rerender = async () => { const fresh = h('div', { class: 'page' }); await renderInspection(fresh, who, id); page.replaceWith(fresh); };
  page.append(
    h('p', {}, h('a', { href: '#/inspections' }, `← ${t('back')}`)),
    h('h1', {}, inspection.enterpriseName || inspection.enterpriseId, ' ', h('span', { class: 'muted' }, label('istatus', inspection.status))),
    h('section', { class: 'card' }, h('dl', { class: 'facts' },
      h('dt', {}, t('enf.sector')), h('dd', {}, label('sector', inspection.sector)),
      h('dt', {}, t('enf.inspectedOn')), h('dd', {}, inspection.inspectedOn || '—'),
      h('dt', {}, t('enf.team')), h('dd', {}, inspection.team.map(m => `${m.name}（${m.badgeNumber}）`).join('、')))),
    h('section', { class: 'card' }, h('h2', {}, t('enf.checklist')),
      h('ol', { class: 'checklist', dataset: { testid: 'checklist' } }, rows),
      editable ? h('button', { type: 'button', dataset: { testid: 'save-results' }, onclick: async () => {
        try {
          await api(`/api/enforcement/inspections/${encodeURIComponent(id)}/results`, { method: 'PUT',
            body: { results: rows.map(r => r.collect()) } });
          toast(t('enf.saved'), 'ok');
          await rerender();
        } catch (e) { toast(problemText(e), 'error'); }
      } }, t('enf.saveResults')) : ''),
    h('section', { class: 'card', dataset: { testid: 'signatures' } }, h('h2', {}, t('enf.signatures')),
      h('ul', {}, inspection.team.map(m => h('li', {}, `${m.name}（${m.badgeNumber}）`, ' ',
        signed.has(m.inspectorId)
          ? h('span', { class: 'ok-text' }, `✔ ${formatTime((inspection.signatures.find(s => s.inspectorId === m.inspectorId) || {}).signedAt, currentLang())}`)
          : who.role === 'regulator' ? signForm(id, m, rerender) : h('span', { class: 'muted' }, t('enf.unsigned')))))));
  await refreshEvidence();
}

function signForm(id, member, done) {
  const badge = h('input', { type: 'text', maxlength: 32, placeholder: t('enf.badge'), inputmode: 'numeric',
    dataset: { testid: `badge-${member.inspectorId}` } });
  return h('form', { class: 'inline-form', onsubmit: async ev => {
    ev.preventDefault();
    try {
      await api(`/api/enforcement/inspections/${encodeURIComponent(id)}/signatures`, { method: 'POST',
        body: { inspectorId: member.inspectorId, badgeNumber: badge.value } });
      toast(t('enf.signed'), 'ok');
      await done();
    } catch (e) { toast(problemText(e), 'error'); }
  } }, badge, h('button', { type: 'submit', dataset: { testid: `sign-${member.inspectorId}` } }, t('enf.sign')));
}
