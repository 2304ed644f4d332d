import { useState } from "react";
import { gridLines, scaleBar, toLatLon, toPoint, type LatLon, type View } from "./projection";
import { tilesFor, type TileSource } from "./tiles";

export interface MapCircle extends LatLon {
  id: string;
  label: string;
  radiusMeters: number;
  /** Drawn highlighted: it has an open conflict. */
  conflicted?: boolean;
}

const WIDTH = 640;
const HEIGHT = 400;
/** Albuquerque, where the task force works most; the view moves to whatever is picked. */
export const DEFAULT_CENTER: LatLon = { latitude: 35.0844, longitude: -106.6504 };
const ZOOMS = [2, 5, 10, 20, 50, 100, 200];

interface Props {
  value: LatLon | null;
  radiusMeters: number;
  onPick: (p: LatLon) => void;
  /** Other operations to draw (the agency's own in the chosen window). */
  others?: MapCircle[];
  /** Street tiles, when the gateway has a tile server configured; else the offline background. */
  tiles?: TileSource;
}

/**
 * A map to pick an operation's place: click (or use the arrow keys) to put the point. Street tiles
 * come from the tile server the gateway is configured with; without one it draws a plain
 * background with a coordinate grid and a scale, which works offline. The grid and scale are drawn
 * over tiles too; the latitude and longitude fields beside it are the fallback entry.
 */
export function MapPicker({ value, radiusMeters, onPick, others = [], tiles }: Props) {
  const [zoom, setZoom] = useState(2);
  const [center, setCenter] = useState<LatLon>(value ?? DEFAULT_CENTER);
  const view: View = {
    center,
    metresPerUnit: ZOOMS[zoom] ?? 10,
    width: WIDTH,
    height: HEIGHT,
  };
  // A point typed in the fields that lies outside the view brings the view to it.
  if (value) {
    const p = toPoint(view, value);
    if (p.x < 0 || p.x > WIDTH || p.y < 0 || p.y > HEIGHT) setCenter(value);
  }
  const grid = gridLines(view);
  const scale = scaleBar(view);
  const decimals = Math.max(0, -Math.floor(Math.log10(grid.step)));
  const pick = (p: LatLon) => {
    onPick(p);
  };
  const nudge = (dx: number, dy: number) => {
    const at = value ? toPoint(view, value) : { x: WIDTH / 2, y: HEIGHT / 2 };
    pick(toLatLon(view, at.x + dx, at.y + dy));
  };
  const marker = value ? toPoint(view, value) : null;
  const images = tilesFor(view, tiles);

  return (
    <div className="map-picker">
      <div
        className="map"
        role="application"
        tabIndex={0}
        aria-label="Map of the operation's place"
        aria-describedby="map-help"
        onKeyDown={(e) => {
          const step = e.shiftKey ? 50 : 10;
          const moves: Record<string, [number, number]> = {
            ArrowUp: [0, -step],
            ArrowDown: [0, step],
            ArrowLeft: [-step, 0],
            ArrowRight: [step, 0],
          };
          const move = moves[e.key];
          if (move) {
            e.preventDefault();
            nudge(move[0], move[1]);
          } else if (e.key === "+" || e.key === "=") {
            setZoom((z) => Math.max(0, z - 1));
          } else if (e.key === "-") {
            setZoom((z) => Math.min(ZOOMS.length - 1, z + 1));
          }
        }}
      >
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          aria-hidden="true"
          data-testid="map-svg"
          onClick={(e) => {
            const box = e.currentTarget.getBoundingClientRect();
            if (box.width === 0 || box.height === 0) return;
            pick(
              toLatLon(
                view,
                ((e.clientX - box.left) * WIDTH) / box.width,
                ((e.clientY - box.top) * HEIGHT) / box.height,
              ),
            );
          }}
        >
          <rect className="map-bg" width={WIDTH} height={HEIGHT} />
          {images.map((t) => (
            <image
              key={t.key}
              className="map-tile"
              data-testid="map-tile"
              href={t.href}
              x={t.x}
              y={t.y}
              width={t.width}
              height={t.height}
              preserveAspectRatio="none"
            />
          ))}
          {grid.longitudes.map((lon) => {
            const x = toPoint(view, { latitude: center.latitude, longitude: lon }).x;
            return (
              <g key={`lon${lon}`}>
                <line className="map-grid" x1={x} x2={x} y1={0} y2={HEIGHT} />
                <text className="map-label" x={x + 3} y={HEIGHT - 6}>
                  {lon.toFixed(decimals)}
                </text>
              </g>
            );
          })}
          {grid.latitudes.map((lat) => {
            const y = toPoint(view, { latitude: lat, longitude: center.longitude }).y;
            return (
              <g key={`lat${lat}`}>
                <line className="map-grid" x1={0} x2={WIDTH} y1={y} y2={y} />
                <text className="map-label" x={4} y={y - 3}>
                  {lat.toFixed(decimals)}
                </text>
              </g>
            );
          })}
          {others.map((o) => {
            const p = toPoint(view, o);
            return (
              <circle
                key={o.id}
                className={o.conflicted ? "map-other map-conflict" : "map-other"}
                data-testid={o.conflicted ? "map-conflict" : "map-operation"}
                cx={p.x}
                cy={p.y}
                r={Math.max(3, o.radiusMeters / view.metresPerUnit)}
              >
                <title>{o.conflicted ? `${o.label} — in conflict` : o.label}</title>
              </circle>
            );
          })}
          {marker && (
            <g data-testid="map-marker">
              <circle
                className="map-area"
                cx={marker.x}
                cy={marker.y}
                r={Math.max(3, radiusMeters / view.metresPerUnit)}
              />
              <circle className="map-point" cx={marker.x} cy={marker.y} r={4} />
            </g>
          )}
          <g transform={`translate(${WIDTH - scale.units - 16}, ${HEIGHT - 16})`}>
            <line className="map-scale" x1={0} x2={scale.units} y1={0} y2={0} />
            <text className="map-label" x={0} y={-5}>
              {scale.label}
            </text>
          </g>
        </svg>
      </div>
      <p id="map-help" className="muted">
        Click the map or use the arrow keys (Shift for larger steps) to place the operation; + and −
        zoom.{" "}
        {tiles?.tileUrl
          ? "Street map with coordinates and scale."
          : "Offline map: coordinates and scale, no street tiles."}
      </p>
      {tiles?.tileUrl && tiles.attribution && (
        <p className="muted map-attribution" data-testid="map-attribution">
          Map: {tiles.attribution}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setZoom((z) => Math.max(0, z - 1));
          }}
        >
          Zoom in
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setZoom((z) => Math.min(ZOOMS.length - 1, z + 1));
          }}
        >
          Zoom out
        </button>
        {value && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setCenter(value);
            }}
          >
            Centre on the point
          </button>
        )}
      </div>
    </div>
  );
}
