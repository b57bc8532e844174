/**
 * `make` with its results kept by argument: for values that cost far more to
 * create than to use, such as an Intl.DateTimeFormat (a build formats
 * thousands of dates in a handful of zones and styles). With `limit`, the
 * cache starts over once it holds that many, for keys without a small bound.
 */
export function memoize<A extends (string | number)[], V>(make: (...args: A) => V, { limit = Infinity } = {}): (...args: A) => V {
  const cache = new Map<string, V>();
  return (...args) => {
    const key = args.join('\u0000');
    let value = cache.get(key);
    if (value === undefined) {
      value = make(...args);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
