import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { errorResponse, userFacingError } from "@/lib/http/api";

// One mapping for API routes and server actions (runAction): what a user may be told, and what stays ours.
describe("userFacingError", () => {
  it("passes an AppError through with its fields, and turns a lost unique-constraint race into a conflict", () => {
    const refused = new AppError("VALIDATION", "Some fields are not valid.", { title: ["Say what is wrong."] });
    expect(userFacingError(refused)).toBe(refused);
    const race = Object.assign(new Error("Unique constraint failed on the fields: (`slug`)"), { code: "P2002" });
    const conflict = userFacingError(race);
    expect([conflict?.code, conflict?.status, conflict?.message]).toEqual(["CONFLICT", 409, "Someone else made the same change at the same moment. Reload and try again."]);
  });

  it("tells nothing of any other failure: it is logged, and the API answers a bare 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const fault = new Error('relation "Ticket" does not exist at 10.0.0.7');
      expect(userFacingError(fault)).toBeNull();
      expect(log).toHaveBeenCalledWith(fault);
      const response = errorResponse(fault);
      expect(response.status).toBe(500);
      expect(JSON.stringify(await response.json())).not.toContain("10.0.0.7");
    } finally {
      log.mockRestore();
    }
  });
});
