import { Prisma } from "./generated/client";

const MARKER = "/* custom plan */";

/**
 * Runs `statement` unprepared, so PostgreSQL plans it for its values every time. For statements whose best
 * plan depends on the values (a dashboard period of 30 days reads the rollups' edges, one of 365 days whole
 * years of them): a prepared statement switches to a generic plan after five runs, and bench:dashboard
 * measured those 20-30 % slower at 365 days (the previous period's figures 4 ms custom, 79 ms generic).
 */
export const customPlan = (statement: Prisma.Sql): Prisma.Sql => Prisma.sql`${Prisma.raw(MARKER)} ${statement}`;

/** Does this SQL ask to be planned for its values (`customPlan`)? */
export const wantsCustomPlan = (sql: string): boolean => sql.startsWith(MARKER);
