import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// lib/README.md: "No folder imports another that imports it back, directly or round a loop." A folder is lib's
// first level (lib/tickets), except lib/tickets/core, which both lib/tickets and lib/routing stand on; a module
// at lib's top (lib/labels.ts) counts as a folder of its own.

const LIB = path.resolve(import.meta.dirname, "../../lib");

function folderOf(file: string): string {
  const parts = path.relative(LIB, file).split(path.sep);
  if (parts[0] === "tickets" && parts[1] === "core") return "tickets/core";
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.tsx?$/, "");
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Folder → the folders its files import (static and dynamic imports, `@/lib/…` and relative). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(LIB)) {
    const from = folderOf(file);
    for (const [, a, b] of readFileSync(file, "utf8").matchAll(/from "([^"]+)"|import\("([^"]+)"\)/g)) {
      const specifier = a ?? b!;
      const target = specifier.startsWith("@/lib/") ? path.join(LIB, specifier.slice("@/lib/".length)) : specifier.startsWith(".") ? path.resolve(path.dirname(file), specifier) : null;
      if (!target || !target.startsWith(LIB + path.sep)) continue;
      const to = folderOf(target);
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Tarjan's strongly connected components with more than one folder: each is a loop of imports. */
function loops(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("lib's folders", () => {
  it("import one another without a loop", () => {
    const graph = folderGraph();
    expect(graph.size).toBeGreaterThan(20);
    expect(loops(graph)).toEqual([]);
  });

  it("would see a loop: the check finds one made on purpose", () => {
    const graph = folderGraph();
    graph.set("mail", new Set([...(graph.get("mail") ?? []), "inbound"]));
    expect(loops(graph)).toContainEqual(expect.arrayContaining(["inbound", "mail"]));
  });
});
