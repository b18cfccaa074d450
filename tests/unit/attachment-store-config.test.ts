import { describe, expect, it } from "vitest";
import { describeAttachmentStore, resolveAttachmentStore } from "@/lib/attachments/store-config";

const cwd = "/srv/tierdesk";
const s3 = (url: string, env: Record<string, string> = {}) => resolveAttachmentStore({ ATTACHMENTS_URL: url, ...env }, cwd);

describe("resolveAttachmentStore", () => {
  it("keeps files in ATTACHMENTS_DIR (default ./.data/attachments) when ATTACHMENTS_URL is unset or blank", () => {
    expect(resolveAttachmentStore({}, cwd)).toEqual({ kind: "directory", dir: "/srv/tierdesk/.data/attachments" });
    expect(resolveAttachmentStore({ ATTACHMENTS_URL: "  ", ATTACHMENTS_DIR: "/var/lib/files" }, cwd)).toEqual({ kind: "directory", dir: "/var/lib/files" });
    expect(resolveAttachmentStore({ ATTACHMENTS_DIR: "files" }, cwd)).toEqual({ kind: "directory", dir: "/srv/tierdesk/files" });
  });

  it("reads the bucket and a prefix that always ends in one slash", () => {
    expect(s3("s3://tierdesk-files")).toMatchObject({ kind: "s3", bucket: "tierdesk-files", prefix: "" });
    expect(s3("s3://tierdesk-files/")).toMatchObject({ prefix: "" });
    expect(s3("s3://tierdesk-files/prod")).toMatchObject({ prefix: "prod/" });
    expect(s3(" s3://tierdesk-files//prod/attachments/ ")).toMatchObject({ bucket: "tierdesk-files", prefix: "prod/attachments/" });
    expect(s3("s3://files.example.com/a")).toMatchObject({ bucket: "files.example.com", prefix: "a/" });
  });

  it("addresses AWS itself virtual-hosted style, and an S3-compatible endpoint path-style unless told otherwise", () => {
    expect(s3("s3://tierdesk-files", { AWS_REGION: "eu-west-1" })).toEqual({
      kind: "s3", bucket: "tierdesk-files", prefix: "", endpoint: undefined, region: "eu-west-1", forcePathStyle: false,
    });
    expect(s3("s3://tierdesk-files", { AWS_DEFAULT_REGION: "eu-north-1" })).toMatchObject({ region: "eu-north-1" });
    expect(s3("s3://tierdesk-files", { AWS_ENDPOINT_URL: "http://minio:9000" })).toMatchObject({ endpoint: "http://minio:9000", region: "us-east-1", forcePathStyle: true });
    expect(s3("s3://tierdesk-files", { AWS_ENDPOINT_URL: "http://other:1", AWS_ENDPOINT_URL_S3: "https://ceph.internal" })).toMatchObject({ endpoint: "https://ceph.internal" });
    expect(s3("s3://tierdesk-files", { AWS_ENDPOINT_URL: "https://s3.example.com", AWS_S3_FORCE_PATH_STYLE: "false" })).toMatchObject({ forcePathStyle: false });
    expect(s3("s3://tierdesk-files", { AWS_S3_FORCE_PATH_STYLE: "true", AWS_REGION: "us-east-2" })).toMatchObject({ forcePathStyle: true });
  });

  it("refuses a misconfigured ATTACHMENTS_URL with a message naming it", () => {
    for (const [url, why] of [
      ["http://tierdesk-files/x", /"http:" is not a scheme it knows/],
      ["file:///var/files", /"file:" is not a scheme it knows/],
      ["tierdesk-files", /not a URL/],
      ["s3://", /names no bucket/],
      ["s3:///prefix", /names no bucket/],
      ["s3://Tierdesk_Files/x", /"Tierdesk_Files" is not a valid bucket name/],
      ["s3://ab", /not a valid bucket name/],
      ["s3://key:secret@tierdesk-files", /credentials do not belong in it/],
      ["s3://tierdesk-files:9000/x", /AWS_ENDPOINT_URL/],
      ["s3://tierdesk-files/x?region=eu", /no query/],
      ["s3://tierdesk-files/a%2F..%2Fb", /"\." or "\.\." segments/],
    ] as const) {
      expect(() => s3(url), url).toThrow(/^ATTACHMENTS_URL must be s3:\/\/<bucket>/);
      expect(() => s3(url), url).toThrow(why);
    }
  });

  it("refuses a bad endpoint or path-style setting, naming the variable", () => {
    expect(() => s3("s3://tierdesk-files", { AWS_ENDPOINT_URL: "minio:9000" })).toThrow(/^AWS_ENDPOINT_URL must be an http/);
    expect(() => s3("s3://tierdesk-files", { AWS_ENDPOINT_URL_S3: "ftp://x" })).toThrow(/^AWS_ENDPOINT_URL_S3 must be/);
    expect(() => s3("s3://tierdesk-files", { AWS_S3_FORCE_PATH_STYLE: "yes" })).toThrow(/^AWS_S3_FORCE_PATH_STYLE must be true or false/);
  });

  it("describes the store for the start-up log without secrets", () => {
    expect(describeAttachmentStore(s3("s3://tierdesk-files/prod", { AWS_ENDPOINT_URL: "http://minio:9000" }))).toBe("s3://tierdesk-files/prod/ at minio:9000");
    expect(describeAttachmentStore(resolveAttachmentStore({}, cwd))).toBe("the directory /srv/tierdesk/.data/attachments");
  });
});
