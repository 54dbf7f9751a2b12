/**
 * Dates are shown in the user's Dataverse time zone (not the browser's) and as relative time. The host gives the
 * user's UTC offset and a date formatter; both fall back to plain behaviour when absent.
 */
import type { Strings } from './strings';

export interface DateFormatting {
  /** Minutes to add to UTC for the user's time zone at that instant (context.userSettings.getTimeZoneOffsetMinutes). */
  offsetMinutes?: (date: Date) => number;
  /** Formats a Date by its browser-local fields (context.formatting.formatDateShort(date, true)). */
  formatShort?: (date: Date) => string;
}

export interface DateFormatter {
  /** The instant in the user's time zone, or null when the input is not a date. */
  format(iso: string): string | null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function createDateFormatter(formatting: DateFormatting = {}): DateFormatter {
  return {
    format(iso) {
      const date = new Date(iso);
      if (Number.isNaN(date.getTime())) return null;
      let offset: number | undefined;
      try {
        offset = formatting.offsetMinutes?.(date);
      } catch {
        offset = undefined;
      }
      if (formatting.formatShort && typeof offset === 'number' && Number.isFinite(offset)) {
        // formatDateShort prints the browser-local fields: shift so that those fields read the user's wall clock.
        const shifted = new Date(date.getTime() + (offset + date.getTimezoneOffset()) * 60000);
        try {
          return formatting.formatShort(shifted);
        } catch {
          // fall through to the plain form
        }
      }
      // No host formatter: the browser's locale, at the user's offset, with the offset spelled out.
      const userOffset = typeof offset === 'number' && Number.isFinite(offset) ? offset : -date.getTimezoneOffset();
      const wall = new Date(date.getTime() + userOffset * 60000).toLocaleString(undefined, {
        timeZone: 'UTC',
        dateStyle: 'short',
        timeStyle: 'short',
      });
      const abs = Math.abs(userOffset);
      return `${wall} (UTC${userOffset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`;
    },
  };
}

/** "3 h ago", "in 12 min", "just now". */
export function relativeTime(iso: string, now: Date, strings: Strings): string | null {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return null;
  const diffMinutes = Math.round((then - now.getTime()) / 60000);
  const abs = Math.abs(diffMinutes);
  if (abs < 1) return strings.t('panel.time.justNow');
  const future = diffMinutes > 0;
  if (abs < 60) return strings.t(future ? 'panel.time.inMinutes' : 'panel.time.minutesAgo', { count: abs });
  const hours = Math.round(abs / 60);
  if (hours < 48) return strings.t(future ? 'panel.time.inHours' : 'panel.time.hoursAgo', { count: hours });
  const days = Math.round(abs / 1440);
  return strings.t(future ? 'panel.time.inDays' : 'panel.time.daysAgo', { count: days });
}
