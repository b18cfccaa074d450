import { z } from "zod";

/** The multipart upload, as documented (the route reads the parts itself: lib/attachments/prepare-uploads.ts checks them). */
export const ZAttachmentUpload = z.strictObject({
  attachments: z.array(z.file()).min(1).max(5),
});
