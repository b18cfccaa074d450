import { expect, it } from "vitest";
import { inListOrder } from "@/lib/attachments/attachment-json";

it("lists attachments oldest first, then by name in code-point order, then by id", () => {
  const at = (s: number) => new Date(1_800_000_000_000 + s * 1000);
  const rows = [
    { id: "b", fileName: "worker.log", createdAt: at(0) },
    { id: "c", fileName: "later.png", createdAt: at(5) },
    { id: "a", fileName: "Screen.png", createdAt: at(0) },
    { id: "0", fileName: "worker.log", createdAt: at(0) },
  ];
  expect(inListOrder(rows).map((r) => r.id)).toEqual(["a", "0", "b", "c"]);
  expect(rows[0]!.id).toBe("b"); // the input is left as it was
});
