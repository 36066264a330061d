// 应急指挥一张图: the command map's layers (teams, materials, shelters, key targets, enterprises by risk colour) drawn
// from emergency-service's GeoJSON, and the open alarms within a radius of a point: a click on the map or the form.
import { api, optional, query } from '../api.js';
import { h, svg, clear, formatTime, toast } from '../dom.js';
import { t, label, currentLang } from '../i18n.js';
import { subnav, field, table, problemText } from './emergencyCommon.js';

const LAYERS = [['teams', '#1f8a4c', 'em.teams'], ['materials', '#7b4fc9', 'em.materials'], ['shelters', '#0d4c92', 'em.shelters'],
  ['key-targets', '#a15c00', 'em.keyTargets'], ['enterprises', '#6b7785', 'em.enterprise']];
const RISK = { RED: '#d7263d', ORANGE: '#f08a24', YELLOW: '#e8c511', BLUE: '#2f6fdb' };
const WIDTH = 640;
const HEIGHT = 420;
const KM_PER_DEGREE = 111.195;

/** An equirectangular view of the points, longitude shrunk by cos(latitude) so that a radius stays a circle. */
function projection(points) {
  const lons = points.map(p => p[0]);
  const lats = points.map(p => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const squeeze = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const pad = 30;
  const scale = Math.min((WIDTH - 2 * pad) / Math.max((maxLon - minLon) * squeeze, 0.02), (HEIGHT - 2 * pad) / Math.max(maxLat - minLat, 0.02));
  const x = lon => pad + (lon - minLon) * squeeze * scale;
  const y = lat => HEIGHT - pad - (lat - minLat) * scale;
  return { x, y, lon: px => minLon + (px - pad) / (squeeze * scale), lat: py => minLat + (HEIGHT - pad - py) / scale,
    km: km => (km / KM_PER_DEGREE) * scale };
}

function alarmTable(collection) {
  return table(['em.distance', 'em.enterprise', 'em.alarm', 'em.status', 'em.raisedAt'], collection.features.map(f => {
    const p = f.properties;
    return h('tr', { dataset: { testid: 'nearby-alarm' } }, h('td', {}, `${p.distanceKm} km`), h('td', {}, p.enterpriseName || p.enterpriseId),
      h('td', {}, h('span', { class: `badge level-${p.level}` }, label('level', p.level)), ' ', p.metric ? `${p.metric} ${p.value ?? ''} ${p.unit || ''}` : ''),
      h('td', {}, label('status', p.status)), h('td', {}, formatTime(p.raisedAt, currentLang())));
  }), 'nearby-alarms');
}

export async function renderCommandMap(page) {
  const layers = await Promise.all(LAYERS.map(([name]) => optional(`/api/emergency/map/${name}`, { features: [] })));
  const points = layers.flatMap(l => l.features.map(f => f.geometry.coordinates));
  if (!points.length) points.push([106.55, 29.56]);
  const at = projection(points);
  const marks = svg('g');
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'scatter', role: 'img', 'data-testid': 'command-map' },
    svg('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'scatter-bg' }), marks);
  layers.forEach((layer, i) => layer.features.forEach(f => {
    const [lon, lat] = f.geometry.coordinates;
    const colour = LAYERS[i][0] === 'enterprises' ? RISK[f.properties.riskColour] || LAYERS[i][1] : LAYERS[i][1];
    marks.append(svg('circle', { cx: at.x(lon), cy: at.y(lat), r: 6, fill: colour, stroke: '#fff', 'stroke-width': 1.5 },
      svg('title', {}, `${t(LAYERS[i][2])}: ${f.properties.name || f.properties.item || f.properties.id}`)));
  }));
  const ring = svg('g');
  chart.append(ring);
  const result = h('div');
  const [lonLabel, lon] = field('em.longitude', { name: 'map-longitude', type: 'number', step: 'any', required: true });
  const [latLabel, lat] = field('em.latitude', { name: 'map-latitude', type: 'number', step: 'any', required: true });
  const [radiusLabel, radius] = field('em.radiusKm', { name: 'map-radius', type: 'number', step: 'any', min: 0.1, value: 5, required: true });
  const search = async () => {
    try {
      const found = await api(`/api/emergency/map/alarms${query({ longitude: lon.value, latitude: lat.value, radiusKm: radius.value })}`);
      clear(ring).append(svg('circle', { cx: at.x(Number(lon.value)), cy: at.y(Number(lat.value)), r: at.km(Number(radius.value)),
        fill: 'rgba(215,38,61,.08)', stroke: '#d7263d', 'stroke-dasharray': '4 3' }),
      found.features.map(f => svg('circle', { cx: at.x(f.geometry.coordinates[0]), cy: at.y(f.geometry.coordinates[1]), r: 10,
        fill: 'none', stroke: '#d7263d', 'stroke-width': 2, class: 'alarm-ring' })));
      clear(result).append(alarmTable(found));
    } catch (e) { toast(problemText(e), 'error'); }
  };
  chart.addEventListener('click', ev => {
    const box = chart.getBoundingClientRect();
    lon.value = at.lon((ev.clientX - box.left) * WIDTH / box.width).toFixed(5);
    lat.value = at.lat((ev.clientY - box.top) * HEIGHT / box.height).toFixed(5);
    search();
  });
  page.append(subnav('#/emergency/map'), h('h1', {}, t('em.map')),
    h('section', { class: 'card' }, chart, h('ul', { class: 'legend' }, LAYERS.map(([, colour, key]) =>
      h('li', {}, svg('svg', { width: 12, height: 12 }, svg('circle', { cx: 6, cy: 6, r: 5, fill: colour })), ' ', t(key))))),
    h('section', { class: 'card' }, h('h2', {}, t('em.nearby')),
      h('form', { class: 'inline-form', dataset: { testid: 'map-search' }, onsubmit: ev => { ev.preventDefault(); search(); } },
        lonLabel, latLabel, radiusLabel, h('button', { type: 'submit', dataset: { testid: 'map-submit' } }, t('em.search'))), result));
}
