import { expect, it } from "vitest";
import { sameSitePath } from "@/lib/auth/callback-url";

it("keeps a path on this site, query and fragment included", () => {
  expect(sameSitePath("/queue")).toBe("/queue");
  expect(sameSitePath("/portal/tickets/INC-000001?done=closed#reply")).toBe("/portal/tickets/INC-000001?done=closed#reply");
  expect(sameSitePath("/queue/../admin")).toBe("/admin");
});

it("sends anything that leaves the site, or might, to the home page", () => {
  for (const url of [
    undefined,
    "",
    "queue",
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example/queue",
    "javascript:alert(1)",
    "/%0a/evil.example".replace("%0a", "\n"),
  ]) {
    expect(sameSitePath(url), JSON.stringify(url)).toBe("/");
  }
});
