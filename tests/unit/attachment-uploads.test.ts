import { expect, it } from "vitest";
import { filesIn } from "@/lib/attachments/prepare-uploads";

it("takes the files of a form, skipping text fields and the empty part an unused file input sends", () => {
  const form = new FormData();
  form.append("attachments", new File([], ""));
  form.append("attachments", new File([], "undefined"));
  form.append("attachments", "not a file");
  form.append("attachments", new File(["log line\n"], "worker.log"));
  expect(filesIn(form.getAll("attachments")).map((f) => f.name)).toEqual(["worker.log"]);
});
