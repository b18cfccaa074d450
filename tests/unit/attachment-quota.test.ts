import { describe, expect, it } from "vitest";
import { attachmentQuotaRefusal, MAX_BYTES_PER_TICKET, MAX_FILES_PER_TICKET } from "@/lib/attachments/attachment-quota";

describe("attachmentQuotaRefusal", () => {
  it("lets files in up to 100 files and 200 MB, both inclusive", () => {
    expect(attachmentQuotaRefusal({ files: MAX_FILES_PER_TICKET - 2, bytes: 0 }, [1, 1])).toBeNull();
    expect(attachmentQuotaRefusal({ files: 1, bytes: MAX_BYTES_PER_TICKET - 10 }, [10])).toBeNull();
  });
  it("refuses one file or one byte past either limit", () => {
    expect(attachmentQuotaRefusal({ files: MAX_FILES_PER_TICKET - 1, bytes: 0 }, [1, 1])).toMatch(/at most 100 files/);
    expect(attachmentQuotaRefusal({ files: 1, bytes: MAX_BYTES_PER_TICKET - 10 }, [11])).toMatch(/at most 200 MB/);
  });
  it("an upload with no files never breaks a full ticket's quota (a reply without files)", () => {
    expect(attachmentQuotaRefusal({ files: MAX_FILES_PER_TICKET + 5, bytes: MAX_BYTES_PER_TICKET * 2 }, [])).toBeNull();
  });
});
