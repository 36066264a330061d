// The overview's charts: alarms per level per day and hazards opened vs closed per week for everyone; the
// certificate rate by sector for regulators and operators (training-service's per-sector figures). Shared with the
// statistics page (#/stats). A chart whose data is unavailable says so in its own card; the page goes on.
import { optional } from '../api.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { alarmsPerDay, hazardsPerWeek, rateBySector } from '../charts/series.js';

const DAYS = 14;
const WEEKS = 8;
const PAGE = 100;
const MAX_PAGES = 10;

/** Pages of a list, newest or oldest first as the service sorts, until {@code enough(item)} fails or pages run out. */
export async function collect(path, enough = () => true) {
  const all = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await optional(`${path}${path.includes('?') ? '&' : '?'}page=${page}&size=${PAGE}`);
    if (!result) return page === 0 ? null : all;
    const items = result.items || [];
    all.push(...items);
    if (items.length < PAGE || !items.every(enough)) break;
  }
  return all;
}

export function chartCard(titleKey, testid) {
  const box = h('div', { class: 'echart', dataset: { testid } });
  return { card: h('section', { class: 'card' }, h('h2', {}, t(titleKey)), box), box };
}

async function draw(box, load, chart) {
  try {
    const data = await load();
    if (data === null) {
      clear(box).append(h('p', { class: 'muted' }, t('error.unavailable')));
      box.classList.add('empty');
      return () => {};
    }
    return await chart(box, data);
  } catch (e) {
    clear(box).append(h('p', { class: 'muted' }, `${t('chart.unavailable')}: ${e.message}`));
    box.classList.add('empty');
    return () => {};
  }
}

/** Alarms raised in the last {@code DAYS} days (the list is newest first, so paging stops past the window). */
export function recentAlarms() {
  const since = Date.now() - DAYS * 86_400_000;
  return collect('/api/alarms', a => new Date(a.raisedAt).getTime() >= since);
}

export async function overviewCharts(section, who) {
  const alarms = chartCard('chart.alarmsPerDay', 'chart-alarms');
  const hazards = chartCard('chart.hazardsPerWeek', 'chart-hazards');
  const cards = [alarms, hazards];
  const jobs = [
    draw(alarms.box, recentAlarms, (box, list) => alarmsPerDay(box, list, DAYS)),
    draw(hazards.box, () => collect(`/api/hazards${who.enterpriseId ? `?enterpriseId=${encodeURIComponent(who.enterpriseId)}` : ''}`),
      (box, list) => hazardsPerWeek(box, list, WEEKS)),
  ];
  if (who.role !== 'enterprise') {
    const rates = chartCard('chart.rateBySector', 'chart-rates');
    cards.push(rates);
    jobs.push(draw(rates.box, () => optional('/api/compliance/certificate-rates/by?group=SECTOR'), rateBySector));
  }
  section.append(...cards.map(c => c.card));
  const disposers = await Promise.all(jobs);
  return () => disposers.forEach(dispose => dispose());
}
