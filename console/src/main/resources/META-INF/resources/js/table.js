// A plain table from rows of cells (text or nodes): header labels by key, one attribute set per row.
import { h } from './dom.js';
import { t } from './i18n.js';

export function table(keys, rows, { testid, rowAttrs = () => ({}) } = {}) {
  return h('div', { class: 'scroll-x' }, h('table', { class: 'table', dataset: testid ? { testid } : undefined },
    h('thead', {}, h('tr', {}, keys.map(k => h('th', {}, t(k))))),
    h('tbody', {}, rows.map(({ cells, item }) => h('tr', rowAttrs(item), cells.map(c => h('td', {}, c ?? '—')))))));
}

/** A list's items whatever its shape: a bare array or a page {items}. */
export function itemsOf(result) {
  return Array.isArray(result) ? result : (result && result.items) || [];
}
