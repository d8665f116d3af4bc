// A review shares the language server's report service, which cancels a computation when a newer
// request replaces it (settings or stored credentials arrive, the spec is edited). The review must
// not report on a report that never finished: a `cancelled` result is asked for again, and the
// verdict is the one the finished reports give (the CLI's). Once the reviewed text is no longer the
// document's, it stops asking (that review is stale; the editor does not show it).
//
// This is the language status item's "2 errors, 3 warnings" before "4 warnings": a review that got
// `cancelled` for the calibration report said BLOCKED on a report that never finished and lost its
// findings (the calibration error and the κ warning) until the next diagnostics change asked again.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../../server/src/core';
import type { DataJob } from '../../../server/src/data/dataJob';
import { DataReportService } from '../../../server/src/data/dataReports';
import { maxReportAttempts, reviewSpec } from '../../../server/src/review/reviewSpec';
import { repoRoot } from '../../support/reference';

const specPath = join(repoRoot, 'examples', 'support-chat.evalspec.yaml');
const text = readFileSync(specPath, 'utf8');
const cancelled = { error: { code: 'cancelled', message: 'A newer version of the spec or its data file replaced this report.' } };

/** The real in-process service, except that the first `cancelFirst[kind]` requests of a kind come back cancelled. */
class CancellingService extends DataReportService {
  readonly calls: string[] = [];
  constructor(private readonly cancelFirst: Partial<Record<DataJob['kind'], number>>) {
    super();
  }
  override async report(job: DataJob) {
    this.calls.push(job.kind);
    const left = this.cancelFirst[job.kind] ?? 0;
    if (left > 0) {
      this.cancelFirst[job.kind] = left - 1;
      return cancelled;
    }
    return super.report(job);
  }
}

const review = (service: DataReportService, stillCurrent?: () => boolean) =>
  reviewSpec({ shown: 'support-chat.evalspec.yaml', specPath, text, settings: defaultSettings, data: { service, workspaceRoots: [repoRoot] }, ...(stillCurrent ? { stillCurrent } : {}) });

describe('review over a shared report service', () => {
  it('waits for the report that replaced a cancelled one: the verdict of the finished reports', async () => {
    const reference = (await review(new DataReportService())).verdict;
    assert.equal(reference.status, 'blocked');
    assert.equal(reference.errors, 2);
    assert.equal(reference.warnings, 4);
    for (const cancelFirst of [{ calibration: 1 }, { routing: 2 }, { calibration: 3, routing: 1 }, { calibration: maxReportAttempts - 1 }]) {
      const service = new CancellingService({ ...cancelFirst });
      const doc = await review(service);
      assert.deepEqual(doc.verdict, reference, JSON.stringify(cancelFirst));
      assert.equal(service.calls.length, 2 + (cancelFirst.calibration ?? 0) + ((cancelFirst as { routing?: number }).routing ?? 0));
    }
  });

  it('stops asking once the reviewed text is no longer current, and after maxReportAttempts', async () => {
    const stale = new CancellingService({ calibration: 10 });
    await review(stale, () => false);
    assert.deepEqual(stale.calls, ['calibration', 'routing'], 'a stale review asks once');
    const stuck = new CancellingService({ calibration: 100 });
    const doc = await review(stuck);
    assert.equal(stuck.calls.filter((k) => k === 'calibration').length, maxReportAttempts);
    // It says what it has: the calibration gate without a finished report is not "ready".
    assert.notEqual(doc.verdict.status, 'ready');
  });
});
