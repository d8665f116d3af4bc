// Where each diagnostic code is explained: docs/rules.md has one `## <code>` section per code (the
// rule catalog is generated from it). SARIF's helpUri, the review's links and the editor's
// codeDescription all point here; a code without a section gets no link rather than a dead one.
import { ruleCatalog } from './cli/ruleCatalog';

export const repositoryUrl = 'https://github.com/evalspec/evalspec';
export const rulesDocUrl = `${repositoryUrl}/blob/main/docs/rules.md`;

const documented = new Set(ruleCatalog.map((r) => r.code));

/** The absolute URL of a code's section in docs/rules.md, or undefined when the code has none. */
export function ruleDocUrl(code: string): string | undefined {
  return documented.has(code) ? `${rulesDocUrl}#${code}` : undefined;
}
