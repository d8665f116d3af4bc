// When the language server stops unexpectedly: restart it after a growing delay (250 ms, 500 ms,
// 1 s, … up to 8 s), give up after 5 restarts in a row, and tell the user once per series (the
// first restart and the giving up; the others go to the output channel only). A server that ran
// for a healthy period (3 min) before it stopped starts a new series: the counter resets.
// Pure (a clock is passed in), so the policy is unit-tested without an editor.

export interface RestartPolicyOptions {
  maxRestarts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server that ran at least this long before it stopped starts a new series. */
  healthyMs: number;
}

export const defaultRestartPolicy: RestartPolicyOptions = { maxRestarts: 5, baseDelayMs: 250, maxDelayMs: 8000, healthyMs: 3 * 60_000 };

export type CrashDecision =
  | { action: 'restart'; attempt: number; delayMs: number; notify: boolean; message: string }
  | { action: 'give-up'; crashes: number; notify: true; message: string };

export class RestartPolicy {
  private crashes = 0;
  private notified = false;
  private startedAt: number | undefined;

  constructor(
    private readonly options: RestartPolicyOptions = defaultRestartPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  /** Call each time the server (re)starts. */
  started(): void {
    this.startedAt = this.now();
  }

  /** The user restarted the server by hand: a new series. */
  reset(): void {
    this.crashes = 0;
    this.notified = false;
  }

  /** The server stopped unexpectedly: what to do. */
  stopped(): CrashDecision {
    const { maxRestarts, baseDelayMs, maxDelayMs, healthyMs } = this.options;
    if (this.startedAt !== undefined && this.now() - this.startedAt >= healthyMs) this.reset();
    this.crashes++;
    if (this.crashes > maxRestarts) {
      return {
        action: 'give-up',
        crashes: this.crashes,
        notify: true,
        message: `The EvalSpec language server stopped ${this.crashes} times in a row; it is not restarted again. See the EvalSpec output, then run "EvalSpec: Restart language server".`,
      };
    }
    const delayMs = Math.min(maxDelayMs, baseDelayMs * 2 ** (this.crashes - 1));
    const notify = !this.notified;
    this.notified = true;
    return { action: 'restart', attempt: this.crashes, delayMs, notify, message: `The EvalSpec language server stopped; restarting it in ${delayMs} ms (attempt ${this.crashes} of ${maxRestarts}).` };
  }
}
