import { describe, expect, it } from 'vitest';
import { dateParts, expandPermalink } from '../../src/graph/permalink.js';

describe('expandPermalink', () => {
  const date = new Date('2024-11-05T10:00:00Z');

  it('fills slug and date tokens', () => {
    expect(expandPermalink('/{yyyy}/{mm}/{slug}/', { slug: 'x', date, timeZone: 'UTC' })).toBe('/2024/11/x/');
    expect(expandPermalink('/{yyyy}/{mm}/{dd}/{slug}/', { slug: 'x', date, timeZone: 'UTC' })).toBe('/2024/11/05/x/');
  });

  it('reads the date in the configured time zone, not the process one', () => {
    const lateNewYearsEve = new Date('2024-12-31T23:30:00Z');
    expect(expandPermalink('/{yyyy}/{mm}/{slug}/', { slug: 'x', date: lateNewYearsEve, timeZone: 'Pacific/Kiritimati' })).toBe('/2025/01/x/');
    expect(expandPermalink('/{yyyy}/{mm}/{slug}/', { slug: 'x', date: lateNewYearsEve, timeZone: 'UTC' })).toBe('/2024/12/x/');
    expect(dateParts(new Date('2025-01-01T05:00:00Z'), 'America/Los_Angeles')).toEqual({ yyyy: '2024', mm: '12', dd: '31' });
  });

  it('uses the primary category slug, or "uncategorized"', () => {
    expect(expandPermalink('/{category}/{slug}/', { slug: 'x', category: 'São Paulo', timeZone: 'UTC' })).toBe('/sao-paulo/x/');
    expect(expandPermalink('/{category}/{slug}/', { slug: 'x', category: 'greece', timeZone: 'UTC' })).toBe('/greece/x/');
    expect(expandPermalink('/{category}/{slug}/', { slug: 'x', timeZone: 'UTC' })).toBe('/uncategorized/x/');
  });

  it('always starts and ends with one slash and never has "//"', () => {
    expect(expandPermalink('{slug}', { slug: 'about', timeZone: 'UTC' })).toBe('/about/');
    expect(expandPermalink('/tag//{slug}', { slug: 'a', timeZone: 'UTC' })).toBe('/tag/a/');
  });

  it('refuses a date token without a date', () => {
    expect(() => expandPermalink('/{yyyy}/{slug}/', { slug: 'x', timeZone: 'UTC' })).toThrow(/needs a date/);
  });
});
