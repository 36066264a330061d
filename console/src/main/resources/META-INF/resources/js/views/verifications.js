// Disposal feedback (核查反馈): the regulator's queue of closed level I/II alarms whose disposal waits for a
// verification, and the verification block of an alarm's page (decide as a regulator, submit again as the enterprise).
import { api, ApiError } from '../api.js';
import { h, formatTime, toast } from '../dom.js';
import { t, currentLang } from '../i18n.js';

const CAUSES = ['REAL_DANGER', 'FALSE_ALARM', 'MAINTENANCE', 'CALIBRATION', 'DEVICE_FAULT'];

function problemText(e) {
  if (e instanceof ApiError) {
    const fields = (e.problem.errors || []).map(x => x.field).filter(Boolean);
    return `${t('error.generic')} (${e.status}${e.code ? ` ${e.code}` : ''}): ${e.message}${fields.length ? ` [${fields.join(', ')}]` : ''}`;
  }
  return `${t('error.generic')}: ${e.message}`;
}

export async function renderVerifications(page) {
  const [pending, stats] = await Promise.all([
    api('/api/alarms/verifications?status=PENDING&size=50'),
    api('/api/alarms/verifications/stats').catch(() => null),
  ]);
  const lang = currentLang();
  const rows = (pending.items || []).map(v => h('tr', { dataset: { alarm: v.alarmId } },
    h('td', {}, h('a', { href: `#/alarms/${encodeURIComponent(v.alarmId)}` }, v.alarmId)),
    h('td', {}, h('span', { class: `badge level-${v.level}` }, t(`level.${v.level}`))),
    h('td', {}, v.enterpriseId),
    h('td', {}, t(`cause.${v.cause}`)),
    h('td', {}, formatTime(v.closedAt, lang))));
  const table = h('table', { class: 'table', dataset: { testid: 'verification-queue' } },
    h('thead', {}, h('tr', {}, ['verification.alarm', 'alarm.level', 'alarm.enterprise', 'alarm.cause', 'verification.closedAt']
      .map(k => h('th', {}, t(k))))),
    h('tbody', {}, rows.length ? rows : [h('tr', {}, h('td', { colspan: 5, class: 'muted' }, t('verification.none')))]));
  const figures = stats ? h('p', { dataset: { testid: 'verification-figures' } },
    `${t('verification.closed')} ${stats.closed} · ${t('verification.accepted')} ${stats.accepted}`
    + `${stats.acceptedPercent === null ? '' : ` (${stats.acceptedPercent}%)`} · ${t('verification.pending')} ${stats.pending}`
    + `${stats.medianMinutes === null ? '' : ` · ${t('verification.median')} ${stats.medianMinutes} min`}`) : '';
  page.append(h('h1', {}, t('nav.verifications')), h('section', { class: 'card' }, figures, table));
}

/** The verification block of a closed alarm's page; nothing when the alarm needs none. */
export async function verificationSection(alarmId, who, rerender) {
  let v;
  try {
    v = await api(`/api/alarms/${encodeURIComponent(alarmId)}/verification`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
  const lang = currentLang();
  const section = h('section', { class: 'card', dataset: { testid: 'verification' } },
    h('h2', {}, t('verification.title'), ' ',
      h('span', { class: `status verification-${v.status}`, dataset: { testid: 'verification-status' } }, t(`verification.${v.status}`))),
    h('table', { class: 'table' }, h('tbody', {}, v.steps.map(s => h('tr', {},
      h('td', {}, formatTime(s.at, lang)), h('td', {}, t(`verification.step.${s.action}`)),
      h('td', {}, s.by || ''), h('td', {}, [s.cause ? t(`cause.${s.cause}`) : '', s.note || ''].filter(Boolean).join(' · ')))))));
  const path = `/api/alarms/${encodeURIComponent(alarmId)}`;
  if (v.status === 'PENDING' && who.role === 'regulator') {
    const note = h('textarea', { name: 'note', maxlength: 2000, placeholder: t('verification.note'), dataset: { testid: 'verification-note' } });
    const decide = accept => async ev => {
      ev.preventDefault();
      try {
        await api(`${path}/verification`, { method: 'POST', body: note.value ? { accept, note: note.value } : { accept } });
        await rerender(t(accept ? 'verification.ACCEPTED' : 'verification.RETURNED'));
      } catch (e) { toast(problemText(e), 'error'); }
    };
    section.append(h('form', { class: 'stack-form' }, note,
      h('div', { class: 'actions' },
        h('button', { type: 'button', onclick: decide(true), dataset: { testid: 'verification-accept' } }, t('verification.accept')),
        h('button', { type: 'button', onclick: decide(false), dataset: { testid: 'verification-return' } }, t('verification.return')))));
  }
  if (v.status === 'RETURNED' && who.role === 'enterprise') {
    const cause = h('select', { name: 'cause' }, CAUSES.map(c => h('option', { value: c, selected: c === v.cause }, t(`cause.${c}`))));
    const note = h('textarea', { name: 'note', required: true, maxlength: 2000, placeholder: t('alarm.note'), dataset: { testid: 'disposal-note' } });
    section.append(h('form', {
      class: 'stack-form',
      onsubmit: async ev => {
        ev.preventDefault();
        try {
          await api(`${path}/disposal`, { method: 'POST', body: { cause: cause.value, note: note.value } });
          await rerender(t('verification.PENDING'));
        } catch (e) { toast(problemText(e), 'error'); }
      },
    }, h('label', {}, t('alarm.cause'), cause), h('label', {}, t('alarm.note'), note),
    h('button', { type: 'submit', dataset: { testid: 'disposal-submit' } }, t('verification.resubmit'))));
  }
  return section;
}
