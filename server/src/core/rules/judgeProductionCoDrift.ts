// Rule: judge and production model versions both changed against the last committed spec. The seed's
// hardest failure mode is judge-model co-drift: upgrade both in one deploy and the judge can start
// preferring the new model's style, an eval win with no real quality gain. Its mitigation: never let
// the judge and the production model change in the same deploy; upgrade the judge as its own release.
import { replaceNode } from './edits';
import type { Rule } from './rule';

export interface JudgeProductionCoDriftData {
  previousJudge: string;
  judge: string;
  previousProduction: string;
  production: string;
}

export const judgeProductionCoDrift: Rule = {
  code: 'judge-production-co-drift',
  section: 'judge',
  defaultSeverity: 'error',
  summary: 'The judge model and the production model both changed since the last committed spec.',
  comparesWithCommitted: true,
  check({ model, previous }) {
    const j = model.judge;
    const p = previous?.judge;
    if (!j?.model || !j.productionModel || !p?.model || !p.productionModel) return [];
    if (j.model.value === p.model.value || j.productionModel.value === p.productionModel.value) return [];
    const data: JudgeProductionCoDriftData = { previousJudge: p.model.value, judge: j.model.value, previousProduction: p.productionModel.value, production: j.productionModel.value };
    return [{
      range: j.model.range,
      message: `Both models changed since the last commit: judge ${p.model.value} → ${j.model.value} and production ${p.productionModel.value} → ${j.productionModel.value}. Upgraded together, the judge can drift towards the new model's style and report a win that is not there; ship one change, re-calibrate, then the other.`,
      data,
    }];
  },
  fix(d, { model, parsed }) {
    const data = d.data as JudgeProductionCoDriftData | undefined;
    const j = model.judge;
    if (!data || !j?.model) return [];
    return [{ title: `Keep the judge at ${data.previousJudge} in this change (upgrade it in its own release)`, edits: [replaceNode(parsed, j.model.node, data.previousJudge)], isPreferred: true }];
  },
};
