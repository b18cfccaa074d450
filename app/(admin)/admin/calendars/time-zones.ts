/** The IANA time zones this runtime knows, for the editor's suggestions (UTC first). */
export function timeZoneNames(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}
