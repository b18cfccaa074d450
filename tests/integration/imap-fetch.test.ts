// The IMAP fetch (lib/inbound/imap-fetch.ts) against a real IMAP server: a throw-away dovecot
// (tests/fixtures/dovecot.ts). No database: `receive` is a callback here. Where dovecot is not installed or does
// not start, the tests tagged [imap] print why and skip (.ci/check-test-reports.mjs reports them, not fails).
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { fetchImapMailbox } from "@/lib/inbound/imap-fetch";
import { startDovecot } from "@/tests/fixtures/dovecot";

const started = await startDovecot();
const server = started.server;
if (!server) console.warn(`imap-fetch: the IMAP tests skip: ${started.reason}`);
afterAll(async () => server?.stop());

let sequence = 0;
/** A message with CRLF line ends, an 8-bit UTF-8 body and a unique Message-ID. */
function message(subject: string): Buffer {
  sequence += 1;
  return Buffer.from(
    [
      "From: Customer <customer@example.com>",
      "To: support@tierdesk.invalid",
      `Subject: ${subject}`,
      `Message-ID: <imap-fetch-${sequence}-${process.pid}@example.com>`,
      "Date: Fri, 04 Dec 2026 10:00:00 +0000",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      `Still broken after the restart (${subject}). Grüße, Ærøskøbing — ✓`,
      "",
    ].join("\r\n"),
  );
}

/** Creates a fresh mailbox holding these messages (each test has its own, so they do not depend on order). */
async function mailboxWith(name: string, messages: Buffer[]): Promise<void> {
  const client = await server!.client();
  try {
    await client.mailboxCreate(name);
    for (const raw of messages) await client.append(name, raw);
  } finally {
    await client.logout();
  }
}

/** Each message's flags in a mailbox, by Message-ID. */
async function flagsIn(name: string): Promise<Map<string, string[]>> {
  const client = await server!.client();
  const flags = new Map<string, string[]>();
  try {
    const lock = await client.getMailboxLock(name);
    try {
      if ((client.mailbox || { exists: 0 }).exists === 0) return flags;
      for await (const found of client.fetch("1:*", { flags: true, envelope: true })) {
        flags.set(found.envelope!.messageId!, [...(found.flags ?? [])].sort());
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
  return flags;
}

const messageId = (raw: Buffer) => /^Message-ID: (.*)$/m.exec(raw.toString())![1]!.trim();

describe.skipIf(!server)("IMAP fetch against dovecot [imap]", () => {
  it("receives every unseen message with its raw bytes intact, and flags each \\Seen after", async () => {
    const sent = [message("one"), message("two"), message("three")];
    await mailboxWith("Three", sent);
    const received: Buffer[] = [];
    const result = await fetchImapMailbox({
      url: server!.url,
      mailbox: "Three",
      afterReceive: "seen",
      receive: async (raw) => {
        // Not flagged before its receive resolved.
        expect((await flagsIn("Three")).get(messageId(raw))).not.toContain("\\Seen");
        received.push(raw);
      },
    });
    expect(result).toEqual({ fetched: 3, received: 3, failed: 0, errors: [], tooBig: [] });
    expect(received.map((raw) => raw.toString("hex"))).toEqual(sent.map((raw) => raw.toString("hex")));
    const flags = await flagsIn("Three");
    for (const raw of sent) expect(flags.get(messageId(raw))).toContain("\\Seen");

    // A second run finds nothing new.
    const again = await fetchImapMailbox({ url: server!.url, mailbox: "Three", afterReceive: "seen", receive: async () => void received.push(Buffer.alloc(0)) });
    expect(again).toEqual({ fetched: 0, received: 0, failed: 0, errors: [], tooBig: [] });
    expect(received).toHaveLength(3);
  });

  it("leaves a message whose receive throws unseen, goes on with the next, and receives it on the next run", async () => {
    const [first, bad, last] = [message("first"), message("bad"), message("last")];
    await mailboxWith("Failing", [first, bad, last]);
    const received: string[] = [];
    const result = await fetchImapMailbox({
      url: server!.url,
      mailbox: "Failing",
      afterReceive: "seen",
      receive: async (raw) => {
        if (raw.equals(bad)) throw new Error("database unavailable");
        received.push(messageId(raw));
      },
    });
    expect(result).toMatchObject({ fetched: 3, received: 2, failed: 1 });
    expect(result.errors).toEqual([expect.stringMatching(/^UID \d+: database unavailable$/)]);
    expect(received).toEqual([messageId(first), messageId(last)]);
    const flags = await flagsIn("Failing");
    expect(flags.get(messageId(bad))).not.toContain("\\Seen");
    expect(flags.get(messageId(last))).toContain("\\Seen");

    const retried: Buffer[] = [];
    const next = await fetchImapMailbox({ url: server!.url, mailbox: "Failing", afterReceive: "seen", receive: async (raw) => void retried.push(raw) });
    expect(next).toEqual({ fetched: 1, received: 1, failed: 0, errors: [], tooBig: [] });
    expect(retried[0]!.equals(bad)).toBe(true);
    expect((await flagsIn("Failing")).get(messageId(bad))).toContain("\\Seen");
  });

  it("does not download a message over maxBytes: it stays unseen for a person and is listed, the others are received", async () => {
    const small = message("small");
    const big = Buffer.concat([message("big"), Buffer.from("x".repeat(4_000) + "\r\n")]);
    await mailboxWith("Oversized", [big, small]);
    const received: string[] = [];
    const result = await fetchImapMailbox({ url: server!.url, mailbox: "Oversized", afterReceive: "seen", maxBytes: 2_000, receive: async (raw) => void received.push(messageId(raw)) });
    expect(result).toMatchObject({ fetched: 1, received: 1, failed: 0, errors: [] });
    expect(result.tooBig).toEqual([expect.stringMatching(/^UID \d+: 0\.0 MB, over the 0 MB limit: left unseen for a person$/)]);
    expect(received).toEqual([messageId(small)]);
    expect((await flagsIn("Oversized")).get(messageId(big))).not.toContain("\\Seen");
  });

  it('"move:Processed" moves each received message to Processed (created when missing), a failed one stays', async () => {
    const [moved, kept] = [message("moved"), message("kept")];
    await mailboxWith("Moving", [moved, kept]);
    const result = await fetchImapMailbox({
      url: server!.url,
      mailbox: "Moving",
      afterReceive: "move:Processed",
      receive: async (raw) => {
        if (raw.equals(kept)) throw new Error("not now");
      },
    });
    expect(result).toMatchObject({ fetched: 2, received: 1, failed: 1 });
    expect([...(await flagsIn("Moving")).keys()]).toEqual([messageId(kept)]);
    expect([...(await flagsIn("Processed")).keys()]).toEqual([messageId(moved)]);
  });

  it('"delete" expunges a received message; batch takes the oldest first and leaves the rest for the next run', async () => {
    const sent = [message("a"), message("b"), message("c")];
    await mailboxWith("Deleting", sent);
    const received: string[] = [];
    const receive = async (raw: Buffer) => void received.push(messageId(raw));
    expect(await fetchImapMailbox({ url: server!.url, mailbox: "Deleting", afterReceive: "delete", batch: 2, receive })).toMatchObject({ fetched: 2, received: 2 });
    expect([...(await flagsIn("Deleting")).keys()]).toEqual([messageId(sent[2]!)]);
    expect(await fetchImapMailbox({ url: server!.url, mailbox: "Deleting", afterReceive: "delete", batch: 2, receive })).toMatchObject({ fetched: 1, received: 1 });
    expect(received).toEqual(sent.map(messageId));
    expect((await flagsIn("Deleting")).size).toBe(0);
  });

  it("reads the mailbox named by the URL's path, and fails the run on a wrong password", async () => {
    await mailboxWith("FromUrl", [message("url")]);
    const url = server!.url.replace(/\/INBOX$/, "/FromUrl");
    expect(await fetchImapMailbox({ url, afterReceive: "seen", receive: async () => {} })).toMatchObject({ fetched: 1, received: 1 });
    const wrong = new URL(server!.url);
    wrong.password = "wrong";
    await expect(fetchImapMailbox({ url: wrong.href, afterReceive: "seen", receive: async () => {} })).rejects.toThrow();
  });
});

describe("IMAP fetch against a server that never answers", () => {
  it("gives up at its greeting timeout instead of hanging", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const startedAt = performance.now();
      await expect(
        fetchImapMailbox({ url: `imap://u:p@127.0.0.1:${port}/INBOX`, afterReceive: "seen", receive: async () => {}, timeouts: { greeting: 500 } }),
      ).rejects.toThrow();
      expect(performance.now() - startedAt).toBeLessThan(5_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
