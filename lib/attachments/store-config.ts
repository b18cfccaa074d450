import path from "node:path";

/** Where attachment bytes live, decided from the environment (see README, "Attachments on object storage"). */
export type AttachmentStoreConfig =
  | { kind: "directory"; dir: string }
  | {
      kind: "s3";
      bucket: string;
      /** Put before every storage key: "" or a path ending in "/". */
      prefix: string;
      /** An S3-compatible store's address (MinIO, Ceph…); unset for AWS itself. */
      endpoint?: string;
      region?: string;
      forcePathStyle: boolean;
    };

export const DEFAULT_ATTACHMENTS_DIR = ".data/attachments";

/** S3's bucket naming rules: 3–63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const USAGE = "ATTACHMENTS_URL must be s3://<bucket>/<optional prefix> (or unset, to keep files in ATTACHMENTS_DIR)";

/**
 * The store the environment asks for: ATTACHMENTS_URL=s3://bucket/prefix for object storage, else the directory
 * ATTACHMENTS_DIR. Endpoint, region and credentials come from the usual AWS variables; a custom endpoint means an
 * S3-compatible store, addressed path-style (http://host/bucket/key) unless AWS_S3_FORCE_PATH_STYLE=false, since
 * those rarely have the per-bucket DNS names virtual-hosted style needs. Throws a message naming the variable at fault.
 */
export function resolveAttachmentStore(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): AttachmentStoreConfig {
  const url = env.ATTACHMENTS_URL?.trim();
  if (!url) // Chosen at run time: the build must not trace it (turbopackIgnore), it is no part of the app.
  if (!url) return { kind: "directory", dir: path.resolve(/*turbopackIgnore: true*/ cwd, env.ATTACHMENTS_DIR || DEFAULT_ATTACHMENTS_DIR) };

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${USAGE}; it is not a URL.`);
  }
  if (parsed.protocol !== "s3:") throw new Error(`${USAGE}; "${parsed.protocol}" is not a scheme it knows.`);
  if (parsed.username || parsed.password) {
    throw new Error(`${USAGE}; credentials do not belong in it: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`);
  }
  if (parsed.search || parsed.hash) throw new Error(`${USAGE}; it takes no query or fragment.`);
  if (parsed.port) throw new Error(`${USAGE}; the store's address goes in AWS_ENDPOINT_URL, not in the bucket.`);
  const bucket = parsed.hostname;
  if (!bucket) throw new Error(`${USAGE}; it names no bucket.`);
  if (!BUCKET.test(bucket)) throw new Error(`${USAGE}; "${bucket}" is not a valid bucket name.`);
  const segments = decodeURIComponent(parsed.pathname).split("/").filter(Boolean);
  if (segments.some((s) => s === "." || s === "..")) throw new Error(`${USAGE}; its prefix may not contain "." or ".." segments.`);
  const prefix = segments.length > 0 ? `${segments.join("/")}/` : "";

  const endpoint = (env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL)?.trim() || undefined;
  if (endpoint && !/^https?:\/\/[^/]/.test(endpoint)) {
    throw new Error(`AWS_ENDPOINT_URL${env.AWS_ENDPOINT_URL_S3 ? "_S3" : ""} must be an http:// or https:// address.`);
  }
  const region = (env.AWS_REGION || env.AWS_DEFAULT_REGION)?.trim() || (endpoint ? "us-east-1" : undefined);
  return { kind: "s3", bucket, prefix, endpoint, region, forcePathStyle: pathStyle(env.AWS_S3_FORCE_PATH_STYLE, endpoint) };
}

function pathStyle(value: string | undefined, endpoint: string | undefined): boolean {
  const v = value?.trim().toLowerCase();
  if (!v) return endpoint !== undefined;
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0") return false;
  throw new Error("AWS_S3_FORCE_PATH_STYLE must be true or false.");
}

/** Where the files go, for the start-up log (no credentials: they are never in the config). */
export function describeAttachmentStore(config: AttachmentStoreConfig): string {
  if (config.kind === "directory") return `the directory ${config.dir}`;
  return `s3://${config.bucket}/${config.prefix}${config.endpoint ? ` at ${new URL(config.endpoint).host}` : ""}`;
}
