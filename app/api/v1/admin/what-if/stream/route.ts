import { planWhatIf } from "@/lib/admin/run-what-if";
import { readJsonBody, userFacingError, withActor } from "@/lib/http/api";

/**
 * The what-if as newline-delimited JSON: `{"progress":{"done","total"}}` after each batch, then one
 * `{"result":…}` (or `{"error":{"message"}}`). Closing the connection cancels the replay.
 */
export const POST = withActor(async (actor, request) => {
  const plan = await planWhatIf(actor, await readJsonBody(request));
  const encoder = new TextEncoder();
  const line = (value: unknown) => encoder.encode(`${JSON.stringify(value)}\n`);
  const cancelled = new AbortController();
  request.signal.addEventListener("abort", () => cancelled.abort());
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        const result = await plan.run({ signal: cancelled.signal, onProgress: (progress) => controller.enqueue(line({ progress })) });
        controller.enqueue(line({ result }));
      } catch (error) {
        if (!cancelled.signal.aborted) controller.enqueue(line({ error: { message: userFacingError(error)?.message ?? "The what-if failed." } }));
      }
      if (!cancelled.signal.aborted) controller.close();
    },
    cancel() {
      cancelled.abort();
    },
  });
  return new Response(body, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
});
