// Alarm list and detail with the lifecycle actions the warning-service allows: acknowledge (anyone in
// scope) and close with cause + note (enterprise and operator, once cleared).
import { api } from '../api.js';
import { h, formatTime, toast } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';
import { feed } from '../live.js';
import { alarmRow } from './overview.js';
import { describeAlarm } from '../alarmtext.js';
import { verificationSection } from './verifications.js';
import { problemText } from './enforcement.js';
import { deliveriesSection, escalationNote } from './deliveries.js';

const CAUSES = ['REAL_DANGER', 'FALSE_ALARM', 'MAINTENANCE', 'CALIBRATION', 'DEVICE_FAULT'];

export async function renderAlarms(page) {
  const alarms = await api('/api/alarms?size=50');
  const list = h('ul', { class: 'feed', dataset: { testid: 'alarm-list' } });
  (alarms.items || []).forEach(view => list.append(alarmRow({ ...view, at: view.updatedAt || view.raisedAt })));
  if (!(alarms.items || []).length) list.append(h('li', { class: 'muted' }, t('alarm.none')));
  page.append(h('h1', {}, t('nav.alarms')), h('section', { class: 'card' }, list));
  return feed.subscribe(alarm => {
    if (!alarm) return;
    list.querySelectorAll(`[data-alarm="${CSS.escape(alarm.id)}"]`).forEach(row => row.remove());
    list.prepend(alarmRow(alarm));
  });
}

function field(key, value) {
  return [h('dt', {}, t(key)), h('dd', {}, value === null || value === undefined || value === '' ? '—' : value)];
}


export async function renderAlarm(page, who, id) {
  const alarm = await api(`/api/alarms/${encodeURIComponent(id)}`);
  const lang = currentLang();
  const rerender = async message => {
    toast(message, 'ok');
    const fresh = h('div', { class: 'page' });
    await renderAlarm(fresh, who, id);
    page.replaceWith(fresh);
  };
  const actions = h('div', { class: 'actions' });
  if (alarm.status === 'ACTIVE' || alarm.status === 'CLEARED_UNACKNOWLEDGED') {
    const note = h('input', { type: 'text', name: 'note', maxlength: 500, placeholder: t('alarm.note'), dataset: { testid: 'ack-note' } });
    actions.append(h('form', {
      class: 'inline-form', dataset: { testid: 'ack-form' },
      onsubmit: async ev => {
        ev.preventDefault();
        try {
          await api(`/api/alarms/${encodeURIComponent(id)}/acknowledge`, { method: 'POST', body: note.value ? { note: note.value } : {} });
          await rerender(t('alarm.acknowledged'));
        } catch (e) { toast(problemText(e), 'error'); }
      },
    }, note, h('button', { type: 'submit', dataset: { testid: 'acknowledge' } }, t('alarm.acknowledge'))));
  }
  if (alarm.status === 'CLEARED' && who.role !== 'regulator') {
    const cause = h('select', { name: 'cause', dataset: { testid: 'close-cause' } },
      CAUSES.map(c => h('option', { value: c }, t(`cause.${c}`))));
    const note = h('textarea', { name: 'note', required: true, maxlength: 2000, placeholder: t('alarm.note'), dataset: { testid: 'close-note' } });
    actions.append(h('form', {
      class: 'stack-form', dataset: { testid: 'close-form' },
      onsubmit: async ev => {
        ev.preventDefault();
        try {
          await api(`/api/alarms/${encodeURIComponent(id)}/close`, { method: 'POST', body: { cause: cause.value, note: note.value } });
          await rerender(t('alarm.closed'));
        } catch (e) { toast(problemText(e), 'error'); }
      },
    }, h('label', {}, t('alarm.cause'), cause), h('label', {}, t('alarm.note'), note),
    h('button', { type: 'submit', dataset: { testid: 'close' } }, t('alarm.close'))));
  }
  const trail = h('table', { class: 'table' },
    h('thead', {}, h('tr', {}, h('th', {}, t('field.time')), h('th', {}, t('alarm.status')), h('th', {}, t('field.by')), h('th', {}, t('alarm.note')))),
    h('tbody', {}, (alarm.trail || []).map(step => h('tr', {},
      h('td', {}, formatTime(step.at, lang)),
      h('td', {}, `${t(`action.${step.action}`)}: ${step.from ? t(`status.${step.from}`) : '∅'} → ${t(`status.${step.to}`)}`),
      // An escalation's note names whom it went to (an audience code) and who was on duty there.
      // The service's own notes ("device offline (SILENT)") carry codes: a raising shows the alarm's text, others none.
      h('td', {}, step.by || ''), h('td', {}, step.action === 'ESCALATE' ? escalationNote(step.note)
        : step.by === 'system' ? (step.action === 'RAISE' ? describeAlarm(alarm) : '') : (step.note || ''))))));
  page.append(
    h('p', {}, h('a', { href: '#/alarms' }, `← ${t('back')}`)),
    h('h1', {}, t('alarm.title'), ' ', h('span', { class: `badge level-${alarm.level}` }, t(`level.${alarm.level}`))),
    h('section', { class: `card alarm-detail level-${alarm.level}` },
      h('p', { class: 'message', title: alarm.message || '' }, describeAlarm(alarm)),
      h('dl', { class: 'facts' },
        field('alarm.status', h('span', { class: `status status-${alarm.status}`, dataset: { testid: 'alarm-status' } }, t(`status.${alarm.status}`))),
        field('alarm.enterprise', h('a', { href: `#/enterprises/${encodeURIComponent(alarm.enterpriseId)}` }, alarm.enterpriseId)),
        // Alarms of a missed commitment or duty carry a made-up key, not a device: no device then.
        field('alarm.device', alarm.deviceKind ? `${alarm.deviceId} (${label('devkind', alarm.deviceKind)})` : '—'),
        field('alarm.metric', label('metric', alarm.metric)),
        field('alarm.value', `${alarm.value} ${alarm.unit || ''}`),
        field('alarm.peak', `${alarm.peakValue} ${alarm.unit || ''}`),
        field('alarm.threshold', `${alarm.threshold} ${alarm.unit || ''}`),
        field('alarm.raisedAt', formatTime(alarm.raisedAt, lang))),
      actions),
    h('section', { class: 'card' }, h('h2', {}, t('alarm.trail')), trail));
  const deliveries = await deliveriesSection(id);
  if (deliveries) page.append(deliveries);
  if (alarm.status === 'CLOSED') {
    const verification = await verificationSection(id, who, rerender);
    if (verification) page.append(verification);
  }
}
