// Notices a language server that stops answering: every tracked request starts a timer, and a
// request still unanswered after `boundMs` reports a stall once (the extension offers a restart).
// Any answer re-arms it, so a later stall is reported again. Pure (timers are passed in).

export interface WatchdogTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: WatchdogTimers = {
  set: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

export class ResponseWatchdog {
  private reported = false;

  constructor(
    private readonly boundMs: number,
    private readonly onStall: (request: string, boundMs: number) => void,
    private readonly timers: WatchdogTimers = realTimers,
  ) {}

  /** Passes `answer` through, reporting a stall if it is not settled within the bound. */
  track<T>(request: string, answer: Thenable<T> | T): Thenable<T> | T {
    if (!isThenable(answer)) return answer;
    const handle = this.timers.set(() => {
      if (this.reported) return;
      this.reported = true;
      this.onStall(request, this.boundMs);
    }, this.boundMs);
    const settled = () => {
      this.timers.clear(handle);
      this.reported = false;
    };
    return answer.then(
      (v) => {
        settled();
        return v;
      },
      (e: unknown) => {
        settled();
        throw e;
      },
    );
  }

  /** After a restart: the next stall is reported again. */
  reset(): void {
    this.reported = false;
  }
}

function isThenable<T>(x: Thenable<T> | T): x is Thenable<T> {
  return typeof (x as { then?: unknown } | null | undefined)?.then === 'function';
}
