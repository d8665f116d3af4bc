// Specs that were not UTF-8 on disk. An editor or the CLI decodes the file's bytes as UTF-8 before
// EvalSpec sees them: bytes that are not UTF-8 arrive as U+FFFD (the replacement character), and a
// UTF-16 file arrives as its BOM's two replacement characters followed by text with a NUL between
// every two characters. Both get a diagnostic that names the encoding instead of a misleading one
// (a "binary file", or a value silently holding U+FFFD).
import type { Range, SpecDiagnostic } from '../types';

const REPLACEMENT = '\ufffd';

/** UTF-16 decoded as UTF-8: at least a quarter of the first characters are NUL. */
export function looksLikeUtf16(text: string): boolean {
  const sample = text.slice(0, 4096);
  let nul = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0) nul++;
  return sample.length >= 4 && nul * 4 >= sample.length;
}

export function utf16Diagnostic(at: (start: number, end: number) => Range): SpecDiagnostic {
  return {
    code: 'not-utf8',
    severity: 'error',
    message: 'This file looks like UTF-16 text (a NUL byte beside every character); EvalSpec reads specs as UTF-8. Save the file as UTF-8.',
    range: at(0, 0),
  };
}

/** A warning at the first U+FFFD, counting them all; undefined when there is none. */
export function invalidUtf8Diagnostic(text: string, at: (start: number, end: number) => Range): SpecDiagnostic | undefined {
  const first = text.indexOf(REPLACEMENT);
  if (first < 0) return undefined;
  let count = 0;
  for (let i = first; i >= 0; i = text.indexOf(REPLACEMENT, i + 1)) count++;
  const where = count === 1 ? 'here' : `${count.toLocaleString('en-US')} times, first here`;
  return {
    code: 'invalid-utf8',
    severity: 'warning',
    message: `This spec holds U+FFFD (${where}), the character a decoder puts in place of bytes that are not valid UTF-8: the file is not UTF-8 and its text there is lost. Save the file as UTF-8.`,
    range: at(first, first + 1),
  };
}
