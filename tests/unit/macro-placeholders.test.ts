import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/markdown";
import { escapeMarkdownText, fillPlaceholders, type PlaceholderValues } from "@/lib/macros/placeholders";
import { unknownPlaceholders } from "@/lib/validation/macro-placeholders";
import { promiseAfterReply } from "@/lib/macros/promise-after-reply";
import { ZMacro } from "@/lib/validation/macro";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, null, source));
const text = (html: string) => html.replace(/<[^>]+>/g, "").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&").replaceAll("&quot;", '"');

const VALUES: PlaceholderValues = {
  "customer.name": "Carla Customer",
  "ticket.number": "INC-000042",
  "ticket.title": "Gateway answers 500",
  "agent.name": "Lena First",
  "update.promise": "We will update you by 14:30 UTC",
};

describe("macro placeholders", () => {
  it("fills every placeholder, with or without spaces inside the braces", () => {
    const body = "Hello {{customer.name}}, about {{ ticket.number }} ({{ticket.title}}): {{update.promise}}. — {{agent.name}}";
    expect(fillPlaceholders(body, VALUES)).toBe("Hello Carla Customer, about INC-000042 (Gateway answers 500): We will update you by 14:30 UTC. — Lena First");
  });

  it("names each unknown placeholder once, and accepts the known ones", () => {
    expect(unknownPlaceholders("{{customer.name}} {{customer.email}} {{ nope }} {{customer.email}}")).toEqual(["customer.email", "nope"]);
    expect(unknownPlaceholders("{{customer.name}} {{ticket.number}} {{ticket.title}} {{agent.name}} {{update.promise}}")).toEqual([]);
  });

  it("a macro with an unknown placeholder is refused, naming it", () => {
    const result = ZMacro.safeParse({ title: "x", body: "Hi {{customer.phone}}", visibility: "PUBLIC" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["body"]);
    expect(result.error?.issues[0]?.message).toContain("{{customer.phone}}");
  });

  it("a macro may only set a status an agent sets by hand", () => {
    expect(ZMacro.safeParse({ title: "x", body: "y", visibility: "PUBLIC", setStatus: "RESOLVED" }).success).toBe(true);
    expect(ZMacro.safeParse({ title: "x", body: "y", visibility: "PUBLIC", setStatus: "PENDING_VENDOR" }).success).toBe(false);
    expect(ZMacro.safeParse({ title: "x", body: "y", visibility: "PUBLIC", setStatus: "NEW" }).success).toBe(false);
  });

  it("a customer name with HTML renders as literal text: no element, no handler", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const html = render(fillPlaceholders("Hello {{customer.name}}, thanks.", { ...VALUES, "customer.name": hostile }));
    expect(html).not.toContain("<img");
    expect(text(html)).toContain(`Hello ${hostile}, thanks.`);
  });

  it("a customer name with Markdown renders as literal text: no bold, no link", () => {
    const hostile = "**bold** [link](http://evil) ![x](http://evil/x.png) `code` _em_ ~~s~~ <http://evil> &amp;";
    const html = render(fillPlaceholders("Hello {{customer.name}}", { ...VALUES, "customer.name": hostile }));
    expect(html).not.toMatch(/<strong|<a |<em|<code|<del|<img/);
    expect(text(html)).toBe(`Hello ${hostile}`);
  });

  it("a value at the start of a line cannot open a heading, a list or a quote, nor break the line", () => {
    for (const value of ["# Heading", "- item", "1. first", "> quote", "+ plus"]) {
      const html = render(fillPlaceholders("{{ticket.title}}", { ...VALUES, "ticket.title": value }));
      expect(html, value).toBe(`<div class="${html.match(/class="([^"]*)"/)![1]}"><p>${value.replace(">", "&gt;")}</p></div>`);
    }
    expect(escapeMarkdownText("line one\n\n# two")).toBe("line one # two");
  });

  it("the macro's own Markdown still renders", () => {
    const html = render(fillPlaceholders("**Hello** {{customer.name}}", { ...VALUES, "customer.name": "**Eve**" }));
    expect(html).toContain("<strong>Hello</strong> **Eve**");
  });
});

describe("{{update.promise}}", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  it("promises the next update when the clock runs, nothing while the ticket waits on the customer or is resolved", () => {
    expect(promiseAfterReply("IN_PROGRESS", "2026-12-02T14:30:00Z", now)).toBe("We will update you by 14:30 UTC");
    expect(promiseAfterReply("PENDING_CUSTOMER", null, now)).toBe("We will continue as soon as you reply");
    expect(promiseAfterReply("RESOLVED", null, now)).toMatch(/reply and we will pick it up again/);
    expect(promiseAfterReply("IN_PROGRESS", null, now)).toBe("We will update you as soon as there is news");
  });
});
