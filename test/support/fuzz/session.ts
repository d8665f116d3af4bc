// One fuzz session against a long-lived server: open a mutated spec, change it (full and
// incremental, with next, stale and reused versions), send requests of every kind at random and
// out-of-range positions, close and reopen; check every answer (checks.ts) within a time bound.
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TestServer } from '../lspClient';
import { codeActionProblems, codeLensProblems, completionProblems, diagnosticProblems, hoverProblems, inlayHintProblems, lineLengths, symbolProblems, textProblem } from './checks';
import { applyMutation, hostileStrings, mutationArb, type Mutation } from './specs';

export const requestMethods = [
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/documentSymbol',
  'textDocument/inlayHint',
  'textDocument/codeLens',
  'textDocument/codeAction',
  'textDocument/definition',
  'evalspec/analysis',
  'evalspec/calibrationReport',
  'evalspec/routingReport',
] as const;
type Method = (typeof requestMethods)[number];

/** A position drawn before the text is known: mostly inside, sometimes just past, sometimes absurd. */
export interface PosSeed {
  mode: 'inside' | 'past' | 'huge' | 'negative';
  a: number;
  b: number;
}
export interface Round {
  changes: { full: boolean; mutations: Mutation[]; start: PosSeed; end: PosSeed; insert: string; version: 'next' | 'stale' | 'reused' }[];
  requests: { method: Method; pos: PosSeed; end: PosSeed }[];
  reopen: boolean;
}

export interface SessionOptions {
  /** Versions equal to the previous one with a different text (the analysis cache must not confuse them). */
  reusedVersions: boolean;
  extremeNumbers: boolean;
}

const posSeedArb: fc.Arbitrary<PosSeed> = fc.record({
  mode: fc.constantFrom('inside', 'inside', 'inside', 'inside', 'past', 'huge', 'negative'),
  a: fc.nat(),
  b: fc.nat(),
});

export function roundsArb(o: SessionOptions): fc.Arbitrary<Round[]> {
  const change = fc.record({
    full: fc.boolean(),
    mutations: fc.array(mutationArb(o.extremeNumbers), { minLength: 1, maxLength: 3 }),
    start: posSeedArb,
    end: posSeedArb,
    insert: fc.oneof(fc.constantFrom(...hostileStrings, '', '\n', '  ', ': 1e3\n', '- '), fc.string({ unit: 'grapheme', maxLength: 6 })),
    version: o.reusedVersions ? fc.constantFrom('next' as const, 'next' as const, 'next' as const, 'stale' as const, 'reused' as const) : fc.constantFrom('next' as const, 'next' as const, 'next' as const, 'stale' as const),
  });
  const request = fc.record({
    method: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...requestMethods.slice(0, 8)) }, { weight: 1, arbitrary: fc.constantFrom(...requestMethods.slice(8)) }),
    pos: posSeedArb,
    end: posSeedArb,
  });
  return fc.array(fc.record({ changes: fc.array(change, { maxLength: 3 }), requests: fc.array(request, { minLength: 1, maxLength: 6 }), reopen: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }), { minLength: 1, maxLength: 4 }) as fc.Arbitrary<Round[]>;
}

function position(s: PosSeed, text: string): { line: number; character: number } {
  const lines = lineLengths(text);
  switch (s.mode) {
    case 'inside': {
      const line = s.a % lines.length;
      return { line, character: s.b % (lines[line]! + 1) };
    }
    case 'past':
      return { line: lines.length - 1 + (s.a % 3), character: lines.at(-1)! + (s.b % 5) };
    case 'huge':
      return { line: s.a % 2 ? 2147483647 : s.a % lines.length, character: 2147483647 };
    case 'negative':
      return { line: -1 - (s.a % 2), character: -1 - (s.b % 2) };
  }
}

export interface Tally {
  specs: number;
  requests: number;
  crashes: number;
  hangs: number;
  problems: string[];
}

export class Hang extends Error {}

/** Resolves `p` or throws Hang after `ms`. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    t = setTimeout(() => reject(new Hang(`${what} unanswered after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(t));
}

function paramsFor(method: Method, uri: string, text: string, pos: PosSeed, end: PosSeed, lastDiagnostics: unknown[]): unknown {
  const textDocument = { uri };
  const p = position(pos, text);
  switch (method) {
    case 'textDocument/hover':
    case 'textDocument/completion':
    case 'textDocument/definition':
      return { textDocument, position: p };
    case 'textDocument/documentSymbol':
    case 'textDocument/codeLens':
      return { textDocument };
    case 'textDocument/inlayHint':
      return { textDocument, range: { start: p, end: position(end, text) } };
    case 'textDocument/codeAction':
      return { textDocument, range: { start: p, end: position(end, text) }, context: { diagnostics: lastDiagnostics } };
    default:
      return { uri };
  }
}

function check(method: Method, result: any, uri: string, text: string): string[] {
  const lines = lineLengths(text);
  switch (method) {
    case 'textDocument/hover':
      return hoverProblems(result, lines);
    case 'textDocument/completion':
      return completionProblems(result, lines);
    case 'textDocument/documentSymbol':
      return symbolProblems(result, lines);
    case 'textDocument/inlayHint':
      return inlayHintProblems(result, lines);
    case 'textDocument/codeLens':
      return codeLensProblems(result, lines);
    case 'textDocument/codeAction':
      return codeActionProblems(result, uri, lines);
    case 'textDocument/definition':
      return [];
    case 'evalspec/analysis':
      return [];
    default:
      // Report requests: the error message or the report's verdict is shown in a panel.
      return [textProblem(`${method} error message`, result?.error?.message), textProblem(`${method} verdict`, result?.report?.verdict?.summary)].filter((x): x is string => !!x);
  }
}

export interface SessionInput {
  uri: string;
  text: string;
  rounds: Round[];
}

/**
 * Runs one session; returns problems found (with the method or stage in each sentence). Throws
 * Hang when a request or a diagnostics publish exceeds `boundMs`.
 */
export async function runSession(server: TestServer, input: SessionInput, boundMs: number, tally: Tally): Promise<string[]> {
  const { connection } = server;
  const problems: string[] = [];
  let doc = TextDocument.create(input.uri, 'evalspec', 1, input.text);
  const used = new Set<number>([1]);
  let lastDiagnostics: unknown[] = [];
  const publish = (version: number) => within(server.nextDiagnostics(input.uri, (p) => p.version === version), boundMs, `diagnostics of version ${version}`);
  const open = async () => {
    const d = publish(doc.version);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: input.uri, languageId: 'evalspec', version: doc.version, text: doc.getText() } });
    lastDiagnostics = (await d).diagnostics;
    tally.specs++;
    problems.push(...diagnosticProblems(lastDiagnostics as any[], lineLengths(doc.getText())).map((p) => `after open: ${p}`));
  };
  await open();
  for (const round of input.rounds) {
    let reused = false;
    for (const c of round.changes) {
      const max = Math.max(...used);
      const version = c.version === 'next' ? max + 1 : c.version === 'stale' ? Math.min(...used) - 1 : doc.version;
      used.add(version);
      if (c.version === 'reused') reused = true;
      const text = doc.getText();
      const change = c.full ? { text: c.mutations.reduce(applyMutation, text) } : { range: { start: position(c.start, text), end: position(c.end, text) }, text: c.insert };
      doc = TextDocument.update(doc, [change], version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri: input.uri, version }, contentChanges: [change] });
      tally.specs++;
    }
    if (round.changes.length > 0) {
      lastDiagnostics = (await publish(doc.version)).diagnostics;
      // After a reused version, a publication made for the old text (a data report finishing before
      // the server saw the change) carries the same version number: which text it belongs to cannot
      // be told from the outside. The analysis request is answered after the change, so it checks
      // the server's diagnostics for the new text instead.
      const checked = reused ? await analysedDiagnostics(server, input.uri, boundMs) : lastDiagnostics;
      problems.push(...diagnosticProblems(checked as any[], lineLengths(doc.getText())).map((p) => `after changes to version ${doc.version}${reused ? ' (reused)' : ''}: ${p}`));
    }
    const text = doc.getText();
    const answers = round.requests.map(async (r) => {
      const params = paramsFor(r.method, input.uri, text, r.pos, r.end, lastDiagnostics);
      tally.requests++;
      let result: unknown;
      try {
        result = await within(connection.sendRequest(r.method, params), boundMs, `${r.method} ${JSON.stringify(params).slice(0, 200)}`);
      } catch (e) {
        if (e instanceof Hang) throw e;
        // An error answer is an answer; positions outside the protocol's ranges may get one.
        return;
      }
      problems.push(...check(r.method, result, input.uri, text).map((p) => `${r.method}: ${p}`));
    });
    await Promise.all(answers);
    if (round.reopen) {
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri: input.uri } });
      await open();
    }
  }
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri: input.uri } });
  return problems;
}

/** The diagnostics of `evalspec/analysis` (1-based line/column) as LSP ranges. */
async function analysedDiagnostics(server: TestServer, uri: string, boundMs: number): Promise<unknown[]> {
  const r = await within(server.connection.sendRequest('evalspec/analysis', { uri }), boundMs, 'evalspec/analysis after a reused version');
  const ds = (r as { diagnostics?: { code: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] } | null)?.diagnostics ?? [];
  return ds.map((d) => ({ code: d.code, message: d.message, range: { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } } }));
}
