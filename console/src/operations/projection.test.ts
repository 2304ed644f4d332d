import { describe, expect, it } from "vitest";
import { gridLines, niceBelow, scaleBar, toLatLon, toPoint, type View } from "./projection";

const view: View = {
  center: { latitude: 35.0844, longitude: -106.6504 },
  metresPerUnit: 5,
  width: 640,
  height: 400,
};

describe("the offline map's projection", () => {
  it("puts the centre in the middle, north up and east right", () => {
    expect(toPoint(view, view.center)).toEqual({ x: 320, y: 200 });
    const north = toPoint(view, { latitude: 35.09, longitude: -106.6504 });
    const east = toPoint(view, { latitude: 35.0844, longitude: -106.64 });
    expect(north.y).toBeLessThan(200);
    expect(north.x).toBeCloseTo(320, 6);
    expect(east.x).toBeGreaterThan(320);
  });

  it("is true to distance: 0.001° of latitude is about 111 m", () => {
    const a = toPoint(view, { latitude: 35.0844, longitude: -106.6504 });
    const b = toPoint(view, { latitude: 35.0854, longitude: -106.6504 });
    expect((a.y - b.y) * view.metresPerUnit).toBeCloseTo(111.32, 1);
    // and a degree of longitude shrinks with the cosine of the latitude
    const c = toPoint(view, { latitude: 35.0844, longitude: -106.6494 });
    expect((c.x - a.x) * view.metresPerUnit).toBeCloseTo(
      111.32 * Math.cos((35.0844 * Math.PI) / 180),
      1,
    );
  });

  it("turns a point of the drawing back into the place under it", () => {
    for (const [x, y] of [
      [0, 0],
      [640, 400],
      [123.4, 321.9],
    ] as const) {
      const back = toPoint(view, toLatLon(view, x, y));
      expect(back.x).toBeCloseTo(x, 0);
      expect(back.y).toBeCloseTo(y, 0);
    }
  });

  it("draws round grid lines inside the view and a scale bar of a round length", () => {
    const grid = gridLines(view);
    expect(grid.longitudes.length).toBeGreaterThanOrEqual(4);
    expect(grid.longitudes.length).toBeLessThanOrEqual(11);
    for (const lon of grid.longitudes) {
      const x = toPoint(view, { latitude: 35.0844, longitude: lon }).x;
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(640);
    }
    const bar = scaleBar(view);
    expect(bar).toEqual({ metres: 500, units: 100, label: "500 m" });
    expect(scaleBar({ ...view, metresPerUnit: 50 }).label).toBe("5 km");
    expect([niceBelow(0.0037), niceBelow(7), niceBelow(20)]).toEqual([0.002, 5, 20]);
  });
});
