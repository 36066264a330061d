// 安全宣传活动: publicity activities of the caller's scope (an enterprise: its own), latest first, with their kind,
// place, audience, participants and online reach.
import { optional } from '../api.js';
import { h } from '../dom.js';
import { t, label } from '../i18n.js';
import { table, itemsOf } from '../table.js';

export async function renderActivities(page) {
  const result = await optional('/api/activities?size=100');
  const items = itemsOf(result);
  page.append(h('h1', {}, t('act.title')), h('section', { class: 'card', dataset: { testid: 'activities' } },
    !result ? h('p', { class: 'muted' }, t('error.unavailable'))
      : items.length ? table(['act.date', 'act.kind', 'act.name', 'act.organiser', 'ent.district', 'act.place', 'act.audience',
        'act.participants', 'act.reach'], items.map(a => ({ item: a, cells: [a.date, label('activity', a.kind), a.title, a.organiser,
        a.district, a.place, a.audience, String(a.participants), String(a.onlineReach)] })),
      { rowAttrs: a => ({ dataset: { testid: 'activity-row', id: a.id } }) })
        : h('p', { class: 'muted' }, t('act.none'))));
}
