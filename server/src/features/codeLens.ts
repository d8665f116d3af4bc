// Code lenses above the golden set (the size it needs, with a resize command), the judge (open the
// calibration preview) and the router (open the routing preview). A preview lens shows only on a spec
// that names the data its preview reads (judge.calibration.data or a calibration engine source;
// router.results or a results engine source): elsewhere the preview could only say there is none.
import type { CodeLens } from 'vscode-languageserver';
import { formatCount } from '../core/figures/format';
import type { EvalSpecSettings, SpecAnalysis } from '../core';
import { clientCommands } from '../protocol';
import { dataTargets } from '../data/dataJob';

export function codeLenses(analysis: SpecAnalysis, uri: string, version: number, settings: EvalSpecSettings): CodeLens[] {
  if (!settings.codeLens.enabled) return [];
  const m = analysis.model;
  if (!m) return [];
  const out: CodeLens[] = [];
  const g = m.goldenSet;
  const f = analysis.figures.goldenSet;
  if (g && f?.required !== undefined) {
    const declared = g.size?.value;
    const ok = declared !== undefined && declared >= f.required;
    out.push({
      range: g.keyRange,
      command: ok || !g.size
        ? { title: `golden set: needs n = ${formatCount(f.required)} (${f.binding} binds)${ok ? ' ✓' : ''}`, command: '' }
        : {
            title: `golden set: needs n = ${formatCount(f.required)} (${f.binding} binds): resize`,
            command: clientCommands.applyEdits,
            arguments: [{ uri, version, edits: [{ range: g.size.range, newText: String(f.required) }] }],
          },
    });
  }
  const named = new Set(dataTargets(m).map((t) => t.kind));
  if (m.judge && named.has('calibration')) out.push({ range: m.judge.keyRange, command: { title: 'open calibration preview', command: clientCommands.openCalibrationPreview, arguments: [uri] } });
  if (m.router && named.has('routing')) out.push({ range: m.router.keyRange, command: { title: 'open routing preview', command: clientCommands.openRoutingPreview, arguments: [uri] } });
  return out;
}
