// SARIF 2.1.0 output for code-scanning dashboards: one run, one result per diagnostic, rule ids
// equal to the stable diagnostic codes. Each rule carries its descriptions and default level from
// docs/rules.md (ruleCatalog.ts) and an absolute helpUri to its section there. Each result carries a
// partial fingerprint (code, file, and which occurrence of the code in the file it is) so a code
// scanner keeps tracking the same finding when lines move or a figure in its message changes.
// test/protocol/sarif.test.ts validates the output against the SARIF 2.1.0 JSON schema.
import { createHash } from 'node:crypto';
import { sarifText } from '../core/text/userText';
import type { SpecReport } from './report';
import { ruleCatalog, type RuleDescription } from './ruleCatalog';
import { repositoryUrl, rulesDocUrl } from '../rulesDoc';

const levels: Record<string, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const catalog = new Map(ruleCatalog.map((r) => [r.code, r]));

function ruleFor(id: string): unknown {
  const r: RuleDescription = catalog.get(id) ?? { code: id, shortDescription: id, fullDescription: id, defaultSeverity: 'warning' };
  return {
    id,
    name: id.replace(/(^|-)([a-z0-9])/g, (_, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: r.shortDescription },
    fullDescription: { text: r.fullDescription },
    helpUri: `${rulesDocUrl}#${id}`,
    help: { text: `${r.shortDescription} See ${rulesDocUrl}#${id}` },
    defaultConfiguration: { level: levels[r.defaultSeverity] ?? 'warning' },
  };
}

/** `note`: a tool notification (e.g. that the compare rules did not run without `--baseline`). */
export function toSarif(reports: SpecReport[], toolVersion: string, note?: string): unknown {
  const ruleIds = [...new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: note ? [{ level: 'note', message: { text: note } }] : [] }],
        tool: { driver: { name: 'evalspec', version: toolVersion, semanticVersion: toolVersion, informationUri: repositoryUrl, rules: ruleIds.map(ruleFor) } },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((r) => {
          const file = r.file.replace(/\\/g, '/');
          const seen = new Map<string, number>();
          return r.diagnostics.map((d) => {
            const occurrence = seen.get(d.code) ?? 0;
            seen.set(d.code, occurrence + 1);
            return {
              ruleId: d.code,
              ruleIndex: ruleIndex.get(d.code),
              level: levels[d.severity] ?? 'note',
              message: { text: sarifText(d.message) },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: encodeURI(file) },
                    region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                  },
                },
              ],
              partialFingerprints: { 'evalspecFinding/v1': createHash('sha256').update(`${d.code}\0${file}\0${occurrence}`).digest('hex') },
            };
          });
        }),
      },
    ],
  };
}
