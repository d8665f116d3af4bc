// `evalspec report routing <spec> --show-sql`: the SQL text that computes the routing report's
// sufficient statistics for the spec's router.results: the source's own dialect for an engine source
// (described first: column names and types decide the conversions), DuckDB's for a file the built-in
// reader would read. Nothing but the description runs.
import { engineRunFor, jobEngine, workspaceRootFor, type DataJob } from '../data/dataJob';
import { routingOptions } from '../data/coreReports';
import { runEngine } from '../engines';

export async function showSql(job: DataJob, shown: string): Promise<number> {
  const root = workspaceRootFor(job.specPath, job.workspaceRoots);
  if (!root) {
    process.stderr.write(`evalspec: ${shown} is not inside --root\n`);
    return 2;
  }
  const engine = jobEngine(job);
  if (engine && 'error' in engine) {
    process.stderr.write(`evalspec: ${shown}: ${engine.error.message}\n`);
    return 2;
  }
  const source = engine ?? { engine: 'duckdb' as const, path: job.dataPath };
  const r = await runEngine(source, { ...engineRunFor(job, root), options: routingOptions(job), sqlOnly: true });
  if (!r.ok) {
    process.stderr.write(`evalspec: ${shown}: ${r.message}\n`);
    return 2;
  }
  const note = engine ? `-- ${r.engine}: ${r.label}` : `-- ${job.dataPath} is read by the built-in reader; the same statistics in DuckDB's dialect`;
  const refine = '-- a day whose p10 falls in a confidence bucket of several values is then refined by a short statement\n-- over that bucket\'s rows alone (docs/reports-sql.md, "Refinement")\n';
  process.stdout.write(`${note}\n-- rows: part, k, tier, n, cost, a, b, c, d, e (docs/reports-sql.md)\n${r.sql}${refine}`);
  return 0;
}
