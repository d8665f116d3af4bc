// Rule: judge and production model of the same family with no frozen reference judge. The seed's
// co-drift: when one model family both produces and judges, an update can shift the judge's taste
// towards the production model's style, and the standard calibration check does not see it unless a
// frozen-version reference judge is kept to compare against. Family: see modelNames.ts (versions and
// sizes of one line are one family; judge.family / judge.production_family override the name).
import { insertEntries } from './edits';
import { modelFamily, parseModelId } from './modelNames';
import type { Rule } from './rule';

export interface JudgeSameFamilyNoReferenceData {
  family: string;
  judge: string;
  production: string;
}

export const judgeSameFamilyNoReference: Rule = {
  code: 'judge-same-family-no-reference',
  section: 'judge',
  defaultSeverity: 'warning',
  summary: 'Judge and production model share a model family and no reference_judge watches for co-drift.',
  check({ model }) {
    const j = model.judge;
    if (!j?.model || !j.productionModel || j.referenceJudge) return [];
    const a = modelFamily(j.model.value, j.family?.value);
    const b = modelFamily(j.productionModel.value, j.productionFamily?.value);
    if (a !== b) return [];
    const data: JudgeSameFamilyNoReferenceData = { family: a, judge: j.model.value, production: j.productionModel.value };
    const declared = [j.family && 'judge.family', j.productionFamily && 'judge.production_family'].filter(Boolean);
    const source = declared.length > 0 ? ` (as ${declared.join(' and ')} ${declared.length > 1 ? 'say' : 'says'})` : '';
    return [{
      range: j.model.range,
      message: `Judge ${j.model.value} and production model ${j.productionModel.value} are both of the ${a} family${source} and no reference_judge is kept: an update can make the judge favour the production model's style, and nothing frozen would show it. Add a reference_judge pinned to a fixed version.`,
      data,
    }];
  },
  fix(_d, { model, parsed }) {
    const j = model.judge;
    if (!j?.model) return [];
    const pinned = parseModelId(j.model.value).version !== undefined;
    if (!pinned) return [];
    const edit = insertEntries(parsed, j.node, [{ key: 'reference_judge', value: j.model.value, comment: 'frozen: compare against it to catch co-drift' }]);
    return edit ? [{ title: `Freeze the current judge ${j.model.value} as the reference judge`, edits: [edit], isPreferred: true }] : [];
  },
};
