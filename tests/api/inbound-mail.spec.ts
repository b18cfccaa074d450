import nodemailer from "nodemailer";
import { expect, expectError, expectOk, test } from "./fixtures";
import { uniqueTitle } from "./tickets";

/** The e2e server's SMTP receiver (playwright.config.ts). */
const SMTP_PORT = Number(process.env.E2E_INBOUND_SMTP_PORT ?? 2625);

test("inbound review: a stranger's reply is held; staff list it, accept it onto a ticket once, and customers are refused", async ({ api }) => {
  const customer = await api.as("customer");
  const l1 = await api.as("l1");
  const { ticket } = expectOk(
    await customer.POST("/api/v1/tickets", { body: { type: "INCIDENT", title: uniqueTitle("Inbound"), description: "Opened by the typed client.", category: "platform" } }),
    201,
  );
  const subject = uniqueTitle("Re: inbound");
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port: SMTP_PORT, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ from: "someone@elsewhere.example", to: "support@reply.tierdesk.test", subject, text: "Sent to the typed client's desk." });
  } finally {
    transport.close();
  }

  let held: { id: number } | undefined;
  await expect
    .poll(async () => {
      held = expectOk(await l1.GET("/api/v1/inbound-mail", { params: { query: { limit: 100 } } })).items.find((m) => m.subject === subject);
      return held?.id ?? 0;
    })
    .toBeGreaterThan(0);
  const path = { params: { path: { mailId: held!.id } } };

  expectError(await customer.GET("/api/v1/inbound-mail"), 403, "FORBIDDEN");
  expectError(await customer.POST("/api/v1/inbound-mail/{mailId}/discard", path), 403, "FORBIDDEN");
  expectError(await l1.POST("/api/v1/inbound-mail/{mailId}/accept", { ...path, body: { ticket: "INC-999999" } }), 404, "NOT_FOUND");

  const { mail } = expectOk(await l1.POST("/api/v1/inbound-mail/{mailId}/accept", { ...path, body: { ticket: ticket.number } }));
  expect(mail).toMatchObject({ status: "ACCEPTED", ticketNumber: ticket.number, decidedBy: { userId: "l1agent" } });
  expectError(await l1.POST("/api/v1/inbound-mail/{mailId}/discard", path), 409, "CONFLICT");
  expectError(await l1.POST("/api/v1/inbound-mail/{mailId}/discard", { params: { path: { mailId: 2_000_000_000 } } }), 404, "NOT_FOUND");
  const accepted = expectOk(await l1.GET("/api/v1/inbound-mail", { params: { query: { status: "ACCEPTED", limit: 100 } } }));
  expect(accepted.items.map((m) => m.id)).toContain(held!.id);
});
