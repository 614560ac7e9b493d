/** Closed-loop load: N clients, each doing its own list of steps one after another. */
export interface LoadReport {
  wallMs: number;
  latencies: number[];
  /** RSS samples of the server while the load ran, MB. */
  rss: number[];
}

export async function runClients<T>(clients: T[][], step: (task: T, latencies: number[]) => Promise<void>, sampleRss?: () => number): Promise<LoadReport> {
  const latencies: number[] = [];
  const rss: number[] = [];
  const timer = sampleRss ? setInterval(() => rss.push(sampleRss()), 200) : null;
  const started = performance.now();
  try {
    await Promise.all(
      clients.map(async (tasks) => {
        for (const t of tasks) await step(t, latencies);
      }),
    );
  } finally {
    if (timer) clearInterval(timer);
  }
  if (sampleRss) rss.push(sampleRss());
  return { wallMs: performance.now() - started, latencies, rss };
}
