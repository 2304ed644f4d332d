// Street tiles under the map, from the tile server the gateway is configured with (XYZ, Web
// Mercator, 256-pixel tiles). Each tile is drawn between where its corners fall in the map's own
// projection, so circles and clicks stay exactly where they were without tiles; within one tile
// the two projections differ by far less than a pixel at the scales the map shows.
import { toLatLon, toPoint, type View } from "./projection";

/** The gateway's `taskforce.console.map.*`, as /console/me reports it. */
export interface TileSource {
  tileUrl?: string;
  attribution?: string;
  maxZoom?: number;
}

export interface Tile {
  key: string;
  href: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Metres per pixel of a zoom-0 tile at the equator (the earth's circumference / 256). */
const EQUATOR_METRES_PER_PIXEL = 156_543.033_92;
/** Never more than this many images in one view. */
const MAX_TILES = 64;

const tileX = (lon: number, n: number) => ((lon + 180) / 360) * n;
const tileY = (lat: number, n: number) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n;
};
const lonOf = (x: number, n: number) => (x / n) * 360 - 180;
const latOf = (y: number, n: number) =>
  (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;

/** The zoom level whose pixels are closest to the view's metres per unit. */
export function zoomFor(view: View, maxZoom: number): number {
  const atLatitude = EQUATOR_METRES_PER_PIXEL * Math.cos((view.center.latitude * Math.PI) / 180);
  const z = Math.round(Math.log2(atLatitude / view.metresPerUnit));
  return Math.max(0, Math.min(maxZoom, z));
}

/** The configured tiles that cover the view (none without a tile URL). */
export function tilesFor(view: View, source: TileSource | undefined): Tile[] {
  if (!source?.tileUrl) return [];
  const template = source.tileUrl;
  const z = zoomFor(view, source.maxZoom ?? 19);
  const n = 2 ** z;
  const topLeft = toLatLon(view, 0, 0);
  const bottomRight = toLatLon(view, view.width, view.height);
  const clamp = (v: number) => Math.max(0, Math.min(n - 1, Math.floor(v)));
  const x0 = clamp(tileX(topLeft.longitude, n));
  const x1 = clamp(tileX(bottomRight.longitude, n));
  const y0 = clamp(tileY(topLeft.latitude, n));
  const y1 = clamp(tileY(bottomRight.latitude, n));
  if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES) return [];
  const tiles: Tile[] = [];
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) {
      const from = toPoint(view, { latitude: latOf(y, n), longitude: lonOf(x, n) });
      const to = toPoint(view, { latitude: latOf(y + 1, n), longitude: lonOf(x + 1, n) });
      tiles.push({
        key: `${String(z)}/${String(x)}/${String(y)}`,
        href: template
          .replaceAll("{z}", String(z))
          .replaceAll("{x}", String(x))
          .replaceAll("{y}", String(y)),
        x: from.x,
        y: from.y,
        width: to.x - from.x,
        height: to.y - from.y,
      });
    }
  }
  return tiles;
}
