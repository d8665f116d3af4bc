// The parts of the format for practices the seed asks of a team and rules check (issue 10): a held-out
// validation set from about six months earlier beside the judge's calibration, the window the golden
// set is re-sampled from before each major eval, and the offline/online bridge measured over launches.
// Each is optional; a spec without them reads exactly as before.
import type { SpecNode } from '../parse/specTree';
import type { Located, Section, TreeReader } from './read';

export interface HeldOutModel extends Section {
  sampledOn?: Located<string>;
  examples?: Located<number>;
  data?: Located<string>;
}

export interface BridgeModel extends Section {
  launches?: Located<number>;
  correlation?: Located<number>;
}

export function readHeldOut(r: TreeReader, calibration: SpecNode): HeldOutModel | undefined {
  const h = r.map(calibration, 'held_out');
  return h && { ...h, sampledOn: r.str(h.node, 'sampled_on'), examples: r.num(h.node, 'examples'), data: r.str(h.node, 'data') };
}

export function readBridge(r: TreeReader, predicts: SpecNode): BridgeModel | undefined {
  const m = r.map(predicts, 'measured');
  return m && { ...m, launches: r.num(m.node, 'launches'), correlation: r.num(m.node, 'correlation') };
}
