import { describe, expect, it } from "vitest";
import { classifyNoise, type MailFacts } from "@/lib/inbound/noise";
import { findReplyAddress, isOwnMessageId, outboundMessageId, parseReplyAddress, replyAddress, replyToken, replyTokenMatches } from "@/lib/mail/reply-address";
import { fitText, MAIL_TEXT_MAX, splitReply, storableText } from "@/lib/inbound/reply-text";

const key = Buffer.from("k".repeat(32));
const domain = "reply.example.com";

describe("reply address (issue 24)", () => {
  const token = replyToken(key, 42, "customer-1");

  it("builds and parses support+<ticket>.<token>@domain", () => {
    expect(token).toMatch(/^[0-9a-f]{20}$/);
    const address = replyAddress("INC-000042", token, "Reply.Example.com");
    expect(address).toBe(`support+INC-000042.${token}@reply.example.com`);
    expect(parseReplyAddress(address, domain)).toEqual({ ticketNumber: "INC-000042", token });
    expect(parseReplyAddress(address.toUpperCase(), domain)).toEqual({ ticketNumber: "INC-000042", token });
  });

  it("refuses other domains, local parts, numbers and token lengths", () => {
    expect(parseReplyAddress(`support+INC-000042.${token}@evil.example.com`, domain)).toBeNull();
    expect(parseReplyAddress(`help+INC-000042.${token}@${domain}`, domain)).toBeNull();
    expect(parseReplyAddress(`support+XYZ-000042.${token}@${domain}`, domain)).toBeNull();
    expect(parseReplyAddress(`support+INC-000042.${token.slice(1)}@${domain}`, domain)).toBeNull();
    expect(parseReplyAddress("support@" + domain, domain)).toBeNull();
  });

  it("finds the reply address among several", () => {
    expect(findReplyAddress(["someone@else.org", `support+REQ-000007.${token}@${domain}`], domain)).toEqual({ ticketNumber: "REQ-000007", token });
    expect(findReplyAddress(["someone@else.org"], domain)).toBeNull();
  });

  it("a token matches only its ticket and customer, and only with the key", () => {
    expect(replyTokenMatches(key, 42, "customer-1", token)).toBe(true);
    expect(replyTokenMatches(key, 42, "customer-1", token.toUpperCase())).toBe(true);
    expect(replyTokenMatches(key, 43, "customer-1", token)).toBe(false);
    expect(replyTokenMatches(key, 42, "customer-2", token)).toBe(false);
    expect(replyTokenMatches(Buffer.from("other"), 42, "customer-1", token)).toBe(false);
    expect(replyTokenMatches(key, 42, "customer-1", "short")).toBe(false);
  });

  it("our Message-IDs are in our domain and unique", () => {
    const id = outboundMessageId(5, domain);
    expect(id).toMatch(/^<outbox-5\.[0-9a-f]{16}@reply\.example\.com>$/);
    expect(outboundMessageId(5, domain)).not.toBe(id);
    expect(isOwnMessageId(id, domain)).toBe(true);
    expect(isOwnMessageId("<abc@mail.customer.org>", domain)).toBe(false);
    expect(isOwnMessageId(null, domain)).toBe(false);
  });
});

describe("noise (issue 24)", () => {
  const mail = (headers: Record<string, string>, extra: Partial<MailFacts> = {}): MailFacts => ({ headers, fromAddress: "ann@customer.org", messageId: "<1@customer.org>", contentType: "text/plain", ...extra });

  it("lets a person's reply through", () => {
    expect(classifyNoise(mail({ "auto-submitted": "no" }), domain)).toBeNull();
    expect(classifyNoise(mail({}), undefined)).toBeNull();
  });

  it("recognizes out-of-office replies", () => {
    expect(classifyNoise(mail({ "auto-submitted": "auto-replied" }), domain)?.kind).toBe("out-of-office");
    expect(classifyNoise(mail({ "x-autoreply": "yes" }), domain)?.kind).toBe("out-of-office");
    expect(classifyNoise(mail({ "x-autorespond": "1" }), domain)?.kind).toBe("out-of-office");
  });

  it("ignores automatic and bulk mail", () => {
    expect(classifyNoise(mail({ "auto-submitted": "auto-generated" }), domain)?.kind).toBe("automatic");
    for (const precedence of ["bulk", "junk", "list", "auto_reply", "Bulk"]) expect(classifyNoise(mail({ precedence }), domain)?.kind).toBe("automatic");
  });

  it("ignores bounces and our own mail", () => {
    expect(classifyNoise(mail({}, { contentType: "multipart/report" }), domain)?.kind).toBe("bounce");
    expect(classifyNoise(mail({ "x-failed-recipients": "ann@customer.org" }), domain)?.kind).toBe("bounce");
    expect(classifyNoise(mail({}, { fromAddress: "MAILER-DAEMON@mx.customer.org" }), domain)?.kind).toBe("bounce");
    expect(classifyNoise(mail({}, { fromAddress: "postmaster@mx.customer.org" }), domain)?.kind).toBe("bounce");
    expect(classifyNoise(mail({}, { messageId: `<outbox-1.ab@${domain}>` }), domain)?.kind).toBe("own-mail");
  });
});

describe("reply text (issue 24)", () => {
  it("strips the quoted history and signature", () => {
    const text = "Still down here.\n\nOn Tue, Dec 1, 2026 at 10:00 AM Support <support@x.org> wrote:\n> We fixed it.\n> Regards\n";
    expect(splitReply(text).reply).toBe("Still down here.");
  });

  it("keeps what it strips: the quote and the signature, and nothing of the reply", () => {
    const text = "Still down here.\r\nSecond line.\n\n-- \nAnn Customer\nAcme\n\nOn Tue, Dec 1, 2026 at 10:00 AM Support <support@x.org> wrote:\n> We fixed it.\n> Regards\n";
    const { full, reply, quoted } = splitReply(text);
    expect(reply).toBe("Still down here.\nSecond line.");
    expect(quoted).toContain("Ann Customer");
    expect(quoted).toContain("> We fixed it.");
    expect(quoted).not.toContain("Still down here");
    expect(full).toBe(storableText(text).trim());
    expect(splitReply("Just a reply, nothing quoted.")).toEqual({ full: "Just a reply, nothing quoted.", reply: "Just a reply, nothing quoted.", quoted: null });
  });

  it("keeps at most MAIL_TEXT_MAX characters of each part of a huge mail, saying it was cut", () => {
    const huge = `Top reply.\n\nOn Mon, Support wrote:\n${"> an old line of the quoted mail\n".repeat(20_000)}`;
    const { full, reply, quoted } = splitReply(huge);
    expect(reply).toBe("Top reply.");
    expect(full.length).toBeLessThanOrEqual(MAIL_TEXT_MAX);
    expect(full).toContain("[…cut: the full mail is kept with the received message]");
    expect(quoted!.length).toBeLessThanOrEqual(MAIL_TEXT_MAX);
    expect(quoted).toContain("> an old line");
    const plain = splitReply("x".repeat(MAIL_TEXT_MAX * 3));
    expect(plain.reply.length).toBeLessThanOrEqual(MAIL_TEXT_MAX);
    expect(plain.quoted).toBeNull();
  });

  it("removes what cannot be stored and cuts long text", () => {
    expect(storableText("a\u0000b\r\nc\u0007")).toBe("ab\nc");
    const cut = fitText("x".repeat(200), 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toContain("cut");
    expect(fitText("short", 100)).toBe("short");
  });
});

describe("mail attachments (issue 24)", () => {
  it("keeps what the portal would accept and names what it refuses", async () => {
    const { checkMailAttachments } = await import("@/lib/inbound/mail-attachments");
    const text = new TextEncoder().encode("a log line\n");
    const checked = checkMailAttachments([
      { fileName: "../../etc/app.log", content: text },
      { fileName: "big.log", content: new Uint8Array(10 * 1024 * 1024 + 1) },
      { fileName: "x.exe", content: new Uint8Array([0x4d, 0x5a, 0x00]) },
      ...Array.from({ length: 5 }, (_, i) => ({ fileName: `n${i}.txt`, content: text })),
    ]);
    expect(checked.accepted.map((a) => [a.fileName, a.contentType])).toEqual([
      ["app.log", "text/plain"],
      ["n0.txt", "text/plain"],
      ["n1.txt", "text/plain"],
      ["n2.txt", "text/plain"],
      ["n3.txt", "text/plain"],
    ]);
    expect(checked.refused).toEqual([
      '"big.log" is over 10 MB.',
      '"x.exe" is not an image (PNG, JPEG, GIF, WebP), a PDF or a text file.',
      '"n4.txt" is one file more than the 5 a reply may carry.',
    ]);
  });
});
