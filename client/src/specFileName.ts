// The file name "EvalSpec: New eval spec" asks for: one name in the workspace folder (no path, so
// nothing is written outside it), ending in .evalspec.yaml or .evalspec.yml so the extension and
// the CLI pick it up. Pure, for the input box's validation.
import { plainLocalize, type Localize } from './localize';

/** Why `name` cannot be a new spec's file name, or undefined when it can. */
export function specFileNameProblem(name: string, t: Localize = plainLocalize): string | undefined {
  const n = name.trim();
  if (n === '') return t('Type a file name, e.g. support-chat.evalspec.yaml.');
  if (/[\\/]/.test(n) || n === '.' || n === '..') return t('A file name only, without a folder: the spec is created in the workspace folder.');
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f<>:"|?*]/.test(n)) return t('The name has a character file systems do not allow (< > : " | ? * or a control character).');
  if (!/^[^.].*\.evalspec\.ya?ml$/i.test(n)) return t('End the name with .evalspec.yaml (EvalSpec checks *.evalspec.yaml and *.evalspec.yml files).');
  return undefined;
}
