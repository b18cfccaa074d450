import { describe, expect, it } from "vitest";
import { excerptOf } from "@/lib/kb/article-json";
import { prefixTsQuery } from "@/lib/kb/search-query";
import { ZArticleSearch, ZArticleSlug } from "@/lib/validation/kb";
import { ZCreateTicket } from "@/lib/validation/ticket";

describe("prefixTsQuery", () => {
  it("searches each distinct word as a prefix, any of them", () => {
    expect(prefixTsQuery("Export stops, export fails")).toBe("export:* | stops:* | fails:*");
    expect(prefixTsQuery("Größe über")).toBe("größe:* | über:*");
  });

  it("lets no tsquery operator through and is empty without words", () => {
    expect(prefixTsQuery("a & !b | (c:*) <-> 'd'")).toBe("a:* | b:* | c:* | d:*");
    expect(prefixTsQuery(" !&| ")).toBe("");
  });

  it("searches at most eight words", () => {
    expect(prefixTsQuery("one two three four five six seven eight nine ten").split(" | ")).toHaveLength(8);
  });
});

describe("excerptOf", () => {
  it("shows Markdown as plain text, cut at 160 characters", () => {
    expect(excerptOf("1. Open the **status page**.\n2. Try [again](https://x.example).\n- `401`: key")).toBe("Open the status page. Try again. 401: key");
    const long = excerptOf("word ".repeat(100));
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("self-service validation", () => {
  it("takes slugs of lowercase words only", () => {
    expect(ZArticleSlug.safeParse("help-data").success).toBe(true);
    for (const slug of ["../sop", "Help", "", "-x", "a".repeat(101)]) expect(ZArticleSlug.safeParse(slug).success).toBe(false);
  });

  it("bounds the search", () => {
    expect(ZArticleSearch.parse({ q: " export " })).toEqual({ q: "export", limit: 5 });
    expect(ZArticleSearch.safeParse({ q: "x".repeat(201) }).success).toBe(false);
    expect(ZArticleSearch.safeParse({ q: "x", limit: "21" }).success).toBe(false);
  });

  it("takes an idempotency key as a UUID or 8–100 URL-safe characters", () => {
    const base = { type: "INCIDENT", title: "abc", description: "x", category: "data" };
    expect(ZCreateTicket.parse({ ...base, idempotencyKey: "0b7c3e1e-5a49-4d8b-9d8e-2a6b3c4d5e6f" }).idempotencyKey).toBeDefined();
    expect(ZCreateTicket.parse({ ...base, idempotencyKey: "" }).idempotencyKey).toBeUndefined();
    for (const key of ["1234567", "key with space", "k".repeat(101), "ключ-ключ-ключ"]) {
      expect(ZCreateTicket.safeParse({ ...base, idempotencyKey: key }).success).toBe(false);
    }
  });
});
