// 监测设备: the devices of the caller's scope (device-adapter's registry). An operator registers a device, edits one
// and binds it to its enterprise and major-hazard installation (危险源 and its grade) with one form: POST for a new
// id, PUT for an existing one. Refusals show the service's problem and the fields it names.
import { api, optional } from '../api.js';
import { h, clear, toast } from '../dom.js';
import { t, label } from '../i18n.js';
import { problemText } from './enforcement.js';
import { table, itemsOf } from '../table.js';

const KINDS = ['gas-alarm', 'gas-detector', 'tower-crane', 'tank'];
const PROTOCOLS = ['MQTT', 'OPC_UA'];

/** "gas_lel=%LEL, gas_ppm=ppm" ⇄ {gas_lel: '%LEL', gas_ppm: 'ppm'} */
export function parseUnits(text) {
  return Object.fromEntries(text.split(/[,，\n]/).map(s => s.trim()).filter(Boolean).map(pair => {
    const [metric, ...unit] = pair.split('=');
    return [metric.trim(), unit.join('=').trim()];
  }));
}
const unitsText = units => Object.entries(units || {}).map(([m, u]) => `${m}=${u}`).join(', ');

function deviceForm(onSaved) {
  const input = (name, attrs = {}) => h('input', { type: 'text', name, dataset: { testid: `device-${name}` }, ...attrs });
  const fields = {
    id: input('id', { required: true, maxlength: 128 }), enterpriseId: input('enterpriseId', { required: true, maxlength: 128 }),
    kind: h('select', { name: 'kind', dataset: { testid: 'device-kind' } }, KINDS.map(k => h('option', { value: k }, label('devkind', k)))),
    protocol: h('select', { name: 'protocol', dataset: { testid: 'device-protocol' } }, PROTOCOLS.map(p => h('option', { value: p }, label('protocol', p)))),
    mqttDeviceId: input('mqttDeviceId', { maxlength: 128 }), opcUaEndpoint: input('opcUaEndpoint', { placeholder: 'opc.tcp://…' }),
    metricUnits: input('metricUnits', { placeholder: 'gas_lel=%LEL' }),
    hazardSourceId: input('hazardSourceId', { maxlength: 64 }), hazardGrade: h('select', { name: 'hazardGrade', dataset: { testid: 'device-hazardGrade' } },
      h('option', { value: '' }, '—'), ['FIRST', 'SECOND', 'THIRD', 'FOURTH'].map((g, i) => h('option', { value: String(i + 1) }, label('mhgrade', g)))),
    maintenance: h('input', { type: 'checkbox', name: 'maintenance' }), enabled: h('input', { type: 'checkbox', name: 'enabled', checked: true }),
  };
  let editing = null;
  const form = h('form', {
    class: 'stack-form wide', dataset: { testid: 'device-form' },
    onsubmit: async ev => {
      ev.preventDefault();
      const body = { id: fields.id.value.trim(), enterpriseId: fields.enterpriseId.value.trim(), kind: fields.kind.value,
        protocol: fields.protocol.value, mqttDeviceId: fields.mqttDeviceId.value.trim() || null,
        opcUaEndpoint: fields.opcUaEndpoint.value.trim() || null, metricUnits: parseUnits(fields.metricUnits.value),
        hazardSourceId: fields.hazardSourceId.value.trim() || null,
        hazardGrade: fields.hazardGrade.value ? Number(fields.hazardGrade.value) : null,
        maintenance: fields.maintenance.checked, enabled: fields.enabled.checked };
      if (editing) body.opcUaNodeIds = editing.opcUaNodeIds;
      try {
        await api(editing ? `/api/devices/${encodeURIComponent(editing.id)}` : '/api/devices', { method: editing ? 'PUT' : 'POST', body });
        toast(t(editing ? 'dev.updated' : 'dev.registered'), 'ok');
        onSaved();
      } catch (e) { toast(problemText(e), 'error'); }
    },
  }, h('h2', {}, t('dev.register')), Object.entries(fields).map(([name, field]) => h('label', { class: field.type === 'checkbox' ? 'check' : '' },
    t(`dev.f.${name}`), field)), h('button', { type: 'submit', dataset: { testid: 'device-submit' } }, t('submit')));
  form.edit = device => {
    editing = device;
    Object.entries(fields).forEach(([name, field]) => {
      if (field.type === 'checkbox') field.checked = Boolean(device[name]);
      else field.value = name === 'metricUnits' ? unitsText(device.metricUnits) : String(device[name] ?? '');
    });
    fields.id.disabled = true;
    form.querySelector('h2').textContent = `${t('dev.edit')} ${device.id}`;
    form.scrollIntoView({ block: 'center' });
  };
  return form;
}

export async function renderDevices(page, who) {
  const listBox = h('section', { class: 'card', dataset: { testid: 'devices-list' } });
  const form = who.role === 'operator' ? deviceForm(() => show()) : null;
  const show = async () => {
    const items = itemsOf(await optional(`/api/devices?size=500${who.enterpriseId ? `&enterpriseId=${encodeURIComponent(who.enterpriseId)}` : ''}`));
    clear(listBox).append(h('h2', {}, t('dev.list'), ` (${items.length})`), items.length ? table(
      ['dev.f.id', 'alarm.enterprise', 'dev.f.kind', 'dev.f.protocol', 'dev.metrics', 'dev.f.hazardSourceId', 'dev.state', ''],
      items.map(d => ({ item: d, cells: [d.id, h('a', { href: `#/enterprises/${encodeURIComponent(d.enterpriseId)}` }, d.enterpriseId),
        label('devkind', d.kind), label('protocol', d.protocol), Object.keys(d.metricUnits || {}).map(m => label('metric', m)).join('、'),
        d.hazardSourceId ? `${d.hazardSourceId}${d.hazardGrade ? ` · ${label('mhgrade', ['FIRST', 'SECOND', 'THIRD', 'FOURTH'][d.hazardGrade - 1])}` : ''}` : '—',
        [t(d.enabled ? 'dev.enabled' : 'dev.disabled'), d.maintenance ? t('ent.maintenance') : ''].filter(Boolean).join(' · '),
        form ? h('button', { type: 'button', class: 'small', dataset: { testid: 'device-edit' }, onclick: () => form.edit(d) }, t('dev.edit')) : ''] })),
      { rowAttrs: d => ({ dataset: { testid: 'device-row', id: d.id } }) }) : h('p', { class: 'muted' }, t('ent.noDevices')));
  };
  await show();
  page.append(h('h1', {}, t('dev.title')), listBox);
  if (form) page.append(h('section', { class: 'card' }, form));
}
