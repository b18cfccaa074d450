import { TableScroll } from "@/components/ui/table-scroll";
import { SLA_CLOCK_LABEL } from "@/lib/labels";
import type { MatrixVersionView } from "@/lib/admin/list-matrix-versions";
import { IMPACTS, LEVEL_LABEL, URGENCIES, formatMinutes } from "./matrix-labels";

/** Every published version, newest first: who published it, when, its grid and its targets. */
export function MatrixVersionHistory({ versions }: { versions: MatrixVersionView[] }) {
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2 id="history-heading" className="text-xl font-semibold text-slate-900">
        Published versions
      </h2>
      <ul className="space-y-2">
        {versions.map((v, index) => (
          <li key={v.version} className="rounded-md border border-slate-200 bg-white">
            <details open={index === 0}>
              <summary className="cursor-pointer px-3 py-2 text-sm wrap-anywhere">
                <strong>Version {v.version}</strong>
                {index === 0 && " (current)"} — published {new Date(v.publishedAt).toISOString().replace("T", " ").slice(0, 16)} UTC by{" "}
                {v.publishedBy ? `${v.publishedBy.name} (${v.publishedBy.userId})` : "the seed"}
                {v.note && ` — “${v.note}”`}
              </summary>
              <div className="flex flex-wrap gap-6 px-3 pb-3 text-sm">
                <TableScroll label={`Version ${v.version} matrix`}>
                <table className="border-collapse">
                  <caption className="sr-only">Version {v.version} matrix</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="p-1 text-left">Impact \ Urgency</th>
                      {URGENCIES.map((u) => (
                        <th key={u} scope="col" className="p-1">
                          {LEVEL_LABEL[u]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {IMPACTS.map((i) => (
                      <tr key={i}>
                        <th scope="row" className="p-1 text-left">
                          {LEVEL_LABEL[i]}
                        </th>
                        {URGENCIES.map((u) => (
                          <td key={u} className="p-1 text-center">
                            {v.cells.find((c) => c.impact === i && c.urgency === u)?.priority}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
                </TableScroll>
                <TableScroll label={`Version ${v.version} SLA targets`}>
                <table className="border-collapse">
                  <caption className="sr-only">Version {v.version} SLA targets</caption>
                  <thead>
                    <tr className="text-left">
                      <th scope="col" className="p-1">Priority</th>
                      <th scope="col" className="p-1">First response</th>
                      <th scope="col" className="p-1">Resolution</th>
                      <th scope="col" className="p-1">Updates</th>
                      <th scope="col" className="p-1">L1 / L2 / L3</th>
                      <th scope="col" className="p-1">Clock</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.targets.map((t) => (
                      <tr key={t.priority}>
                        <th scope="row" className="p-1 text-left">
                          {t.priority}
                        </th>
                        <td className="p-1">{formatMinutes(t.firstResponseMinutes)}</td>
                        <td className="p-1">{formatMinutes(t.resolutionMinutes)}</td>
                        <td className="p-1">{formatMinutes(t.updateEveryMinutes)}</td>
                        <td className="p-1">
                          {formatMinutes(t.tierBudgetMinutes.L1)} / {formatMinutes(t.tierBudgetMinutes.L2)} / {formatMinutes(t.tierBudgetMinutes.L3)}
                        </td>
                        <td className="p-1">{SLA_CLOCK_LABEL[t.businessHours ? "BUSINESS_HOURS" : "ALWAYS"]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                </TableScroll>
              </div>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
