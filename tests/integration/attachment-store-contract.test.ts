import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { expect, it } from "vitest";
import { StorageKeyTakenError } from "@/lib/attachments/attachment-store";
import { attachmentStore, readStoredBytes, removeStoredBytes, storeBytes } from "@/lib/attachments/store";
import { describeEachStore } from "../fixtures/attachment-stores";

// What every attachment store promises the rest of the app, run against the directory and an S3-protocol server.

const MB = 1024 * 1024;
const NOW = new Date("2031-03-04T10:00:00.000Z");
const LOG = new TextEncoder().encode("2031-03-04T10:00:01Z ERROR export worker timed out\n");
const bytesOf = async (body: ReadableStream<Uint8Array>) => Buffer.from(await new Response(body).arrayBuffer());

/** `size` bytes of a repeating pattern, produced 64 KB at a time (never whole in memory). */
async function* pattern(size: number, failAfter = Infinity): AsyncGenerator<Uint8Array> {
  const chunk = Buffer.alloc(64 * 1024);
  for (let sent = 0; sent < size; sent += chunk.length) {
    if (sent >= failAfter) throw new Error("the client went away");
    chunk.fill(sent / chunk.length);
    yield Buffer.from(chunk.subarray(0, Math.min(chunk.length, size - sent)));
  }
}

/** A full garbage collection, so a memory figure shows what is held, not what is waiting to be collected. */
const collectGarbage = (() => {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();
const held = () => {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

describeEachStore("attachment store contract", (store) => {
  it("stores bytes under a new key and reads them back, with their SHA-256 and size", async () => {
    const a = await storeBytes(LOG, NOW);
    const b = await storeBytes(LOG, NOW);
    expect(a.storageKey).not.toBe(b.storageKey);
    expect(a).toMatchObject({ size: LOG.length, sha256: createHash("sha256").update(LOG).digest("hex") });
    expect(await bytesOf(await readStoredBytes(a.storageKey))).toEqual(Buffer.from(LOG));
    const streamed = await storeBytes(pattern(300 * 1024), NOW);
    expect(streamed.size).toBe(300 * 1024);
    const back = await bytesOf(await readStoredBytes(streamed.storageKey));
    expect(createHash("sha256").update(back).digest("hex")).toBe(streamed.sha256);
  });

  it("refuses any key that is not one of its UUIDs before touching anything: no path leaves the store", async () => {
    const s = await attachmentStore();
    const before = await store().keys();
    for (const key of ["../../etc/passwd", "../" + randomUUID(), randomUUID() + "/../x", randomUUID().toUpperCase(), "", "a\0b", "/" + randomUUID()]) {
      await expect(s.write(key, LOG, NOW), key).rejects.toThrow("Invalid attachment storage key.");
      await expect(s.read(key), key).rejects.toThrow("Invalid attachment storage key.");
      await expect(s.remove(key), key).rejects.toThrow("Invalid attachment storage key.");
      await expect(s.writtenAt(key), key).rejects.toThrow("Invalid attachment storage key.");
    }
    expect(await store().keys()).toEqual(before);
  });

  it("never overwrites: a second write to a key is refused and the first bytes stay, for a single and a multipart write", async () => {
    const s = await attachmentStore();
    const key = randomUUID();
    await s.write(key, LOG, NOW);
    await expect(s.write(key, new TextEncoder().encode("replaced"), NOW)).rejects.toBeInstanceOf(StorageKeyTakenError);
    // 6 MB from a stream: more than one part on S3, so the refusal comes at the multipart completion.
    await expect(s.write(key, Readable.from(pattern(6 * MB)), NOW)).rejects.toBeInstanceOf(StorageKeyTakenError);
    expect(await bytesOf(await s.read(key))).toEqual(Buffer.from(LOG));
  });

  it("a write that fails half-way leaves nothing readable", async () => {
    const s = await attachmentStore();
    const key = randomUUID();
    await expect(s.write(key, Readable.from(pattern(12 * MB, 6 * MB)), NOW)).rejects.toThrow("the client went away");
    expect(await store().keys()).not.toContain(key);
    await expect(s.read(key)).rejects.toThrow();
    expect(await s.writtenAt(key)).toBeNull();
  });

  it("lists its own files with times for the orphan sweep, keeps each upload's `now`, and leaves other names alone", async () => {
    const s = await attachmentStore();
    const earlier = new Date(NOW.getTime() - 3 * 60 * 60 * 1000);
    const first = await storeBytes(LOG, earlier);
    const second = await storeBytes(LOG, NOW);
    await store().putForeign("README", "not ours");
    await store().putForeign("zz/notes.txt", "an operator's note");

    const listed = new Map<string, Date>();
    for await (const page of s.listPages()) for (const f of page) listed.set(f.storageKey, f.writtenAt);
    expect([...listed.keys()]).toEqual(expect.arrayContaining([first.storageKey, second.storageKey]));
    expect([...listed.keys()].every((k) => /^[0-9a-f-]{36}$/.test(k))).toBe(true);
    // (Dates from fs and from the SDK may come from another realm than the tests' Date: no instanceof.)
    expect([...listed.values()].every((t) => Object.prototype.toString.call(t) === "[object Date]" && !Number.isNaN(t.getTime()))).toBe(true);
    // The listing's time is the file's mtime (the upload's `now`) on the directory, the server's clock on S3;
    // the upload's own `now` is always there for the sweep to confirm an orphan's age with.
    if (store().kind === "directory") expect(listed.get(first.storageKey)).toEqual(earlier);
    expect(await s.writtenAt(first.storageKey)).toEqual(earlier);
    expect(await s.writtenAt(second.storageKey)).toEqual(NOW);
    expect(await store().readForeign("README")).toBe("not ours");
    expect(await store().readForeign("zz/notes.txt")).toBe("an operator's note");
  });

  it("removing is idempotent: true once, then false, and the file is gone", async () => {
    const s = await attachmentStore();
    const { storageKey } = await storeBytes(LOG, NOW);
    expect(await removeStoredBytes(storageKey)).toBe(true);
    expect(await removeStoredBytes(storageKey)).toBe(false);
    expect(await s.remove(randomUUID())).toBe(false);
    expect(await store().keys()).not.toContain(storageKey);
    await expect(s.read(storageKey)).rejects.toThrow();
    expect(await s.writtenAt(storageKey)).toBeNull();
  });

  it("streams a 40 MB file both ways without holding it whole in memory", async ({ annotate }) => {
    const size = 40 * MB;
    const baseline = held();
    let peakWrite = 0;
    async function* measured() {
      let i = 0;
      for await (const chunk of pattern(size)) {
        if (i++ % 16 === 0) peakWrite = Math.max(peakWrite, held() - baseline);
        yield chunk;
      }
    }
    const stored = await storeBytes(measured(), NOW);
    expect(stored.size).toBe(size);

    const readBaseline = held();
    let peakRead = 0;
    let read = 0;
    let chunks = 0;
    const hash = createHash("sha256");
    const reader = (await readStoredBytes(stored.storageKey)).getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      const chunk = next.value;
      hash.update(chunk);
      read += chunk.byteLength;
      if (chunks++ % 16 === 0) peakRead = Math.max(peakRead, held() - readBaseline);
    }
    expect(read).toBe(size);
    expect(hash.digest("hex")).toBe(stored.sha256);
    await annotate(`${store().kind}: 40 MB; memory held above the baseline at most ${(peakWrite / MB).toFixed(1)} MB writing, ${(peakRead / MB).toFixed(1)} MB reading`);
    // A store that buffered the file would hold all 40 MB (and a copy); a streaming one holds its buffers,
    // whatever the size: on S3 the write's 5 MB parts, a few at once with the S3 server in this process
    // (about 21 MB here, for a 20 MB file as for a 40 MB one).
    expect(peakRead).toBeLessThan(size / 4);
    expect(peakWrite).toBeLessThan(size * 0.75);
  });

  it("a missing directory or an empty prefix is an empty store", async () => {
    const previous = { dir: process.env.ATTACHMENTS_DIR, url: process.env.ATTACHMENTS_URL };
    try {
      if (previous.url) process.env.ATTACHMENTS_URL = `${previous.url}not-written-yet/`;
      else process.env.ATTACHMENTS_DIR = `${previous.dir}/not-created-yet`;
      const pages = [];
      for await (const page of (await attachmentStore()).listPages()) pages.push(page);
      expect(pages).toEqual([]);
    } finally {
      if (previous.url) process.env.ATTACHMENTS_URL = previous.url;
      else process.env.ATTACHMENTS_DIR = previous.dir;
    }
  });
});
