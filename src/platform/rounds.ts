// Background work in rounds, in this process: a round every `everyMs` (the first after `firstMs`, if
// given), never two at once (a tick while one runs is skipped), and a stop that waits for the round under
// way, so that it does not meet a closed database.

export type Rounds = { stop(): Promise<void> };

export function startRounds(round: () => Promise<unknown>, options: { everyMs: number; firstMs?: number; onError: (error: unknown) => void }): Rounds {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= round().then(() => undefined, options.onError).finally(() => { running = null; });
  };
  const first = options.firstMs === undefined ? null : setTimeout(tick, options.firstMs);
  const timer = setInterval(tick, options.everyMs);
  first?.unref();
  timer.unref();
  return {
    stop: async () => {
      if (first) clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
