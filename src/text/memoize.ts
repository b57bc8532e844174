/**
 * `make` with its results kept by argument: for values that cost far more to
 * create than to use, such as an Intl.DateTimeFormat (a build formats
 * thousands of dates in a handful of zones and styles). With `limit`, the
 * cache starts over once it holds that many, for keys without a small bound:
 * put such an argument last (each distinct value before the last has a map of its own).
 */
export function memoize<A extends (string | number)[], V>(make: (...args: A) => V, { limit = Infinity } = {}): (...args: A) => V {
  // One map per argument, nested: a look-up builds no key string (the render
  // stage asks these caches millions of times, for dates and theme words).
  type Level = Map<string | number, unknown>;
  let root: Level = new Map();
  let size = 0;
  /** The map holding the last argument's values, made on the way where missing. */
  const levelFor = (args: A): Level => {
    let level = root;
    for (let i = 0; i < args.length - 1; i++) {
      let next = level.get(args[i]) as Level | undefined;
      if (next === undefined) level.set(args[i], (next = new Map()));
      level = next;
    }
    return level;
  };
  return (...args) => {
    const last = args[args.length - 1];
    let level = levelFor(args);
    let value = level.get(last) as V | undefined;
    if (value === undefined) {
      value = make(...args);
      if (size >= limit) {
        root = new Map();
        size = 0;
        level = levelFor(args);
      }
      level.set(last, value);
      size++;
    }
    return value;
  };
}
