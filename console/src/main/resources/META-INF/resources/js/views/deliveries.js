// Delivery status on the alarm page (issue 23 item 5): per notice, channel and target, whether it reached the
// recipients (SENT), is being retried or failed (FAILED), or nobody listens there (DROPPED).
import { api } from '../api.js';
import { h, formatTime } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';

/** The card listing every notice of the alarm; null when the list cannot be read. */
export async function deliveriesSection(id) {
  let deliveries;
  try {
    deliveries = await api(`/api/alarms/${encodeURIComponent(id)}/deliveries`);
  } catch (e) {
    return null;
  }
  const lang = currentLang();
  const items = (deliveries.items || []).slice()
    .sort((a, b) => String(a.changeAt).localeCompare(String(b.changeAt)) || a.channel.localeCompare(b.channel));
  const body = items.length
    ? h('table', { class: 'table', dataset: { testid: 'deliveries' } },
      h('thead', {}, h('tr', {}, ['field.time', 'delivery.change', 'delivery.channel', 'delivery.recipients',
        'delivery.status', 'delivery.attempts'].map(k => h('th', {}, t(k))))),
      h('tbody', {}, items.map(d => h('tr', { dataset: { channel: d.channel, status: d.status } },
        h('td', {}, formatTime(d.lastAttemptAt || d.changeAt, lang)),
        h('td', {}, `${label('change', d.change)} → ${label('audience', d.audience)}`),
        h('td', {}, label('channel', d.channel)),
        h('td', {}, (d.recipients || []).join('、') || '—'),
        h('td', {}, h('span', { class: `delivery delivery-${d.status}` },
          d.retrying ? t('delivery.retrying') : label('delivery', d.status)),
          // A failure's reason helps whoever fixes the channel; a DROPPED notice's status already says why.
          d.status === 'FAILED' && d.lastError ? h('small', { class: 'muted' }, ` ${d.lastError}`) : ''),
        h('td', {}, String(d.attempts))))))
    : h('p', { class: 'muted' }, t('delivery.none'));
  return h('section', { class: 'card' }, h('h2', {}, t('delivery.title')), body);
}

/** An ESCALATE step's note is the audience code, then ": " and who was on duty there that day. */
export function escalationNote(note) {
  const text = note || '';
  const cut = text.indexOf(': ');
  const audience = cut < 0 ? text : text.slice(0, cut);
  const onDuty = cut < 0 ? '' : text.slice(cut + 2);
  return onDuty ? `${t(`audience.${audience}`)} — ${onDuty}` : t(`audience.${audience}`);
}
