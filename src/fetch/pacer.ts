/**
 * Politeness: at least `delayMs` between the starts of two requests to the same host. Slots are
 * reserved synchronously, so requests started together (a daemon polling several feeds) still
 * queue one delay apart; different hosts never wait for each other.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export class HostPacer {
  /** When the next request to each host may start (ms since the epoch). */
  private readonly nextStart = new Map<string, number>();

  constructor(
    readonly delayMs: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: Sleep = realSleep,
  ) {}

  /**
   * Waits for this host's turn; resolves at once for a host not asked for within the delay, and
   * for a URL without a host (the fetcher reports it).
   */
  async wait(url: string | URL, signal?: AbortSignal): Promise<void> {
    const host = URL.canParse(String(url)) ? new URL(url).host.toLowerCase() : '';
    if (!host) return;
    const now = this.now();
    const start = Math.max(now, this.nextStart.get(host) ?? 0);
    this.nextStart.set(host, start + this.delayMs);
    if (start > now) await this.sleep(start - now, signal);
  }
}
