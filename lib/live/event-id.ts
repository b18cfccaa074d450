/**
 * A stream event's id: the instance that numbered it and the change's number there ("k3x9q2-1042"). A
 * Last-Event-ID from another instance (a load balancer moved the browser) or from before a restart cannot be
 * resumed here, so the stream asks for a refetch.
 */
export function formatEventId(instance: string, seq: number): string {
  return `${instance}-${seq}`;
}

export type ParsedEventId = { instance: string; seq: number };

export function parseEventId(value: string | null | undefined): ParsedEventId | null {
  const match = /^([a-z0-9]{1,32})-(\d{1,15})$/.exec(value?.trim() ?? "");
  return match ? { instance: match[1]!, seq: Number(match[2]) } : null;
}
