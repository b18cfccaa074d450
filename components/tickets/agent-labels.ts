/** Status and event words as staff read them: from the one label map in lib/labels.ts. */
export { STATUS_LABEL as AGENT_STATUS_LABEL, EVENT_LABEL } from "@/lib/labels";
