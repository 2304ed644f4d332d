import { Link } from "react-router";
import type { OtherSide } from "./conflictsOnMap";

interface Props {
  operations: { id: string; label: string; conflicts: OtherSide[] }[];
}

/** The highlighted circles in words: each of our operations in conflict, and whom to call. */
export function MapConflicts({ operations }: Props) {
  const inConflict = operations.filter((o) => o.conflicts.length > 0);
  if (inConflict.length === 0) return null;
  return (
    <section aria-labelledby="map-conflicts-heading" className="map-conflicts">
      <h3 id="map-conflicts-heading">Operations in conflict (red on the map)</h3>
      <ul>
        {inConflict.map((o) => (
          <li key={o.id}>
            <strong>{o.label}</strong>:{" "}
            {o.conflicts.map((c, i) => (
              <span key={`${c.conflictId}-${String(i)}`}>
                {i > 0 && "; "}
                <Link to="/conflicts?kind=CONFLICT_KIND_EVENT">
                  {c.status} conflict with {c.agency}
                </Link>
                {c.contact && ` — ${c.contact}`}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
