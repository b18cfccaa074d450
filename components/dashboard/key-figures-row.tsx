import type { DashboardTable } from "@/lib/metrics/dashboard-tables";
import { PERCENTILE_PRECISION } from "@/lib/metrics/histogram";
import { describeChange, formatFigure } from "@/lib/metrics/key-figure-text";
import type { FigureVerdict, KeyFigure } from "@/lib/metrics/key-figures";
import { CsvExportButton } from "./csv-export-button";

/** The colour repeats the verdict's words (never carries it alone); each pair has at least 4.5:1 contrast. */
const VERDICT_TONE: Record<FigureVerdict, string> = {
  better: "bg-green-50 text-green-900",
  worse: "bg-red-50 text-red-900",
  neutral: "bg-slate-100 text-slate-800",
  unchanged: "bg-slate-100 text-slate-800",
  "no-comparison": "bg-slate-100 text-slate-800",
};

/** The top row: each key figure of the period, its change against the previous period, and whether that is good news. Props only. */
export function KeyFiguresRow({ figures, previousLabel, table, fileName }: { figures: KeyFigure[]; previousLabel: string; table: DashboardTable; fileName: string }) {
  return (
    <section aria-labelledby="key-figures-heading" data-section="key-figures">
      <div className="mb-1 flex flex-wrap items-baseline gap-x-2">
        <h2 id="key-figures-heading" className="text-base font-semibold text-slate-900">
          Key figures
        </h2>
        <p className="text-xs text-slate-700">Change against the period of the same length before: {previousLabel}</p>
        <span className="ml-auto">
          <CsvExportButton table={table} fileName={fileName} />
        </span>
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {figures.map((f) => {
          const change = describeChange(f);
          return (
            <div key={f.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3" data-figure={f.id}>
              <dt className="text-xs text-slate-700">
                {f.label}
                {f.kind === "duration" && <span className="text-slate-600"> ({PERCENTILE_PRECISION})</span>}
              </dt>
              <dd className="text-2xl font-bold tabular-nums text-slate-900">{formatFigure(f.kind, f.current)}</dd>
              <dd className={`mt-1 inline-flex flex-wrap items-baseline gap-x-1 rounded px-1.5 py-0.5 text-xs font-medium ${VERDICT_TONE[f.verdict]}`} data-verdict={f.verdict}>
                {change.arrow && <span aria-hidden="true">{change.arrow}</span>}
                <span className="sr-only">{change.words}</span>
                {change.delta && <span className="tabular-nums">{change.delta}</span>}
                <span>({change.verdict})</span>
              </dd>
              <dd className="mt-0.5 text-xs text-slate-700">Before: {formatFigure(f.kind, f.previous)}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
