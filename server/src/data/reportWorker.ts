// A report computed in a worker thread, so that the language server's own thread keeps answering
// (diagnostics while typing, hovers) during the seconds a large file's bootstrap intervals take, and
// so that stale work is really stopped: aborting terminates the thread, CPU-bound loop and all.
// Built as its own bundle (dist/server/reportWorker.js) next to the server.
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import * as path from 'node:path';
import type { DataReportResult } from '../protocol';
import { computePanelModel, type ReportInputs } from './coreReports';
import { setEngineProgress } from '../engines';
import type { ReportRunner } from './dataReports';
import type { PanelModel } from './panelModel';

type WorkerReply = { ok: true; result: DataReportResult<PanelModel> } | { ok: false; message: string } | { progress: { rows: number; fraction: number } };

if (!isMainThread && parentPort) {
  const port = parentPort;
  setEngineProgress((rows, fraction) => port.postMessage({ progress: { rows, fraction } } satisfies WorkerReply));
  port.once('message', (inputs: ReportInputs) => {
    computePanelModel(inputs).then(
      (result) => port.postMessage({ ok: true, result } satisfies WorkerReply),
      (e: unknown) => port.postMessage({ ok: false, message: e instanceof Error ? e.stack ?? e.message : String(e) } satisfies WorkerReply),
    );
  });
}

/**
 * A runner that gives each report a worker thread of its own from `workerFile` (default: beside
 * this bundle). After the first report one spare worker is kept started and idle, so later reports
 * do not wait the ~0.4 s a thread takes to load the bundle; it is replaced after each use.
 */
export function workerRunner(workerFile = path.join(__dirname, 'reportWorker.js'), keepSpare = true): ReportRunner {
  let spare: Worker | undefined;
  const startSpare = () => {
    if (!keepSpare || spare) return;
    const w = new Worker(workerFile);
    w.unref(); // an idle spare never keeps the server alive
    w.once('exit', () => {
      if (spare === w) spare = undefined;
    });
    w.once('error', () => {
      if (spare === w) spare = undefined;
    });
    spare = w;
  };
  const take = (): Worker => {
    const w = spare ?? new Worker(workerFile);
    spare = undefined;
    w.ref();
    return w;
  };
  // No thread at start-up: a spec with no data file (or an untrusted workspace) never starts one, and
  // the first diagnostics do not share the CPU with a bundle loading. The spare follows the first report.
  return (inputs, signal, onProgress) =>
    new Promise<DataReportResult<PanelModel>>((resolve) => {
      const cancelled: DataReportResult<PanelModel> = { error: { code: 'cancelled', message: 'A newer version of the spec or its data file replaced this report.' } };
      if (signal.aborted) return resolve(cancelled);
      const worker = take();
      let settled = false;
      const finish = (r: DataReportResult<PanelModel>) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        void worker.terminate();
        startSpare();
        resolve(r);
      };
      const onAbort = () => finish(cancelled);
      signal.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (m: WorkerReply) => {
        if ('progress' in m) onProgress?.(m.progress.rows, m.progress.fraction);
        else finish(m.ok ? m.result : { error: { code: 'internal-error', message: `EvalSpec could not compute the ${inputs.kind} report: ${m.message}` } });
      });
      worker.once('error', (e) => finish({ error: { code: 'internal-error', message: `The ${inputs.kind} report worker failed: ${e.message}` } }));
      worker.once('exit', (code) => finish({ error: { code: 'internal-error', message: `The ${inputs.kind} report worker stopped (exit ${code}) before answering.` } }));
      worker.postMessage(inputs);
    });
}
