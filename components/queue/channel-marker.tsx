import { Activity } from "lucide-react";
import type { TicketChannel } from "@/lib/db/generated/enums";
import { CHANNEL_LABEL } from "@/lib/labels";

/** The queue's marker for an incident a monitoring alert opened; other channels need none in a row. */
export function ChannelMarker({ channel }: { channel: TicketChannel }) {
  if (channel !== "MONITORING") return null;
  return (
    <span data-channel={channel} title="Opened by a monitoring alert" className="inline-flex shrink-0 items-center gap-1 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-semibold text-sky-900">
      <Activity aria-hidden className="h-3 w-3" />
      {CHANNEL_LABEL[channel]}
    </span>
  );
}
