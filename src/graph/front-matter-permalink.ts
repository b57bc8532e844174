import { dateParts } from './permalink.js';
import { slugify } from '../text/slugify.js';

export interface PostUrlValues {
  slug: string;
  date: Date;
  categories: readonly string[];
  timeZone: string;
}

/**
 * A post's own `permalink:` / `url:` → its URL, filling in the Jekyll
 * placeholders (`/:categories/:year/:month/:day/:title.html`). The content
 * stage has refused unsafe forms and unknown placeholders. An address with no
 * file extension names a folder, as Hugo writes it: `/old/story` → `/old/story/`.
 */
export function expandPostPermalink(permalink: string, values: PostUrlValues): string {
  const { yyyy, mm, dd } = dateParts(values.date, values.timeZone);
  const fill: Record<string, string> = {
    year: yyyy,
    month: mm,
    day: dd,
    i_month: String(Number(mm)),
    i_day: String(Number(dd)),
    short_year: yyyy.slice(-2),
    title: values.slug,
    slug: values.slug,
    categories: values.categories.map(slugify).filter((c) => c !== '').join('/'),
  };
  const expanded = `/${permalink.replace(/:([a-z_]+)/g, (_, name: string) => fill[name] ?? '')}`.replace(/\/{2,}/g, '/');
  const last = expanded.slice(expanded.lastIndexOf('/') + 1);
  return last === '' || last.includes('.') ? expanded : `${expanded}/`;
}
