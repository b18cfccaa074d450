"use client";

import { Bar, BarChart as Chart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/**
 * A bar chart a manager reads at a glance; its legend lists the series in the order given (recharts sorts by name otherwise). Decorative for assistive technology: the same numbers are in
 * the table beside it, so the chart itself is hidden from screen readers.
 */
export function BarChart({
  data,
  categoryKey,
  series,
  stacked = false,
  horizontal = false,
  unit = "",
  height = 240,
}: {
  data: Record<string, string | number | null>[];
  categoryKey: string;
  series: ChartSeries[];
  stacked?: boolean;
  horizontal?: boolean;
  unit?: string;
  height?: number;
}) {
  return (
    <div aria-hidden="true" className="w-full min-w-0 overflow-hidden" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
        <Chart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 8, left: horizontal ? 48 : 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          {horizontal ? (
            <>
              <XAxis type="number" allowDecimals={false} unit={unit} tick={{ fill: "#334155", fontSize: 12 }} />
              <YAxis type="category" dataKey={categoryKey} width={120} tick={{ fill: "#334155", fontSize: 12 }} />
            </>
          ) : (
            <>
              <XAxis dataKey={categoryKey} tick={{ fill: "#334155", fontSize: 12 }} />
              <YAxis allowDecimals={false} unit={unit} tick={{ fill: "#334155", fontSize: 12 }} />
            </>
          )}
          <Tooltip />
          {series.length > 1 && <Legend itemSorter={null} />}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? "stack" : undefined} isAnimationActive={false} />
          ))}
        </Chart>
      </ResponsiveContainer>
    </div>
  );
}
