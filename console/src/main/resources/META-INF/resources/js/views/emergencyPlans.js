// 应急预案 and 演练: plans with their filing (an enterprise files, the district's regulator accepts or returns) and
// the PDF; drills planned, held and evaluated, the frequency rules per enterprise and the district's large drills.
import { api, optional, query, upload, fetchBlob } from '../api.js';
import { h, clear, toast } from '../dom.js';
import { t, label } from '../i18n.js';
import { subnav, field, choice, table, today, problemText } from './emergencyCommon.js';

const KINDS = ['COMPREHENSIVE', 'SPECIAL', 'ON_SITE'];

async function act(path, body, then) {
  try {
    await api(path, { method: 'POST', body });
    toast(t('em.saved'), 'ok');
    await then();
  } catch (e) { toast(problemText(e), 'error'); }
}

function planForm(who, reload) {
  const [titleLabel, title] = field('em.title', { name: 'plan-title', required: true, maxlength: 200 });
  const [kindLabel, kind] = choice('em.kind', 'plan-kind', KINDS, v => label('pkind', v));
  const [versionLabel, version] = field('em.version', { name: 'plan-version', required: true, maxlength: 40, value: `${today().slice(0, 4)}版` });
  const [publishedLabel, published] = field('em.publishedOn', { name: 'plan-published', type: 'date', required: true, value: today() });
  const [reviewedLabel, reviewed] = field('em.reviewedOn', { name: 'plan-reviewed', type: 'date' });
  return h('form', { class: 'stack-form', dataset: { testid: 'plan-form' }, onsubmit: async ev => {
    ev.preventDefault();
    await act('/api/emergency/plans', { title: title.value, kind: kind.value, version: version.value, publishedOn: published.value,
      reviewedOn: reviewed.value || undefined }, reload);
  } }, titleLabel, kindLabel, versionLabel, publishedLabel, reviewedLabel,
  h('button', { type: 'submit', dataset: { testid: 'plan-submit' } }, t('em.newPlan')));
}

function planActions(p, who, reload) {
  const base = `/api/emergency/plans/${encodeURIComponent(p.id)}`;
  const mine = who.role === 'enterprise' ? p.enterpriseId === who.enterpriseId : who.role === 'regulator' && !p.enterpriseId;
  const out = [];
  if (who.role === 'enterprise' && mine && (p.filing.status === 'NOT_FILED' || p.filing.status === 'RETURNED')) {
    out.push(h('button', { type: 'button', class: 'small', dataset: { testid: 'plan-file' },
      onclick: () => act(`${base}/filing`, undefined, reload) }, t('em.file')));
  }
  if (who.role === 'regulator' && p.filing.status === 'FILED') {
    const remark = h('input', { type: 'text', maxlength: 1000, placeholder: t('em.remark'), dataset: { testid: 'plan-remark' } });
    out.push(remark,
      h('button', { type: 'button', class: 'small', dataset: { testid: 'plan-accept' },
        onclick: () => act(`${base}/filing/acceptance`, { remark: remark.value || undefined }, reload) }, t('em.accept')),
      h('button', { type: 'button', class: 'small', dataset: { testid: 'plan-return' },
        onclick: () => act(`${base}/filing/return`, { remark: remark.value }, reload) }, t('em.return')));
  }
  if (p.document) {
    out.push(h('button', { type: 'button', class: 'small', dataset: { testid: 'plan-download' }, onclick: async () => {
      try {
        window.open(URL.createObjectURL(await fetchBlob(`${base}/document`)));
      } catch (e) { toast(problemText(e), 'error'); }
    } }, t('em.download')));
  }
  if (mine) {
    const file = h('input', { type: 'file', accept: 'application/pdf', dataset: { testid: 'plan-pdf' }, onchange: async ev => {
      const form = new FormData();
      form.append('file', ev.target.files[0]);
      try {
        await upload(`${base}/document`, form);
        toast(t('em.saved'), 'ok');
        await reload();
      } catch (e) { toast(problemText(e), 'error'); }
    } });
    out.push(h('label', { class: 'small-text' }, t('em.document'), file));
  }
  return out;
}

export async function renderEmergencyPlans(page, who) {
  const list = h('div');
  const reload = async () => {
    const [plans, overdue] = await Promise.all([api('/api/emergency/plans?size=100'),
      who.role === 'enterprise' ? Promise.resolve(null) : optional('/api/emergency/plans/overdue')]);
    clear(list).append(table(['em.title', 'em.enterprise', 'em.kind', 'em.publishedOn', 'em.filingDue', 'em.filing', 'em.revisionDue', ''],
      (plans.items || []).map(p => h('tr', { dataset: { testid: 'plan-row', id: p.id } },
        h('td', {}, p.title, ' ', h('span', { class: 'muted' }, p.version),
          p.document ? h('span', { class: 'small-text', dataset: { testid: 'plan-doc' } }, ` · ${t('em.hasDocument')}`) : ''),
        h('td', {}, p.enterpriseName || p.district), h('td', {}, label('pkind', p.kind)), h('td', {}, p.publishedOn),
        h('td', { class: p.filingOverdue ? 'grade-MAJOR' : '' }, p.filingDue, p.filingOverdue ? ` · ${t('em.overdue')}` : ''),
        h('td', { dataset: { testid: 'plan-filing' } }, label('filing', p.filing.status), p.filing.remark ? ` · ${p.filing.remark}` : ''),
        h('td', { class: p.revisionOverdue ? 'grade-MAJOR' : '' }, p.revisionDue),
        h('td', {}, planActions(p, who, reload)))), 'plans'),
    Array.isArray(overdue) ? h('div', {}, h('h2', {}, t('em.overdueCounts')), table(['em.district', 'em.plans', 'em.filingDue', 'em.revisionDue'],
      overdue.map(o => h('tr', {}, h('td', {}, o.district), h('td', {}, String(o.plans)), h('td', {}, String(o.filingOverdue)),
        h('td', {}, String(o.revisionOverdue)))), 'plans-overdue')) : '');
  };
  await reload();
  page.append(subnav('#/emergency/plans'), h('h1', {}, t('em.plans')),
    who.role === 'operator' ? '' : h('section', { class: 'card' }, h('h2', {}, t('em.newPlan')), planForm(who, reload)),
    h('section', { class: 'card' }, list));
}

function drillForm(who, reload) {
  const [titleLabel, title] = field('em.title', { name: 'drill-title', required: true, maxlength: 200 });
  const [formLabel, form] = choice('em.form', 'drill-form', ['LIVE', 'TABLETOP'], v => label('form', v));
  const [scopeLabel, scope] = choice('em.scope', 'drill-scope', KINDS, v => label('pkind', v));
  const [plannedLabel, planned] = field('em.plannedOn', { name: 'drill-planned', type: 'date', required: true, value: today() });
  const large = h('input', { type: 'checkbox', dataset: { testid: 'em-drill-large' } });
  return h('form', { class: 'stack-form', dataset: { testid: 'drill-form' }, onsubmit: async ev => {
    ev.preventDefault();
    await act('/api/emergency/drills', { title: title.value, form: form.value, scope: scope.value, plannedOn: planned.value,
      large: large.checked }, reload);
  } }, titleLabel, formLabel, scopeLabel, plannedLabel, who.role === 'regulator' ? h('label', {}, large, t('em.large')) : '',
  h('button', { type: 'submit', dataset: { testid: 'drill-submit' } }, t('em.newDrill')));
}

function drillActions(d, who, reload) {
  const base = `/api/emergency/drills/${encodeURIComponent(d.id)}`;
  const keeper = d.enterpriseId ? d.enterpriseId === who.enterpriseId : who.role === 'regulator';
  if (d.status === 'PLANNED' && keeper) {
    const people = h('input', { type: 'number', min: 1, value: 10, dataset: { testid: 'drill-participants' } });
    return [people, h('button', { type: 'button', class: 'small', dataset: { testid: 'drill-held' },
      onclick: () => act(`${base}/held`, { heldOn: today(), participants: Number(people.value) }, reload) }, t('em.markHeld'))];
  }
  if (d.status === 'HELD' && (keeper || who.role === 'regulator')) {
    const summary = h('input', { type: 'text', maxlength: 2000, placeholder: t('em.summary'), dataset: { testid: 'drill-summary' } });
    const problem = h('input', { type: 'text', maxlength: 1000, placeholder: t('em.problem'), dataset: { testid: 'drill-problem' } });
    const measure = h('input', { type: 'text', maxlength: 1000, placeholder: t('em.measure'), dataset: { testid: 'drill-measure' } });
    return [summary, problem, measure, h('button', { type: 'button', class: 'small', dataset: { testid: 'drill-evaluate' },
      onclick: () => act(`${base}/evaluation`, { summary: summary.value,
        findings: problem.value ? [{ problem: problem.value, measure: measure.value }] : [] }, reload) }, t('em.evaluate'))];
  }
  return d.evaluation ? [d.evaluation.summary, ...d.evaluation.findings.map(f => ` · ${f.problem} → ${f.measure}`)] : [];
}

export async function renderDrills(page, who) {
  const list = h('div');
  const reload = async () => {
    const [drills, compliance, counts] = await Promise.all([api(`/api/emergency/drills${query({ size: 100 })}`),
      optional('/api/emergency/drills/compliance', []),
      who.role === 'enterprise' ? Promise.resolve(null) : optional('/api/emergency/drills/district-counts')]);
    clear(list).append(
      h('section', { class: 'card' }, h('h2', {}, t('em.drills')), table(['em.title', 'em.enterprise', 'em.form', 'em.plannedOn', 'em.heldOn', 'em.status', ''],
        (drills.items || []).map(d => h('tr', { dataset: { testid: 'drill-row', id: d.id } },
          h('td', {}, d.title, d.large ? ` · ${t('em.large')}` : ''), h('td', {}, d.enterpriseId || d.district),
          h('td', {}, `${label('form', d.form)} · ${label('pkind', d.scope)}`), h('td', {}, d.plannedOn), h('td', {}, d.heldOn || '—'),
          h('td', { dataset: { testid: 'drill-status' } }, label('dstatus2', d.status)), h('td', {}, drillActions(d, who, reload)))), 'drills')),
      h('section', { class: 'card' }, h('h2', {}, t('em.compliance')), table(['em.enterprise', 'em.scope', 'em.lastHeld', 'em.nextDue'],
        compliance.flatMap(c => c.rules.map(r => h('tr', { dataset: { testid: 'compliance-row' } }, h('td', {}, c.name || c.enterpriseId),
          h('td', {}, label('rule', r.rule)), h('td', {}, r.lastHeld || '—'),
          h('td', { class: r.overdue ? 'grade-MAJOR' : 'ok-text' }, r.nextDue || '—', r.overdue ? ` · ${t('em.overdue')}` : '')))), 'compliance')),
      Array.isArray(counts) ? h('section', { class: 'card' }, h('h2', {}, t('em.target')), table(['em.district', 'em.target'],
        counts.map(c => h('tr', { dataset: { testid: 'district-count' } }, h('td', {}, c.district),
          h('td', { class: c.met ? 'ok-text' : 'grade-MAJOR' }, `${c.largeDrillsHeld} / ${c.target}`))), 'district-counts')) : '');
  };
  await reload();
  page.append(subnav('#/emergency/drills'), h('h1', {}, t('em.drills')),
    who.role === 'operator' ? '' : h('section', { class: 'card' }, h('h2', {}, t('em.newDrill')), drillForm(who, reload)), list);
}
