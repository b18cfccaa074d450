import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { dependencyOrder } from "@/lib/backup/table-order";
import { readTar, readWhole, tarHeader, TarWriter } from "@/lib/backup/tar";

async function archive(entries: [string, Buffer][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new (await import("node:stream")).PassThrough();
  out.on("data", (c: Buffer) => chunks.push(c));
  const tar = new TarWriter(out);
  for (const [name, data] of entries) {
    if (name.endsWith(".stream")) await tar.addStream(name, data.length, Readable.from([data.subarray(0, 3), data.subarray(3)]));
    else await tar.addBuffer(name, data);
  }
  await tar.finish();
  out.end();
  return Buffer.concat(chunks);
}

describe("the backup archive's tar", () => {
  it("reads back what it wrote, entries in order, whatever the reader leaves unread", async () => {
    const big = Buffer.alloc(70_000, 7);
    const bytes = await archive([
      ["manifest.json", Buffer.from('{"a":1}')],
      ["data/000-A-0001.copy", Buffer.alloc(0)],
      ["attachments/ab/x.stream", big],
      ["last", Buffer.from("end")],
    ]);
    expect(bytes.length % 512).toBe(0);
    const seen: [string, number, string | null][] = [];
    // Feed it in odd-sized chunks, as a gunzip stream would.
    const pieces = Array.from({ length: Math.ceil(bytes.length / 777) }, (_, i) => bytes.subarray(i * 777, (i + 1) * 777));
    for await (const entry of readTar(Readable.from(pieces))) {
      seen.push([entry.name, entry.size, entry.name.includes("ab") ? null : (await readWhole(entry)).toString()]);
    }
    expect(seen).toEqual([
      ["manifest.json", 7, '{"a":1}'],
      ["data/000-A-0001.copy", 0, ""],
      ["attachments/ab/x.stream", 70_000, null],
      ["last", 3, "end"],
    ]);
  });

  it("writes headers that tar itself reads: ustar magic and a valid checksum", () => {
    const header = tarHeader("manifest.json", 10, new Date(0));
    expect(header.subarray(257, 262).toString()).toBe("ustar");
    const stored = parseInt(header.subarray(148, 154).toString(), 8);
    const copy = Buffer.from(header);
    copy.write("        ", 148);
    expect(stored).toBe(copy.reduce((sum, b) => sum + b, 0));
  });

  it("refuses a cut archive and a stream whose size changed", async () => {
    const bytes = await archive([["a", Buffer.from("hello")]]);
    await expect(async () => {
      for await (const entry of readTar(Readable.from([bytes.subarray(0, 600)]))) await readWhole(entry);
    }).rejects.toThrow("cut short");
    const tar = new TarWriter(new (await import("node:stream")).PassThrough());
    await expect(tar.addStream("x", 5, Readable.from([Buffer.from("hi")]))).rejects.toThrow("shrank");
  });
});

describe("dependencyOrder", () => {
  it("puts referenced tables first, ignores self-references, and is stable", () => {
    const order = dependencyOrder(
      ["TicketEvent", "Ticket", "User", "Category", "Organization"],
      [
        { child: "Ticket", parent: "User" },
        { child: "Ticket", parent: "Category" },
        { child: "Ticket", parent: "Ticket" },
        { child: "TicketEvent", parent: "Ticket" },
        { child: "User", parent: "Organization" },
      ],
    );
    expect(order).toEqual(["Category", "Organization", "User", "Ticket", "TicketEvent"]);
  });
});
