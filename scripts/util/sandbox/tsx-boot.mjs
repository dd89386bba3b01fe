// Starts the sandbox worker from the TypeScript sources (tests, and `strategy` run from a checkout whose
// lib/ is not current): TypeScript needs a loader, and a worker does not inherit the main thread's.
// The compiled tool (lib/) starts lib/util/sandbox/worker.js directly and never reads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
