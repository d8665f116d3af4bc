// What the language status item says about the active spec: its design-review verdict (BLOCKED
// gates, errors, gates that did not run), in the words the review uses, and where it links (the
// calibration report when its gate is BLOCKED, else the design review). Pure: the strings pass
// through `t` (vscode.l10n.t in the extension) so they can be translated.
import type { ReviewResult } from '../../server/src/protocol';
import type { ReviewDocument } from '../../server/src/review/reviewTypes';
import { plainLocalize, type Localize } from './localize';

export interface VerdictStatus {
  /** Short text, e.g. `BLOCKED: judge calibration` (the severity gives the icon). */
  text: string;
  detail: string;
  severity: 'error' | 'warning' | 'information';
  /** `calibration`: open the calibration report; `review`: export the design review. */
  link: 'calibration' | 'review';
  linkTitle: string;
}

function counts(v: ReviewDocument['verdict'], t: Localize): string {
  const errors = v.errors === 1 ? t('1 error') : t('{0} errors', v.errors);
  const warnings = v.warnings === 1 ? t('1 warning') : t('{0} warnings', v.warnings);
  return `${errors}, ${warnings}`;
}

export function verdictStatus(v: ReviewDocument['verdict'], t: Localize = plainLocalize): VerdictStatus {
  const review = { link: 'review' as const, linkTitle: t('Design review') };
  if (v.status === 'blocked') {
    // Gate names are the review's own words ("judge calibration"), never text from the spec.
    const gates = v.blockedGates.map((g) => g.gate).join(', ');
    // The calibration report explains the calibration gate; a gate a rule blocks (the judge version)
    // is explained in the design review.
    const link = v.blockedGates.some((g) => g.gate === 'judge calibration') ? { link: 'calibration' as const, linkTitle: t('Calibration report') } : review;
    return { text: t('BLOCKED: {0}', gates), detail: counts(v, t), severity: 'error', ...link };
  }
  if (v.status === 'changes-required') {
    return { text: v.errors === 1 ? t('1 error') : t('{0} errors', v.errors), detail: t('{0}; changes required before sign-off', counts(v, t)), severity: 'error', ...review };
  }
  if (v.notRun.length > 0) {
    const which = v.notRun.length === 1 ? t('1 gate did not run (its data file was not read)') : t('{0} gates did not run (their data files were not read)', v.notRun.length);
    return { text: t('No errors; not every gate ran'), detail: `${counts(v, t)}; ${which}`, severity: 'warning', ...review };
  }
  return { text: t('Ready for sign-off'), detail: counts(v, t), severity: 'information', ...review };
}

interface VersionedDocument {
  uri: { toString(): string };
  version: number;
}

/**
 * Whether a review answer may be shown: only on the document it was asked for, while that document
 * is still at the version the review was made from (an edit during the review makes it another
 * spec's verdict). "No verdict" (null) holds for any version.
 */
export function isCurrentReview(r: ReviewResult, asked: VersionedDocument, active: VersionedDocument | undefined): boolean {
  if (!r) return true;
  return active !== undefined && active.uri.toString() === asked.uri.toString() && r.version === active.version;
}
