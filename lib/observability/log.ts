import { jobLogLine, logFormatOf, requestLogLine, type JobLogEntry, type RequestLogEntry } from "./log-line";

/** Writes a request's line to standard output. */
export function logRequest(entry: Omit<RequestLogEntry, "time">, time = new Date()): void {
  console.log(requestLogLine({ ...entry, time }, logFormatOf(process.env.LOG_FORMAT)));
}

/** Writes a job run's line: a failed run's to standard error (in text, with its stack), the others' to standard output. */
export function logJobRun(entry: Omit<JobLogEntry, "time">, time = new Date()): void {
  const format = logFormatOf(process.env.LOG_FORMAT);
  const line = jobLogLine({ ...entry, time }, format);
  if (line === null) return;
  if (entry.error === undefined) console.log(line);
  else if (format === "text" && entry.error instanceof Error) console.error(line, entry.error);
  else console.error(line);
}
