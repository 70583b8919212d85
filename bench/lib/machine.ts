/**
 * What the machine was doing while we measured: load average, CPU used by the benchmark's
 * own processes and by everyone else, and the resident memory of a process tree. Linux only
 * (/proc); elsewhere the figures are left empty.
 */
import fs from 'node:fs';
import os from 'node:os';

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux
const PAGE_SIZE = 4096;

type ProcStat = { pid: number; ppid: number; ticks: number; rssPages: number };

function readProcStat(pid: number): ProcStat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: split after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, utime..cstime 14..17, rss 24.
    const num = (field: number) => Number(fields[field - 3]);
    return { pid, ppid: num(4), ticks: num(14) + num(15) + num(16) + num(17), rssPages: num(24) };
  } catch {
    return null;
  }
}

function allProcesses(): ProcStat[] {
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const out: ProcStat[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readProcStat(Number(name));
    if (stat) out.push(stat);
  }
  return out;
}

/** A process and all its descendants. */
export function processTree(root: number, processes = allProcesses()): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const self = processes.find((p) => p.pid === root);
  if (!self) return [];
  const out = [self];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i].pid) ?? []));
  return out;
}

/** CPU ticks used so far by a process and its descendants (children that ended included). */
function treeTicks(root: number, processes = allProcesses()): number {
  return processTree(root, processes).reduce((sum, p) => sum + p.ticks, 0);
}

/** The same, in ms. */
export function treeCpuMs(root: number): number {
  return (treeTicks(root) * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of a process and its descendants, in bytes. */
export function treeRss(root: number): number {
  return processTree(root).reduce((sum, p) => sum + p.rssPages * PAGE_SIZE, 0);
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

export type CpuSample = { at: number; busy: number; total: number; ours: number };

function machineTicks(): { busy: number; total: number } {
  try {
    const [, ...values] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
    const busy = user + nice + system + irq + softirq + (steal ?? 0);
    return { busy, total: busy + idle + iowait };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

/**
 * CPU accounting: "ours" is this process with every descendant (app servers, the bare
 * server, browsers, Lighthouse; a child that ended is counted in its parent's children
 * time) plus the PostgreSQL backends serving our database (found by its name on their
 * command line; one that ended keeps the time it had when last seen, sampled every second);
 * "others" is the rest of the machine's busy time.
 */
export class CpuMeter {
  databaseName: string | null = null;
  private backends = new Map<number, number>();
  private departed = 0;
  private timer: ReturnType<typeof setInterval>;

  constructor() {
    this.timer = setInterval(() => this.backendTicks(allProcesses()), 1000);
    this.timer.unref();
  }

  private backendTicks(processes: ProcStat[]): number {
    const alive = new Set<number>();
    if (this.databaseName) {
      for (const p of processes) {
        const command = cmdline(p.pid);
        if (command.startsWith('postgres: ') && command.includes(` ${this.databaseName} `)) {
          alive.add(p.pid);
          this.backends.set(p.pid, p.ticks);
        }
      }
    }
    for (const [pid, ticks] of this.backends) {
      if (!alive.has(pid)) {
        this.departed += ticks;
        this.backends.delete(pid);
      }
    }
    return this.departed + [...this.backends.values()].reduce((a, b) => a + b, 0);
  }

  sample(): CpuSample {
    const processes = allProcesses();
    const ours = treeTicks(process.pid, processes) + this.backendTicks(processes);
    return { at: performance.now(), ...machineTicks(), ours };
  }
}

/** Cores in use on average between two samples: the whole machine, us, everyone else. */
export type CpuUse = { machine: number; ours: number; others: number };

export function cpuBetween(a: CpuSample, b: CpuSample): CpuUse {
  const seconds = (b.at - a.at) / 1000;
  if (!(seconds > 0)) return { machine: NaN, ours: NaN, others: NaN };
  const machine = (b.busy - a.busy) / TICKS_PER_SECOND / seconds;
  // A child that exited but is not yet reaped counts nowhere for a moment: keep within bounds.
  const ours = Math.min(machine, Math.max(0, (b.ours - a.ours) / TICKS_PER_SECOND / seconds));
  return { machine, ours, others: machine - ours };
}

export function loadAverage(): [number, number, number] {
  const [a, b, c] = os.loadavg();
  return [a, b, c];
}

export type StepRecord = {
  step: string;
  seconds: number;
  load1AtStart: number;
  load1AtEnd: number;
  /** Average cores busy during the step: the machine, the benchmark's own processes, the rest. */
  cpu: CpuUse;
};

/** Records each step of the run with the machine's load around it. */
export class StepLog {
  readonly steps: StepRecord[] = [];
  constructor(readonly meter: CpuMeter) {}

  async run<T>(step: string, fn: () => Promise<T>): Promise<T> {
    const load1AtStart = loadAverage()[0];
    const before = this.meter.sample();
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      const after = this.meter.sample();
      const record = {
        step,
        seconds: (performance.now() - t0) / 1000,
        load1AtStart,
        load1AtEnd: loadAverage()[0],
        cpu: cpuBetween(before, after),
      };
      this.steps.push(record);
      console.log(
        `[bench] ${step}: ${record.seconds.toFixed(1)} s, load ${record.load1AtStart.toFixed(1)} → ${record.load1AtEnd.toFixed(1)}, ` +
          `cores busy ${record.cpu.machine.toFixed(2)} (ours ${record.cpu.ours.toFixed(2)}, others ${record.cpu.others.toFixed(2)})`,
      );
    }
  }
}

/** Samples a process tree's memory while something runs, and keeps the peak. */
export class RssSampler {
  private timer: ReturnType<typeof setInterval> | undefined;
  peak = 0;
  constructor(private readonly pid: number) {}
  start(intervalMs = 200) {
    this.peak = Math.max(this.peak, treeRss(this.pid));
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, treeRss(this.pid));
    }, intervalMs);
    this.timer.unref();
    return this;
  }
  stop(): number {
    clearInterval(this.timer);
    this.peak = Math.max(this.peak, treeRss(this.pid));
    return this.peak;
  }
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}
