// One rule per file behind this interface. A rule reads the typed spec and its figures and returns
// findings; the engine adds the stable code and the severity (from settings). A rule that can
// repair what it reports offers fixes as plain text edits keyed on its code and typed data, never on
// the message text.
import type { ComputedFigures } from '../figures';
import type { EvalSpecModel } from '../model/spec';
import type { ParsedSpec } from '../parse/specTree';
import type { EvalSpecSettings } from '../settings';
import type { Range, Severity, SpecDiagnostic } from '../types';

export type RuleSection = 'metrics' | 'judge' | 'golden_set' | 'cadence' | 'router' | 'ledger' | 'data';

export interface RuleContext {
  model: EvalSpecModel;
  figures: ComputedFigures;
  parsed: ParsedSpec;
  settings: EvalSpecSettings;
  /** The spec as last committed (e.g. git HEAD), when the client could read it. */
  previous?: EvalSpecModel;
  /** Today's date (UTC, YYYY-MM-DD), for the age of a golden-set sample. */
  today: string;
}

export interface RuleFinding {
  range: Range;
  message: string;
  /** Typed payload for this rule's fixes; its shape is fixed per rule. */
  data?: unknown;
}

export interface TextEditSpec {
  range: Range;
  newText: string;
}

export interface SpecFix {
  title: string;
  edits: TextEditSpec[];
  isPreferred?: boolean;
}

export interface Rule {
  /** Stable code, e.g. `golden-set-too-small`; settings and quick-fixes key on it. */
  code: string;
  section: RuleSection;
  defaultSeverity: Severity;
  /** One line for docs and settings UIs. */
  summary: string;
  /** The rule compares the spec with its committed version (`RuleContext.previous`); without one it cannot fire. */
  comparesWithCommitted?: boolean;
  /**
   * The launch gate a finding of this rule BLOCKS, in the review's own words (e.g. `judge version`):
   * an error in the editor and for the CLI's exit code, and a BLOCKED gate in the design review.
   */
  launchGate?: string;
  check(ctx: RuleContext): RuleFinding[];
  fix?(diagnostic: SpecDiagnostic, ctx: RuleContext): SpecFix[];
}
