import { memoize } from '../text/memoize.js';
import { slugify } from '../text/slugify.js';

export interface PermalinkValues {
  slug: string;
  date?: Date;
  /** The primary category's name or slug; posts without one get `uncategorized`. */
  category?: string;
  timeZone: string;
}

/** `/{yyyy}/{mm}/{slug}/` → `/2024/11/x/`. Always starts and ends with `/`, never has `//`. */
export function expandPermalink(pattern: string, values: PermalinkValues): string {
  const parts = values.date ? dateParts(values.date, values.timeZone) : undefined;
  const expanded = pattern.replace(/\{([^{}]*)\}/g, (_, token: string) => {
    switch (token) {
      case 'slug':
        return values.slug;
      case 'category':
        return (values.category && slugify(values.category)) || 'uncategorized';
      case 'yyyy':
      case 'mm':
      case 'dd':
        if (!parts) throw new Error(`permalink token {${token}} needs a date (pattern "${pattern}")`);
        return parts[token];
      default:
        throw new Error(`unknown permalink token {${token}} in "${pattern}"`);
    }
  });
  return `/${expanded}/`.replace(/\/{2,}/g, '/');
}

// Creating a DateTimeFormat costs far more than using one; a build formats thousands of dates.
const formatterFor = memoize((timeZone: string) => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));

/** Calendar date of an instant in the site's time zone, never the process's. */
export function dateParts(date: Date, timeZone: string): { yyyy: string; mm: string; dd: string } {
  const formatter = formatterFor(timeZone);
  // format() is several times cheaper than formatToParts(); en-US reads "MM/DD/YYYY".
  const match = /^(\d{2})\/(\d{2})\/(\d+)$/.exec(formatter.format(date));
  if (match) return { yyyy: match[3].padStart(4, '0'), mm: match[1], dd: match[2] };
  const parts = formatter.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { yyyy: get('year').padStart(4, '0'), mm: get('month'), dd: get('day') };
}
