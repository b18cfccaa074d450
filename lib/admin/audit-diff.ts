/** One changed field of an audit event: its dotted path and its value before and after (`undefined`: absent). */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === "object" && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown) => v === null || ["string", "number", "boolean"].includes(typeof v);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return false;
}

/**
 * Keys that name an element of a list of objects, tried in order: the first whose values are present,
 * primitive and unique on both sides wins, so `members[l1agent]` or `cells[HIGH/LOW].priority` reads
 * better than an index (and survives an insertion).
 */
const IDENTITIES: string[][] = [["slug"], ["userId"], ["key"], ["id"], ["date"], ["impact", "urgency"], ["priority"]];

function identityOf(lists: unknown[][]): ((element: Plain) => string) | null {
  for (const keys of IDENTITIES) {
    const fits = lists.every((list) => {
      if (!list.every((e) => isPlain(e) && keys.every((k) => isPrimitive(e[k]) && e[k] !== null))) return false;
      const ids = list.map((e) => keys.map((k) => String((e as Plain)[k])).join("/"));
      return new Set(ids).size === ids.length;
    });
    if (fits) return (e) => keys.map((k) => String(e[k])).join("/");
  }
  return null;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function diffInto(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (same(before, after)) return;
  if (isPlain(before) && isPlain(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) diffInto(before[key], after[key], join(path, key), out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].some((e) => !isPrimitive(e))) {
    const id = identityOf([before, after]);
    if (id) {
      const b = new Map((before as Plain[]).map((e) => [id(e), e]));
      const a = new Map((after as Plain[]).map((e) => [id(e), e]));
      for (const key of new Set([...b.keys(), ...a.keys()])) diffInto(b.get(key), a.get(key), `${path}[${key}]`, out);
    } else {
      for (let i = 0; i < Math.max(before.length, after.length); i++) diffInto(before[i], after[i], `${path}[${i}]`, out);
    }
    return;
  }
  // A leaf, a list of plain values, or an object on one side only: one row, shown compactly.
  out.push({ path: path || "(value)", before, after });
}

/**
 * The fields an audit event changed, before → after: only those that differ, nested objects as dotted
 * paths, lists of objects by their identifying key (else by index). A create (before null) lists every
 * field of the new record; a delete (after null) every field of the old one.
 */
export function diffAuditValues(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  const empty = (v: unknown) => v === null || v === undefined;
  if (empty(before) && isPlain(after)) diffInto({}, after, "", out);
  else if (isPlain(before) && empty(after)) diffInto(before, {}, "", out);
  else diffInto(before, after, "", out);
  return out;
}

export const AUDIT_VALUE_MAX = 200;

/** One side of a change as short text: "—" when absent, JSON for lists and objects, long text cut at AUDIT_VALUE_MAX. */
export function formatAuditValue(value: unknown): string {
  if (value === undefined) return "—";
  if (value === null) return "null";
  const text = typeof value === "string" ? (value === "" ? '""' : value) : typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.length > AUDIT_VALUE_MAX ? `${text.slice(0, AUDIT_VALUE_MAX - 1)}…` : text;
}
