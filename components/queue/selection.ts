/**
 * Row selection as plain data: `x` or a click toggles one row; a shift-click selects every row from the
 * last one clicked (the anchor) to this one, in the order shown, and leaves the rest of the selection as it is.
 */
export function toggleOne(selected: ReadonlySet<string>, number: string): Set<string> {
  const next = new Set(selected);
  if (next.has(number)) next.delete(number);
  else next.add(number);
  return next;
}

export function selectRange(selected: ReadonlySet<string>, order: readonly string[], anchor: string | null, target: string): Set<string> {
  const from = anchor === null ? -1 : order.indexOf(anchor);
  const to = order.indexOf(target);
  if (to === -1) return new Set(selected);
  if (from === -1) return toggleOne(selected, target);
  const next = new Set(selected);
  for (const number of order.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(number);
  return next;
}

/** The selection kept to the rows still shown (a refresh may drop some). */
export function keepShown(selected: ReadonlySet<string>, order: readonly string[]): Set<string> {
  return new Set(order.filter((number) => selected.has(number)));
}
