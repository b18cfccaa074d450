// The text/event-stream format (HTML Living Standard, "Server-sent events"): fields one per line, a blank
// line ends an event. JSON.stringify never writes a line break, so one data line carries it whole.

export interface SseEvent {
  id?: string;
  event?: string;
  data?: unknown;
  /** Milliseconds the browser waits before it reconnects. */
  retry?: number;
}

export function sseFrame({ id, event, data, retry }: SseEvent): string {
  let frame = "";
  if (retry !== undefined) frame += `retry: ${Math.max(0, Math.round(retry))}\n`;
  if (event !== undefined) frame += `event: ${event}\n`;
  if (id !== undefined) frame += `id: ${id}\n`;
  if (data !== undefined) frame += `data: ${JSON.stringify(data)}\n`;
  return `${frame}\n`;
}

/** A comment line: the browser ignores it; it keeps proxies and the connection from timing out. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]/g, " ")}\n\n`;
}
