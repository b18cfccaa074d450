import { describe, expect, it } from "vitest";
import { DEFAULT_IMAP_SECONDS, inboundImapSettings } from "@/lib/inbound/imap-settings";

const URL = "imaps://support%40example.com:s3cret@imap.example.com:993/INBOX";

describe("inboundImapSettings", () => {
  it("is off when INBOUND_IMAP_URL is unset or blank", () => {
    expect(inboundImapSettings({})).toBeNull();
    expect(inboundImapSettings({ INBOUND_IMAP_URL: "  ", INBOUND_DOMAIN: "support.example.com" })).toBeNull();
  });

  it("reads the URL, flags what it read \\Seen and runs every minute by default", () => {
    expect(inboundImapSettings({ INBOUND_IMAP_URL: URL, INBOUND_DOMAIN: "support.example.com" })).toEqual({ url: URL, afterReceive: "seen", seconds: DEFAULT_IMAP_SECONDS });
  });

  it("takes a move folder, delete and another interval", () => {
    const env = { INBOUND_IMAP_URL: URL, INBOUND_DOMAIN: "support.example.com", INBOUND_IMAP_SECONDS: "30" };
    expect(inboundImapSettings({ ...env, INBOUND_IMAP_AFTER: "move:Processed" })).toMatchObject({ afterReceive: "move:Processed", seconds: 30 });
    expect(inboundImapSettings({ ...env, INBOUND_IMAP_AFTER: "delete" })).toMatchObject({ afterReceive: "delete" });
  });

  it("names the variable at fault, and never repeats the password", () => {
    const env = { INBOUND_IMAP_URL: URL, INBOUND_DOMAIN: "support.example.com" };
    expect(() => inboundImapSettings({ INBOUND_IMAP_URL: URL })).toThrow(/^INBOUND_DOMAIN/);
    expect(() => inboundImapSettings({ ...env, INBOUND_IMAP_URL: "https://user:s3cret@example.com/" })).toThrow(/^INBOUND_IMAP_URL/);
    expect(() => inboundImapSettings({ ...env, INBOUND_IMAP_URL: "https://user:s3cret@example.com/" })).not.toThrow(/s3cret/);
    expect(() => inboundImapSettings({ ...env, INBOUND_IMAP_AFTER: "archive" })).toThrow(/^INBOUND_IMAP_AFTER/);
    expect(() => inboundImapSettings({ ...env, INBOUND_IMAP_AFTER: "move:" })).toThrow(/^INBOUND_IMAP_AFTER/);
    for (const seconds of ["0", "4", "1.5", "ten", "86401"]) {
      expect(() => inboundImapSettings({ ...env, INBOUND_IMAP_SECONDS: seconds })).toThrow(/^INBOUND_IMAP_SECONDS/);
    }
  });
});
