// A flat (equirectangular) projection around the view's centre: at the scale of a city an
// operation's circle is drawn to within a fraction of a percent, and it needs no map tiles, so the
// map works offline and in tests that may make no outside request.

export interface LatLon {
  latitude: number;
  longitude: number;
}

export interface View {
  center: LatLon;
  /** Metres on the ground per unit of the drawing. */
  metresPerUnit: number;
  width: number;
  height: number;
}

const METRES_PER_DEGREE = 111_320;

const metresPerDegreeLon = (lat: number) => METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);

export function toPoint(view: View, p: LatLon): { x: number; y: number } {
  return {
    x:
      view.width / 2 +
      ((p.longitude - view.center.longitude) * metresPerDegreeLon(view.center.latitude)) /
        view.metresPerUnit,
    y:
      view.height / 2 -
      ((p.latitude - view.center.latitude) * METRES_PER_DEGREE) / view.metresPerUnit,
  };
}

/** The place under a point of the drawing, rounded to 6 decimals (about 10 cm). */
export function toLatLon(view: View, x: number, y: number): LatLon {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    latitude: round(
      view.center.latitude - ((y - view.height / 2) * view.metresPerUnit) / METRES_PER_DEGREE,
    ),
    longitude: round(
      view.center.longitude +
        ((x - view.width / 2) * view.metresPerUnit) / metresPerDegreeLon(view.center.latitude),
    ),
  };
}

const NICE = [1, 2, 5];

/** The largest 1-2-5 number not above `limit` (grid steps, scale bars). */
export function niceBelow(limit: number): number {
  const power = 10 ** Math.floor(Math.log10(limit));
  let best = power;
  for (const n of NICE) if (n * power <= limit) best = n * power;
  return best;
}

/** Grid lines every "nice" fraction of a degree, about four to ten across the view. */
export function gridLines(view: View): { latitudes: number[]; longitudes: number[]; step: number } {
  const spanLon = (view.width * view.metresPerUnit) / metresPerDegreeLon(view.center.latitude);
  const step = niceBelow(spanLon / 4);
  const topLeft = toLatLon(view, 0, 0);
  const bottomRight = toLatLon(view, view.width, view.height);
  const lines = (from: number, to: number) => {
    const out: number[] = [];
    for (let v = Math.ceil(from / step) * step; v <= to; v += step) {
      out.push(Math.round(v / step) * step);
    }
    return out;
  };
  return {
    latitudes: lines(bottomRight.latitude, topLeft.latitude),
    longitudes: lines(topLeft.longitude, bottomRight.longitude),
    step,
  };
}

/** A scale bar of a round length, at most a quarter of the view's width. */
export function scaleBar(view: View): { metres: number; units: number; label: string } {
  const metres = niceBelow((view.width / 4) * view.metresPerUnit);
  return {
    metres,
    units: metres / view.metresPerUnit,
    label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m`,
  };
}
