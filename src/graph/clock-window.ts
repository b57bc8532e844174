import { wallTimeAsUtc, zonedWallTimeToInstant } from '../text/zone-time.js';
import { dateParts } from './permalink.js';

// How long a build's output stays right as the clock moves. Every rule that
// compares something with the build's clock (`now`) has a window function
// beside it: the instants [from, until) of `now` around the build's own within
// which the rule gives the same answer. The output of a build is valid for any
// `now` inside the intersection of all of them (pipeline/output-clock-window.ts),
// which is what lets a later build with nothing else changed keep it as it is.
// test/graph/clock-readers.test.ts fails when code reads `now` without such a function.

/** `now` may be anywhere in [from, until) (milliseconds since the epoch) and the rule's answer stays the same. */
export interface ClockWindow {
  from: number;
  until: number;
}

/**
 * The window around `now` for a rule whose answer can change only at the
 * `flips` instants (at a flip the answer for `t >= flip` may differ from the
 * one for `t < flip`): from the last flip at or before `now` to the first after it.
 */
export function windowAround(now: number, flips: Iterable<number>): ClockWindow {
  let from = -Infinity;
  let until = Infinity;
  for (const flip of flips) {
    if (flip <= now) from = Math.max(from, flip);
    else until = Math.min(until, flip);
  }
  return { from, until };
}

export function intersectWindows(...windows: ClockWindow[]): ClockWindow {
  return { from: Math.max(-Infinity, ...windows.map((w) => w.from)), until: Math.min(Infinity, ...windows.map((w) => w.until)) };
}

export function isInWindow(now: number, window: ClockWindow): boolean {
  return now >= window.from && now < window.until;
}

/** The calendar day of `now` in `timeZone`, for rules that read the date and not the time. */
export function dayWindow(now: Date, timeZone: string): ClockWindow {
  const { yyyy, mm, dd } = dateParts(now, timeZone);
  const midnight = (dayOffset: number) =>
    zonedWallTimeToInstant(wallTimeAsUtc({ year: Number(yyyy), month: Number(mm), day: Number(dd) + dayOffset, hour: 0, minute: 0, second: 0, millisecond: 0 }), timeZone);
  // Where a zone skips midnight the instants land past the gap; the window never leaves out `now` itself.
  return { from: Math.min(midnight(0), +now), until: Math.max(midnight(1), +now + 1) };
}
