// Core shapes → LSP shapes. The core's positions already count UTF-16 code units from 0.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Severity, SpecDiagnostic } from '../core';
import { boundedMessage } from '../core/text/bounded';
import { ruleDocUrl } from '../rulesDoc';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const diagnosticSource = 'evalspec';

export function toLspDiagnostic(d: SpecDiagnostic): Diagnostic {
  const out: Diagnostic = { range: d.range, severity: severities[d.severity], code: d.code, source: diagnosticSource, message: boundedMessage(d.message) };
  // The code links to its section of docs/rules.md (VS Code shows the code as a link in the hover
  // and the Problems panel).
  const href = ruleDocUrl(d.code);
  if (href) out.codeDescription = { href };
  if (d.data !== undefined) out.data = d.data;
  return out;
}
