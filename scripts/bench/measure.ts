/**
 * Whole-process measurements for the benchmark: wall time and the peak resident memory of the process
 * and every process it starts (Chromium included), sampled from /proc. Linux only for memory; on
 * other systems memory is reported as unknown. Nothing here asserts anything.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface Run {
  ms: number;
  /** Peak resident set of the whole process tree, in MiB (NaN where /proc is not available). */
  peakMiB: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  peakMiB: number;
  runs: number;
}

const PAGE_KIB = 4;

/** The process ids below `root` (itself included), from /proc/<pid>/stat. */
function tree(root: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return [root];
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(e));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

function rssMiB(pids: number[]): number {
  let kib = 0;
  for (const pid of pids) {
    try {
      const statm = fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
      kib += Number(statm[1]) * PAGE_KIB;
    } catch {
      // gone
    }
  }
  return kib / 1024;
}

/** Run a command once; resolves when it exits (or, with `until`, when `until` says so and the process is stopped). */
export function runOnce(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const hasProc = fs.existsSync('/proc/self/statm');
    let peak = hasProc ? 0 : Number.NaN;
    const sample = () => {
      if (hasProc && child.pid) peak = Math.max(peak, rssMiB(tree(child.pid)));
    };
    const timer = setInterval(sample, 20);
    child.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - t0, peakMiB: peak, code, stdout, stderr });
    });
  });
}

export function summarise(runs: Run[]): Summary {
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const mid = Math.floor(ms.length / 2);
  const median = ms.length % 2 ? ms[mid]! : (ms[mid - 1]! + ms[mid]!) / 2;
  return {
    median,
    min: ms[0]!,
    max: ms[ms.length - 1]!,
    peakMiB: Math.max(...runs.map((r) => r.peakMiB)),
    runs: runs.length,
  };
}

/** Run `times` times after `warm` unmeasured runs; a run that fails stops the benchmark with its output. */
export async function measure(
  label: string,
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; times?: number; warm?: number; before?: () => void } = {},
): Promise<Summary> {
  const runs: Run[] = [];
  for (let i = 0; i < (opts.warm ?? 1) + (opts.times ?? 5); i++) {
    opts.before?.();
    const run = await runOnce(cmd, args, opts);
    if (run.code !== 0) throw new Error(`${label} failed (exit ${run.code}):\n${run.stderr || run.stdout}`);
    if (i >= (opts.warm ?? 1)) runs.push(run);
  }
  return summarise(runs);
}
