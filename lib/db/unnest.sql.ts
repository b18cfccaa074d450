import { Prisma } from "./generated/client";

/** One column of `unnestSql`: its name, its SQL array type, and its value in a row. */
export type UnnestColumn<R> = readonly [name: string, arrayType: string, value: (row: R) => unknown];

/**
 * `rows` as a table in SQL, one typed array parameter per column (no JSON for PostgreSQL to parse):
 * `unnest($1::int[], $2::text[], …) WITH ORDINALITY AS alias("a", "b", …, "n")`, where "n" is the row's
 * place in `rows` from 1. An enum column is sent as text: `text[]::"Tier"[]` (PGlite sends arrays of
 * types it does not know as plain text).
 */
export function unnestSql<R>(rows: readonly R[], columns: readonly UnnestColumn<R>[], alias: string): Prisma.Sql {
  const arrays = columns.map(([, arrayType, value]) => Prisma.sql`${rows.map(value)}::${Prisma.raw(arrayType)}`);
  const names = [...columns.map(([name]) => name), "n"].map((name) => `"${name}"`).join(", ");
  return Prisma.sql`unnest(${Prisma.join(arrays)}) WITH ORDINALITY AS ${Prisma.raw(alias)}(${Prisma.raw(names)})`;
}
