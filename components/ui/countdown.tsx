import { formatTimeLeft, timeLeftTone, type TimeLeftTone } from "@/lib/tickets/time-left";

const TONE_CLASS: Record<TimeLeftTone, string> = {
  normal: "text-slate-800",
  amber: "rounded bg-amber-100 px-1 font-semibold text-amber-900",
  red: "rounded bg-red-100 px-1 font-semibold text-red-800",
};

const TONE_NOTE: Record<TimeLeftTone, string> = { normal: "", amber: " (25 % or less left)", red: " (spent)" };

/**
 * Time left until `endsAt` as of `nowMs` (the caller ticks it): amber from `warnAt`, red once spent.
 * The tone is also said in words for screen readers; a stopped clock (no `endsAt`) reads "stopped".
 */
export function Countdown({ label, nowMs, endsAt, warnAt }: { label: string; nowMs: number; endsAt: string | null; warnAt: string | null }) {
  if (!endsAt) {
    return (
      <span className="text-slate-600" title={`${label}: clock stopped`}>
        stopped
      </span>
    );
  }
  const tone = timeLeftTone(nowMs, warnAt, endsAt);
  return (
    <time dateTime={endsAt} title={`${label} ends ${endsAt}`} data-tone={tone} className={`whitespace-nowrap tabular-nums ${TONE_CLASS[tone]}`}>
      {formatTimeLeft(Date.parse(endsAt) - nowMs)}
      {TONE_NOTE[tone] && <span className="sr-only">{TONE_NOTE[tone]}</span>}
    </time>
  );
}
