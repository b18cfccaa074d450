/** The answer of the Inbound page's server actions. */
export type InboundActionResult = { ok: true; message: string } | { ok: false; message: string; fields?: Record<string, string[]> };

export interface InboundMailActions {
  accept: (mailId: number, input: { ticket: string }) => Promise<InboundActionResult>;
  discard: (mailId: number) => Promise<InboundActionResult>;
}
