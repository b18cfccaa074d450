import { describe, expect, it } from "vitest";
import { inboundSmtpSettings, isDomainName } from "@/lib/inbound/smtp-receiver-config";

const on = (env: Record<string, string> = {}) => inboundSmtpSettings({ INBOUND_SMTP_PORT: "2525", INBOUND_DOMAIN: "support.example.com", ...env });

describe("inboundSmtpSettings", () => {
  it("is off (null) unless INBOUND_SMTP_PORT is set to something", () => {
    expect(inboundSmtpSettings({})).toBeNull();
    expect(inboundSmtpSettings({ INBOUND_SMTP_PORT: "  ", INBOUND_DOMAIN: "x.example" })).toBeNull();
    expect(inboundSmtpSettings({ INBOUND_DOMAIN: "support.example.com" })).toBeNull();
  });

  it("reads the port and domain, with defaults for the rest", () => {
    expect(on()).toEqual({
      port: 2525,
      host: undefined,
      domain: "support.example.com",
      maxBytes: 25 * 1024 * 1024,
      perSenderPerHour: 100,
      maxConnections: 20,
      tls: undefined,
    });
  });

  it("lower-cases the domain and drops a trailing dot", () => {
    expect(on({ INBOUND_DOMAIN: " Support.Example.COM. " })).toMatchObject({ domain: "support.example.com" });
  });

  it("reads every other setting", () => {
    expect(
      on({
        INBOUND_SMTP_HOST: "127.0.0.1",
        INBOUND_SMTP_MAX_MB: "10.5",
        INBOUND_SMTP_PER_SENDER_PER_HOUR: "30",
        INBOUND_SMTP_MAX_CONNECTIONS: "5",
        INBOUND_SMTP_TLS_KEY: "/etc/tierdesk/key.pem",
        INBOUND_SMTP_TLS_CERT: "/etc/tierdesk/cert.pem",
      }),
    ).toEqual({
      port: 2525,
      host: "127.0.0.1",
      domain: "support.example.com",
      maxBytes: Math.floor(10.5 * 1024 * 1024),
      perSenderPerHour: 30,
      maxConnections: 5,
      tls: { keyFile: "/etc/tierdesk/key.pem", certFile: "/etc/tierdesk/cert.pem" },
    });
    expect(on({ INBOUND_SMTP_HOST: "::" })).toMatchObject({ host: "::" });
    expect(on({ INBOUND_SMTP_HOST: "mx.internal" })).toMatchObject({ host: "mx.internal" });
  });

  it("refuses values that make no sense, naming the variable", () => {
    for (const [env, message] of [
      [{ INBOUND_SMTP_PORT: "smtp" }, /^INBOUND_SMTP_PORT must be a whole number from 1 to 65535; it is "smtp"/],
      [{ INBOUND_SMTP_PORT: "0" }, /^INBOUND_SMTP_PORT must be/],
      [{ INBOUND_SMTP_PORT: "65536" }, /^INBOUND_SMTP_PORT must be/],
      [{ INBOUND_SMTP_PORT: "25.5" }, /^INBOUND_SMTP_PORT must be/],
      [{ INBOUND_DOMAIN: "" }, /^INBOUND_DOMAIN must name the domain/],
      [{ INBOUND_DOMAIN: "support@example.com" }, /^INBOUND_DOMAIN must be a domain name .* "support@example.com"/],
      [{ INBOUND_DOMAIN: "-bad.example" }, /^INBOUND_DOMAIN must be a domain name/],
      [{ INBOUND_DOMAIN: "a..example" }, /^INBOUND_DOMAIN must be a domain name/],
      [{ INBOUND_SMTP_HOST: "not a host" }, /^INBOUND_SMTP_HOST must be an IP address or a host name/],
      [{ INBOUND_SMTP_MAX_MB: "0" }, /^INBOUND_SMTP_MAX_MB must be a number of megabytes above 0/],
      [{ INBOUND_SMTP_MAX_MB: "25MB" }, /^INBOUND_SMTP_MAX_MB must be/],
      [{ INBOUND_SMTP_MAX_MB: "2048" }, /^INBOUND_SMTP_MAX_MB must be/],
      [{ INBOUND_SMTP_PER_SENDER_PER_HOUR: "0" }, /^INBOUND_SMTP_PER_SENDER_PER_HOUR must be a whole number from 1/],
      [{ INBOUND_SMTP_PER_SENDER_PER_HOUR: "-5" }, /^INBOUND_SMTP_PER_SENDER_PER_HOUR must be/],
      [{ INBOUND_SMTP_MAX_CONNECTIONS: "many" }, /^INBOUND_SMTP_MAX_CONNECTIONS must be/],
      [{ INBOUND_SMTP_TLS_KEY: "/k.pem" }, /^INBOUND_SMTP_TLS_KEY and INBOUND_SMTP_TLS_CERT go together/],
      [{ INBOUND_SMTP_TLS_CERT: "/c.pem" }, /go together/],
    ] as const) {
      expect(() => on(env), JSON.stringify(env)).toThrow(message);
    }
  });
});

describe("isDomainName", () => {
  it("takes DNS names and nothing else", () => {
    expect(isDomainName("example.com")).toBe(true);
    expect(isDomainName("localhost")).toBe(true);
    expect(isDomainName("xn--bcher-kva.example")).toBe(true);
    expect(isDomainName("")).toBe(false);
    expect(isDomainName("under_score.example")).toBe(false);
    expect(isDomainName("a".repeat(64) + ".example")).toBe(false);
  });
});
