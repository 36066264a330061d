// Enforcement plans (执法计划) and the double-random draw (双随机): a regulator plans for its district and
// draws; anyone may re-run a draw from its stored seed and inputs and see it reproduced (一公开).
import { api, ApiError } from '../api.js';
import { h, clear, formatTime, toast } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';

export const SECTORS = ['HAZARDOUS_CHEMICALS', 'CONSTRUCTION', 'TOWN_GAS', 'INDUSTRY_TRADE', 'SPECIAL_EQUIPMENT',
  'FIREWORKS', 'NON_COAL_MINE', 'ROAD_TRANSPORT'];

/** The service's refusal as a person reads it: status, the code's label, detail and the fields it names. */
export function problemText(e) {
  if (e instanceof ApiError) {
    const fields = (e.problem.errors || []).map(x => x.field).filter(Boolean);
    return `${t('error.generic')} (${e.status}${e.code ? ` ${label('problem', e.code)}` : ''}): ${e.message}${fields.length ? ` [${fields.join(', ')}]` : ''}`;
  }
  return `${t('error.generic')}: ${e.message}`;
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function planForm(who, onCreated) {
  const today = new Date();
  const title = h('input', { type: 'text', name: 'title', required: true, maxlength: 200, dataset: { testid: 'plan-title' } });
  const district = h('input', { type: 'text', name: 'district', maxlength: 50, value: who.district || '',
    disabled: Boolean(who.district), dataset: { testid: 'plan-district' } });
  const start = h('input', { type: 'date', name: 'periodStart', required: true, value: isoDay(today) });
  const end = h('input', { type: 'date', name: 'periodEnd', required: true,
    value: isoDay(new Date(today.getTime() + 30 * 86400000)) });
  const sector = h('select', { name: 'sector', dataset: { testid: 'plan-sector' } },
    SECTORS.map(s => h('option', { value: s }, label('sector', s))));
  const count = h('input', { type: 'number', name: 'count', min: 1, max: 500, value: 1, required: true, dataset: { testid: 'plan-count' } });
  return h('form', {
    class: 'stack-form', dataset: { testid: 'plan-form' },
    onsubmit: async ev => {
      ev.preventDefault();
      const body = { title: title.value, periodStart: start.value, periodEnd: end.value,
        quotas: [{ sector: sector.value, count: Number(count.value) }] };
      if (!who.district && district.value) body.district = district.value;
      try {
        const plan = await api('/api/enforcement/plans', { method: 'POST', body });
        toast(t('enf.planCreated'), 'ok');
        onCreated(plan);
      } catch (e) { toast(problemText(e), 'error'); }
    },
  },
  h('label', {}, t('enf.planTitle'), title), h('label', {}, t('enf.district'), district),
  h('label', {}, t('enf.periodStart'), start), h('label', {}, t('enf.periodEnd'), end),
  h('label', {}, t('enf.sector'), sector), h('label', {}, t('enf.count'), count),
  h('button', { type: 'submit', dataset: { testid: 'plan-create' } }, t('enf.createPlan')));
}

export async function renderPlans(page, who) {
  const plans = await api('/api/enforcement/plans');
  const body = h('tbody', {}, plans.map(plan => h('tr', { dataset: { testid: 'plan-row' } },
    h('td', {}, h('a', { href: `#/enforcement/plans/${encodeURIComponent(plan.id)}` }, plan.title)),
    h('td', {}, plan.district, plan.town ? ` · ${plan.town}` : ''),
    h('td', {}, `${plan.periodStart} – ${plan.periodEnd}`),
    h('td', {}, plan.quotas.map(q => `${label('sector', q.sector)} × ${q.count}`).join('，')),
    h('td', {}, plan.drawId ? t('enf.drawn') : t('enf.notDrawn')))));
  page.append(h('h1', {}, t('nav.enforcement')),
    who.role === 'regulator' ? h('section', { class: 'card' }, h('h2', {}, t('enf.newPlan')),
      planForm(who, plan => { location.hash = `#/enforcement/plans/${encodeURIComponent(plan.id)}`; })) : '',
    h('section', { class: 'card scroll-x' }, h('h2', {}, t('enf.plans')), plans.length
      ? h('table', { class: 'table' }, h('thead', {}, h('tr', {}, ['enf.planTitle', 'enf.district', 'enf.period', 'enf.quotas', 'enf.draw']
        .map(k => h('th', {}, t(k))))), body)
      : h('p', { class: 'muted' }, t('enf.none'))));
}

/** One draw: every drawn enterprise with its team, the seed, and the re-run's verdict. */
export function drawCard(draw, who) {
  const verdict = h('span', { dataset: { testid: 'draw-verdict' } });
  const verify = async () => {
    try {
      const result = await api(`/api/public/enforcement/draws/${encodeURIComponent(draw.id)}/verification`);
      verdict.textContent = result.reproduced ? t('enf.reproduced') : t('enf.notReproduced');
      verdict.className = result.reproduced ? 'ok-text' : 'grade-MAJOR';
    } catch (e) { toast(problemText(e), 'error'); }
  };
  return h('section', { class: 'card', dataset: { testid: 'draw-result' } },
    h('h2', {}, t('enf.drawResult'), ' ', h('span', { class: 'muted' }, label('dstatus', draw.status))),
    h('dl', { class: 'facts' },
      h('dt', {}, t('enf.seed')), h('dd', { dataset: { testid: 'draw-seed' } }, String(draw.seed)),
      h('dt', {}, t('enf.drawnAt')), h('dd', {}, formatTime(draw.drawnAt, currentLang()))),
    h('ul', { class: 'drawn' }, draw.results.map(r => h('li', { dataset: { testid: 'drawn-enterprise' } },
      h('strong', {}, r.enterpriseName || r.enterpriseId), ' ', h('span', { class: 'muted' }, label('sector', r.sector)),
      h('div', {}, r.inspectors.map(i => `${i.name}（${i.badgeNumber}）`).join('、')),
      who && who.role === 'regulator' ? h('button', {
        type: 'button', class: 'small', dataset: { testid: 'open-inspection' },
        onclick: async () => {
          try {
            const inspection = await api('/api/enforcement/inspections', { method: 'POST',
              body: { drawId: draw.id, enterpriseId: r.enterpriseId } });
            location.hash = `#/inspections/${encodeURIComponent(inspection.id)}`;
          } catch (e) { toast(problemText(e), 'error'); }
        },
      }, t('enf.openInspection')) : ''))),
    h('div', { class: 'actions' }, h('button', { type: 'button', dataset: { testid: 'verify-draw' }, onclick: verify },
      t('enf.verify')), verdict));
}

export async function renderPlan(page, who, id) {
  const plan = await api(`/api/enforcement/plans/${encodeURIComponent(id)}`);
  const slot = h('div');
  const show = async drawId => clear(slot).append(drawCard(await api(`/api/enforcement/draws/${encodeURIComponent(drawId)}`), who));
  page.append(h('p', {}, h('a', { href: '#/enforcement' }, `← ${t('back')}`)),
    h('h1', {}, plan.title),
    h('section', { class: 'card' }, h('dl', { class: 'facts' },
      h('dt', {}, t('enf.district')), h('dd', {}, plan.district, plan.town ? ` · ${plan.town}` : ''),
      h('dt', {}, t('enf.period')), h('dd', {}, `${plan.periodStart} – ${plan.periodEnd}`),
      h('dt', {}, t('enf.quotas')), h('dd', {}, plan.quotas.map(q => `${label('sector', q.sector)} × ${q.count}`).join('，'))),
    !plan.drawId && who.role === 'regulator' ? h('div', { class: 'actions' }, h('button', {
      type: 'button', dataset: { testid: 'draw' },
      onclick: async ev => {
        ev.target.disabled = true;
        try {
          const draw = await api(`/api/enforcement/plans/${encodeURIComponent(id)}/draws`, { method: 'POST', body: {} });
          toast(t('enf.drawn'), 'ok');
          ev.target.remove();
          await show(draw.id);
        } catch (e) { ev.target.disabled = false; toast(problemText(e), 'error'); }
      },
    }, t('enf.drawNow'))) : ''), slot);
  if (plan.drawId) await show(plan.drawId);
}
