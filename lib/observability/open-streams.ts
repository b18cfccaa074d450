// The push module (lib/live) tells the metrics how many streams are open on this instance by registering a
// function: setOpenStreamsSource(openStreamCount). Until it does, the count is 0.
type OpenStreamsSource = () => number;

const holder = globalThis as unknown as { tierdeskOpenStreams?: OpenStreamsSource };

export function setOpenStreamsSource(source: OpenStreamsSource): void {
  holder.tierdeskOpenStreams = source;
}

export function openStreamCount(): number {
  try {
    const count = holder.tierdeskOpenStreams?.() ?? 0;
    return Number.isFinite(count) && count >= 0 ? count : 0;
  } catch {
    return 0;
  }
}
