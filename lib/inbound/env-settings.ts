// Reading the inbound settings from the environment (smtp-receiver-config.ts, imap-settings.ts,
// new-ticket-settings.ts): pure, the caller passes the environment; a value that makes no sense throws a message
// naming its variable.

export type Env = Readonly<Record<string, string | undefined>>;

/** The variable's value, trimmed; undefined when unset or blank. */
export function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** A whole number from min to max, or `fallback` when the variable is unset or blank. */
export function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = setting(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; it is "${raw}".`);
  }
  return Number(raw);
}
