// The risk colours every chart shares, and the enterprise's site plan of risk points (一图), drawn as SVG: a plant is
// a few hundred metres, below what a district map shows. The ECharts charts and the Chongqing map are in charts/.
import { svg } from './dom.js';

export const RISK_COLOURS = { RED: '#d7263d', ORANGE: '#f08a24', YELLOW: '#e8c511', BLUE: '#2f6fdb' };

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
