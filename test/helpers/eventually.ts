export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Polls `check` until it holds; resolves to the milliseconds that took, or
 * fails once `withinMs` have passed. For what another instance learns
 * through LISTEN/NOTIFY, or what a timer makes true.
 */
export async function eventually(
  check: () => Promise<boolean>,
  { withinMs, everyMs = 25 }: { withinMs: number; everyMs?: number },
): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await sleep(everyMs);
  }
  return Date.now() - started;
}
