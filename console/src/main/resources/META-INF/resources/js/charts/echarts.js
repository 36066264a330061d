// ECharts from its WebJar, which the gateway serves from its own origin (no CDN, nothing to build): the ES module
// build bundles zrender, so one import brings the whole library. The version in the path is the root pom's
// echarts.version; the Chongqing map comes from the 4.1.0 WebJar (copied into the console jar by its pom).
const LIBRARY = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
const CHONGQING = '/webjars/echarts/4.1.0/map/json/province/chongqing.json';

const FONTS = 'system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif';

let library;
let chongqing;

/** The library, imported once; a page that cannot load it shows its tables and says the chart is unavailable. */
export function echarts() {
  if (!library) library = import(LIBRARY).catch(e => { library = null; throw e; });
  return library;
}

/** Chongqing's districts (GeoJSON with the compact UTF-8 coordinates of the 4.x map files), registered once. */
export function chongqingMap() {
  if (!chongqing) {
    chongqing = Promise.all([echarts(), fetch(CHONGQING).then(r => {
      if (!r.ok) throw new Error(`HTTP ${r.status} ${CHONGQING}`);
      return r.json();
    })]).then(([lib, geo]) => {
      lib.registerMap('chongqing', geo);
      return geo;
    }).catch(e => { chongqing = null; throw e; });
  }
  return chongqing;
}

/**
 * Draws {@code option} into {@code box} with the SVG renderer (sharp at any zoom, and the districts and labels are
 * elements a browser test can find); resizes with the box. Returns a function that disposes the chart.
 */
export async function mount(box, option, { onClick } = {}) {
  const lib = await echarts();
  const chart = lib.init(box, null, { renderer: 'svg' });
  // Tooltips drawn by the renderer (richText), not as HTML: the page's CSP forbids inline style attributes.
  // ECharts lays out legends and axis labels by measuring text at 12 px in FONTS. Its SVG text carries its font in
  // a style attribute, which the page's CSP drops; console.css gives every chart text the same 12 px FONTS, so what
  // is drawn is what was measured (no other size is used, for that reason).
  chart.setOption({ animation: false, textStyle: { fontFamily: FONTS, fontSize: 12 }, ...option,
    tooltip: { renderMode: 'richText', confine: true, ...(option.tooltip || {}) } });
  if (onClick) chart.on('click', onClick);
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(box);
  return { chart, dispose: () => { observer.disconnect(); chart.dispose(); } };
}

/** Decodes one ring of a 4.x map file (zig-zag deltas as characters, offsets per ring, scale 1024). */
function decodeRing(text, [x0, y0], scale) {
  const ring = [];
  let [x, y] = [x0, y0];
  for (let i = 0; i + 1 < text.length; i += 2) {
    let dx = text.charCodeAt(i) - 64;
    let dy = text.charCodeAt(i + 1) - 64;
    dx = (dx >> 1) ^ (-(dx & 1));
    dy = (dy >> 1) ^ (-(dy & 1));
    x += dx;
    y += dy;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/** [minLon, minLat, maxLon, maxLat] of the named features, or of all when none is named. */
export function bounds(geo, names) {
  const scale = geo.UTF8Scale || 1024;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  geo.features.filter(f => !names || names.includes(f.properties.name)).forEach(f => {
    const g = f.geometry;
    const polygons = g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates];
    const offsets = g.type === 'MultiPolygon' ? g.encodeOffsets : [g.encodeOffsets];
    polygons.forEach((polygon, p) => polygon.forEach((ring, r) => {
      const points = typeof ring === 'string' ? decodeRing(ring, offsets[p][r], scale) : ring;
      points.forEach(([lon, lat]) => {
        box[0] = Math.min(box[0], lon); box[1] = Math.min(box[1], lat);
        box[2] = Math.max(box[2], lon); box[3] = Math.max(box[3], lat);
      });
    }));
  });
  return box;
}
