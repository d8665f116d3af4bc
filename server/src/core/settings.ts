// EvalSpec settings as the core sees them: plain data, shared by the server, the CLI and the client
// (which reads them from `evalspec.*` and sends them over), declared once here.
import type { Severity } from './types';
import { own } from './own';

export type SeverityOverride = Severity | 'off';

/** Thresholds the rules check against; defaults are the seed's recommended values. */
export interface RuleThresholds {
  maxPrimaryMetrics: number;
  minCalibrationExamples: number;
  minSpearman: number;
  minKappa: number;
  /** Longest judge-calibration refresh, in days (policies count daily 1, weekly 7, monthly 31, quarterly 92, yearly 366). */
  maxCalibrationRefreshDays: number;
  /** Coverage below this warns. */
  coverageWarning: number;
  /** Coverage below this means refresh now. */
  coverageRefresh: number;
  maxRouterLatencyP95Ms: number;
  canaryMaxShareShiftPp: number;
  canaryMaxQualityDeltaPp: number;
  canaryMinShadowHours: number;
  flagshipShareOverBaselinePp: number;
  minP10Confidence: number;
  costShareOverMovingAvg: number;
  /** Relative gap between an incident priced at the router's prices and at the ledger's traffic price above which the routing report warns. */
  incidentBasisTolerance: number;
  minLedgerRows: number;
  minDetectionSensitivity: number;
}

export const defaultThresholds: RuleThresholds = {
  maxPrimaryMetrics: 2,
  minCalibrationExamples: 50,
  minSpearman: 0.75,
  minKappa: 0.8,
  maxCalibrationRefreshDays: 31,
  coverageWarning: 0.8,
  coverageRefresh: 0.75,
  maxRouterLatencyP95Ms: 20,
  canaryMaxShareShiftPp: 3,
  canaryMaxQualityDeltaPp: 1,
  canaryMinShadowHours: 48,
  flagshipShareOverBaselinePp: 5,
  minP10Confidence: 0.55,
  costShareOverMovingAvg: 1.1,
  incidentBasisTolerance: 0.1,
  minLedgerRows: 3,
  minDetectionSensitivity: 10,
};

export interface EvalSpecSettings {
  thresholds: RuleThresholds;
  /** Per diagnostic code: a different severity, or 'off'. */
  severity: Record<string, SeverityOverride>;
  /** Largest spec read, in characters. */
  maxDocumentLength: number;
  inlayHints: { enabled: boolean };
  codeLens: { enabled: boolean };
  /** Milliseconds to wait after an edit before re-analysing. */
  debounceMs: number;
  /** SQL engines of data sources (docs/format.md, "Engines"): query time bound, DuckDB's memory bound, where DuckDB is installed. */
  engines: { timeoutSeconds: number; memoryLimitMiB: number; duckdbModulePath: string };
}

export const defaultSettings: EvalSpecSettings = {
  thresholds: defaultThresholds,
  severity: {},
  maxDocumentLength: 2_000_000,
  inlayHints: { enabled: true },
  codeLens: { enabled: true },
  debounceMs: 75,
  engines: { timeoutSeconds: 120, memoryLimitMiB: 1024, duckdbModulePath: '' },
};

/** Merges a partial, untrusted settings object (from a client or a config file) over the defaults. */
export function resolveSettings(input: unknown): EvalSpecSettings {
  const s = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const out: EvalSpecSettings = structuredClone(defaultSettings);
  const sev = s['severity'];
  if (sev && typeof sev === 'object') {
    // fromEntries defines own properties: a code named "__proto__" is a key, not the prototype.
    const valid = Object.entries(sev as Record<string, unknown>).filter(([, v]) => v === 'error' || v === 'warning' || v === 'information' || v === 'hint' || v === 'off');
    out.severity = Object.fromEntries(valid) as Record<string, SeverityOverride>;
  }
  const num = (v: unknown, lo: number, hi: number) => (typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi ? v : undefined);
  out.maxDocumentLength = num(s['maxDocumentLength'], 1_000, 100_000_000) ?? out.maxDocumentLength;
  out.debounceMs = num(s['debounceMs'], 0, 5_000) ?? out.debounceMs;
  const th = s['thresholds'];
  if (th && typeof th === 'object') {
    for (const k of Object.keys(defaultThresholds) as (keyof RuleThresholds)[]) {
      const v = num(own(th as Record<string, unknown>, k), 0, 1e9);
      if (v !== undefined) out.thresholds[k] = v;
    }
  }
  const ih = s['inlayHints'] as Record<string, unknown> | undefined;
  if (ih && typeof ih['enabled'] === 'boolean') out.inlayHints.enabled = ih['enabled'];
  const en = s['engines'] as Record<string, unknown> | undefined;
  if (en && typeof en === 'object') {
    out.engines.timeoutSeconds = num(en['timeoutSeconds'], 1, 86_400) ?? out.engines.timeoutSeconds;
    out.engines.memoryLimitMiB = num(en['memoryLimitMiB'], 256, 1_048_576) ?? out.engines.memoryLimitMiB;
    if (typeof en['duckdbModulePath'] === 'string') out.engines.duckdbModulePath = en['duckdbModulePath'];
  }
  const cl = s['codeLens'] as Record<string, unknown> | undefined;
  if (cl && typeof cl['enabled'] === 'boolean') out.codeLens.enabled = cl['enabled'];
  return out;
}
