/** How a countdown looks: amber once 25 % or less of the time is left (the warn instant), red once spent. */
export type TimeLeftTone = "normal" | "amber" | "red";

export function timeLeftTone(nowMs: number, warnAt: string | null, endsAt: string): TimeLeftTone {
  if (nowMs >= Date.parse(endsAt)) return "red";
  if (warnAt && nowMs >= Date.parse(warnAt)) return "amber";
  return "normal";
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "2 d 3 h", "1 h 05 min 00 s", "4 min 09 s", and "… over" once spent: seconds below a day, so it visibly ticks. */
export function formatTimeLeft(msLeft: number): string {
  const over = msLeft < 0;
  const seconds = Math.floor(Math.abs(msLeft) / 1000);
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  const text =
    days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${pad(minutes)} min ${pad(seconds % 60)} s` : `${minutes} min ${pad(seconds % 60)} s`;
  return over ? `${text} over` : text;
}
