/** CPU time of a process on this machine from /proc/<pid>/stat, split into user and kernel time. */
import fs from 'node:fs';

export interface CpuTimes {
  /** Time running the program's own code, in ms. */
  userMs: number;
  /** Time in the kernel on its behalf (system calls: sockets, files), in ms. */
  kernelMs: number;
}

/** Fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 a second on Linux); throws if the process is gone. */
export function procCpu(pid: number): CpuTimes {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { userMs: Number(fields[11]) * 10, kernelMs: Number(fields[12]) * 10 };
}

export const totalMs = (t: CpuTimes) => t.userMs + t.kernelMs;
