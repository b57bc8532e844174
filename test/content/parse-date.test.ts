import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/content/parse-date.js';

const iso = (value: unknown, timeZone = 'Europe/Athens') => parseDate(value, timeZone)?.toISOString();

describe('parseDate', () => {
  it.each([
    ['2024-11-06', '2024-11-05T22:00:00.000Z'],
    ['2024-11-06 09:30', '2024-11-06T07:30:00.000Z'],
    ['2024-11-06T09:30', '2024-11-06T07:30:00.000Z'],
    ['2024-11-06T09:30:15', '2024-11-06T07:30:15.000Z'],
    ['2024-11-06T09:30:15.25', '2024-11-06T07:30:15.250Z'],
    ['2024-11-06T09:30:15.123456', '2024-11-06T07:30:15.123Z'],
    ['2024-07-06T09:30', '2024-07-06T06:30:00.000Z'],
  ])('reads %s as wall-clock time in the site time zone', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it.each([
    ['2024-11-06T09:30Z', '2024-11-06T09:30:00.000Z'],
    ['2024-11-06T09:30:15+01:00', '2024-11-06T08:30:15.000Z'],
    ['2024-11-06 09:30 -05:30', '2024-11-06T15:00:00.000Z'],
    ['2024-11-06T09:30:15.5-0800', '2024-11-06T17:30:15.500Z'],
    ['2024-11-06T00:00:00+14:00', '2024-11-05T10:00:00.000Z'],
    // YAML 1.1 and Jekyll forms: a one- or two-digit hour offset, a four-digit one after a space.
    ['2015-03-17 14:00:00 -4', '2015-03-17T18:00:00.000Z'],
    ['2015-03-17 14:00:00 -0400', '2015-03-17T18:00:00.000Z'],
    ['2015-03-17 14:00:00 +05', '2015-03-17T09:00:00.000Z'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-15T02:59:43.100Z'],
  ])('honours the offset in %s', (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it('reads one-digit hours, months and days as YAML 1.1 does', () => {
    expect(iso('2024-11-06 5:00:00', 'UTC')).toBe('2024-11-06T05:00:00.000Z');
    expect(iso('2024-11-06T9:30', 'UTC')).toBe('2024-11-06T09:30:00.000Z');
    expect(iso('2024-3-7', 'UTC')).toBe('2024-03-07T00:00:00.000Z');
  });

  it('reads a date alone as midnight in the zone', () => {
    expect(iso('2024-11-06', 'UTC')).toBe('2024-11-06T00:00:00.000Z');
    expect(iso('2024-11-06', 'America/Los_Angeles')).toBe('2024-11-06T08:00:00.000Z');
    expect(iso('2024-11-06', 'Pacific/Kiritimati')).toBe('2024-11-05T10:00:00.000Z');
  });

  it('accepts 29 February in a leap year only (row 9)', () => {
    expect(iso('2024-02-29', 'UTC')).toBe('2024-02-29T00:00:00.000Z');
    expect(iso('2023-02-29', 'UTC')).toBeUndefined();
    expect(iso('1900-02-29', 'UTC')).toBeUndefined();
    expect(iso('2000-02-29', 'UTC')).toBe('2000-02-29T00:00:00.000Z');
  });

  it.each([
    '2024-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '2024-11-00', 'yesterday', 'now', '',
    '2024-11-06T24:00', '2024-11-06T23:60', '2024-11-06T23:59:60', '2024-11-6-1', '2024-11-06 5:0',
    '2024-11-06 14:00:00 -24', '2024-11-06 14:00:00 +0560', '2024-2-30',
    '06/11/2024', '2024-11-06T09:30+25:00', '2024-11-06Z', ' 2024-11-06', '2024-11-06T09:30 Europe/London',
  ])('rejects %j', (value) => {
    expect(parseDate(value, 'UTC')).toBeUndefined();
  });

  it.each([20241106, 1730851200000, null, undefined, true, ['2024-11-06'], { date: '2024-11-06' }, new Date(0)])(
    'rejects the non-string %j',
    (value) => {
      expect(parseDate(value, 'UTC')).toBeUndefined();
    },
  );

  it('moves a time in the spring-forward gap past the gap (Europe/London 2024-03-31 01:30)', () => {
    // Clocks go from 01:00 GMT to 02:00 BST; 01:30 does not exist and means 02:30 BST.
    expect(iso('2024-03-31 01:30', 'Europe/London')).toBe('2024-03-31T01:30:00.000Z');
    expect(iso('2024-03-31 00:59', 'Europe/London')).toBe('2024-03-31T00:59:00.000Z');
    expect(iso('2024-03-31 02:00', 'Europe/London')).toBe('2024-03-31T01:00:00.000Z');
  });

  it('takes the earlier instant for a time that occurs twice (Europe/London 2024-10-27 01:30)', () => {
    // 01:30 happens first in BST (00:30Z) and again in GMT (01:30Z).
    expect(iso('2024-10-27 01:30', 'Europe/London')).toBe('2024-10-27T00:30:00.000Z');
    expect(iso('2024-10-27 02:00', 'Europe/London')).toBe('2024-10-27T02:00:00.000Z');
  });

  it('handles a zone that skipped a whole day (Pacific/Apia, 2011-12-30)', () => {
    expect(iso('2011-12-29 12:00', 'Pacific/Apia')).toBe('2011-12-29T22:00:00.000Z');
    expect(iso('2011-12-31 12:00', 'Pacific/Apia')).toBe('2011-12-30T22:00:00.000Z');
  });
});
