// Enterprise list and page: registry entry, responsibility disclosure, devices with a chart of recent
// readings, personnel certificates. An enterprise user is kept to its own enterprise; the services
// enforce that too (another enterprise's entry is 404 for them) and the page says so plainly.
import { api, optional, ApiError } from '../api.js';
import { h, clear } from '../dom.js';
import { t, label } from '../i18n.js';
import { historyChart } from '../charts/series.js';

export async function renderEnterprises(page, who) {
  if (who.role === 'enterprise') {
    location.hash = `#/enterprises/${encodeURIComponent(who.enterpriseId)}`;
    return;
  }
  const result = await api('/api/enterprises?size=100');
  page.append(h('h1', {}, t('ent.list')), h('section', { class: 'card scroll-x' }, h('table', { class: 'table' },
    h('thead', {}, h('tr', {}, ['field.name', 'ent.district', 'ent.sectors', 'ent.risk', 'ent.status'].map(k => h('th', {}, t(k))))),
    h('tbody', {}, (result.items || []).map(e => h('tr', { dataset: { testid: 'enterprise-row' } },
      h('td', {}, h('a', { href: `#/enterprises/${encodeURIComponent(e.id)}` }, e.name)),
      h('td', {}, e.district), h('td', {}, (e.sectors || []).map(x => label('sector', x)).join('、')),
      h('td', {}, h('span', { class: `swatch risk-${e.riskColour}` }), t(`risk.${e.riskColour}`)),
      h('td', {}, label('estatus', e.status))))))));
}

function person(p) {
  if (!p) return '—';
  return `${p.name || ''}${p.post ? ` · ${p.post}` : ''}${p.phone ? ` · ${p.phone}` : ''}`;
}

function disclosureSection(view) {
  if (!view) return h('section', { class: 'card' }, h('h2', {}, t('ent.disclosure')), h('p', { class: 'muted' }, t('ent.noDisclosure')));
  const d = view.disclosure || {};
  const persons = d.responsiblePersons || {};
  return h('section', { class: 'card', dataset: { testid: 'disclosure' } }, h('h2', {}, t('ent.disclosure')),
    h('h3', {}, t('ent.persons')),
    h('dl', { class: 'facts' }, ['principal', 'administrative', 'industrySupervision', 'professionalSupervision']
      .map(k => [h('dt', {}, t(`admin.${k}`)), h('dd', {}, person(persons[k]))])),
    h('h3', {}, t('ent.riskPoints')),
    h('ul', {}, (d.majorRiskPoints || []).map(r => h('li', {}, h('strong', {}, r.facility || ''), ` — ${r.risk || ''}`,
      (r.controlMeasures || []).length ? h('div', { class: 'muted' }, r.controlMeasures.join('；')) : ''))),
    h('h3', {}, t('ent.guardians')),
    h('ul', {}, (d.hazardSourceGuardians || []).map(g => h('li', {},
      `${g.hazardSourceName || g.hazardSourceId} (${label('mhgrade', ['FIRST', 'SECOND', 'THIRD', 'FOURTH'][g.grade - 1])}) — ${person(g.principal)}`))));
}

/** Same spelling for device kinds from device-adapter (GAS_ALARM) and from rules (gas-alarm). */
const kindOf = kind => (kind || '').toLowerCase().replace(/_/g, '-');

/** The rule warning-service applies to a device's metric: the device's override, the enterprise's, the default. */
export function ruleFor(rules, device, metric) {
  const fits = rules.filter(r => r.metric === metric && (!r.deviceKind || kindOf(r.deviceKind) === kindOf(device.kind)));
  return fits.find(r => r.deviceId === device.id)
    || fits.find(r => r.enterpriseId === device.enterpriseId && !r.deviceId)
    || fits.find(r => !r.enterpriseId) || null;
}

async function readingsOf(device, box, rules) {
  box.disposeCharts?.();
  clear(box).append(h('p', { class: 'muted' }, t('loading')));
  const to = new Date();
  const from = new Date(to.getTime() - 3600_000);
  const metrics = Object.keys(device.metricUnits || {});
  const figures = await Promise.all(metrics.map(async metric => {
    const history = await optional(`/api/readings?deviceId=${encodeURIComponent(device.id)}&metric=${encodeURIComponent(metric)}`
      + `&from=${from.toISOString()}&to=${to.toISOString()}&step=PT1M`);
    const points = (history && history.points) || [];
    const chart = h('div', { class: 'echart small' });
    const figure = h('figure', { class: 'reading', dataset: { testid: 'reading-chart', points: String(points.length) } },
      h('figcaption', {}, `${device.id} · ${label('metric', metric)} (${device.metricUnits[metric]})`),
      points.length ? chart : h('p', { class: 'muted' }, t('ent.noReadings')));
    const rule = ruleFor(rules, device, metric);
    return { figure, draw: () => (points.length
      ? historyChart(chart, points, { unit: device.metricUnits[metric], thresholds: rule ? rule.steps : [], from, to }) : null) };
  }));
  clear(box).append(...figures.map(f => f.figure));
  const disposers = (await Promise.all(figures.map(f => f.draw()))).filter(Boolean);
  box.disposeCharts = () => disposers.forEach(dispose => dispose());
}

function devicesSection(devices, rules) {
  const list = Array.isArray(devices) ? devices : (devices && devices.items) || [];
  const box = h('div', { class: 'readings' });
  const section = h('section', { class: 'card', dataset: { testid: 'devices' } }, h('h2', {}, t('ent.devices')));
  if (!list.length) {
    section.append(h('p', { class: 'muted' }, t('ent.noDevices')));
    return section;
  }
  const buttons = list.map(device => h('button', {
    type: 'button', class: 'chip', dataset: { device: device.id },
    onclick: ev => {
      section.querySelectorAll('.chip').forEach(b => b.classList.toggle('active', b === ev.currentTarget));
      readingsOf(device, box, rules);
    },
  }, `${device.id} · ${label('devkind', device.kind)}${device.maintenance ? ` (${t('ent.maintenance')})` : ''}`
    // device-adapter flags a device whose installation the register no longer has, or grades otherwise since.
    + `${['UNKNOWN', 'GRADE_DIFFERS'].includes(device.hazardSourceStatus)
      ? ` (${t(`ent.hazardSource.${device.hazardSourceStatus}`)} ${device.hazardSourceId})` : ''}`));
  section.append(h('div', { class: 'chips' }, buttons), box);
  buttons[0].classList.add('active');
  readingsOf(list[0], box, rules);
  return section;
}

function personnelSection(certificates) {
  const list = Array.isArray(certificates) ? certificates : (certificates && certificates.items) || [];
  const section = h('section', { class: 'card', dataset: { testid: 'personnel' } }, h('h2', {}, t('ent.personnel')));
  if (!list.length) {
    section.append(h('p', { class: 'muted' }, t('ent.noPersonnel')));
    return section;
  }
  section.append(h('div', { class: 'scroll-x' }, h('table', { class: 'table' },
    h('thead', {}, h('tr', {}, ['field.name', 'field.certificate', 'field.validUntil', 'alarm.status'].map(k => h('th', {}, t(k))))),
    h('tbody', {}, list.map(c => h('tr', {},
      h('td', {}, c.personName || c.holderName || c.name || c.personId || ''),
      h('td', {}, [label('certkind', c.kind), c.number].filter(Boolean).join(' · ')),
      h('td', {}, c.validUntil || '—'),
      h('td', {}, h('span', { class: `cert cert-${c.status}` }, label('certstatus', c.status)))))))));
  return section;
}

export async function renderEnterprise(page, who, id) {
  let enterprise;
  try {
    enterprise = await api(`/api/enterprises/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.status === 404)) {
      const foreign = who.role === 'enterprise' && id !== who.enterpriseId;
      page.append(h('h1', {}, t('ent.title')), h('div', { class: 'error forbidden', role: 'alert', dataset: { testid: 'forbidden' } },
        t(foreign ? 'ent.forbidden' : 'ent.notFound'), h('div', { class: 'muted' }, `HTTP ${e.status} ${label('problem', e.code)}`)));
      return;
    }
    throw e;
  }
  const scope = `?enterpriseId=${encodeURIComponent(id)}`;
  const [disclosure, devices, certificates, rules] = await Promise.all([
    optional(`/api/enterprises/${encodeURIComponent(id)}/disclosure`),
    optional(`/api/devices${scope}`, []),
    optional(`/api/certificates${scope}&size=100`, []),
    optional('/api/rules?size=100', { items: [] }),
  ]);
  page.append(
    h('h1', { dataset: { testid: 'enterprise-name' } }, h('span', { class: `swatch big risk-${enterprise.riskColour}` }), enterprise.name),
    h('p', {}, h('a', { href: `#/enterprises/${encodeURIComponent(id)}/risk`, dataset: { testid: 'risk-map-link' } }, t('risk.mapLink'))),
    h('section', { class: 'card' }, h('dl', { class: 'facts' }, [
      ['ent.district', `${enterprise.district || ''} ${enterprise.town || ''}`],
      ['ent.sectors', (enterprise.sectors || []).map(x => label('sector', x)).join('、')],
      ['ent.risk', h('span', { class: `risk-text risk-${enterprise.riskColour}` }, t(`risk.${enterprise.riskColour}`))],
      ['ent.status', label('estatus', enterprise.status)],
      ['ent.address', enterprise.address],
      ['ent.legal', enterprise.legalRepresentative],
    ].map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v || '—')]))),
    disclosureSection(disclosure),
    devicesSection(devices, rules.items || []),
    personnelSection(certificates));
}
