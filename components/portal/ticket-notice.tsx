import { ForgetNoticeParam } from "./forget-notice-param";

export const TICKET_NOTICES = {
  closed: "Thank you: the ticket is closed.",
  reopened: "Reopened: support is on it again.",
} as const;

export type TicketNotice = keyof typeof TICKET_NOTICES;

export const isTicketNotice = (value: unknown): value is TicketNotice => typeof value === "string" && Object.hasOwn(TICKET_NOTICES, value);

/** What the customer's last action did, once the page shows the ticket as it is now. */
export function TicketNoticeBanner({ notice }: { notice: TicketNotice }) {
  return (
    <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm font-medium text-green-900">
      {TICKET_NOTICES[notice]}
      <ForgetNoticeParam />
    </p>
  );
}
