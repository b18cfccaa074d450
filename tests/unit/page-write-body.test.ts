import { describe, expect, it } from "vitest";
import { malformedPageWriteBody } from "@/lib/http/page-write-body";

const post = (body: BodyInit, headers: Record<string, string>) => new Request("http://localhost:3000/portal", { method: "POST", body, headers });
const ACTION = { "next-action": "7f00112233445566778899aabbccddeeff00112233" };

describe("malformedPageWriteBody", () => {
  it("accepts what React sends: JSON arguments as text, or a form as multipart", async () => {
    expect(await malformedPageWriteBody(post('[{"a":1},"$K1"]', { ...ACTION, "content-type": "text/plain;charset=UTF-8" }))).toBeNull();
    const form = new FormData();
    form.set("body", "Here is the log.");
    form.set("attachments", new File(["log line"], "a.log"));
    const request = new Request("http://localhost:3000/portal", { method: "POST", body: form, headers: ACTION });
    expect(await malformedPageWriteBody(request)).toBeNull();
    // The body is still there for Next.js to read.
    expect((await request.formData()).get("body")).toBe("Here is the log.");
  });

  it("refuses JSON that does not parse and multipart without a boundary or an end", async () => {
    expect(await malformedPageWriteBody(post("{{{", { ...ACTION, "content-type": "text/plain;charset=UTF-8" }))).toBe("The body is not valid JSON.");
    expect(await malformedPageWriteBody(post("garbage", { ...ACTION, "content-type": "multipart/form-data" }))).toMatch(/multipart/);
    expect(await malformedPageWriteBody(post("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb", { "content-type": "multipart/form-data; boundary=xyz" }))).toMatch(/multipart/);
  });

  it("leaves other bodies to Next.js", async () => {
    expect(await malformedPageWriteBody(post("{{{", { "content-type": "text/plain" }))).toBeNull();
    expect(await malformedPageWriteBody(post("%%%", { ...ACTION, "content-type": "application/x-www-form-urlencoded" }))).toBeNull();
  });
});
