// A small bounded memo for the pure, costly statistics the figures call on every edit (minimum
// sample sizes by search, power by root finding, label splits). The oldest entries go first when it
// is full; throws are not remembered.
function memoizeBy<A extends readonly unknown[], R>(keyOf: (args: A) => string, fn: (...args: A) => R, capacity: number): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A): R => {
    const key = keyOf(args);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(...args);
    if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
}

/** Inputs are plain numbers, so a key of their shortest round-trip text is exact. */
export function memoize<A extends readonly (number | string)[], R>(fn: (...args: A) => R, capacity = 2048): (...args: A) => R {
  return memoizeBy((args) => args.join('|'), fn, capacity);
}

/**
 * For structured inputs (cohort lists): the key is the arguments' JSON, which is exact for the
 * numbers, strings and decimal texts such inputs hold.
 */
export function memoizeJson<A extends readonly unknown[], R>(fn: (...args: A) => R, capacity = 64): (...args: A) => R {
  return memoizeBy((args) => JSON.stringify(args), fn, capacity);
}
