import { openLiveStream } from "@/lib/live/open-stream";

export const dynamic = "force-dynamic";

/** The signed-in person's live updates (Server-Sent Events): see README, "Live updates". */
export function GET(request: Request): Promise<Response> {
  return openLiveStream(request);
}
