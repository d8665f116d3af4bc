// Custom requests between the EvalSpec client and server, declared once and imported by both.
// Each side wraps these in its own library's RequestType (the client and server libraries pin
// different protocol-package versions, whose RequestType classes do not interchange).
import type { SpecReport } from './cli/report';
import type { CalibrationPanelModel, ReportKind, RoutingPanelModel } from './data/panelModel';
import type { ReviewDocument } from './review/reviewTypes';

export interface AnalysisParams {
  uri: string;
}
export type AnalysisResult = SpecReport | null;

export const requests = {
  /** The same report the CLI prints with `--format json`, for one open spec. */
  analysis: 'evalspec/analysis',
  /** The calibration report of a spec's `judge.calibration.data` file: `{uri}` → `DataReportResult`. */
  calibrationReport: 'evalspec/calibrationReport',
  /** The routing report of a spec's `router.results` file: `{uri}` → `DataReportResult`. */
  routingReport: 'evalspec/routingReport',
  /** The design review of an open spec (what `evalspec review` writes): `{uri}` → `ReviewResult`. */
  review: 'evalspec/review',
} as const;

/**
 * A spec's design review: the document (its verdict feeds the language status item) and its
 * Markdown ("EvalSpec: Export design review"); null when the document is not open. `version` is the
 * document version the review was made from: a client shows it only while that version is current.
 */
export type ReviewResult = { document: ReviewDocument; markdown: string; version: number } | null;

export interface DataReportParams {
  /** The spec's URI; the spec need not be open (a restored panel asks before its editor opens). */
  uri: string;
}

/**
 * Why a report could not be made, as a value the panel shows as text. `code` is one of the data
 * diagnostic codes (`data-file-missing`, `data-file-outside-workspace`, …) or `no-data-path`,
 * `spec-unreadable`, `untrusted-workspace`, `cancelled`, `internal-error`.
 */
export interface DataReportError {
  code: string;
  message: string;
  /** For an engine source: the spec field the diagnostic goes on (`url`, `table`, `path`, …). */
  field?: string;
}

/** An error carries the spec's `name` when the spec was read, so the panel's tab and heading can say it. */
export type DataReportResult<R> = { report: R } | { error: DataReportError; specName?: string | null };
export type CalibrationReportResult = DataReportResult<CalibrationPanelModel>;
export type RoutingReportResult = DataReportResult<RoutingPanelModel>;

/** The request method for each report kind. */
export const reportRequests: Record<ReportKind, string> = {
  calibration: requests.calibrationReport,
  routing: requests.routingReport,
};

export function isDataReportError<R>(r: DataReportResult<R>): r is { error: DataReportError } {
  return typeof r === 'object' && r !== null && 'error' in r;
}

/** Sent by the client when the user trusts the workspace: the server may now read data files. */
export const notifications = {
  workspaceTrusted: 'evalspec/workspaceTrusted',
  /** Client → server: credentials from VS Code's secret storage (`CredentialsParams`). */
  credentials: 'evalspec/credentials',
  /** Server → client: an engine query's progress (`EngineProgressParams`); the client shows a notification. */
  engineProgress: 'evalspec/engineProgress',
  /** Client → server: the user cancelled an engine query (`DataReportParams` + kind). */
  cancelReport: 'evalspec/cancelReport',
} as const;

/** `initializationOptions` keys the data features read (absent `workspaceTrusted` means trusted: other editors have no trust model). */
export interface DataInitOptions {
  workspaceTrusted?: boolean;
}

/** Commands the server asks the client to run (code lenses). The client registers each. */
export const clientCommands = {
  applyEdits: 'evalspec.applyEdits',
  openCalibrationPreview: 'evalspec.openCalibrationPreview',
  openRoutingPreview: 'evalspec.openRoutingPreview',
  exportReview: 'evalspec.exportReview',
} as const;

/** Arguments of `evalspec.applyEdits`: edits computed for one document version. */
export interface ApplyEditsArgs {
  uri: string;
  version: number;
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[];
}

export interface CredentialsParams {
  clickhouse?: { user?: string; password?: string };
}

export interface EngineProgressParams {
  uri: string;
  kind: 'calibration' | 'routing';
  /** The source, for the notification's title. */
  label: string;
  /** Rows scanned so far, when the engine reports it (else null), and the fraction done (or null). */
  rows: number | null;
  fraction: number | null;
  done: boolean;
}
