import { mkdir, open, readdir, stat, unlink, utimes } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { checkedStorageKey, isStorageKey, StorageKeyTakenError, type AttachmentStore, type StoredFile } from "./attachment-store";

const SHARD = /^[0-9a-f]{2}$/;

/**
 * Files under `root`, one shard directory per first two characters of the key (<root>/ab/ab…), outside the
 * web root. A file's mtime is the upload's `now`, which the orphan sweep compares with its own.
 */
export function directoryStore(root: string): AttachmentStore {
  const pathOf = (storageKey: string) => storedFilePath(root, storageKey);

  async function writtenAt(storageKey: string): Promise<Date | null> {
    try {
      return (await stat(pathOf(storageKey))).mtime;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  return {
    kind: "directory",

    async write(storageKey, body, now) {
      const file = pathOf(storageKey);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      let handle;
      try {
        handle = await open(file, "wx", 0o600);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new StorageKeyTakenError(storageKey);
        throw error;
      }
      try {
        await pipeline(body instanceof Uint8Array ? Readable.from([body]) : body, handle.createWriteStream());
        await utimes(file, now, now);
      } catch (error) {
        await unlink(file).catch(() => {}); // the key was ours (wx): a partial file must not stay
        throw error;
      }
    },

    async read(storageKey) {
      const handle = await open(pathOf(storageKey), "r");
      return Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
    },

    async *listPages(): AsyncGenerator<StoredFile[]> {
      let shards: string[];
      try {
        shards = (await readdir(root, { withFileTypes: true })).filter((e) => e.isDirectory() && SHARD.test(e.name)).map((e) => e.name).sort();
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      for (const shard of shards) {
        let names: string[];
        try {
          names = (await readdir(path.join(/*turbopackIgnore: true*/ root, shard), { withFileTypes: true }))
            .filter((e) => e.isFile() && isStorageKey(e.name) && e.name.startsWith(shard))
            .map((e) => e.name);
        } catch (error) {
          if (isMissing(error)) continue;
          throw error;
        }
        const files: StoredFile[] = [];
        for (const name of names) {
          const time = await writtenAt(name); // null: removed meanwhile (another instance's sweep)
          if (time) files.push({ storageKey: name, writtenAt: time });
        }
        if (files.length > 0) yield files;
      }
    },

    writtenAt,

    async remove(storageKey) {
      try {
        await unlink(pathOf(storageKey));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },

    async check() {
      await mkdir(root, { recursive: true, mode: 0o700 }).catch((error: Error) => {
        throw new Error(`ATTACHMENTS_DIR ${root} cannot be used: ${error.message}`);
      });
    },
  };
}

/** Where the directory store under `root` keeps the file of `storageKey` (backups read and restores write it there). */
export function storedFilePath(root: string, storageKey: string): string {
  return path.join(/*turbopackIgnore: true*/ root, storageKey.slice(0, 2), checkedStorageKey(storageKey));
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}
