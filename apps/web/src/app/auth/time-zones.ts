/** The browser's own zone, which sign-up preselects and the picker offers first. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * Every zone the browser knows, the browser's own first, then the current one and UTC, then
 * the rest by name.
 */
export function timeZoneChoices(
  current: string = browserTimeZone(),
  browser: string = browserTimeZone(),
): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const first = [...new Set([browser, current, 'UTC'])];
  const rest = [...new Set(known)].filter((zone) => !first.includes(zone)).sort();
  return [...first, ...rest];
}

function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_/\s-]+/g, ' ')
    .trim();
}

/**
 * The zones matching what was typed, at most `limit`, in the order given: every typed word must
 * start a word of the zone ("new york", "york", "pago", "europe lon"). Empty: the first ones.
 */
export function matchTimeZones(zones: readonly string[], query: string, limit: number): string[] {
  const typed = words(query).split(' ').filter(Boolean);
  if (typed.length === 0) return zones.slice(0, limit);
  const matching = zones.filter((zone) => {
    const parts = words(zone).split(' ');
    return typed.every((t) => parts.some((part) => part.startsWith(t)));
  });
  return matching.slice(0, limit);
}

/** "GMT+1", "GMT−11", "GMT" for a zone right now. */
export function zoneOffset(zone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName');
    return part?.value === 'GMT+0' ? 'GMT' : (part?.value ?? '');
  } catch {
    return '';
  }
}
