// Unit and integration tests run with the process clock three years ahead of the real one (PGlite, in
// this process, reads the same clock; a PostgreSQL server keeps the real one). A step that falls back to
// a clock it was not given — a `new Date()` deep in a service, a database default — then never agrees with
// a test's injected clock or pinned dates, and fails today instead of on the day the real clock passes them.
const AHEAD_MS = 3 * 365 * 86_400_000;
const RealDate = Date;

class ClockAheadDate extends RealDate {
  constructor(...args: ConstructorParameters<DateConstructor> | []) {
    if (args.length === 0) super(RealDate.now() + AHEAD_MS);
    else super(...(args as ConstructorParameters<DateConstructor>));
  }

  static override now(): number {
    return RealDate.now() + AHEAD_MS;
  }
}

Object.defineProperty(ClockAheadDate, "name", { value: "Date" }); // failures print dates as dates
globalThis.Date = ClockAheadDate as DateConstructor;
