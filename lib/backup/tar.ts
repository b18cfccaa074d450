// The backup archive's container: POSIX ustar, the format `tar` reads everywhere, written and read as a stream
// (an attachment or a table is never whole in memory on its way through). Only what backups need: regular
// files with names of at most 100 bytes and sizes under 8 GiB.
import { once } from "node:events";
import type { Writable } from "node:stream";

const BLOCK = 512;
const MAX_SIZE = 8 * 1024 ** 3 - 1;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

/** One ustar header block for a regular file. */
export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  const nameBytes = Buffer.from(name, "utf8");
  if (nameBytes.length > 100) throw new Error(`Archive entry name too long: ${name}`);
  if (!Number.isInteger(size) || size < 0 || size > MAX_SIZE) throw new Error(`Archive entry too large: ${name} (${size} bytes)`);
  const header = Buffer.alloc(BLOCK);
  nameBytes.copy(header, 0);
  header.write(octal(0o600, 8), 100, "ascii");
  header.write(octal(0, 8), 108, "ascii");
  header.write(octal(0, 8), 116, "ascii");
  header.write(octal(size, 12), 124, "ascii");
  header.write(octal(Math.max(0, Math.floor(mtime.getTime() / 1000)), 12), 136, "ascii");
  header.write("        ", 148, "ascii");
  header.write("0", 156, "ascii");
  header.write("ustar\0", 257, "ascii");
  header.write("00", 263, "ascii");
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "ascii");
  return header;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** Writes entries one after another into `out` (a gzip stream, a file), waiting when it asks to. */
export class TarWriter {
  constructor(private readonly out: Writable) {}

  private async write(chunk: Buffer | Uint8Array): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, "drain");
  }

  async addBuffer(name: string, data: Uint8Array, mtime = new Date()): Promise<void> {
    await this.write(tarHeader(name, data.byteLength, mtime));
    await this.write(data);
    await this.write(padding(data.byteLength));
  }

  /** A file whose size is known before its bytes come; fewer or more bytes than said is an error. */
  async addStream(name: string, size: number, body: AsyncIterable<Uint8Array>, mtime = new Date()): Promise<void> {
    await this.write(tarHeader(name, size, mtime));
    let written = 0;
    for await (const chunk of body) {
      written += chunk.byteLength;
      if (written > size) throw new Error(`${name} grew while it was archived.`);
      await this.write(chunk);
    }
    if (written !== size) throw new Error(`${name} shrank while it was archived.`);
    await this.write(padding(size));
  }

  /** The two empty blocks that end an archive. */
  async finish(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
  }
}

export interface TarEntry {
  name: string;
  size: number;
  mtime: Date;
  /** The entry's bytes; whatever the reader leaves unread is skipped when it asks for the next entry. */
  body: AsyncIterable<Buffer>;
}

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString("utf8");
}

/** The entries of an archive, in order. Throws on a header that is not ustar or an archive cut short. */
export async function* readTar(source: AsyncIterable<Buffer | Uint8Array>): AsyncGenerator<TarEntry> {
  const chunks = source[Symbol.asyncIterator]();
  let buffered: Buffer = Buffer.alloc(0);
  const fill = async (bytes: number) => {
    while (buffered.length < bytes) {
      const next = await chunks.next();
      if (next.done) throw new Error("The archive is cut short.");
      buffered = buffered.length ? Buffer.concat([buffered, next.value]) : Buffer.from(next.value);
    }
  };
  for (;;) {
    await fill(BLOCK);
    const header = buffered.subarray(0, BLOCK);
    buffered = buffered.subarray(BLOCK);
    if (header.every((byte) => byte === 0)) return;
    if (field(header, 257, 6) !== "ustar") throw new Error("Not a backup archive (no ustar header).");
    const size = parseInt(field(header, 124, 12).trim() || "0", 8);
    const prefix = field(header, 345, 155);
    const name = (prefix ? `${prefix}/` : "") + field(header, 0, 100);
    const mtime = new Date(parseInt(field(header, 136, 12).trim() || "0", 8) * 1000);
    let remaining = size;
    async function* body(): AsyncGenerator<Buffer> {
      while (remaining > 0) {
        if (buffered.length === 0) await fill(1);
        const take = Math.min(remaining, buffered.length);
        const piece = buffered.subarray(0, take);
        buffered = buffered.subarray(take);
        remaining -= take;
        yield piece;
      }
    }
    yield { name, size, mtime, body: body() };
    while (remaining > 0) {
      if (buffered.length === 0) await fill(1);
      const skip = Math.min(remaining, buffered.length);
      buffered = buffered.subarray(skip);
      remaining -= skip;
    }
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    await fill(pad);
    buffered = buffered.subarray(pad);
  }
}

/** An entry's bytes in one buffer (the manifest, a table's batch). */
export async function readWhole(entry: TarEntry): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of entry.body) parts.push(part);
  return Buffer.concat(parts);
}
