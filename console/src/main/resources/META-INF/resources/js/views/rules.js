// 报警规则: the national defaults warning-service applies (with the standard each comes from) and the overrides of
// the caller's scope; an enterprise (its own) or an operator sets an override of a built-in rule, which the service
// accepts only when it tightens the standard's thresholds (else 400 naming the step); the change log below.
import { api, optional } from '../api.js';
import { h, clear, formatTime, toast } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';
import { problemText } from './enforcement.js';
import { table, itemsOf } from '../table.js';

function steps(rule) {
  return h('span', {}, (rule.steps || []).map(s => h('span', { class: `badge level-${s.level} step` }, `${label('level', s.level)} ${s.threshold}`)));
}

function scopeOf(rule) {
  if (rule.deviceId) return `${t('rule.device')} ${rule.deviceId}`;
  return rule.enterpriseId ? `${t('rule.enterprise')} ${rule.enterpriseId}` : t('rule.national');
}

function overrideForm(who, builtIns, onSaved) {
  const rule = h('select', { dataset: { testid: 'rule-id' } }, builtIns.map(r => h('option', { value: r.ruleId },
    `${label('metric', r.metric)}${r.deviceKind ? ` · ${label('devkind', r.deviceKind)}` : ''} (${r.ruleId})`)));
  const enterprise = h('input', { type: 'text', required: true, maxlength: 64, value: who.enterpriseId || '',
    disabled: Boolean(who.enterpriseId), dataset: { testid: 'rule-enterprise' } });
  const device = h('input', { type: 'text', maxlength: 128, dataset: { testid: 'rule-device' } });
  const minDuration = h('input', { type: 'number', min: 0, max: 3600, dataset: { testid: 'rule-duration' } });
  const deadBand = h('input', { type: 'number', min: 0, step: 'any', dataset: { testid: 'rule-deadband' } });
  const stepBox = h('div', { class: 'steps' });
  const fill = () => {
    const r = builtIns.find(x => x.ruleId === rule.value);
    if (!r) return;
    minDuration.value = r.minDurationSeconds;
    deadBand.value = r.deadBand;
    clear(stepBox).append(...r.steps.map(s => h('label', {}, label('level', s.level),
      h('input', { type: 'number', step: 'any', value: s.threshold, dataset: { level: s.level, testid: `rule-step-${s.level}` } }))));
  };
  rule.addEventListener('change', fill);
  fill();
  return h('form', {
    class: 'stack-form wide', dataset: { testid: 'rule-form' },
    onsubmit: async ev => {
      ev.preventDefault();
      const body = { ruleId: rule.value, enterpriseId: enterprise.value.trim(), deviceId: device.value.trim() || null,
        steps: [...stepBox.querySelectorAll('input')].map(i => ({ level: i.dataset.level, threshold: Number(i.value) })),
        minDurationSeconds: Number(minDuration.value), deadBand: Number(deadBand.value) };
      try {
        await api('/api/rules', { method: 'PUT', body });
        toast(t('rule.saved'), 'ok');
        onSaved();
      } catch (e) { toast(problemText(e), 'error'); }
    },
  }, h('h2', {}, t('rule.override')), h('p', { class: 'muted' }, t('rule.bounds')),
  h('label', {}, t('rule.rule'), rule), h('label', {}, t('alarm.enterprise'), enterprise), h('label', {}, t('rule.deviceOptional'), device),
  stepBox, h('label', {}, t('rule.minDuration'), minDuration), h('label', {}, t('rule.deadBand'), deadBand),
  h('button', { type: 'submit', dataset: { testid: 'rule-submit' } }, t('submit')));
}

export async function renderRules(page, who) {
  const listBox = h('section', { class: 'card', dataset: { testid: 'rules-list' } });
  const auditBox = h('section', { class: 'card', dataset: { testid: 'rules-audit' } });
  const mayEdit = who.role === 'operator' || who.role === 'enterprise';
  const show = async () => {
    const [rules, audit] = await Promise.all([api('/api/rules?size=100'), optional('/api/rules/audit?size=20')]);
    const items = itemsOf(rules);
    clear(listBox).append(h('h2', {}, t('rule.list')), table(
      ['rule.metric', 'dev.f.kind', 'rule.scope', 'rule.comparison', 'rule.steps', 'rule.minDuration', 'rule.deadBand', 'rule.source', ''],
      items.map(r => ({ item: r, cells: [label('metric', r.metric), r.deviceKind ? label('devkind', r.deviceKind) : t('rule.anyKind'),
        scopeOf(r), label('comparison', r.comparison), steps(r), String(r.minDurationSeconds), String(r.deadBand), r.source,
        mayEdit && r.key ? h('button', { type: 'button', class: 'small', dataset: { testid: 'rule-delete' }, onclick: async () => {
          try {
            await api(`/api/rules/${encodeURIComponent(r.key)}`, { method: 'DELETE' });
            toast(t('rule.deleted'), 'ok');
            show();
          } catch (e) { toast(problemText(e), 'error'); }
        } }, t('rule.delete')) : ''] })),
      { rowAttrs: r => ({ dataset: { testid: 'rule-row', rule: r.ruleId, key: r.key || '' } }) }));
    clear(auditBox).append(h('h2', {}, t('rule.audit')), itemsOf(audit).length ? table(
      ['field.time', 'field.by', 'rule.action', 'rule.scope'],
      itemsOf(audit).map(a => ({ item: a, cells: [formatTime(a.at, currentLang()), `${a.by || ''} · ${label('rolename', a.role)}`,
        label('ruleaction', a.action), scopeOf(a.after || a.before || a)] }))) : h('p', { class: 'muted' }, t('rule.noAudit')));
    return items;
  };
  const items = await show();
  page.append(h('h1', {}, t('rule.title')), listBox);
  if (mayEdit) page.append(h('section', { class: 'card' }, overrideForm(who, items.filter(r => !r.enterpriseId), show)));
  page.append(auditBox);
}
