/**
 * The sandbox worker (see ./pool.ts): it runs one job at a time, a named function of one of this tool's
 * own modules with a plain, structured-cloneable input, and posts back
 *
 *   started   the module is loaded and the function is about to run (the job's time budget starts here)
 *   done      the function's result
 *   limit     the function ran out of stack (a nesting too deep for the code that reads it)
 *   failed    anything else the function threw (a bug in the tool, not a limit)
 *
 * Running out of time or memory is not reported from here: the pool terminates a worker that takes too
 * long, and Node terminates one that reaches its heap limit (`resourceLimits`).
 */
import { parentPort } from 'node:worker_threads';
import type { JobMessage, WorkerReply } from './pool.js';

/** The folder of this tool's code (scripts/ or lib/): a job may only name modules inside it. */
const TOOL = new URL('../../', import.meta.url).href;

const modules = new Map<string, Promise<Record<string, unknown>>>();

function load(href: string): Promise<Record<string, unknown>> {
  if (!href.startsWith(TOOL))
    return Promise.reject(new Error(`The sandbox runs only the tool's own code, not ${href}`));
  let mod = modules.get(href);
  if (!mod) {
    mod = import(href) as Promise<Record<string, unknown>>;
    modules.set(href, mod);
  }
  return mod;
}

const port = parentPort;
if (!port) throw new Error('scripts/util/sandbox/worker is started by the sandbox pool, not run directly');

const post = (reply: WorkerReply) => port.postMessage(reply);

port.on('message', async (job: JobMessage) => {
  try {
    const fn = (await load(job.module))[job.name];
    if (typeof fn !== 'function') throw new Error(`${job.module} exports no function ${job.name}`);
    post({ id: job.id, type: 'started' });
    const result: unknown = await (fn as (input: unknown) => unknown)(job.input);
    post({ id: job.id, type: 'done', result });
  } catch (err) {
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      post({ id: job.id, type: 'limit', limit: 'stack' });
      return;
    }
    const e = err instanceof Error ? err : new Error(String(err));
    post({ id: job.id, type: 'failed', message: e.message, stack: e.stack ?? e.message });
  }
});
