/**
 * A duration as people read it everywhere in Tierdesk: "1 d 8 h", "3 h 20 min", "45 min", and seconds
 * only under a minute ("40 s"). At most two units; the smaller one is left out when it is zero. Rounded
 * to the smaller unit shown, so 59.6 min reads "1 h", not "60 min". The sign is the caller's business.
 */
export function formatSeconds(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return pair(Math.floor(minutes / 60), "h", minutes % 60, "min");
  const hours = Math.round(minutes / 60);
  return pair(Math.floor(hours / 24), "d", hours % 24, "h");
}

/** The same for milliseconds. */
export const formatMilliseconds = (ms: number): string => formatSeconds(ms / 1000);

/** The same for whole minutes (SLA targets, budgets). */
export const formatMinutes = (minutes: number): string => formatSeconds(minutes * 60);

const pair = (big: number, bigUnit: string, small: number, smallUnit: string) => (small ? `${big} ${bigUnit} ${small} ${smallUnit}` : `${big} ${bigUnit}`);
