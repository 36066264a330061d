// The regulator's map (一张图): Chongqing's districts from the ECharts map file, each shaded by its open alarms, the
// caller's own district outlined and zoomed to, and the enterprises at their coordinates in their risk colour (a
// ripple where an alarm is active). Enterprises without coordinates are not dropped: the overview lists them.
import { chongqingMap, mount, bounds } from './echarts.js';
import { t } from '../i18n.js';
import { RISK_COLOURS } from '../charts.js';

/** District shading by open alarms: none, a few, many (the legend names the same steps). */
export const ALARM_SHADES = [[0, '#e9eff6'], [1, '#fbd9b5'], [3, '#f4a39b'], [10, '#d7263d']];

export function placed(enterprise) {
  return typeof enterprise.longitude === 'number' && typeof enterprise.latitude === 'number';
}

export function shade(openAlarms) {
  return ALARM_SHADES.filter(([from]) => openAlarms >= from).pop()[1];
}

/** Where the map looks: the district's box (a district or town regulator), else the whole city. */
function view(geo, district) {
  const whole = bounds(geo);
  if (!district || !geo.features.some(f => f.properties.name === district)) return {};
  const own = bounds(geo, [district]);
  const zoom = 0.85 * Math.min((whole[2] - whole[0]) / (own[2] - own[0]), (whole[3] - whole[1]) / (own[3] - own[1]));
  return { center: [(own[0] + own[2]) / 2, (own[1] + own[3]) / 2], zoom };
}

function option(geo, { enterprises, openByDistrict, alarmed, district }) {
  const regions = geo.features.map(f => {
    const name = f.properties.name;
    const own = name === district;
    return {
      name,
      itemStyle: { areaColor: shade(openByDistrict[name] || 0), borderColor: own ? '#0b2e59' : '#9fb3c8', borderWidth: own ? 3 : 0.6 },
      label: { show: own || (openByDistrict[name] || 0) > 0 },
    };
  });
  const dots = enterprises.filter(placed);
  const series = Object.entries(RISK_COLOURS).map(([colour, hex]) => ({
    name: t(`risk.${colour}`), type: 'scatter', coordinateSystem: 'geo', symbolSize: 11,
    itemStyle: { color: hex, borderColor: '#fff', borderWidth: 1.5 },
    data: dots.filter(e => e.riskColour === colour).map(e => ({ name: e.name, id: e.id, value: [e.longitude, e.latitude] })),
  }));
  series.push({
    name: t('map.alarmed'), type: 'effectScatter', coordinateSystem: 'geo', symbolSize: 18, rippleEffect: { scale: 3 },
    itemStyle: { color: RISK_COLOURS.RED }, zlevel: 1,
    data: dots.filter(e => alarmed.has(e.id)).map(e => ({ name: e.name, id: e.id, value: [e.longitude, e.latitude] })),
  });
  return {
    legend: { bottom: 0, type: 'scroll' },
    tooltip: {
      trigger: 'item',
      formatter: p => (p.componentType === 'geo'
        ? `${p.name} · ${t('count.openAlarms')} ${openByDistrict[p.name] || 0}` : `${p.name}`),
    },
    geo: {
      map: 'chongqing', roam: true, ...view(geo, district), regions, tooltip: { show: true },
      label: { show: false, color: '#33414f' },
      itemStyle: { areaColor: ALARM_SHADES[0][1], borderColor: '#9fb3c8', borderWidth: 0.6 },
      emphasis: { label: { show: true }, itemStyle: { areaColor: '#cfe0f5' } },
    },
    series,
  };
}

/**
 * Draws the map into {@code box}; {@code update(state)} redraws with new counts (the live stream) while keeping the
 * user's pan and zoom. Resolves to {update, dispose}.
 */
export async function districtMap(box, state, onPick) {
  const geo = await chongqingMap();
  const { chart, dispose } = await mount(box, option(geo, state), {
    onClick: p => { if (p.data && p.data.id) onPick(p.data.id); },
  });
  // What the chart was given, for the browser tests (the SVG paths carry no ids): districts, enterprises, alarms.
  const describe = s => {
    box.dataset.district = s.district || '';
    box.dataset.districts = String(geo.features.length);
    box.dataset.enterprises = s.enterprises.filter(placed).map(e => e.id).join(' ');
    box.dataset.alarmed = [...s.alarmed].join(' ');
  };
  describe(state);
  return {
    update: next => {
      const { geo: g, series } = option(geo, next);
      chart.setOption({ geo: { regions: g.regions }, series });
      describe(next);
    },
    dispose,
  };
}
