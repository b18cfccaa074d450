import { isIP } from "node:net";
import { setting, wholeNumber, type Env } from "./env-settings";

// The SMTP receiver's settings, read from the environment (issue 24, "Receiving"). Pure: the caller passes the
// environment; certificate files are named here and read by whoever starts the receiver. Off unless
// INBOUND_SMTP_PORT is set; once it is, a value that makes no sense throws a message naming its variable,
// so a misconfigured receiver stops the start instead of quietly not receiving.

export interface InboundSmtpSettings {
  port: number;
  /** The address to listen on; undefined: every interface (as HOSTNAME for the HTTP server). */
  host: string | undefined;
  /** The only domain RCPT TO may name, lower-case, without a trailing dot. */
  domain: string;
  maxBytes: number;
  perSenderPerHour: number;
  maxConnections: number;
  /** Key and certificate files (PEM) for STARTTLS; undefined: plain SMTP only. */
  tls: { keyFile: string; certFile: string } | undefined;
}

export const DEFAULT_INBOUND_MAX_MB = 25;
export const DEFAULT_INBOUND_PER_SENDER_PER_HOUR = 100;
export const DEFAULT_INBOUND_MAX_CONNECTIONS = 20;

/** A DNS name: dot-separated labels of letters, digits and inner hyphens, each 1–63 long, 253 at most in all. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function isDomainName(name: string): boolean {
  return name.length > 0 && name.length <= 253 && name.split(".").every((label) => LABEL.test(label));
}

/**
 * The receiver's settings, or null when INBOUND_SMTP_PORT is unset or blank (the receiver is off).
 * INBOUND_DOMAIN is then required. Throws a message naming the variable at fault.
 */
export function inboundSmtpSettings(env: Env): InboundSmtpSettings | null {
  if (setting(env, "INBOUND_SMTP_PORT") === undefined) return null;
  const port = wholeNumber(env, "INBOUND_SMTP_PORT", 0, 1, 65_535);

  const rawDomain = setting(env, "INBOUND_DOMAIN");
  if (rawDomain === undefined) {
    throw new Error("INBOUND_DOMAIN must name the domain replies are sent to (support.example.com) when INBOUND_SMTP_PORT is set.");
  }
  const domain = rawDomain.toLowerCase().replace(/\.$/, "");
  if (!isDomainName(domain)) throw new Error(`INBOUND_DOMAIN must be a domain name such as support.example.com; it is "${rawDomain}".`);

  const host = setting(env, "INBOUND_SMTP_HOST");
  if (host !== undefined && isIP(host) === 0 && !isDomainName(host.toLowerCase())) {
    throw new Error(`INBOUND_SMTP_HOST must be an IP address or a host name to listen on (unset: every interface); it is "${host}".`);
  }

  const rawMb = setting(env, "INBOUND_SMTP_MAX_MB");
  let maxMb = DEFAULT_INBOUND_MAX_MB;
  if (rawMb !== undefined) {
    maxMb = Number(rawMb);
    if (!/^\d+(?:\.\d+)?$/.test(rawMb) || !(maxMb > 0) || maxMb > 1024) {
      throw new Error(`INBOUND_SMTP_MAX_MB must be a number of megabytes above 0 and at most 1024; it is "${rawMb}".`);
    }
  }

  const keyFile = setting(env, "INBOUND_SMTP_TLS_KEY");
  const certFile = setting(env, "INBOUND_SMTP_TLS_CERT");
  if ((keyFile === undefined) !== (certFile === undefined)) {
    throw new Error("INBOUND_SMTP_TLS_KEY and INBOUND_SMTP_TLS_CERT go together: set both (PEM files, for STARTTLS) or neither.");
  }

  return {
    port,
    host,
    domain,
    maxBytes: Math.floor(maxMb * 1024 * 1024),
    perSenderPerHour: wholeNumber(env, "INBOUND_SMTP_PER_SENDER_PER_HOUR", DEFAULT_INBOUND_PER_SENDER_PER_HOUR, 1, 1_000_000),
    maxConnections: wholeNumber(env, "INBOUND_SMTP_MAX_CONNECTIONS", DEFAULT_INBOUND_MAX_CONNECTIONS, 1, 10_000),
    tls: keyFile !== undefined && certFile !== undefined ? { keyFile, certFile } : undefined,
  };
}
