import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { checkedStorageKey, isStorageKey, StorageKeyTakenError, type AttachmentStore, type StoredFile } from "./attachment-store";
import type { AttachmentStoreConfig } from "./store-config";

type S3Config = Extract<AttachmentStoreConfig, { kind: "s3" }>;

/** The user metadata (x-amz-meta-written-at) that keeps the upload's `now`: S3's LastModified is the server's clock. */
const WRITTEN_AT = "written-at";
/** Parts of a streamed upload: S3's smallest, one at a time, so an upload holds about 5 MB at most (10 with the next being read). */
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 1;

/**
 * Objects in one bucket under `prefix`, named <prefix><storage key>, written and read as streams. Nothing here
 * makes a public or presigned URL: the bytes leave the bucket only through the scoped download route.
 */
export function s3Store(config: S3Config): AttachmentStore {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    // An unreachable endpoint fails an upload (and `npm start`'s check) in seconds, not at the TCP timeout.
    requestHandler: { connectionTimeout: 10_000 },
    // S3-compatible stores often refuse the checksums the SDK now adds by default (aws-chunked trailers): send
    // them only where an operation requires them, unless the AWS_*_CHECKSUM_* variables say otherwise.
    ...(config.endpoint && !process.env.AWS_REQUEST_CHECKSUM_CALCULATION ? { requestChecksumCalculation: "WHEN_REQUIRED" as const } : {}),
    ...(config.endpoint && !process.env.AWS_RESPONSE_CHECKSUM_VALIDATION ? { responseChecksumValidation: "WHEN_REQUIRED" as const } : {}),
  });
  const Bucket = config.bucket;
  const keyOf = (storageKey: string) => config.prefix + checkedStorageKey(storageKey);

  /** HEAD of an object; null when it is not there. */
  async function head(storageKey: string) {
    try {
      return await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(storageKey) }));
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw storeError(config, error);
    }
  }

  return {
    kind: "s3",

    async write(storageKey, body, now) {
      const upload = new Upload({
        client,
        params: {
          Bucket,
          Key: keyOf(storageKey),
          Body: body,
          ContentType: "application/octet-stream",
          Metadata: { [WRITTEN_AT]: now.toISOString() },
          // A conditional write (AWS S3, MinIO, Ceph): refused when the key exists, on the single PUT and on
          // the multipart completion alike. Keys are random UUIDs besides, so a store that ignores it still
          // has no collision to fear.
          IfNoneMatch: "*",
        },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (error) {
        const status = statusOf(error);
        if (status === 412 || status === 409) throw new StorageKeyTakenError(storageKey);
        throw storeError(config, error);
      }
    },

    async read(storageKey) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(storageKey) }));
        if (!object.Body) throw new Error(`The object for attachment ${storageKey} came without a body.`);
        return object.Body.transformToWebStream() as ReadableStream<Uint8Array>;
      } catch (error) {
        if ((error as Error).name === "NoSuchKey") throw new Error(`The bytes of attachment ${storageKey} are not in the bucket.`);
        throw storeError(config, error);
      }
    },

    async *listPages(): AsyncGenerator<StoredFile[]> {
      try {
        for await (const page of paginateListObjectsV2({ client, pageSize: 1000 }, { Bucket, Prefix: config.prefix })) {
          const files: StoredFile[] = [];
          for (const object of page.Contents ?? []) {
            const name = object.Key?.slice(config.prefix.length) ?? "";
            if (isStorageKey(name) && object.LastModified) files.push({ storageKey: name, writtenAt: object.LastModified });
          }
          if (files.length > 0) yield files;
        }
      } catch (error) {
        throw storeError(config, error);
      }
    },

    async writtenAt(storageKey) {
      const object = await head(storageKey);
      if (!object) return null;
      const kept = new Date(object.Metadata?.[WRITTEN_AT] ?? "");
      return Number.isNaN(kept.getTime()) ? (object.LastModified ?? null) : kept;
    },

    async remove(storageKey) {
      // DELETE answers 204 whether or not the object was there: a HEAD first tells which.
      if (!(await head(storageKey))) return false;
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(storageKey) }));
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw storeError(config, error);
      }
      return true;
    },

    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        throw storeError(config, error);
      }
    },

    close() {
      client.destroy();
    },
  };
}

function statusOf(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

/** An error an operator can act on: which setting to look at, not only what the SDK said. */
function storeError(config: S3Config, error: unknown): Error {
  const where = `ATTACHMENTS_URL=s3://${config.bucket}/${config.prefix}${config.endpoint ? ` (AWS_ENDPOINT_URL ${config.endpoint})` : ""}`;
  const said = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const status = statusOf(error);
  const hint =
    status === 404 || (error as { name?: string } | null)?.name === "NoSuchBucket"
      ? "the bucket does not exist"
      : status === 403 || status === 401
        ? "the credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) were refused"
        : status === 301
          ? "the bucket is in another region (AWS_REGION)"
          : "the object store could not be used";
  return new Error(`${where}: ${hint}. ${said}`, { cause: error });
}
