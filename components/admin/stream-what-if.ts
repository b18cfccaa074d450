import type { WhatIfProgress, WhatIfResult } from "@/lib/admin/run-what-if";
import type { ActionOutcome } from "@/lib/http/run-action";

const WHAT_IF_STREAM = "/api/v1/admin/what-if/stream";
const OUR_FAULT = "Something went wrong on our side. Try again.";

/**
 * Runs the what-if through its streaming route: progress after each batch, the result at the end. Aborting
 * `signal` closes the connection, which stops the replay on the server.
 */
export async function streamWhatIf(input: unknown, signal: AbortSignal, onProgress: (progress: WhatIfProgress) => void): Promise<ActionOutcome<WhatIfResult>> {
  let response: Response;
  try {
    response = await fetch(WHAT_IF_STREAM, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input), signal });
  } catch {
    return { ok: false, message: signal.aborted ? "What-if cancelled." : "The server could not be reached. Try again." };
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string[]> } } | null;
    return { ok: false, message: body?.error?.message ?? OUR_FAULT, fields: body?.error?.fields };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines.filter(Boolean)) {
        const message = JSON.parse(line) as { progress?: WhatIfProgress; result?: WhatIfResult; error?: { message: string } };
        if (message.progress) onProgress(message.progress);
        if (message.result) return { ok: true, message: "What-if done.", data: message.result };
        if (message.error) return { ok: false, message: message.error.message };
      }
    }
  } catch {
    if (signal.aborted) return { ok: false, message: "What-if cancelled." };
  }
  return { ok: false, message: signal.aborted ? "What-if cancelled." : OUR_FAULT };
}
