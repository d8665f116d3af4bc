// The last committed version of a spec (git HEAD), for rules that compare against it (judge and
// production model changed in the same deploy). Read from the object database by the core's git
// reader, which starts no process: no `git` binary, so nothing a hostile `.git/config` names (a
// promisor remote's ssh command, fsmonitor, hooks, pager, credential helper) can run, and a missing
// object (partial clone) is "no baseline", never a fetch. Only for files on disk in a trusted
// workspace; any failure means "no baseline" and the rule stays silent.
import { readFileAtRevision } from '../core/git';

export function readCommittedText(filePath: string): string | undefined {
  const r = readFileAtRevision(filePath, 'HEAD');
  return r.ok ? r.text : undefined;
}
