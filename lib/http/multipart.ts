import { AppError } from "@/lib/errors";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_UPLOAD } from "@/lib/attachments/prepare-uploads";

/** Every file at its limit, plus room for the part headers. */
export const MAX_MULTIPART_BYTES = MAX_ATTACHMENTS_PER_UPLOAD * MAX_ATTACHMENT_BYTES + 1024 * 1024;

/**
 * Reads a multipart/form-data body: 415 for any other type, 413 when it declares more than all files at
 * their limit could take (each file's own 10 MB limit is checked after parsing).
 */
export async function readMultipartBody(request: Request): Promise<FormData> {
  if (!/^multipart\/form-data\s*;/i.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the files as multipart/form-data.");
  }
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(length) || length > MAX_MULTIPART_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `Send at most ${MAX_ATTACHMENTS_PER_UPLOAD} files of 10 MB each, with a Content-Length.`);
  }
  try {
    return await request.formData();
  } catch {
    throw new AppError("VALIDATION", "The body is not valid multipart/form-data.", { _: ["Malformed multipart body."] });
  }
}
