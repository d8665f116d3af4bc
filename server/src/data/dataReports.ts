// The language server's data reports: one computation per (spec, report kind) at a time, cached by
// the data file's identity (real path, mtime, size) and the spec inputs the report depends on, and
// cancelled when a newer request for the same spec and kind needs different inputs. Reading is
// asynchronous (streamed in batches), so typing is never blocked by it; diagnostics are published
// when a computation completes.
import type { DataReportResult } from '../protocol';
import { computePanelModel, reportInputs, reportInputsKey, type ReportInputs } from './coreReports';
import { dataFileIdentity, type DataJob } from './dataJob';
import type { PanelModel } from './panelModel';

interface Entry {
  key: string;
  dataPath: string;
  controller: AbortController;
  promise: Promise<DataReportResult<PanelModel>>;
  result?: DataReportResult<PanelModel>;
}

/** Computes one report; `signal` aborts it (a worker-thread runner terminates its thread). */
export type ReportRunner = (inputs: ReportInputs, signal: AbortSignal, onProgress?: (rows: number, fraction: number) => void) => Promise<DataReportResult<PanelModel>>;

/** Progress of a report an engine computes: begun, rows scanned, done. */
export type EngineProgress = (p: { specPath: string; kind: PanelModel['kind']; label: string; rows: number | null; fraction: number | null; done: boolean }) => void;

/** In this thread: for the CLI and tests. The language server uses a worker thread (reportWorker.ts). */
export const inProcessRunner: ReportRunner = (inputs, signal) => computePanelModel(inputs, signal);

export class DataReportService {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly run: ReportRunner = inProcessRunner,
    private readonly progress?: EngineProgress,
  ) {}

  /** The report for a job: the cached one when nothing it depends on changed, else a new one. */
  async report(job: DataJob): Promise<DataReportResult<PanelModel>> {
    const slot = `${job.specPath}\0${job.kind}`;
    const identity = await dataFileIdentity(job);
    if (!identity.ok) {
      this.cancel(slot);
      const result: DataReportResult<PanelModel> = { error: identity.error };
      this.entries.set(slot, { key: `error\0${identity.error.code}\0${job.dataPath}`, dataPath: job.dataPath, controller: new AbortController(), promise: Promise.resolve(result), result });
      return result;
    }
    const key = `${identity.key}\0${reportInputsKey(job)}`;
    const hit = this.entries.get(slot);
    if (hit && hit.key === key) return hit.promise;
    this.cancel(slot);
    const controller = new AbortController();
    const entry: Entry = { key, dataPath: job.dataPath, controller, promise: Promise.resolve({ error: { code: 'cancelled', message: 'cancelled' } }) };
    const inputs = reportInputs(job);
    const engine = inputs.engine !== undefined;
    const tell = (rows: number | null, fraction: number | null, done: boolean): void => {
      if (engine) this.progress?.({ specPath: job.specPath, kind: job.kind, label: job.dataPath, rows, fraction: fraction !== null && Number.isFinite(fraction) ? fraction : null, done });
    };
    tell(null, null, false);
    entry.promise = this.run(inputs, controller.signal, (rows, fraction) => tell(rows, fraction, false)).then(
      (r) => (controller.signal.aborted ? { error: { code: 'cancelled', message: 'A newer version of the spec or its data file replaced this report.' } } : r),
      (e: unknown) => ({ error: { code: 'internal-error', message: `EvalSpec could not compute the ${job.kind} report: ${e instanceof Error ? e.message : String(e)}` } }),
    );
    void entry.promise.then((r) => {
      tell(null, null, true);
      if (this.entries.get(slot) === entry) entry.result = r;
    });
    this.entries.set(slot, entry);
    return entry.promise;
  }

  /** The last completed result for a spec and kind (for diagnostics), with the data path it is for. */
  lastResult(specPath: string, kind: PanelModel['kind']): { dataPath: string; result: DataReportResult<PanelModel> } | undefined {
    const e = this.entries.get(`${specPath}\0${kind}`);
    return e?.result ? { dataPath: e.dataPath, result: e.result } : undefined;
  }

  /** Forget a spec (closed), or everything (settings or trust changed, or a data file changed). */
  drop(specPath?: string): void {
    for (const [slot, e] of this.entries) {
      if (specPath === undefined || slot.startsWith(`${specPath}\0`)) {
        e.controller.abort();
        this.entries.delete(slot);
      }
    }
  }

  private cancel(slot: string): void {
    const e = this.entries.get(slot);
    if (e) {
      e.controller.abort();
      this.entries.delete(slot);
    }
  }
}
