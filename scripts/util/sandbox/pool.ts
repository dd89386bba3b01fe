/**
 * The sandbox: work that a pull request can make expensive (drawing a chart, reading a chapter's
 * Markdown) runs in a `worker_threads` worker with a wall-clock budget and a heap cap, so it can stop
 * the job but never the tool. The main thread stays free meanwhile: `strategy dev` answers its pages and
 * its event stream while a chart is being drawn or killed.
 *
 *   run(task, input, seconds) --queue--> an idle worker (started lazily; at most two, one per core)
 *     --{id, module, name, input}--> worker: import the module, "started", call module[name](input)
 *     <--{id, result}-- done: the worker stays for the next job (dev rebuilds reuse it)
 *     over the budget:   the pool terminates the worker, the job fails with SandboxLimitError('time')
 *     over the heap cap: Node terminates the worker, the job fails with SandboxLimitError('memory')
 *     out of stack:      the worker reports it and lives on, the job fails with SandboxLimitError('stack')
 *   a worker that is terminated is replaced by the next job that needs one.
 *
 * A job's input and result cross the thread boundary by structured clone (plain data: no functions or
 * class instances), and its function is a named export of one of this tool's own modules, so what runs
 * in the worker is exactly the code that would have run in the main thread. The budgets are set in one
 * place, ./budgets.ts. Idle workers do not keep the process alive.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { sandboxBudgets } from './budgets.js';

/** What the pool sends a worker. */
export interface JobMessage {
  id: number;
  /** A module of this tool, as a file URL. */
  module: string;
  /** The name of the function it exports. */
  name: string;
  input: unknown;
}

/** What a worker sends back (./worker.ts). */
export type WorkerReply =
  | { id: number; type: 'started' }
  | { id: number; type: 'done'; result: unknown }
  | { id: number; type: 'limit'; limit: 'stack' }
  | { id: number; type: 'failed'; message: string; stack: string };

/** Which limit stopped a job. */
export type Limit = 'time' | 'memory' | 'stack';

/** A job stopped by one of the sandbox's limits: the input is too expensive, a content problem. */
export class SandboxLimitError extends Error {
  readonly limit: Limit;
  /** The time budget the job had, in seconds. */
  readonly seconds: number;
  /** The heap cap of the worker, in MB. */
  readonly memoryMb: number;
  constructor(limit: Limit, seconds: number, memoryMb: number) {
    super(
      limit === 'time'
        ? `stopped after ${seconds} seconds`
        : limit === 'memory'
          ? `stopped at ${memoryMb} MB of memory`
          : 'stopped: nested too deeply',
    );
    this.name = 'SandboxLimitError';
    this.limit = limit;
    this.seconds = seconds;
    this.memoryMb = memoryMb;
  }
}

/** A function to run in the sandbox: a named export of a module of this tool. */
export interface SandboxTask {
  module: URL;
  name: string;
}

/**
 * The module `relative` (without its extension) beside `callerUrl`, in the caller's own form: `.ts`
 * when the tool runs from its TypeScript sources, `.js` when it runs compiled from lib/.
 */
export function taskModule(callerUrl: string, relative: string): URL {
  return new URL(`${relative}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

/** Seconds a fresh worker may take to load a job's module before the job's own budget starts. */
const STARTUP_SECONDS = 120;

/**
 * A second worker is started only when a job has waited this long for the first: a burst of quick jobs
 * (a dozen chapters to parse) is over before a second worker would have loaded.
 */
const GROW_AFTER_MS = 150;

const FROM_SOURCES = import.meta.url.endsWith('.ts');
const ENTRY = new URL(FROM_SOURCES ? './worker.ts' : './worker.js', import.meta.url);
const BOOT = FROM_SOURCES ? new URL('./tsx-boot.mjs', import.meta.url) : ENTRY;

interface Job {
  id: number;
  task: SandboxTask;
  input: unknown;
  seconds: number;
  /** The heap cap of a worker started for this job. */
  memoryMb: number;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  memoryMb: number;
  job?: Job | undefined;
  timer?: NodeJS.Timeout | undefined;
  /** Terminated, or exiting: never given another job. */
  dead: boolean;
}

/** What the pool is doing, for tests and the bench. */
export interface SandboxStats {
  /** Workers alive now (at most two). */
  workers: number;
  /** Jobs running now. */
  running: number;
  /** Jobs waiting for a worker. */
  queued: number;
  /** Workers started since the process began. */
  started: number;
  /** Workers terminated because a job went over a limit of time or memory. */
  stopped: number;
}

class Pool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private growing: NodeJS.Timeout | undefined;
  readonly counts = { started: 0, stopped: 0 };

  constructor(private readonly max: number) {}

  run(task: SandboxTask, input: unknown, seconds: number, memoryMb: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, input, seconds, memoryMb, resolve, reject });
      this.pump();
    });
  }

  /** Terminate every worker; queued and running jobs fail. The next job starts a fresh worker. */
  async close(): Promise<void> {
    const closed = new Error('The sandbox was closed');
    for (const job of this.queue.splice(0)) job.reject(closed);
    await Promise.all([...this.slots].map((slot) => this.retire(slot, closed)));
  }

  stats(): SandboxStats {
    const slots = [...this.slots];
    return {
      workers: slots.length,
      running: slots.filter((s) => s.job).length,
      queued: this.queue.length,
      ...this.counts,
    };
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = [...this.slots].find((s) => !s.job && !s.dead);
      if (!slot) {
        if (this.slots.size >= this.max) return;
        if (this.slots.size > 0) {
          this.growSoon();
          return;
        }
        slot = this.spawn(this.queue[0]!.memoryMb);
      }
      this.assign(slot, this.queue.shift()!);
    }
  }

  private growSoon(): void {
    if (this.growing) return;
    this.growing = setTimeout(() => {
      this.growing = undefined;
      if (this.queue.length && this.slots.size < this.max) this.spawn(this.queue[0]!.memoryMb);
      this.pump();
    }, GROW_AFTER_MS);
    this.growing.unref();
  }

  /** Start the first worker now, so it loads while the caller does other work. */
  warm(memoryMb: number): void {
    if (this.slots.size === 0) this.spawn(memoryMb).worker.unref();
  }

  private spawn(memoryMb: number): Slot {
    const worker = new Worker(BOOT, {
      workerData: { entry: ENTRY.href },
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    const slot: Slot = { worker, memoryMb, dead: false };
    this.slots.add(slot);
    this.counts.started++;
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('error', (err: Error & { code?: string }) => {
      const failure =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new SandboxLimitError('memory', slot.job?.seconds ?? 0, slot.memoryMb)
          : new Error(`The sandbox worker failed: ${err.message}`, { cause: err });
      void this.retire(slot, failure);
    });
    worker.on('exit', (code) => {
      void this.retire(slot, new Error(`The sandbox worker stopped unexpectedly (exit code ${code})`));
    });
    return slot;
  }

  private assign(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    // The job's own budget starts when its module is loaded ("started"); loading is bounded separately.
    slot.timer = setTimeout(
      () => void this.retire(slot, new Error(`The sandbox worker did not start within ${STARTUP_SECONDS} seconds`)),
      STARTUP_SECONDS * 1000,
    );
    const message: JobMessage = { id: job.id, module: job.task.module.href, name: job.task.name, input: job.input };
    try {
      slot.worker.postMessage(message);
    } catch (err) {
      // An input that cannot be cloned is a bug in the caller; the worker is fine.
      clearTimeout(slot.timer);
      this.finish(slot);
      job.reject(err as Error);
    }
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const job = slot.job;
    if (!job || reply.id !== job.id || slot.dead) return;
    clearTimeout(slot.timer);
    if (reply.type === 'started') {
      slot.timer = setTimeout(
        () => void this.retire(slot, new SandboxLimitError('time', job.seconds, slot.memoryMb)),
        job.seconds * 1000,
      );
      return;
    }
    this.finish(slot);
    if (reply.type === 'done') job.resolve(reply.result);
    else if (reply.type === 'limit') job.reject(new SandboxLimitError('stack', job.seconds, slot.memoryMb));
    else {
      const err = new Error(reply.message);
      err.stack = reply.stack;
      job.reject(err);
    }
  }

  /** The slot's job is over and the worker lives on: idle workers do not hold the process open. */
  private finish(slot: Slot): void {
    slot.job = undefined;
    slot.timer = undefined;
    slot.worker.unref();
    this.pump();
  }

  /** Take a worker out of the pool for good: its job (if any) fails with `reason`, and it is terminated. */
  private async retire(slot: Slot, reason: Error): Promise<void> {
    if (slot.dead) return;
    slot.dead = true;
    if (reason instanceof SandboxLimitError) this.counts.stopped++;
    clearTimeout(slot.timer);
    this.slots.delete(slot);
    const job = slot.job;
    slot.job = undefined;
    job?.reject(reason);
    // A replacement starts as soon as a queued job needs one, while this one is still being terminated.
    this.pump();
    slot.worker.unref();
    await slot.worker.terminate();
  }
}

let pool: Pool | undefined;

const poolSize = () => Math.max(1, Math.min(2, os.availableParallelism()));

/**
 * Run `task` on `input` in a sandbox worker, within `seconds` of wall-clock time and the worker's heap
 * cap. Rejects with SandboxLimitError when a limit stopped it.
 */
export async function runSandboxed<T>(task: SandboxTask, input: unknown, seconds: number): Promise<T> {
  const { memoryMb } = sandboxBudgets();
  pool ??= new Pool(poolSize());
  return (await pool.run(task, input, seconds, memoryMb)) as T;
}

/**
 * Start the first worker ahead of its first job (the build calls this as it starts reading the strategy,
 * so the worker loads on the other core meanwhile). Does nothing if a worker is running.
 */
export function warmSandbox(): void {
  try {
    const { memoryMb } = sandboxBudgets();
    pool ??= new Pool(poolSize());
    pool.warm(memoryMb);
  } catch {
    // A budget set wrongly in the environment is reported by the first job, with what to write.
  }
}

/** Stop every sandbox worker; the next job starts a fresh one (tests; a process that exits needs nothing). */
export async function closeSandbox(): Promise<void> {
  await pool?.close();
}

/** What the pool is doing (tests: the pool is small, reused, and replaces a worker it stopped). */
export function sandboxStats(): SandboxStats {
  return pool?.stats() ?? { workers: 0, running: 0, queued: 0, started: 0, stopped: 0 };
}

export { sandboxBudgets };
