// Two small SVG charts drawn locally (no chart library, no map tiles): enterprises by position and a
// reading series.
import { svg } from './dom.js';

export const RISK_COLOURS = { RED: '#d7263d', ORANGE: '#f08a24', YELLOW: '#e8c511', BLUE: '#2f6fdb' };

/** Enterprises as dots by longitude/latitude, coloured by risk, a ring where an alarm is open, district names. */
export function scatter(enterprises, { alarmed = new Set(), onPick = () => {}, width = 640, height = 480 } = {}) {
  const placed = enterprises.filter(e => typeof e.longitude === 'number' && typeof e.latitude === 'number');
  const pad = 60;
  const lons = placed.map(e => e.longitude);
  const lats = placed.map(e => e.latitude);
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const spanLon = Math.max(maxLon - minLon, 0.01);
  const spanLat = Math.max(maxLat - minLat, 0.01);
  // One scale on both axes keeps the district's shape (near enough at Chongqing's latitude).
  const scale = Math.min((width - 2 * pad) / spanLon, (height - 2 * pad) / spanLat);
  const x = lon => pad + (lon - minLon) * scale + ((width - 2 * pad) - spanLon * scale) / 2;
  const y = lat => height - pad - (lat - minLat) * scale - ((height - 2 * pad) - spanLat * scale) / 2;

  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'scatter', role: 'img', 'data-testid': 'scatter' });
  chart.append(svg('rect', { x: 0, y: 0, width, height, class: 'scatter-bg' }));
  const districts = new Map();
  placed.forEach(e => {
    const list = districts.get(e.district) || [];
    list.push(e);
    districts.set(e.district, list);
  });
  // Each district as the dashed box around its enterprises, named above it: no map tiles needed.
  districts.forEach((list, name) => {
    const xs = list.map(e => x(e.longitude));
    const ys = list.map(e => y(e.latitude));
    const [left, top] = [Math.min(...xs) - 22, Math.min(...ys) - 22];
    const [right, bottom] = [Math.max(...xs) + 22, Math.max(...ys) + 22];
    chart.append(svg('rect', { x: left, y: top, width: right - left, height: bottom - top, rx: 14, class: 'district-area' }));
    chart.append(svg('text', { x: (left + right) / 2, y: top - 6, class: 'district-label', 'text-anchor': 'middle' }, name || '—'));
  });
  placed.forEach(e => {
    const group = svg('g', {
      class: 'dot', tabindex: 0, role: 'link', 'data-enterprise': e.id,
      onclick: () => onPick(e), onkeydown: ev => { if (ev.key === 'Enter') onPick(e); },
    });
    if (alarmed.has(e.id)) group.append(svg('circle', { cx: x(e.longitude), cy: y(e.latitude), r: 14, class: 'alarm-ring' }));
    group.append(svg('circle', {
      cx: x(e.longitude), cy: y(e.latitude), r: 8, fill: RISK_COLOURS[e.riskColour] || '#888', class: 'dot-core',
    }, svg('title', {}, `${e.name} (${e.riskColour || '?'})`)));
    // Labels of dots near the right edge go to their left, so that none is cut off.
    const leftward = x(e.longitude) > width * 0.75;
    group.append(svg('text', {
      x: x(e.longitude) + (leftward ? -13 : 13), y: y(e.latitude) + 4, class: 'dot-label', 'text-anchor': leftward ? 'end' : 'start',
    }, shortName(e.name)));
    chart.append(group);
  });
  return chart;
}

/** The name without the common company suffixes, so that labels stay short on the map. */
function shortName(name) {
  return (name || '').replace(/(股份)?有限(责任)?公司$/, '').replace(/^重庆(市)?/, '').slice(0, 10);
}

/** Average per step as a line, min..max as a band; x is time, y fits the values. */
export function lineChart(points, { unit = '', width = 340, height = 170, threshold } = {}) {
  const pad = { l: 40, r: 8, t: 10, b: 22 };
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'line-chart', role: 'img' });
  if (!points.length) return chart;
  const times = points.map(p => new Date(p.start).getTime());
  const values = points.flatMap(p => [p.min, p.max]).concat(threshold === undefined ? [] : [threshold]);
  const [t0, t1] = [Math.min(...times), Math.max(...times, Math.min(...times) + 60_000)];
  let [v0, v1] = [Math.min(...values), Math.max(...values)];
  if (v1 - v0 < 1e-9) { v0 -= 1; v1 += 1; }
  const x = t => pad.l + (t - t0) / (t1 - t0) * (width - pad.l - pad.r);
  const y = v => height - pad.b - (v - v0) / (v1 - v0) * (height - pad.t - pad.b);
  const band = points.map((p, i) => `${x(times[i])},${y(p.max)}`)
    .concat(points.slice().reverse().map((p, i) => `${x(times[points.length - 1 - i])},${y(p.min)}`));
  chart.append(svg('polygon', { points: band.join(' '), class: 'band' }));
  chart.append(svg('polyline', { points: points.map((p, i) => `${x(times[i])},${y(p.avg)}`).join(' '), class: 'line' }));
  // Dots as well: a minute or two of history is one or two points, which a line alone would not show.
  points.forEach((p, i) => chart.append(svg('circle', { cx: x(times[i]), cy: y(p.avg), r: 3, class: 'point' },
    svg('title', {}, `${new Date(p.start).toLocaleTimeString([], { hour12: false })} avg ${p.avg} (${p.min}–${p.max}) ${unit}`))));
  if (threshold !== undefined) chart.append(svg('line', { x1: pad.l, x2: width - pad.r, y1: y(threshold), y2: y(threshold), class: 'threshold' }));
  [v0, (v0 + v1) / 2, v1].forEach(v => chart.append(svg('text', { x: pad.l - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'axis' },
    `${Math.round(v * 10) / 10}`)));
  chart.append(svg('text', { x: pad.l, y: height - 6, class: 'axis' }, new Date(t0).toLocaleTimeString([], { hour12: false })));
  chart.append(svg('text', { x: width - pad.r, y: height - 6, 'text-anchor': 'end', class: 'axis' },
    `${new Date(t1).toLocaleTimeString([], { hour12: false })} ${unit}`));
  return chart;
}

/**
 * 一图: one enterprise's risk points at their positions, each a dot of its risk colour with its name, on a plain
 * site plan (a grid instead of map tiles). Positions are scaled to fill the plan: a plant is a few hundred metres.
 */
export function riskPointMap(points, { width = 640, height = 420 } = {}) {
  const pad = 50;
  const lons = points.map(p => p.longitude);
  const lats = points.map(p => p.latitude);
  const [minLon, minLat] = [Math.min(...lons), Math.min(...lats)];
  const spanLon = Math.max(Math.max(...lons) - minLon, 0.0005);
  const spanLat = Math.max(Math.max(...lats) - minLat, 0.0005);
  const scale = Math.min((width - 2 * pad) / spanLon, (height - 2 * pad) / spanLat);
  const x = lon => pad + (lon - minLon) * scale + ((width - 2 * pad) - spanLon * scale) / 2;
  const y = lat => height - pad - (lat - minLat) * scale - ((height - 2 * pad) - spanLat * scale) / 2;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'scatter risk-map', role: 'img', 'data-testid': 'risk-map' });
  chart.append(svg('rect', { x: 0, y: 0, width, height, class: 'scatter-bg' }));
  for (let gx = 40; gx < width; gx += 40) chart.append(svg('line', { x1: gx, x2: gx, y1: 0, y2: height, class: 'site-grid' }));
  for (let gy = 40; gy < height; gy += 40) chart.append(svg('line', { x1: 0, x2: width, y1: gy, y2: gy, class: 'site-grid' }));
  points.forEach(p => {
    const [cx, cy] = [x(p.longitude), y(p.latitude)];
    const leftward = cx > width * 0.7;
    chart.append(svg('g', { class: 'risk-point', 'data-testid': 'risk-point', 'data-point': p.id, 'data-colour': p.colour || '' },
      svg('circle', { cx, cy, r: 18, fill: RISK_COLOURS[p.colour] || '#888', class: 'risk-halo' }),
      svg('circle', { cx, cy, r: 9, fill: RISK_COLOURS[p.colour] || '#888', class: 'dot-core' },
        svg('title', {}, `${p.name} ${p.method || ''} ${p.value ?? ''} (${p.colour || '?'})`)),
      svg('text', { x: cx + (leftward ? -22 : 22), y: cy + 4, class: 'dot-label', 'text-anchor': leftward ? 'end' : 'start' },
        p.name)));
  });
  return chart;
}
