// Lookups by a name that came from a user (a spec key, a column header, a tier name, a setting):
// only an object's own properties count, so `constructor`, `__proto__`, `toString` and the like are
// names like any other and never reach Object.prototype.

/** `obj[key]` when `obj` has its own property `key`, otherwise undefined. */
export function own<T>(obj: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return obj !== undefined && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** An empty dictionary with no prototype: assigning `__proto__` or reading `constructor` is plain. */
export function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
