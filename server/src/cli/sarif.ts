// SARIF 2.1.0 output for code-scanning dashboards: one run, one result per diagnostic, rule ids
// equal to the stable diagnostic codes.
import { sarifText } from '../core/text/userText';
import type { SpecReport } from './report';

const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** `note`: a tool notification (e.g. that the compare rules did not run without `--baseline`). */
export function toSarif(reports: SpecReport[], toolVersion: string, note?: string): unknown {
  const ruleIds = [...new Set(reports.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: note ? [{ level: 'note', message: { text: note } }] : [] }],
        tool: { driver: { name: 'evalspec', version: toolVersion, informationUri: 'https://example.invalid/evalspec', rules: ruleIds.map((id) => ({ id, helpUri: `docs/rules.md#${id}` })) } },
        results: reports.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            level: levels[d.severity] ?? 'note',
            message: { text: sarifText(d.message) },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file.replace(/\\/g, '/') },
                  region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
