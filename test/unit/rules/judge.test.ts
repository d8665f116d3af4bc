import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRoundBandEnd } from '../../../server/src/core/rules/escalationBandUncalibrated';
import { modelFamily, parseModelId, pinnedLike } from '../../../server/src/core/rules/modelNames';
import { base, expectClean, expectFinding, expectFixResolves, TODAY, variant } from './harness';

const rubric = `  rubric:
    - criterion: task_completion
      pass_example: "Explains the refund window and links the refund form."
      fail_example: "Describes the refund policy in general terms only."
    - criterion: groundedness
      pass_example: "Every policy statement matches the cited article."
      fail_example: "States a 60-day refund window when the policy says 30 days."
`;

describe('judge-no-rubric', () => {
  const marked = variant(base, [rubric, ''], ['  kind: layered', '  kind: ⟦layered⟧']);
  it('fires on the kind of an LLM judge with no rubric', () => {
    expectFinding('judge-no-rubric', marked, ['layered judge has no rubric (0 criteria)']);
  });
  it('passes with a rubric, and for an embedding judge without one', () => {
    expectClean('judge-no-rubric', base);
    expectClean('judge-no-rubric', variant(base, [rubric, ''], ['  kind: layered', '  kind: embedding']));
  });
});

describe('rubric-criterion-without-examples', () => {
  it('fires on each criterion that lacks an example, naming what is missing', () => {
    const marked = variant(
      base,
      ['    - criterion: groundedness\n      pass_example: "Every policy statement matches the cited article."\n', '    - criterion: ⟦groundedness⟧\n'],
      ['      fail_example: "Describes the refund policy in general terms only."\n', ''],
      ['    - criterion: task_completion', '    - criterion: ⟦task_completion⟧'],
    );
    const [a, b] = expectFinding('rubric-criterion-without-examples', marked);
    assert.match(a!.message, /task_completion lacks fail_example \(1 of 2 examples given\)/);
    assert.match(b!.message, /groundedness lacks pass_example \(1 of 2 examples given\)/);
  });
  it('passes when every criterion has both examples', () => {
    expectClean('rubric-criterion-without-examples', base);
  });
});

describe('judge-prompt-not-verbatim', () => {
  const prompt = `  prompt: |
    You are grading one reply from a customer-support assistant.
    For each criterion answer pass or fail and quote one sentence of evidence.
    Return JSON: {"criteria": [{"name", "verdict", "evidence"}], "confidence": 0.0-1.0}.
`;
  it('fires on the judge key when the prompt is missing', () => {
    expectFinding('judge-prompt-not-verbatim', variant(base, [prompt, ''], ['judge:\n', '⟦judge⟧:\n']), ['prompt is not in the spec']);
  });
  it('fires on a prompt that points at a file', () => {
    expectFinding('judge-prompt-not-verbatim', variant(base, [prompt, '  prompt: ⟦prompts/judge.txt⟧\n']), ['"prompts/judge.txt" points elsewhere', '17 characters']);
  });
  it('fires on a placeholder prompt', () => {
    expectFinding('judge-prompt-not-verbatim', variant(base, [prompt, '  prompt: ⟦TODO⟧\n']), ['placeholder "TODO"']);
  });
  it('passes on a verbatim prompt, and on a one-line prompt that is an instruction', () => {
    expectClean('judge-prompt-not-verbatim', base);
    expectClean('judge-prompt-not-verbatim', variant(base, [prompt, '  prompt: "Grade the reply pass or fail against each rubric criterion and answer in JSON."\n']));
  });
});

describe('pairwise-judge-no-swap', () => {
  it('fires on pairwise when swap_order is absent', () => {
    expectFinding('pairwise-judge-no-swap', variant(base, ['  pairwise: false', '  ⟦pairwise⟧: true']), ['10–30%', 'swap_order: true']);
  });
  it('fires on swap_order: false', () => {
    expectFinding('pairwise-judge-no-swap', variant(base, ['  pairwise: false', '  pairwise: true\n  swap_order: ⟦false⟧']), ['(swap_order: false)']);
  });
  it('passes when pairs are swapped, or the judge is not pairwise', () => {
    expectClean('pairwise-judge-no-swap', variant(base, ['  pairwise: false', '  pairwise: true\n  swap_order: true']));
    expectClean('pairwise-judge-no-swap', base);
  });
  it('fix: inserts swap_order: true, or flips false to true', () => {
    const [a] = expectFixResolves('pairwise-judge-no-swap', variant(base, ['  pairwise: false', '  pairwise: true']));
    assert.match(a!, /\n {2}swap_order: true\n/);
    const [b] = expectFixResolves('pairwise-judge-no-swap', variant(base, ['  pairwise: false', '  pairwise: true\n  swap_order: false']));
    assert.match(b!, /pairwise: true\n {2}swap_order: true\n/);
  });
});

describe('judge-production-co-drift', () => {
  const both = variant(base, ['model: judge-large@2026-05-01', 'model: ⟦judge-large@2026-11-01⟧'], ['production_model: prod-large@2026-09-01', 'production_model: prod-large@2026-11-01']);
  it('fires on the judge model when both versions changed since the last commit', () => {
    expectFinding('judge-production-co-drift', both, ['judge judge-large@2026-05-01 → judge-large@2026-11-01', 'production prod-large@2026-09-01 → prod-large@2026-11-01'], { previousText: base });
  });
  it('passes when only one changed, or with no committed version', () => {
    const strip = both.replace(/[⟦⟧]/g, '');
    expectClean('judge-production-co-drift', variant(base, ['production_model: prod-large@2026-09-01', 'production_model: prod-large@2026-11-01']), { previousText: base });
    expectClean('judge-production-co-drift', variant(base, ['model: judge-large@2026-05-01', 'model: judge-large@2026-11-01']), { previousText: base });
    expectClean('judge-production-co-drift', strip);
  });
  it('fix: keeps the judge at its committed version', () => {
    const [fixed] = expectFixResolves('judge-production-co-drift', both.replace(/[⟦⟧]/g, ''), { previousText: base, title: /Keep the judge at judge-large@2026-05-01/ });
    assert.match(fixed!, /model: judge-large@2026-05-01\n {2}production_model: prod-large@2026-11-01/);
  });
});

describe('judge-free-text-output', () => {
  it('fires on free_text', () => {
    expectFinding('judge-free-text-output', variant(base, ['output: json', 'output: ⟦free_text⟧']), ['free text', '2 rubric criteria']);
  });
  it('fires on the judge key when the output is not stated', () => {
    expectFinding('judge-free-text-output', variant(base, ['  output: json\n', ''], ['judge:\n', '⟦judge⟧:\n']), ['no output']);
  });
  it('passes on json', () => {
    expectClean('judge-free-text-output', base);
  });
  it('fix: sets or adds output: json', () => {
    expectFixResolves('judge-free-text-output', variant(base, ['output: json', 'output: free_text']));
    expectFixResolves('judge-free-text-output', variant(base, ['  output: json\n', '']));
  });
});

describe('judge-model-unpinned', () => {
  it('fires on a model with no version', () => {
    expectFinding('judge-model-unpinned', variant(base, ['model: judge-large@2026-05-01', 'model: ⟦judge-large⟧']), ['judge-large names no version']);
  });
  it('fires on @latest', () => {
    expectFinding('judge-model-unpinned', variant(base, ['model: judge-large@2026-05-01', 'model: ⟦judge-large@latest⟧']), ['judge-large@latest']);
  });
  it('passes on pinned ids in several styles', () => {
    for (const id of ['judge-large@2026-05-01', 'gpt-4o-2024-08-06', 'claude-x-20241022', 'gpt-4-0613', 'grader-v2.1']) {
      expectClean('judge-model-unpinned', variant(base, ['model: judge-large@2026-05-01', `model: ${id}`]));
    }
  });
  it("fix: pins to today's date in the production model's style, and says so", () => {
    const text = variant(base, ['model: judge-large@2026-05-01', 'model: judge-large']);
    const [fixed] = expectFixResolves('judge-model-unpinned', text, { title: /Pin the judge to judge-large@2026-11-24 \(today's date, in the production model's version format/ });
    assert.match(fixed!, /model: judge-large@2026-11-24\n/);
    const compact = variant(text, ['production_model: prod-large@2026-09-01', 'production_model: prod-large-20260901']);
    const [fixed2] = expectFixResolves('judge-model-unpinned', compact);
    assert.match(fixed2!, /model: judge-large-20261124\n/);
  });
});

describe('judge-same-family-no-reference', () => {
  const same = variant(base, ['model: judge-large@2026-05-01', 'model: ⟦acme-large@2026-05-01⟧'], ['production_model: prod-large@2026-09-01', 'production_model: acme-large@2026-09-01']);
  it('fires on the judge model when both models are one family and no reference judge is kept', () => {
    expectFinding('judge-same-family-no-reference', same, ['acme-large@2026-05-01 and production model acme-large@2026-09-01 are both of the acme family']);
  });
  it('versions and sizes of one line are one family (gpt-4o, gpt-4o-mini, gpt-4o-2024-08-06)', () => {
    for (const [judge, production] of [
      ['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18'],
      ['gpt-4o@2024-08-06', 'gpt-4o-mini@2024-07-18'],
      ['claude-3-5-sonnet-20241022', 'claude-3-haiku-20240307'],
      ['llama-3.1-70b-instruct@2024-07-23', 'llama-3.1-8b-instruct@2024-07-23'],
      ['acme-large@2026-05-01', 'acme-small@2026-09-01'],
    ]) {
      const text = variant(base, ['model: judge-large@2026-05-01', `model: ⟦${judge}⟧`], ['production_model: prod-large@2026-09-01', `production_model: ${production}`]);
      expectFinding('judge-same-family-no-reference', text, [`${judge} and production model ${production} are both of the`]);
    }
  });
  it('judge.family and judge.production_family name the family where the name does not tell, and win', () => {
    const fineTune = variant(base, ['model: judge-large@2026-05-01', 'model: ⟦acme-grader@2026-05-01⟧'], ['production_model: prod-large@2026-09-01', 'production_model: gpt-4o-2024-08-06\n  family: gpt-4o']);
    expectFinding('judge-same-family-no-reference', fineTune, ['both of the gpt family (as judge.family says)']);
    // Names alike, families declared apart: no finding.
    const apart = variant(same.replace(/[⟦⟧]/g, ''), ['  output: json', '  family: acme\n  production_family: other-lab\n  output: json']);
    expectClean('judge-same-family-no-reference', apart);
  });
  it('passes with a reference judge, or with different families', () => {
    expectClean('judge-same-family-no-reference', variant(same.replace(/[⟦⟧]/g, ''), ['  output: json', '  reference_judge: acme-large@2025-11-01\n  output: json']));
    expectClean('judge-same-family-no-reference', base);
  });
  it('fix: freezes the current judge as the reference', () => {
    const [fixed] = expectFixResolves('judge-same-family-no-reference', same.replace(/[⟦⟧]/g, ''));
    assert.match(fixed!, /\n {2}reference_judge: acme-large@2026-05-01 {2}# frozen/);
  });
});

describe('modelFamily', () => {
  it('drops versions, sizes and tiers, never the first word', () => {
    const cases: [string, string][] = [
      ['gpt-4o', 'gpt'],
      ['gpt-4o-mini', 'gpt'],
      ['gpt-4o-2024-08-06', 'gpt'],
      ['gpt-3.5-turbo', 'gpt'],
      ['claude-3-5-sonnet-20241022', 'claude'],
      ['gemini-1.5-pro-002', 'gemini'],
      ['llama-3.1-70b-instruct', 'llama'],
      ['judge-large@2026-05-01', 'judge'],
      ['prod-large', 'prod'],
      ['o1-mini', 'o1'],
      ['large', 'large'],
      ['Mistral-Large-Latest', 'mistral'],
    ];
    for (const [id, family] of cases) assert.equal(modelFamily(id), family, id);
    assert.equal(modelFamily('acme-grader@2026-05-01', ' GPT-4o '), 'gpt');
    assert.equal(modelFamily('gpt-4o', 'other-lab'), 'other-lab');
    assert.equal(modelFamily('acme-grader@2026-05-01', ''), 'acme-grader');
  });
});

describe('embedding-judge-final-gate', () => {
  const emb = variant(base, ['  kind: layered', '  kind: ⟦embedding⟧']);
  it('fires on kind: embedding', () => {
    expectFinding('embedding-judge-final-gate', emb, ['only judge is embedding similarity']);
  });
  it('passes on layered and llm_rubric judges', () => {
    expectClean('embedding-judge-final-gate', base);
    expectClean('embedding-judge-final-gate', variant(base, ['  kind: layered', '  kind: llm_rubric']));
  });
  it('fix: makes it layered or llm_rubric', () => {
    const out = expectFixResolves('embedding-judge-final-gate', emb.replace(/[⟦⟧]/g, ''), { count: 2 });
    assert.match(out[0]!, /kind: layered/);
    assert.match(out[1]!, /kind: llm_rubric/);
  });
});

describe('escalation-band-invalid', () => {
  it('fires on an end at 0 or 1', () => {
    expectFinding('escalation-band-invalid', variant(base, ['[0.62, 0.79]', '[⟦0⟧, 0.79]']), ["low end is 0"]);
    expectFinding('escalation-band-invalid', variant(base, ['[0.62, 0.79]', '[0.62, ⟦1.0⟧]']), ['high end is 1.0']);
  });
  it('fires on the whole band when low ≥ high, saying by how much', () => {
    expectFinding('escalation-band-invalid', variant(base, ['[0.62, 0.79]', '[⟦0.79, 0.62⟧]']), ['[0.79, 0.62] is empty', '0.17 above']);
    expectFinding('escalation-band-invalid', variant(base, ['[0.62, 0.79]', '[⟦0.7, 0.7⟧]']), ['equal to']);
  });
  it('passes on a band inside (0, 1) with low < high', () => {
    expectClean('escalation-band-invalid', base);
  });
});

describe('escalation-band-uncalibrated', () => {
  it('fires on round ends with no evidence', () => {
    expectFinding('escalation-band-uncalibrated', variant(base, ['[0.62, 0.79]', '[⟦0.6, 0.8⟧]']), ['Both ends of the escalation band (0.6 and 0.8)']);
    expectFinding('escalation-band-uncalibrated', variant(base, ['[0.62, 0.79]', '[0.62, ⟦0.75⟧]']), ['One end of the escalation band (0.75)']);
  });
  it('passes with calibration evidence, or with calibrated-looking ends', () => {
    expectClean('escalation-band-uncalibrated', variant(base, ['[0.62, 0.79]', '[0.6, 0.8]'], ['    refresh: monthly\n', '    refresh: monthly\n    evidence: data/escalation-band-report.md\n']));
    expectClean('escalation-band-uncalibrated', base);
  });
  it('reads round numbers from the written text', () => {
    assert.deepEqual(['0.6', '0.80', '.75', '0.65', '0.62', '0.79', '0.125'].map(isRoundBandEnd), [true, true, true, true, false, false, false]);
  });
});

describe('judge-no-calibration', () => {
  const cal = '  calibration:\n    examples: 50\n    min_spearman: 0.75\n    min_kappa: 0.80\n    held_out: {sampled_on: 2026-05-01, examples: 50}\n    spot_check: {examples: 100, window_days: 7, every: monthly, during_training: weekly}\n    refresh: monthly\n';
  const none = variant(base, [cal, ''], ['judge:\n', '⟦judge⟧:\n']);
  it('fires on the judge key', () => {
    expectFinding('judge-no-calibration', none, ['50 human-labelled examples', 'min_spearman 0.75', 'min_kappa 0.80']);
  });
  it('passes with a calibration section', () => {
    expectClean('judge-no-calibration', base);
  });
  it('fix: adds the seed calibration block', () => {
    const [fixed] = expectFixResolves('judge-no-calibration', none.replace(/[⟦⟧]/g, ''));
    assert.match(fixed!, /\n {2}calibration:\n {4}examples: 50 {2}# [^\n]+\n {4}min_spearman: 0\.75\n {4}min_kappa: 0\.80\n {4}refresh: monthly\n/);
  });
});

describe('calibration thresholds', () => {
  it('calibration-set-too-small: 30 is 20 short of 50; fix sets 50', () => {
    const t = variant(base, ['    examples: 50', '    examples: ⟦30⟧']);
    expectFinding('calibration-set-too-small', t, ['30 examples is below the 50', '20 short']);
    expectClean('calibration-set-too-small', base);
    expectClean('calibration-set-too-small', t.replace(/[⟦⟧]/g, ''), { settings: { thresholds: { minCalibrationExamples: 30 } } });
    const [f] = expectFixResolves('calibration-set-too-small', t.replace(/[⟦⟧]/g, ''));
    assert.match(f!, /examples: 50\n {4}min_spearman/);
  });
  it('min-spearman-too-low: 0.6 is 0.15 below 0.75; fix sets 0.75', () => {
    const t = variant(base, ['min_spearman: 0.75', 'min_spearman: ⟦0.6⟧']);
    expectFinding('min-spearman-too-low', t, ['min_spearman 0.6 is 0.15 below 0.75']);
    expectClean('min-spearman-too-low', variant(base, ['min_spearman: 0.75', 'min_spearman: 0.80']));
    const [f] = expectFixResolves('min-spearman-too-low', t.replace(/[⟦⟧]/g, ''));
    assert.match(f!, /min_spearman: 0\.75/);
  });
  it('min-kappa-too-low: 0.7 is 0.1 below 0.80; fix sets 0.80', () => {
    const t = variant(base, ['min_kappa: 0.80', 'min_kappa: ⟦0.7⟧']);
    expectFinding('min-kappa-too-low', t, ['min_kappa 0.7 is 0.1 below 0.80']);
    expectClean('min-kappa-too-low', base);
    const [f] = expectFixResolves('min-kappa-too-low', t.replace(/[⟦⟧]/g, ''));
    assert.match(f!, /min_kappa: 0\.80/);
  });
  it('calibration-refresh-too-rare: quarterly is about 3× monthly; fix sets monthly', () => {
    const t = variant(base, ['    refresh: monthly\ngolden_set', '    refresh: ⟦quarterly⟧\ngolden_set']);
    expectFinding('calibration-refresh-too-rare', t, ['quarterly calibration refresh leaves about 3× as long']);
    expectClean('calibration-refresh-too-rare', base);
    expectClean('calibration-refresh-too-rare', variant(base, ['    refresh: monthly\ngolden_set', '    refresh: weekly\ngolden_set']));
    expectFixResolves('calibration-refresh-too-rare', t.replace(/[⟦⟧]/g, ''));
  });
});

describe('model ids', () => {
  it('splits family and version as documented', () => {
    assert.deepEqual(parseModelId('judge-large@2026-05-01'), { family: 'judge-large', version: '2026-05-01', style: 'at-date' });
    assert.equal(parseModelId('gpt-4o-2024-08-06').family, 'gpt-4o');
    assert.equal(parseModelId('gpt-4-0613').family, 'gpt-4');
    assert.equal(parseModelId('Gemini-1.5-Pro-002').family, 'gemini-1.5-pro');
    assert.equal(parseModelId('gpt-4').version, undefined);
    assert.equal(parseModelId('judge-large-latest').version, undefined);
    assert.equal(parseModelId('judge-large-latest').family, 'judge-large');
  });
  it('pins in the style of the production model', () => {
    assert.equal(pinnedLike('judge-large', 'prod-large@2026-09-01', TODAY), 'judge-large@2026-11-24');
    assert.equal(pinnedLike('judge-large@latest', 'prod-2026-09-01', TODAY), 'judge-large-2026-11-24');
    assert.equal(pinnedLike('judge-large', undefined, TODAY), 'judge-large@2026-11-24');
  });
});
