import { describe, expect, it } from "vitest";
import { homePathFor } from "@/lib/auth/home";

describe("homePathFor", () => {
  it("sends each role to its own home", () => {
    expect(homePathFor("CUSTOMER")).toBe("/portal");
    expect(homePathFor("AGENT")).toBe("/queue");
    expect(homePathFor("MANAGER")).toBe("/dashboard");
    expect(homePathFor("ADMIN")).toBe("/admin");
  });
});
