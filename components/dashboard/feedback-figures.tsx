import type { EscalationMetrics } from "@/lib/metrics/escalation-metrics-types";
import { formatRate } from "@/lib/metrics/rates";

/** Self-service deflections and customer satisfaction in the period; the ratings per score fold under "Show the numbers". Props only. */
export function FeedbackFigures({ deflections, satisfaction }: Pick<EscalationMetrics, "deflections" | "satisfaction">) {
  const rated = satisfaction.distribution.reduce((sum, d) => sum + d.count, 0);
  return (
    <div className="grid min-w-0 content-start gap-4">
      <section aria-labelledby="deflections-heading" className="rounded-lg border border-slate-200 bg-white p-3">
        <h2 id="deflections-heading" className="text-base font-semibold text-slate-900">
          Self-service deflections
        </h2>
        <p className="mt-1 text-2xl font-bold text-slate-900">{deflections.deflections.toLocaleString("en-US")}</p>
        <p className="text-xs text-slate-700">{formatRate(deflections.rate)} of contacts (tickets opened plus deflections) were answered by an article.</p>
      </section>
      <section aria-labelledby="satisfaction-heading" className="rounded-lg border border-slate-200 bg-white p-3">
        <h2 id="satisfaction-heading" className="text-base font-semibold text-slate-900">
          Satisfaction
        </h2>
        <p className="mt-1 text-2xl font-bold text-slate-900">{satisfaction.average === null ? "No ratings" : `${satisfaction.average.toFixed(1)} / 5`}</p>
        <p className="text-xs text-slate-700">{rated.toLocaleString("en-US")} rating(s) given in the period.</p>
        <details className="mt-2">
          <summary className="cursor-pointer rounded text-sm font-medium text-indigo-800 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500">
            Show the numbers<span className="sr-only"> of Satisfaction</span>
          </summary>
          <table className="mt-2 text-sm">
            <caption className="sr-only">Ratings given in the period, by score ({rated} in all)</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-4 text-left font-medium text-slate-700">Score</th>
                <th scope="col" className="text-right font-medium text-slate-700">Tickets</th>
              </tr>
            </thead>
            <tbody>
              {satisfaction.distribution.map((d) => (
                <tr key={d.rating}>
                  <td className="pr-4">{d.rating}</td>
                  <td className="text-right">{d.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
    </div>
  );
}
