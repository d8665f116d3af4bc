// The whole-spec template (an LSP/VS Code snippet: `${1:default}` tab stops, `${1|a,b|}` choices):
// the language server offers it as the first completion in an empty spec (features/completion.ts),
// and "EvalSpec: New eval spec" inserts it into a new file. Expanded with its defaults it is a
// complete spec with no error (test/unit/lsp/specTemplate.test.ts).
export const wholeSpecLabel = 'evalspec: whole spec (four parts)';
export const wholeSpecDescription = "A complete spec: what is measured, how, on what data, when.";

export const wholeSpecSnippet = [
  "evalspec: 1",
  "name: ${1:my-system}",
  "description: ${2:What the system does and for whom.}",
  "",
  "metrics:                          # WHAT: one or two primary metrics",
  "  - id: ${3:task_success}",
  "    primary: true",
  "    kind: ${4|binary,likert,continuous,categorical|}",
  "    expected_pass_rate: ${5:0.80}",
  "    predicts:",
  "      online_metric: ${6:csat}",
  "      expected_effect: \"${7:+1pp offline -> +0.5pp online}\"",
  "",
  "judge:                            # HOW",
  "  kind: ${8|layered,llm_rubric,embedding|}",
  "  model: ${9:judge-large@2026-05-01}",
  "  production_model: ${10:prod-large@2026-09-01}",
  "  output: json",
  "  prompt: |",
  "    ${11:Grade the reply against each rubric criterion and return JSON.}",
  "  rubric:",
  "    - criterion: ${12:groundedness}",
  "      pass_example: \"${13:A reply whose every claim is in the source.}\"",
  "      fail_example: \"${14:A reply that adds a claim the source does not make.}\"",
  "  calibration:",
  "    examples: ${15:50}",
  "    data: ${16:data/calibration.csv}",
  "    min_spearman: 0.75",
  "    min_kappa: 0.80",
  "    refresh: ${17|monthly,weekly,quarterly|}",
  "    spot_check: {examples: 100, window_days: 7, every: monthly, during_training: weekly}",
  "",
  "golden_set:                       # ON WHAT",
  "  size: ${18:200}",
  "  confidence: ${19:0.95}",
  "  target_half_width: ${20:0.02}",
  "  interval: ${21|wald,wilson,exact|}",
  "  cohorts:",
  "    - {name: ${22:free}, share: ${23:0.6}}",
  "    - {name: ${24:paid}, share: ${25:0.4}}",
  "  coverage: ${26:0.85}",
  "  sampled_on: ${27:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}",
  "  refresh: ${28|monthly,quarterly,weekly|}",
  "",
  "cadence:                          # WHEN",
  "  pre_merge: {blocking: true, examples: ${29:200}}",
  "  daily: {examples: ${30:2000}}",
  "  weekly: {stratified: true}",
  "$0",
].join('\n');

/**
 * A snippet as it reads with every placeholder at its default (the first choice of a choice) and
 * the date variables VS Code fills (`$CURRENT_YEAR`, `$CURRENT_MONTH`, `$CURRENT_DATE`) at `today`.
 */
export function expandDefaults(snippet: string, today: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const vars: Record<string, string> = { CURRENT_YEAR: String(today.getFullYear()), CURRENT_MONTH: two(today.getMonth() + 1), CURRENT_DATE: two(today.getDate()) };
  return snippet
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\$([A-Z_]+)/g, (m, name: string) => vars[name] ?? m);
}
