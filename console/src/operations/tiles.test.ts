import { describe, expect, it } from "vitest";
import type { View } from "./projection";
import { tilesFor, zoomFor } from "./tiles";

const albuquerque: View = {
  center: { latitude: 35.0844, longitude: -106.6504 },
  metresPerUnit: 10,
  width: 640,
  height: 400,
};
const source = {
  tileUrl: "https://tiles.test/{z}/{x}/{y}.png",
  attribution: "© test",
  maxZoom: 19,
};

describe("map tiles", () => {
  it("fills in every placeholder, also one that appears twice", () => {
    const tiles = tilesFor(albuquerque, {
      ...source,
      tileUrl: "https://tiles.test/{z}/{x}/{y}.png?zoom={z}&col={x}&row={y}",
    });
    expect(tiles.length).toBeGreaterThan(0);
    for (const t of tiles) {
      const [z, x, y] = t.key.split("/");
      expect(t.href).toBe(`https://tiles.test/${z}/${x}/${y}.png?zoom=${z}&col=${x}&row=${y}`);
    }
  });

  it("without a tile URL there are none: the map stays offline", () => {
    expect(tilesFor(albuquerque, undefined)).toEqual([]);
    expect(tilesFor(albuquerque, {})).toEqual([]);
    expect(tilesFor(albuquerque, { tileUrl: "" })).toEqual([]);
  });

  it("picks the zoom whose pixels are nearest the view's metres, within the server's levels", () => {
    // 156543 m × cos(35.08°) / 2^14 ≈ 7.8 m per pixel, the nearest to 10.
    expect(zoomFor(albuquerque, 19)).toBe(14);
    expect(zoomFor({ ...albuquerque, metresPerUnit: 2 }, 19)).toBe(16);
    expect(zoomFor({ ...albuquerque, metresPerUnit: 2 }, 15)).toBe(15);
  });

  it("covers the whole view with abutting tiles from the template", () => {
    const tiles = tilesFor(albuquerque, source);
    expect(tiles.length).toBeGreaterThan(0);
    for (const t of tiles) {
      expect(t.href).toMatch(/^https:\/\/tiles\.test\/14\/\d+\/\d+\.png$/);
      expect(t.width).toBeGreaterThan(150);
      expect(t.width).toBeLessThan(260);
    }
    expect(Math.min(...tiles.map((t) => t.x))).toBeLessThanOrEqual(0);
    expect(Math.min(...tiles.map((t) => t.y))).toBeLessThanOrEqual(0);
    expect(Math.max(...tiles.map((t) => t.x + t.width))).toBeGreaterThanOrEqual(640);
    expect(Math.max(...tiles.map((t) => t.y + t.height))).toBeGreaterThanOrEqual(400);
    // Neighbours share their edge: no seams, no overlaps.
    const byKey = new Map(tiles.map((t) => [t.key, t]));
    for (const t of tiles) {
      const [z = 0, x = 0, y = 0] = t.key.split("/").map(Number);
      const right = byKey.get(`${String(z)}/${String(x + 1)}/${String(y)}`);
      if (right) expect(right.x).toBeCloseTo(t.x + t.width, 6);
      const below = byKey.get(`${String(z)}/${String(x)}/${String(y + 1)}`);
      if (below) expect(below.y).toBeCloseTo(t.y + t.height, 6);
    }
  });

  it("puts the centre in the tile the XYZ scheme says holds it", () => {
    const tiles = tilesFor(albuquerque, source);
    // Albuquerque at zoom 14: tile x = floor((-106.6504 + 180) / 360 × 2^14) = 3338.
    const n = 2 ** 14;
    const lat = (35.0844 * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n);
    const holding = tiles.find(
      (t) => t.x <= 320 && 320 < t.x + t.width && t.y <= 200 && 200 < t.y + t.height,
    );
    expect(holding?.key).toBe(`14/3338/${String(y)}`);
  });
});
