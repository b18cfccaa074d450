/**
 * Headers for an attachment download: always a download (never rendered inline, so an uploaded file
 * cannot run as a page of this origin), as the detected type, never sniffed, never cached by others.
 */
export function attachmentHeaders(file: { fileName: string; contentType: string; size: number }): Headers {
  const type = file.contentType === "text/plain" ? "text/plain; charset=utf-8" : file.contentType;
  return new Headers({
    "Content-Type": type,
    "Content-Length": String(file.size),
    // fileName is sanitized on upload to letters, digits, "._-()" and spaces: safe inside the quotes.
    "Content-Disposition": `attachment; filename="${file.fileName}"`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
  });
}
