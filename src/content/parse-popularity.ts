import { codes } from '../diagnostics/codes.js';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { PopularityData, PopularityEntry } from '../graph/types.js';
import { decodeSource } from './decode-source.js';

// The newsroom exports views from its analytics as JSON or CSV:
//   JSON: {"views": [{"url": "/2024/11/x/", "views": 120, "daily": {"2024-11-05": 40}}]}
//         or simply {"/2024/11/x/": 120, "other-slug": 80}
//   CSV:  url,views            (one row per article)
//         url,date,views       (one row per article and day)

/** Decodes strictly first: a mis-saved export is an error naming the file, never U+FFFD in the ranking. */
export function parsePopularityBytes(bytes: Uint8Array, file: string): { data?: PopularityData; diagnostics: Diagnostic[] } {
  const decoded = decodeSource(bytes, file);
  return decoded.text === undefined ? { diagnostics: decoded.diagnostics } : parsePopularity(decoded.text, file);
}

export function parsePopularity(text: string, file: string): { data?: PopularityData; diagnostics: Diagnostic[] } {
  const fail = (message: string, line?: number) => ({
    diagnostics: [
      error(codes.popularityData, message, {
        file,
        line,
        column: line ? 1 : undefined,
        hint: 'see README "Popularity data" for the accepted JSON and CSV layouts',
      }),
    ],
  });
  if (file.endsWith('.csv')) return parseCsv(text, file, fail);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON: ${(e as Error).message}`);
  }
  const entries: PopularityEntry[] = [];
  if (json && typeof json === 'object' && Array.isArray((json as { views?: unknown }).views)) {
    for (const [i, item] of ((json as { views: unknown[] }).views).entries()) {
      const row = item as { url?: unknown; slug?: unknown; views?: unknown; daily?: unknown };
      const key = typeof row.url === 'string' ? row.url : typeof row.slug === 'string' ? row.slug : undefined;
      const daily = isCountMap(row.daily) ? row.daily : undefined;
      const views = typeof row.views === 'number' ? row.views : daily ? sum(Object.values(daily)) : undefined;
      if (!key || views === undefined || !(views >= 0)) return fail(`views[${i}] needs "url" (or "slug") and a non-negative "views" number`);
      entries.push(daily ? { key, views, daily } : { key, views });
    }
  } else if (isCountMap(json)) {
    for (const [key, views] of Object.entries(json)) entries.push({ key, views });
  } else {
    return fail('expected {"views": [...]} or an object of url → views');
  }
  return { data: { file, entries }, diagnostics: [] };
}

type Fail = (message: string, line?: number) => { diagnostics: Diagnostic[] };

function parseCsv(text: string, file: string, fail: Fail) {
  const lines = text.split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [keyCol, dateCol, viewsCol] = [col('url') >= 0 ? col('url') : col('slug'), col('date'), col('views')];
  if (keyCol < 0 || viewsCol < 0) return fail('the first line must name the columns: url (or slug), views and optionally date', 1);
  const byKey = new Map<string, PopularityEntry>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const cells = lines[i].split(',').map((c) => c.trim());
    const views = Number(cells[viewsCol]);
    const date = dateCol >= 0 ? cells[dateCol] : undefined;
    if (!cells[keyCol] || !Number.isFinite(views) || views < 0 || (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date))) {
      return fail(`row ${i + 1} is not "url,views"${dateCol >= 0 ? ' with a YYYY-MM-DD date' : ''}`, i + 1);
    }
    const entry = byKey.get(cells[keyCol]) ?? { key: cells[keyCol], views: 0, position: { line: i + 1, column: 1 } };
    entry.views += views;
    if (date) entry.daily = { ...entry.daily, [date]: (entry.daily?.[date] ?? 0) + views };
    byKey.set(entry.key, entry);
  }
  return { data: { file, entries: [...byKey.values()] }, diagnostics: [] };
}

function isCountMap(value: unknown): value is Record<string, number> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'number' && v >= 0);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
