import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/content/parse-date.js';
import { toIsoInZone } from '../../src/render/helpers/format-date.js';
import { zoneOffset } from '../../src/text/zone-time.js';

// One home for zone offsets: front matter dates and <time datetime> agree for
// every year, including 0–99 (Date.UTC maps them to 1900–1999).
describe('zone-offset arithmetic', () => {
  it.each(['0050-06-01T10:00', '0099-12-31T23:30', '1900-01-01T00:00', '2024-11-06T09:30'])('round-trips %s through parseDate and toIsoInZone', (wall) => {
    const date = parseDate(wall, 'Europe/Athens')!;
    expect(toIsoInZone(date, 'Europe/Athens').slice(0, 16)).toBe(wall);
  });

  it('gives the same offset as the zone for a year below 100', () => {
    const utc = new Date(Date.UTC(2000, 5, 1));
    utc.setUTCFullYear(50);
    expect(zoneOffset(utc.getTime(), 'UTC')).toBe(0);
    expect(toIsoInZone(utc, 'UTC')).toBe('0050-06-01T00:00:00Z');
  });
});
