/** The types a customer may attach, as detected from the bytes (never from the client's name or header). */
export type AttachmentType = "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "application/pdf" | "text/plain";

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const SIGNATURES: { type: AttachmentType; matches: (bytes: Uint8Array) => boolean }[] = [
  { type: "image/png", matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: "image/jpeg", matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { type: "image/gif", matches: (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")) },
  { type: "image/webp", matches: (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8) },
  { type: "application/pdf", matches: (b) => startsWith(b, ascii("%PDF-")) },
];

/**
 * The type of a file from its first bytes: PNG, JPEG, GIF, WebP and PDF by their magic numbers; anything
 * else only as text, when every byte is valid UTF-8 and none is NUL (logs, CSV, JSON…). Null: refused.
 */
export function detectAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (bytes.length === 0) return null;
  const signed = SIGNATURES.find((s) => s.matches(bytes));
  if (signed) return signed.type;
  return isPlainText(bytes) ? "text/plain" : null;
}

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const EXTENSIONS: Record<AttachmentType, string[]> = {
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/gif": ["gif"],
  "image/webp": ["webp"],
  "application/pdf": ["pdf"],
  "text/plain": ["txt", "log", "csv", "json", "md", "xml", "yaml", "yml", "ini", "conf", "har"],
};

export const FILE_NAME_MAX = 120;

/**
 * A download name that is safe whatever the client sent: no directories, only letters, digits and
 * `._-()` and spaces, at most 120 characters, and an extension that fits the detected type (a text file
 * named "page.html" becomes "page.html.txt"), so no browser or OS treats it as something else.
 */
export function safeFileName(clientName: string, type: AttachmentType): string {
  const base = clientName.split(/[\\/]/).pop() ?? "";
  let name = base
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._\-() ]+/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[.\s_]+/, "")
    .trim();
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
  const allowed = EXTENSIONS[type];
  if (!allowed.includes(extension)) name = `${name || "attachment"}.${allowed[0]}`;
  if (name.length > FILE_NAME_MAX) {
    const suffix = name.slice(name.lastIndexOf("."));
    name = name.slice(0, FILE_NAME_MAX - suffix.length) + suffix;
  }
  return name;
}
