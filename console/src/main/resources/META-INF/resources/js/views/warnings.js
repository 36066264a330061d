// 预警发布 (一键发布): a regulator publishes a warning to the enterprises of its district (a city regulator picks the
// districts) and watches the receipts come in; an enterprise confirms receipt. The receipt list reloads every few
// seconds while open (warnings have no stream of their own).
import { api, optional } from '../api.js';
import { h, clear, formatTime, toast } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';
import { problemText, SECTORS } from './enforcement.js';
import { table, itemsOf } from '../table.js';

const COLOURS = ['RED', 'ORANGE', 'YELLOW', 'BLUE'];
const RECEIPTS_EVERY_MS = 5_000;

function publishForm(who, districts, onPublished) {
  const title = h('input', { type: 'text', required: true, maxlength: 200, dataset: { testid: 'warning-title' } });
  const colour = h('select', { dataset: { testid: 'warning-colour' } }, COLOURS.map(c => h('option', { value: c }, label('wcolour', c))));
  const text = h('textarea', { required: true, maxlength: 5000, rows: 3, dataset: { testid: 'warning-text' } });
  const until = h('input', { type: 'datetime-local', required: true, dataset: { testid: 'warning-until' },
    value: new Date(Date.now() + 86_400_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16) });
  const districtBoxes = (who.district ? [who.district] : districts).map(d => h('label', { class: 'check' },
    h('input', { type: 'checkbox', value: d, checked: Boolean(who.district), disabled: Boolean(who.district) }), d));
  const sectorBoxes = SECTORS.map(s => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: s }), label('sector', s)));
  const checked = boxes => boxes.map(b => b.querySelector('input')).filter(i => i.checked).map(i => i.value);
  return h('form', {
    class: 'stack-form wide', dataset: { testid: 'warning-form' },
    onsubmit: async ev => {
      ev.preventDefault();
      const body = { title: title.value, colour: colour.value, text: text.value, districts: checked(districtBoxes),
        sectors: checked(sectorBoxes), validUntil: new Date(until.value).toISOString() };
      try {
        const published = await api('/api/warnings', { method: 'POST', body });
        toast(t('warn.published'), 'ok');
        onPublished(published);
      } catch (e) { toast(problemText(e), 'error'); }
    },
  }, h('h2', {}, t('warn.publish')),
  h('label', {}, t('warn.title'), title), h('label', {}, t('warn.colour'), colour), h('label', {}, t('warn.text'), text),
  h('label', {}, t('warn.validUntil'), until),
  h('fieldset', {}, h('legend', {}, t('warn.districts')), districtBoxes),
  h('fieldset', {}, h('legend', {}, t('warn.sectors')), sectorBoxes),
  h('button', { type: 'submit', dataset: { testid: 'warning-submit' } }, t('warn.publishNow')));
}

function receiptLine(w) {
  const total = (w.recipients || []).length;
  return `${total - (w.unconfirmed || []).length} / ${total}`;
}

export async function renderWarnings(page, who) {
  const [warnings, enterprises] = await Promise.all([
    api('/api/warnings?size=50'),
    who.role === 'regulator' && !who.district ? optional('/api/enterprises?size=100') : Promise.resolve(null),
  ]);
  const districts = [...new Set(itemsOf(enterprises).map(e => e.district).filter(Boolean))].sort();
  page.append(h('h1', {}, t('warn.list')));
  if (who.role === 'regulator') {
    page.append(h('section', { class: 'card' }, publishForm(who, districts, w => { location.hash = `#/warnings/${encodeURIComponent(w.id)}`; })));
  }
  const items = itemsOf(warnings);
  page.append(h('section', { class: 'card' }, items.length ? table(
    ['warn.title', 'warn.colour', 'warn.districts', 'warn.publishedAt', 'warn.validUntil', 'warn.confirmed'],
    items.map(w => ({ item: w, cells: [
      h('a', { href: `#/warnings/${encodeURIComponent(w.id)}` }, w.title),
      h('span', { class: `badge level-${w.colour}` }, label('wcolour', w.colour)),
      (w.districts || []).join('、'), formatTime(w.publishedAt, currentLang()), formatTime(w.validUntil, currentLang()),
      receiptLine(w)] })),
    { testid: 'warning-list', rowAttrs: w => ({ dataset: { testid: 'warning-row', id: w.id } }) })
    : h('p', { class: 'muted' }, t('warn.none'))));
}

function receipts(w, who, reload) {
  const mine = who.role === 'enterprise' && (w.unconfirmed || []).includes(who.enterpriseId);
  return [
    h('p', { dataset: { testid: 'receipt-count' } }, `${t('warn.confirmed')}: ${receiptLine(w)}`),
    mine ? h('button', { type: 'button', dataset: { testid: 'warning-confirm' }, onclick: async () => {
      try {
        await api(`/api/warnings/${encodeURIComponent(w.id)}/confirm`, { method: 'POST' });
        toast(t('warn.confirmedOk'), 'ok');
        reload();
      } catch (e) { toast(problemText(e), 'error'); }
    } }, t('warn.confirm')) : '',
    table(['field.name', 'ent.district', 'ent.town', 'warn.confirmedAt', 'field.by'],
      (w.recipients || []).map(r => ({ item: r, cells: [r.name || r.enterpriseId, r.district, r.town,
        r.confirmedAt ? formatTime(r.confirmedAt, currentLang()) : h('strong', { class: 'pending' }, t('warn.unconfirmed')),
        r.confirmedBy] })),
      { testid: 'receipts', rowAttrs: r => ({ class: r.confirmedAt ? '' : 'unconfirmed',
        dataset: { testid: 'receipt-row', enterprise: r.enterpriseId, confirmed: String(Boolean(r.confirmedAt)) } }) }),
  ];
}

export async function renderWarning(page, who, id) {
  const body = h('section', { class: 'card', dataset: { testid: 'receipt-list' } });
  const head = h('div');
  const show = async () => {
    const w = await api(`/api/warnings/${encodeURIComponent(id)}`);
    clear(head).append(h('h1', {}, h('span', { class: `badge level-${w.colour}` }, label('wcolour', w.colour)), w.title),
      h('section', { class: 'card' }, h('p', { class: 'message' }, w.text), h('dl', { class: 'facts' },
        [['warn.districts', (w.districts || []).join('、')],
          ['ent.sectors', (w.sectors || []).length ? w.sectors.map(s => label('sector', s)).join('、') : t('warn.allSectors')],
          ['warn.publishedAt', `${formatTime(w.publishedAt, currentLang())} · ${w.publishedBy || ''}`],
          ['warn.validUntil', formatTime(w.validUntil, currentLang())]].map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]))));
    clear(body).append(h('h2', {}, t('warn.receipts')), ...receipts(w, who, show));
  };
  await show();
  page.append(head, body);
  const timer = setInterval(() => show().catch(() => {}), RECEIPTS_EVERY_MS);
  return () => clearInterval(timer);
}
