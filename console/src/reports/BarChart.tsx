import { Link } from "react-router";

export interface Bar {
  key: string;
  label: string;
  value: number;
  display: string;
  /** Where clicking the bar opens the records behind it; none: not drillable. */
  href?: string;
}

export interface BarGroup {
  label: string;
  bars: Bar[];
}

const BAR = 18;
const GAP = 6;
const LABEL = 190;
const WIDTH = 560;

/**
 * Horizontal bars as plain SVG: the chart has a title and a description for screen readers, each
 * bar is a labelled link (keyboard-focusable) to the records behind it, and the numbers are written
 * beside the bars, so nothing is told by colour or length alone.
 */
export function BarChart({
  id,
  title,
  description,
  groups,
}: {
  id: string;
  title: string;
  description: string;
  groups: BarGroup[];
}) {
  const max = Math.max(1, ...groups.flatMap((g) => g.bars.map((b) => b.value)));
  const scale = (WIDTH - LABEL - 90) / max;
  let y = 0;
  const rows: React.ReactNode[] = [];
  for (const group of groups) {
    if (groups.length > 1) {
      rows.push(
        <text key={`${group.label}-h`} x={0} y={y + 14} className="chart-group">
          {group.label}
        </text>,
      );
      y += BAR + GAP;
    }
    for (const bar of group.bars) {
      const top = y;
      const width = Math.max(bar.value > 0 ? 2 : 0, bar.value * scale);
      const shape = (
        <>
          <text x={LABEL - 8} y={top + 13} textAnchor="end" className="chart-label">
            {bar.label}
          </text>
          <rect
            x={LABEL}
            y={top}
            width={width}
            height={BAR}
            className={`chart-bar bar-${bar.key}`}
          />
          <text x={LABEL + width + 6} y={top + 13} className="chart-value">
            {bar.display}
          </text>
        </>
      );
      const name = `${groups.length > 1 ? group.label + ", " : ""}${bar.label}: ${bar.display}`;
      rows.push(
        bar.href ? (
          <Link
            key={`${group.label}-${bar.key}`}
            to={bar.href}
            aria-label={`${name} — open the records`}
          >
            {shape}
          </Link>
        ) : (
          <g key={`${group.label}-${bar.key}`} role="img" aria-label={name}>
            {shape}
          </g>
        ),
      );
      y += BAR + GAP;
    }
  }
  return (
    <figure className="chart">
      <svg
        role="group"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${Math.max(y, BAR)}`}
        width="100%"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {rows}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
