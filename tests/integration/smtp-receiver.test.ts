// The SMTP receiver on an ephemeral port, spoken to by nodemailer (as a sending MTA would) and, where the exact
// exchange matters, over a bare socket. No database: the receiver only hands raw messages to its callback.
import net from "node:net";
import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { TEST_TLS_CERT, TEST_TLS_KEY } from "@/tests/fixtures/smtp-test-tls";
import { startSmtpReceiver, type SmtpEnvelope, type SmtpReceiver, type SmtpReceiverOptions } from "@/lib/inbound/smtp-receiver";

const DOMAIN = "support.tierdesk.test";
const TO = `support+42.k3y@${DOMAIN}`;

interface Received {
  raw: Buffer;
  envelope: SmtpEnvelope;
}

const open: SmtpReceiver[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

async function receiver(options: Partial<SmtpReceiverOptions> = {}) {
  const received: Received[] = [];
  const r = await startSmtpReceiver({
    port: 0,
    host: "127.0.0.1",
    domain: DOMAIN,
    perSenderPerHour: 100,
    receive: async (raw, envelope) => {
      received.push({ raw, envelope });
    },
    ...options,
  });
  open.push(r);
  return { ...r, received };
}

function transport(port: number) {
  return nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, connectionTimeout: 10_000 });
}

function message(subject: string, body = "Still broken after the restart.\r\n"): Buffer {
  return Buffer.from(
    [
      "From: Customer <customer@example.org>",
      `To: <${TO}>`,
      `Subject: ${subject}`,
      `Message-ID: <${subject.replace(/\W/g, "-")}@example.org>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      body,
    ].join("\r\n"),
    "utf8",
  );
}

/** The SMTP error nodemailer rejected with: its reply code and text. */
async function refusal(sending: Promise<unknown>): Promise<{ responseCode: number; response: string }> {
  const error = (await sending.then(
    () => {
      throw new Error("the message was accepted");
    },
    (e: unknown) => e,
  )) as { responseCode: number; response: string };
  return { responseCode: error.responseCode, response: error.response };
}

/** A bare SMTP session: `reply()` is the server's next complete reply (all its lines), `say(line)` sends and awaits one. */
async function session(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let buffer = "";
  let waiting: (() => void) | undefined;
  socket.setEncoding("latin1");
  socket.on("data", (d: string) => {
    buffer += d;
    waiting?.();
  });
  socket.on("close", () => waiting?.());
  async function reply(): Promise<string> {
    for (;;) {
      // A reply ends with a line "NNN text" (a space after the code, not a hyphen).
      const end = /^\d{3}(?: [^\r\n]*)?\r\n/m.exec(buffer);
      if (end) {
        const text = buffer.slice(0, end.index + end[0].length);
        buffer = buffer.slice(text.length);
        return text.trimEnd();
      }
      if (socket.destroyed || socket.readableEnded) return "";
      await new Promise<void>((resolve) => (waiting = resolve));
    }
  }
  return {
    reply,
    async say(line: string | Buffer) {
      socket.write(line);
      return reply();
    },
    close: () => socket.destroy(),
  };
}

describe("SMTP receiver", () => {
  it("hands a message for our domain to receive with its bytes intact and its envelope, then answers 250", async () => {
    const r = await receiver();
    const body = "Grüße — still broken.\r\n.a line that starts with a dot\r\n..two dots\r\n\r\n> quoted\r\n";
    const raw = message("Re: [T-42] Printer", body);
    const info = await transport(r.port).sendMail({ envelope: { from: "Customer@Example.org", to: [TO] }, raw });
    expect(info.response).toMatch(/^250 /);
    expect(r.received).toHaveLength(1);
    // (nodemailer lower-cases the domain it sends; the receiver passes on what it was given, as the next test shows)
    expect(r.received[0]!.envelope).toEqual({ mailFrom: "Customer@example.org", rcptTo: [TO] });
    expect(r.received[0]!.raw.equals(raw)).toBe(true);
  });

  it("takes a recipient of our domain in any case, and the null sender of a bounce", async () => {
    const r = await receiver();
    const s = await session(r.port);
    expect(await s.reply()).toMatch(/^220 /);
    expect(await s.say("EHLO mx.example.org\r\n")).toMatch(/^250[ -]/);
    expect(await s.say("MAIL FROM:<>\r\n")).toMatch(/^250 /);
    expect(await s.say(`RCPT TO:<Support+42.K3Y@SUPPORT.Tierdesk.TEST>\r\n`)).toMatch(/^250 /);
    expect(await s.say("DATA\r\n")).toMatch(/^354 /);
    expect(await s.say("Subject: bounce\r\n\r\nUndeliverable.\r\n.\r\n")).toMatch(/^250 /);
    expect(r.received.map((m) => m.envelope)).toEqual([{ mailFrom: "", rcptTo: ["Support+42.K3Y@SUPPORT.Tierdesk.TEST"] }]);
    s.close();
  });

  it("refuses a recipient of another domain with 550 (no relaying), and keeps the ones of ours", async () => {
    const r = await receiver();
    const refused = await refusal(transport(r.port).sendMail({ envelope: { from: "customer@example.org", to: ["someone@example.com"] }, raw: message("relay") }));
    expect(refused.responseCode).toBe(550);
    expect(refused.response).toMatch(/Relaying denied: this server only takes mail for @support\.tierdesk\.test/);
    // a domain that merely ends in ours is another domain
    const lookalike = await refusal(transport(r.port).sendMail({ envelope: { from: "customer@example.org", to: [`x@evil${DOMAIN}`] }, raw: message("lookalike") }));
    expect(lookalike.responseCode).toBe(550);
    expect(r.received).toHaveLength(0);

    const mixed = await transport(r.port).sendMail({ envelope: { from: "customer@example.org", to: [TO, "other@example.net"] }, raw: message("mixed") });
    expect(mixed.accepted).toEqual([TO]);
    expect(mixed.rejected).toEqual(["other@example.net"]);
    expect(r.received.map((m) => m.envelope.rcptTo)).toEqual([[TO]]);
  });

  it("refuses a message over maxBytes with 552 and never calls receive (declared in MAIL FROM, or found in DATA)", async () => {
    const r = await receiver({ maxBytes: 2_000 });
    const big = message("big", `${"x".repeat(70)}\r\n`.repeat(60));
    const refused = await refusal(transport(r.port).sendMail({ envelope: { from: "customer@example.org", to: [TO] }, raw: big }));
    expect(refused.responseCode).toBe(552);

    // A sender that declares no SIZE is told at the end of DATA.
    const s = await session(r.port);
    expect(await s.reply()).toMatch(/^220 /);
    expect(await s.say("EHLO mx.example.org\r\n")).toMatch(/^250[ -]SIZE 2000$/m);
    expect(await s.say("MAIL FROM:<customer@example.org>\r\n")).toMatch(/^250 /);
    expect(await s.say(`RCPT TO:<${TO}>\r\n`)).toMatch(/^250 /);
    expect(await s.say("DATA\r\n")).toMatch(/^354 /);
    expect(await s.say(Buffer.concat([big, Buffer.from(".\r\n")]))).toMatch(/^552 .*at most 2000 bytes/);
    // the session carries on: a small message afterwards is taken
    expect(await s.say("MAIL FROM:<customer@example.org>\r\n")).toMatch(/^250 /);
    expect(await s.say(`RCPT TO:<${TO}>\r\n`)).toMatch(/^250 /);
    expect(await s.say("DATA\r\n")).toMatch(/^354 /);
    expect(await s.say("Subject: small\r\n\r\nok\r\n.\r\n")).toMatch(/^250 /);
    s.close();
    expect(r.received.map((m) => m.raw.toString())).toEqual(["Subject: small\r\n\r\nok\r\n"]);
  });

  it("refuses a sender over its hourly limit temporarily (451), counting its address without case, until the hour has moved on", async () => {
    let now = new Date("2029-06-01T12:00:00Z");
    const r = await receiver({ perSenderPerHour: 2, now: () => now });
    const t = transport(r.port);
    const send = (from: string, subject: string) => t.sendMail({ envelope: { from, to: [TO] }, raw: message(subject) });
    await send("flood@example.org", "one");
    now = new Date("2029-06-01T12:10:00Z");
    await send("Flood@Example.org", "two");
    const refused = await refusal(send("FLOOD@example.org", "three"));
    expect(refused.responseCode).toBe(451);
    expect(refused.response).toMatch(/Too many messages from <FLOOD@example\.org> this hour; try again in 50 minutes/);
    await send("someone-else@example.org", "other sender"); // others are not held up
    now = new Date("2029-06-01T13:00:00Z"); // the first has left the window
    await send("flood@example.org", "three, retried");
    expect(await refusal(send("flood@example.org", "four"))).toMatchObject({ responseCode: 451 });
    expect(r.received.map((m) => m.envelope.mailFrom)).toEqual([
      "flood@example.org", "Flood@example.org", "someone-else@example.org", "flood@example.org",
    ]);
  });

  it("answers 451 when receive throws (the sender keeps the message and retries), and the retry is taken", async () => {
    let failing = true;
    const errors: unknown[] = [];
    const received: Buffer[] = [];
    const r = await receiver({
      perSenderPerHour: 1,
      receive: async (raw) => {
        if (failing) throw new Error("database unavailable");
        received.push(raw);
      },
      onReceiveError: (e) => errors.push(e),
    });
    const send = () => transport(r.port).sendMail({ envelope: { from: "customer@example.org", to: [TO] }, raw: message("retry me") });
    const refused = await refusal(send());
    expect(refused.responseCode).toBe(451);
    expect(refused.response).not.toMatch(/database unavailable/); // nothing of ours leaks to the sender
    expect(errors).toHaveLength(1);
    failing = false;
    await send(); // the failed attempt gave its place back: the limit of 1 still lets the retry in
    expect(received).toHaveLength(1);
  });

  it("answers 250 only once receive has resolved", async () => {
    let finish!: () => void;
    const started: string[] = [];
    const r = await receiver({
      receive: (raw) => {
        started.push(raw.toString());
        return new Promise<void>((resolve) => (finish = resolve));
      },
    });
    let answered = false;
    const sending = transport(r.port).sendMail({ envelope: { from: "customer@example.org", to: [TO] }, raw: message("slow") }).then((info) => {
      answered = true;
      return info;
    });
    await expect.poll(() => started.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    finish();
    expect((await sending).response).toMatch(/^250 /);
  });

  it("takes 20 messages sent at once, each exactly once", async () => {
    const r = await receiver({
      receive: async (raw, envelope) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
        r.received.push({ raw, envelope });
      },
    });
    const subjects = Array.from({ length: 20 }, (_, i) => `parallel ${i}`);
    const infos = await Promise.all(
      subjects.map((s, i) => transport(r.port).sendMail({ envelope: { from: `sender${i % 4}@example.org`, to: [TO] }, raw: message(s) })),
    );
    expect(infos.every((info) => /^250 /.test(info.response))).toBe(true);
    const got = r.received.map((m) => /^Subject: (.*)$/m.exec(m.raw.toString())![1]!.trim()).sort();
    expect(got).toEqual([...subjects].sort());
  });

  it("greets connections over maxConnections with 421 and closes them", async () => {
    const r = await receiver({ maxConnections: 2 });
    const a = await session(r.port);
    const b = await session(r.port);
    expect(await a.reply()).toMatch(/^220 /);
    expect(await b.reply()).toMatch(/^220 /);
    const c = await session(r.port);
    expect(await c.reply()).toMatch(/^421 /);
    a.close();
    b.close();
    c.close();
  });

  it("offers neither AUTH nor STARTTLS without certificates, and advertises SIZE", async () => {
    const r = await receiver();
    const s = await session(r.port);
    await s.reply();
    const ehlo = await s.say("EHLO mx.example.org\r\n");
    expect(ehlo).toMatch(/SIZE 26214400/);
    expect(ehlo).not.toMatch(/AUTH|STARTTLS/);
    expect(await s.say("AUTH PLAIN AGFsaWNlAHNlY3JldA==\r\n")).toMatch(/^5\d\d /);
    s.close();
  });

  it("offers STARTTLS when given a key and certificate, and a sender that wants it gets an encrypted session", async () => {
    const r = await receiver({ tls: { key: TEST_TLS_KEY, cert: TEST_TLS_CERT } });
    const s = await session(r.port);
    await s.reply();
    expect(await s.say("EHLO mx.example.org\r\n")).toMatch(/^250[ -]STARTTLS$/m);
    s.close();
    const t = nodemailer.createTransport({ host: "127.0.0.1", port: r.port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
    const info = await t.sendMail({ envelope: { from: "customer@example.org", to: [TO] }, raw: message("over TLS") });
    expect(info.response).toMatch(/^250 /);
    expect(r.received).toHaveLength(1);
  });

  it("close() waits for a receive under way, so a message being stored is not cut off", async () => {
    let finish!: () => void;
    let stored = false;
    const r = await receiver({
      closeTimeoutMs: 200,
      receive: () =>
        new Promise<void>((resolve) => {
          finish = () => {
            stored = true;
            resolve();
          };
        }),
    });
    const sending = transport(r.port).sendMail({ envelope: { from: "customer@example.org", to: [TO] }, raw: message("while closing") }).catch(() => undefined);
    await expect.poll(() => finish !== undefined).toBe(true);
    let closed = false;
    const closing = r.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 400)); // past closeTimeoutMs: the session itself was cut
    expect(closed).toBe(false);
    finish();
    await closing;
    expect(stored).toBe(true);
    await sending;
  });
});
