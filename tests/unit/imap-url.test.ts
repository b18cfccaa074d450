import { describe, expect, it } from "vitest";
import { ImapUrlError, parseAfterReceive, parseImapUrl } from "@/lib/inbound/imap-url";

describe("parseImapUrl", () => {
  it("reads an imaps:// URL with port and mailbox", () => {
    expect(parseImapUrl("imaps://support:s3cret@imap.example.com:993/INBOX")).toEqual({
      host: "imap.example.com",
      port: 993,
      secure: true,
      user: "support",
      pass: "s3cret",
      mailbox: "INBOX",
    });
  });

  it("defaults the port by scheme: 993 for imaps, 143 for imap", () => {
    expect(parseImapUrl("imaps://u:p@mail.example.com").port).toBe(993);
    const plain = parseImapUrl("imap://u:p@127.0.0.1");
    expect(plain).toMatchObject({ port: 143, secure: false, host: "127.0.0.1" });
  });

  it("has no mailbox when the path is empty", () => {
    expect(parseImapUrl("imap://u:p@host:1430").mailbox).toBeNull();
    expect(parseImapUrl("imap://u:p@host:1430/").mailbox).toBeNull();
  });

  it("URL-decodes user, password and mailbox", () => {
    const parsed = parseImapUrl("imaps://support%40example.com:p%40ss%3Aw%2Frd%25@host/Support%2FReplies");
    expect(parsed.user).toBe("support@example.com");
    expect(parsed.pass).toBe("p@ss:w/rd%");
    expect(parsed.mailbox).toBe("Support/Replies");
  });

  it("takes an IPv6 literal without its brackets", () => {
    expect(parseImapUrl("imap://u:p@[::1]:1143/INBOX").host).toBe("::1");
  });

  it.each([
    ["not a URL", "not a url", /not a URL/],
    ["another scheme", "https://u:p@host/INBOX", /imaps:\/\/ or imap:\/\//],
    ["no user", "imaps://host/INBOX", /no user/],
    ["no password", "imaps://user@host/INBOX", /no password/],
    ["a query", "imaps://u:p@host/INBOX?tls=off", /no query/],
    ["a bad escape", "imaps://u:p%zz@host/INBOX", /malformed %-escape/],
  ])("refuses %s with a clear error", (_, url, message) => {
    expect(() => parseImapUrl(url)).toThrow(ImapUrlError);
    expect(() => parseImapUrl(url)).toThrow(message);
  });

  it("never repeats the password in its errors", () => {
    expect(() => parseImapUrl("imaps://user:hunter2@host/INBOX?x=1")).toThrow(expect.objectContaining({ message: expect.not.stringContaining("hunter2") }));
  });
});

describe("parseAfterReceive", () => {
  it("accepts seen, delete and move:<folder>", () => {
    expect(parseAfterReceive("seen")).toBe("seen");
    expect(parseAfterReceive("delete")).toBe("delete");
    expect(parseAfterReceive("move:Processed")).toBe("move:Processed");
  });

  it("refuses anything else", () => {
    expect(() => parseAfterReceive("move:")).toThrow(/needs a folder/);
    expect(() => parseAfterReceive("archive")).toThrow(ImapUrlError);
  });
});
