import { Siren } from "lucide-react";

export interface IncidentMarkerFacts {
  majorIncident: { childCount: number } | null;
  /** The major incident a child row belongs to. */
  parentNumber: string | null;
}

/** The queue's marker: a major incident with its child count, or the parent a child is attached to. */
export function IncidentMarker({ row }: { row: IncidentMarkerFacts }) {
  if (row.majorIncident) {
    const n = row.majorIncident.childCount;
    return (
      <span
        data-major-incident
        title={`Major incident: ${n} child ticket${n === 1 ? "" : "s"}`}
        className="inline-flex shrink-0 items-center gap-1 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800"
      >
        <Siren aria-hidden className="h-3 w-3" />
        <span className="sr-only">Major incident, children:</span>
        {n}
      </span>
    );
  }
  if (row.parentNumber) {
    return (
      <span title={`Attached to major incident ${row.parentNumber}`} className="shrink-0 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold text-slate-800">
        Child
      </span>
    );
  }
  return null;
}
