/** A foreign key: rows of `child` name rows of `parent`. */
export interface TableEdge {
  child: string;
  parent: string;
}

/**
 * Pure: the tables in an order where each comes after the tables it references (a table that references itself
 * is no obstacle; the rows of a cycle, which the schema does not have today, keep the order by name). Ties by
 * name, so the order is the same on every run.
 */
export function dependencyOrder(tables: string[], edges: TableEdge[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges) {
    if (child !== parent && parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  const remaining = [...tables].sort();
  while (remaining.length) {
    const next = remaining.findIndex((t) => [...parents.get(t)!].every((p) => placed.has(p)));
    const [table] = remaining.splice(next === -1 ? 0 : next, 1);
    ordered.push(table!);
    placed.add(table!);
  }
  return ordered;
}
