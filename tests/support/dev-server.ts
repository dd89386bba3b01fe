/**
 * The real `strategy dev` server for tests: started on a free port in this process, stopped by
 * `stop()`, and its server-sent events read as a queue. One place for what the dev tests share, so each
 * test file says only what it watches (reports, rebuilds, logs).
 */
import { type DevOptions, serve } from '../../scripts/dev/server.js';

export interface RunningDevServer {
  /** `http://127.0.0.1:<port>` */
  base: string;
  port: number;
  /** Stop the server and wait until it has stopped. */
  stop: () => Promise<void>;
}

/** Start `strategy dev` on `root` and resolve once its first build is served. */
export async function startDevServer(
  options: Pick<DevOptions, 'root'> & Partial<Omit<DevOptions, 'root' | 'port' | 'signal' | 'onReady'>>,
): Promise<RunningDevServer> {
  const controller = new AbortController();
  let stopped: Promise<void> = Promise.resolve();
  const port = await new Promise<number>((ready) => {
    stopped = serve({
      log: () => undefined,
      report: () => undefined,
      ...options,
      port: 0,
      signal: controller.signal,
      onReady: ready,
    });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    stop: async () => {
      controller.abort();
      await stopped;
    },
  };
}

/** Server-sent events from the server's /__events, as an async queue of named events. */
export async function serverEvents(
  base: string,
): Promise<{ next: (name: string) => Promise<string>; close: () => void }> {
  const ac = new AbortController();
  const res = await fetch(`${base}/__events`, { signal: ac.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(name) {
      for (;;) {
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop()!;
        for (const [i, block] of blocks.entries()) {
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (event === name) {
            buffer = blocks.slice(i + 1).join('\n\n') + (blocks.length > i + 1 ? '\n\n' : '') + buffer;
            return /^data: (.*)$/m.exec(block)?.[1] ?? '';
          }
        }
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before "${name}"`);
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => ac.abort(),
  };
}
