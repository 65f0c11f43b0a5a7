/**
 * Whether a service is open at a moment, from its machine-readable hours: "open now (until
 * 18:00)" or "closed, opens Mon 09:00". Pure: the moment is passed in (the call's clock), and
 * the local time in the service's zone comes from Intl, which needs no files or network.
 */
import type { OpeningHours, Weekday } from './directory.js';

export type OpeningState =
  | { readonly open: true; readonly always: true }
  | { readonly open: true; readonly always: false; readonly until: string }
  | { readonly open: false; readonly opens?: { readonly day: Weekday; readonly at: string; readonly today: boolean } };

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The weekday and minutes since midnight at `now` in `timezone`; undefined for an unknown zone. */
function localTime(timezone: string, now: Date): { day: number; minutes: number } | undefined {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      return undefined;
    }
    formatters.set(timezone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(now).map((p) => [p.type, p.value]));
  const day = WEEKDAYS.indexOf(String(parts['weekday']).toLowerCase().slice(0, 3) as Weekday);
  return { day, minutes: Number(parts['hour']) * 60 + Number(parts['minute']) };
}

/** Whether `timezone` is one Intl knows (for the validator). */
export function isKnownTimezone(timezone: string): boolean {
  return localTime(timezone, new Date(0)) !== undefined;
}

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

export function openingState(hours: OpeningHours, now: Date): OpeningState | undefined {
  if (hours.always) return { open: true, always: true };
  const local = localTime(hours.timezone, now);
  if (local === undefined || !hours.weekly) return undefined;
  const windows = hours.weekly;
  const today = WEEKDAYS[local.day]!;
  for (const window of windows) {
    if (window.days.includes(today) && minutesOf(window.from) <= local.minutes && local.minutes < minutesOf(window.to)) {
      return { open: true, always: false, until: window.to };
    }
  }
  // The next opening: later today, else the first of the next six days.
  for (let ahead = 0; ahead < 7; ahead++) {
    const day = WEEKDAYS[(local.day + ahead) % 7]!;
    const starts = windows
      .filter((w) => w.days.includes(day) && (ahead > 0 || minutesOf(w.from) > local.minutes))
      .map((w) => w.from)
      .sort();
    if (starts.length > 0) return { open: false, opens: { day, at: starts[0]!, today: ahead === 0 } };
  }
  return { open: false };
}
