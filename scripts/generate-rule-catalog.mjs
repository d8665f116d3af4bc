// docs/rules.md is the one source of every diagnostic code's description and default severity;
// this writes them to server/src/cli/ruleCatalog.ts for the SARIF output (shortDescription,
// fullDescription, defaultConfiguration.level, helpUri). test/unit/cli/ruleCatalog.test.ts fails
// when the two drift apart: run `node scripts/generate-rule-catalog.mjs` after editing rules.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const plain = (s) => s.replace(/\*\*|`/g, '').replace(/\*([^*]+)\*/g, '$1').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/\s+/g, ' ').trim();

/** Parses rules.md: one `## code` section per diagnostic code. */
export function parseRules(markdown) {
  const rules = [];
  for (const section of markdown.split(/^## /m).slice(1)) {
    const [heading, ...rest] = section.split('\n');
    const code = heading.trim();
    const paragraphs = rest.join('\n').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && !p.startsWith('#'));
    const short = plain(paragraphs[0] ?? code);
    const why = paragraphs.find((p) => p.startsWith('**Why.**'));
    const sev = /Default severity: \*\*(error|warning|information|hint)\*\*/.exec(section) ?? /\*\*(error|warning|information|hint)\*\*/.exec(section);
    rules.push({ code, shortDescription: short, fullDescription: why ? `${short} ${plain(why.replace(/^\*\*Why\.\*\*/, ''))}` : short, defaultSeverity: sev ? sev[1] : 'error' });
  }
  return rules;
}

export function catalogSource(markdown) {
  const body = parseRules(markdown).map((r) => `  ${JSON.stringify(r)},`).join('\n');
  return `// Generated from docs/rules.md by scripts/generate-rule-catalog.mjs; do not edit by hand.
export interface RuleDescription {
  code: string;
  shortDescription: string;
  fullDescription: string;
  defaultSeverity: 'error' | 'warning' | 'information' | 'hint';
}

export const ruleCatalog: RuleDescription[] = [
${body}
];
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('..', import.meta.url);
  const source = catalogSource(readFileSync(new URL('docs/rules.md', root), 'utf8'));
  // --stdout: print instead of writing (the drift test compares).
  if (process.argv.includes('--stdout')) process.stdout.write(source);
  else writeFileSync(new URL('server/src/cli/ruleCatalog.ts', root), source);
}
