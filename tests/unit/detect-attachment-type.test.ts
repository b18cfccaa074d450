import { describe, expect, it } from "vitest";
import { detectAttachmentType, safeFileName } from "@/lib/attachments/detect-type";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));

describe("detectAttachmentType", () => {
  it("knows images and PDF by their magic numbers, whatever follows", () => {
    expect(detectAttachmentType(bytes([0x89], "PNG\r\n\x1a\n", [0, 0, 0, 13]))).toBe("image/png");
    expect(detectAttachmentType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("image/jpeg");
    expect(detectAttachmentType(bytes("GIF89a", [1, 0]))).toBe("image/gif");
    expect(detectAttachmentType(bytes("GIF87a"))).toBe("image/gif");
    expect(detectAttachmentType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))).toBe("image/webp");
    expect(detectAttachmentType(bytes("%PDF-1.7\n%", [0xe2, 0xe3]))).toBe("application/pdf");
  });

  it("accepts text only when it is valid UTF-8 without NUL bytes", () => {
    expect(detectAttachmentType(new TextEncoder().encode("2026-11-27 10:00:01 ERROR timeout ✗ Größe\n"))).toBe("text/plain");
    expect(detectAttachmentType(bytes("ok", [0], "ok"))).toBeNull();
    expect(detectAttachmentType(bytes("caf", [0xe9]))).toBeNull(); // Latin-1, not UTF-8
    expect(detectAttachmentType(new Uint8Array())).toBeNull();
  });

  it("refuses other binaries, and a signature cut short", () => {
    expect(detectAttachmentType(bytes("MZ", [0x90, 0, 3, 0, 0, 0]))).toBeNull(); // Windows executable
    expect(detectAttachmentType(bytes("PK", [3, 4, 0x14, 0, 0, 0, 0x08, 0, 0xff, 0xfe]))).toBeNull(); // zip
    expect(detectAttachmentType(bytes([0x89], "PN", [0xff]))).toBeNull();
    expect(detectAttachmentType(bytes("RIFF", [0, 0, 0, 0], "WAVE", [0xff, 0]))).toBeNull();
  });

  it("treats markup as text: HTML and SVG are never served as what they claim", () => {
    expect(detectAttachmentType(new TextEncoder().encode('<svg onload="alert(1)"/>'))).toBe("text/plain");
  });
});

describe("safeFileName", () => {
  it("keeps a plain name and its fitting extension", () => {
    expect(safeFileName("screenshot 1.png", "image/png")).toBe("screenshot 1.png");
    expect(safeFileName("server.LOG", "text/plain")).toBe("server.LOG");
  });

  it("drops directories, odd characters and leading dots", () => {
    expect(safeFileName("../../etc/passwd", "text/plain")).toBe("passwd.txt");
    expect(safeFileName("C:\\Users\\me\\report.pdf", "application/pdf")).toBe("report.pdf");
    expect(safeFileName('a"b;\r\nc<script>.log', "text/plain")).toBe("a_b_c_script_.log");
    expect(safeFileName(".htaccess", "text/plain")).toBe("htaccess.txt");
  });

  it("gives the detected type's extension when the name claims another", () => {
    expect(safeFileName("invoice.html", "text/plain")).toBe("invoice.html.txt");
    expect(safeFileName("photo.exe", "image/jpeg")).toBe("photo.exe.jpg");
    expect(safeFileName("", "image/png")).toBe("attachment.png");
  });

  it("keeps names within 120 characters, extension included", () => {
    const name = safeFileName(`${"x".repeat(300)}.pdf`, "application/pdf");
    expect(name).toHaveLength(120);
    expect(name.endsWith(".pdf")).toBe(true);
  });
});
