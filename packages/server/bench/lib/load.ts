/** Load from N clients, each doing its own list of steps one after another. */
export interface LoadReport {
  wallMs: number;
  latencies: number[];
  /** RSS samples of the server while the load ran, MB. */
  rss: number[];
  /** At a set rate (runAtRate): requests sent after they were due, their client still waiting. */
  lateSends?: number;
}

/** Closed loop: each client sends its next step as soon as the last is answered. */
export async function runClients<T>(clients: T[][], step: (task: T, latencies: number[]) => Promise<void>, sampleRss?: () => number): Promise<LoadReport> {
  const latencies: number[] = [];
  const run = await sampled(sampleRss, () =>
    Promise.all(
      clients.map(async (tasks) => {
        for (const t of tasks) await step(t, latencies);
      }),
    ),
  );
  return { ...run, latencies };
}

/**
 * Open-loop load at a set rate: request k of all is due k / perSecond seconds after the start,
 * dealt round-robin to the clients (so each client is due every clients / perSecond seconds),
 * and each is timed from when it was due, not from when it was sent: a client still waiting for
 * its last answer sends late, and that wait counts (no "coordinated omission"). A closed loop
 * measures the queue its own clients build at saturation; this measures the latency at a load.
 */
export async function runAtRate<T>(clients: T[][], perSecond: number, step: (task: T) => Promise<void>, sampleRss?: () => number): Promise<LoadReport> {
  const latencies: number[] = [];
  let lateSends = 0;
  const started = performance.now();
  const n = clients.length;
  const run = await sampled(sampleRss, () =>
    Promise.all(
      clients.map(async (tasks, c) => {
        for (let j = 0; j < tasks.length; j++) {
          const due = started + ((j * n + c) / perSecond) * 1000;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          else if (wait < -1) lateSends++;
          await step(tasks[j]!);
          latencies.push(performance.now() - due);
        }
      }),
    ),
  );
  return { ...run, latencies, lateSends };
}

/** Runs `load`, sampling the server's RSS every 200 ms meanwhile and once after. */
async function sampled(sampleRss: (() => number) | undefined, load: () => Promise<unknown>): Promise<{ wallMs: number; rss: number[] }> {
  const rss: number[] = [];
  const timer = sampleRss ? setInterval(() => rss.push(sampleRss()), 200) : null;
  const started = performance.now();
  try {
    await load();
  } finally {
    if (timer) clearInterval(timer);
  }
  if (sampleRss) rss.push(sampleRss());
  return { wallMs: performance.now() - started, rss };
}
