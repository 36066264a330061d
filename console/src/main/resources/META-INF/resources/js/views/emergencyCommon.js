// What the emergency pages (应急管理) share: their sub-navigation, form fields, figures and refusals.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { problemText } from './enforcement.js';

export { problemText };

const PAGES = [['#/emergency', 'em.accidents'], ['#/emergency/plans', 'em.plans'], ['#/emergency/drills', 'em.drills'],
  ['#/emergency/resources', 'em.resources'], ['#/emergency/duty', 'em.duty'], ['#/emergency/map', 'em.map']];

/** The emergency pages' own tabs; the current one is marked. */
export function subnav(active) {
  return h('nav', { class: 'em-tabs', dataset: { testid: 'em-subnav' } }, PAGES.map(([href, key]) =>
    h('a', { href, class: href === active ? 'active' : null, dataset: { testid: `em-tab-${key.split('.')[1]}` } }, t(key))));
}

/** A labelled input; `attrs.name` doubles as its test id (em-<name>). */
export function field(key, attrs) {
  const input = h('input', { type: 'text', ...attrs, dataset: { testid: `em-${attrs.name}` } });
  return [h('label', {}, t(key), input), input];
}

/** A labelled select of enum values shown through their labels. */
export function choice(key, name, values, labelOf) {
  const select = h('select', { name, dataset: { testid: `em-${name}` } }, values.map(v => h('option', { value: v }, labelOf(v))));
  return [h('label', {}, t(key), select), select];
}

export function table(headKeys, rows, testid) {
  return rows.length
    ? h('div', { class: 'scroll-x' }, h('table', { class: 'table', dataset: { testid } },
      h('thead', {}, h('tr', {}, headKeys.map(k => h('th', {}, t(k))))), h('tbody', {}, rows)))
    : h('p', { class: 'muted' }, t('em.none'));
}

/** Year-on-year change as the statistics give it (null without a base). */
export function change(percent) {
  if (percent === null || percent === undefined) return '—';
  return `${percent > 0 ? '+' : ''}${percent}%`;
}

export function yuan(value) {
  return value === null || value === undefined ? '—' : Number(value).toLocaleString('zh-CN');
}

/** Today in China Standard Time, as the service reckons days (yyyy-MM-dd). */
export function today() {
  return new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10);
}

/** A datetime-local value (China Standard Time) as an instant with its offset. */
export function instantOf(local) {
  return local ? `${local.length === 16 ? `${local}:00` : local}+08:00` : undefined;
}
