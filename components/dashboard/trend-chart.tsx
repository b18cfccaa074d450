import { countScale, labelledIndexes, pointX, shortDay, valueY } from "@/lib/metrics/chart-scale";
import type { TrendDay } from "@/lib/metrics/escalation-metrics-types";
import { ChartMarker } from "./chart-marker";
import { TREND_SERIES } from "./trend-series";

interface ChartLayout {
  width: number;
  height: number;
  fontSize: number;
  maxDayLabels: number;
}

// The SVG scales with its viewBox, text included: a phone gets its own drawing with fewer day labels,
// so that the labels stay readable at 360 px without scrolling sideways.
const WIDE: ChartLayout = { width: 1080, height: 300, fontSize: 13, maxDayLabels: 16 };
const NARROW: ChartLayout = { width: 420, height: 300, fontSize: 14, maxDayLabels: 5 };
/** Past this many days, markers would crowd each other: the dashes still tell the lines apart. */
const MAX_DAYS_WITH_MARKERS = 62;

function TrendSvg({ days, layout, id, title, summary }: { days: TrendDay[]; layout: ChartLayout; id: string; title: string; summary: string }) {
  const { width, height, fontSize } = layout;
  const left = fontSize * 2 + 28;
  // Room for half of the last day's label, which is centred on the last point.
  const right = width - fontSize * 2 - 8;
  const top = 10;
  const bottom = height - fontSize * 2 - 18;
  const max = Math.max(0, ...days.flatMap((d) => TREND_SERIES.map((s) => d[s.key])));
  const scale = countScale(max);
  const x = (i: number) => pointX(i, days.length, left, right);
  const y = (v: number) => valueY(v, scale.top, top, bottom);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="block h-auto w-full" role="img" aria-labelledby={`${id}-title ${id}-desc`} fontSize={fontSize}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      {scale.ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} stroke={tick === 0 ? "#475569" : "#cbd5e1"} strokeDasharray={tick === 0 ? undefined : "3 3"} />
          <text x={left - 6} y={y(tick)} dy="0.35em" textAnchor="end" fill="#334155">
            {tick}
          </text>
        </g>
      ))}
      {labelledIndexes(days.length, layout.maxDayLabels).map((i) => (
        <text key={i} x={x(i)} y={bottom + fontSize + 4} textAnchor="middle" fill="#334155">
          {shortDay(days[i]!.day)}
        </text>
      ))}
      <text x={(left + right) / 2} y={height - 4} textAnchor="middle" fill="#1e293b">
        Day (UTC)
      </text>
      <text transform={`translate(${fontSize} ${(top + bottom) / 2}) rotate(-90)`} textAnchor="middle" fill="#1e293b">
        Count per day
      </text>
      {TREND_SERIES.map((s) => (
        <g key={s.key}>
          <polyline
            points={days.map((d, i) => `${x(i)},${y(d[s.key])}`).join(" ")}
            fill="none"
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.dash || undefined}
            strokeLinejoin="round"
          />
          {days.length <= MAX_DAYS_WITH_MARKERS && days.map((d, i) => <ChartMarker key={i} shape={s.marker} x={x(i)} y={y(d[s.key])} r={3.5} color={s.color} />)}
        </g>
      ))}
    </svg>
  );
}

/** The legend, in the order the lines are drawn: each entry shows its line's colour, dash and marker. */
function TrendLegend() {
  return (
    <ol className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800" aria-label="Legend">
      {TREND_SERIES.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <svg viewBox="0 0 28 12" width="28" height="12" aria-hidden="true">
            <line x1="1" x2="27" y1="6" y2="6" stroke={s.color} strokeWidth={2} strokeDasharray={s.dash || undefined} />
            <ChartMarker shape={s.marker} x={14} y={6} r={3.5} color={s.color} />
          </svg>
          {s.label}
        </li>
      ))}
    </ol>
  );
}

/**
 * Opened, escalated per tier and resolution breaches per day, as lines: a server-rendered SVG that scales to
 * its box. Its title and summary name it for screen readers; the numbers per day are in the table below it.
 */
export function TrendChart({ days }: { days: TrendDay[] }) {
  const totals = TREND_SERIES.map((s) => `${s.label.toLowerCase()} ${days.reduce((sum, d) => sum + d[s.key], 0)}`).join(", ");
  const title = "Trend per day: opened, escalated per tier and resolution SLA breached";
  const summary = `${days.length} day(s), ${days[0] ? `${days[0].day} to ${days[days.length - 1]!.day}` : "none"}. Totals: ${totals}. The numbers per day are in the table under “Show the numbers”.`;
  return (
    <figure data-chart="trend">
      <TrendLegend />
      <div className="mx-auto max-w-xl lg:hidden">
        <TrendSvg days={days} layout={NARROW} id="trend-narrow" title={title} summary={summary} />
      </div>
      <div className="hidden lg:block">
        <TrendSvg days={days} layout={WIDE} id="trend-wide" title={title} summary={summary} />
      </div>
    </figure>
  );
}
