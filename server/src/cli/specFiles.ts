// Command-line spec arguments to files: a file is taken as it is, a folder means every
// `*.evalspec.yaml` / `*.evalspec.yml` below it, anything else is a glob; node_modules is skipped.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { globSync } from 'tinyglobby';

/** Absolute paths, sorted and without duplicates; `noMatch(p)` is thrown for a pattern that matches nothing. */
export function expandSpecPatterns(patterns: string[], noMatch: (pattern: string) => Error): string[] {
  const files = new Set<string>();
  for (const p of patterns) {
    let kind: 'file' | 'dir' | 'glob' = 'glob';
    try {
      const st = statSync(p);
      kind = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'glob';
    } catch {
      // not a plain path: treat it as a glob
    }
    if (kind === 'file') files.add(resolve(p));
    else {
      const pattern = kind === 'dir' ? `${p.replace(/[\\/]+$/, '')}/**/*.evalspec.{yaml,yml}` : p;
      const found = globSync(pattern, { absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
      if (found.length === 0) throw noMatch(p);
      for (const f of found) files.add(resolve(f));
    }
  }
  return [...files].sort();
}
