/**
 * Dates as a reader reads them ("21 November 2026" in en-GB, "November 21, 2026" in en-US), for
 * the database's build time in the popup. The day is the UTC day: build times are recorded in UTC,
 * and a reader west of Greenwich should not see the day before.
 */

/** The date of an ISO timestamp in `locale`; null when there is none or it is not a date. */
export function formatIsoDate(iso: string | null, locale?: string): string | null {
  if (iso === null) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    // An unknown locale tag: the runtime's own locale.
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  }
}
