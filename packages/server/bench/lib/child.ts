/** Starts bench/server.ts as a child process and reads its memory from /proc. */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { procCpu, totalMs, type CpuTimes } from './proc-cpu.ts';
import type { Engine, Scale } from './target.ts';

export interface BenchServer {
  port: number;
  pid: number;
  /** Resident set size now, in MB. */
  rssMb(): number;
  /** CPU time the server has used so far (user + system), in ms. */
  cpuMs(): number;
  /** The same, split into user and kernel time. */
  cpuTimes(): CpuTimes;
  stop(): Promise<void>;
}

const SERVER = fileURLToPath(new URL('../server.ts', import.meta.url));

export async function startServer(engine: Engine, scale: Scale, env: Record<string, string> = {}): Promise<BenchServer> {
  const child: ChildProcess = fork(SERVER, [], {
    // BENCH_CPU_PROF=dir writes a V8 CPU profile of the server (open it in Chrome DevTools).
    // BENCH_NODE_FLAGS="--flag …" tries Node/V8 settings on the server under test.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
      ...(process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? []),
    ],
    env: { ...process.env, BENCH_ENGINE: engine, BENCH_SCALE: scale, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    port,
    pid: child.pid!,
    rssMb: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    cpuMs: () => totalMs(procCpu(child.pid!)),
    cpuTimes: () => procCpu(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
