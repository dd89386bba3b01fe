/**
 * `strategy dev`: serves the website on localhost and rebuilds on every save. The page reloads itself
 * through a server-sent event. A mistake in a file does not stop the server: the problems are listed
 * in the terminal and on the page, the last good build stays up, and the next save that fixes it
 * rebuilds and reloads. The PDF is not made in dev (use `strategy build`).
 *
 * A strategy arrives as a pull request, and `dev` runs it on a reviewer's machine, so the server trusts
 * nothing in the strategy folder:
 * - the site is built into a private folder this process makes (mkdtemp, outside the strategy) and
 *   removed on exit; only the files this process's last good build wrote are served, and never through
 *   a symlink (see `./served-files.ts`);
 * - a request whose Host is not this server's own address is refused (DNS rebinding);
 * - the event stream and the terminal name files relative to the strategy, never by absolute path.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from '../build.js';
import { CONTENT_SECURITY_POLICY } from '../assemble/pages.js';
import { EnvironmentError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { createRenderCache } from '../render/document.js';
import { safeDecode } from '../util/url.js';
import { InPlaceFolder } from './in-place-folder.js';
import { allowedHost, redactPaths, ServedFiles } from './served-files.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
};

export interface DevOptions {
  root: string;
  port: number;
  log: (s: string) => void;
  report: (ds: Diagnostic[]) => void;
  /** Stop after this signal (tests). */
  signal?: AbortSignal;
  /** Called with the listening port once the first build is served. */
  onReady?: (port: number) => void;
  /**
   * Called after each good build with what it did: chapters rendered again, files written and removed,
   * and the private folder it serves (tests).
   */
  onRebuilt?: (what: { rendered: string[]; written: string[]; removed: string[]; site: string }) => void;
}

export async function serve(options: DevOptions): Promise<void> {
  // The site is built outside the strategy folder, in a folder only this process made and can write.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-strategy-dev-'));
  const out = path.join(work, 'site');
  const served = new ServedFiles(out);
  const redact = (text: string) => redactPaths(text, { root: options.root, work });
  const removeWork = () => fs.rmSync(work, { recursive: true, force: true });
  process.once('exit', removeWork);
  const clients = new Set<http.ServerResponse>();
  let problems: Diagnostic[] = [];
  const send = (event: string, data: unknown) => {
    for (const c of clients) c.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const problemLines = () => problems.map((d) => redact(`${d.file}:${d.line}:${d.column} ${d.message} ${d.hint}`));

  const cache = createRenderCache();
  const folder = new InPlaceFolder(out);
  let running: Promise<void> | undefined;
  let again = false;
  // Each build is a generation; a search index made for an older one is thrown away.
  let generation = 0;
  // Set by every watcher event as it happens (not after the pause): a save that lands while a build
  // reads the files makes that build's result stale.
  let changed = false;
  const rebuild = async (): Promise<void> => {
    const started = performance.now();
    const mine = ++generation;
    changed = false;
    try {
      const result = await build({
        root: options.root,
        out,
        pdf: false,
        devReload: true,
        cache,
        searchIndex: false,
        outputFolder: () => folder.begin(),
      });
      // A build that read a file half saved (truncated, not yet written) is stale: the save's next event
      // builds again and reports what the file really says.
      if (!result.ok && changed) return;
      problems = result.diagnostics.filter((d) => d.severity === 'error');
      options.report(result.diagnostics);
      if (result.ok) {
        served.refresh();
        const { rendered, reused } = cache.stats;
        const { written, unchanged } = folder.stats;
        options.log(
          `Rebuilt in ${Math.round(performance.now() - started)} ms (${rendered.length} of ${rendered.length + reused.length} chapters rendered again, ${written.length} of ${written.length + unchanged} files written).`,
        );
        options.onRebuilt?.({
          rendered: [...rendered],
          written: [...written],
          removed: [...folder.stats.removed],
          site: out,
        });
        send('reload', {});
        // The search index follows the reload, made from a copy of this build's pages beside the site,
        // so neither the save nor the next one waits for the indexer; it is put in place only if no
        // build has started since.
        void indexInBackground(mine);
      } else {
        options.log('Not rebuilt: fix the problems above. The last good version is still being served.');
        send('problems', problemLines());
      }
    } catch (err) {
      const message = redact(
        err instanceof EnvironmentError
          ? `${err.message} ${err.hint}`
          : `The build failed unexpectedly: ${(err as Error).message}`,
      );
      options.log(message);
      send('problems', [message]);
    }
  };
  let indexing: Promise<void> = Promise.resolve();
  const indexInBackground = (mine: number): Promise<void> => {
    indexing = indexing.then(async () => {
      if (mine !== generation) return;
      const copy = path.join(work, 'search');
      fs.rmSync(copy, { recursive: true, force: true });
      for (const page of fs.readdirSync(out).filter((f) => f.endsWith('.html')))
        fs.cpSync(path.join(out, page), path.join(copy, page));
      try {
        const { buildSearchIndex } = await import('../emit/site-files.js');
        await buildSearchIndex(copy);
      } catch (err) {
        options.log(redact(`The search index was not made: ${(err as Error).message}`));
        return;
      }
      if (mine !== generation || running) return;
      fs.rmSync(path.join(out, 'pagefind'), { recursive: true, force: true });
      fs.cpSync(path.join(copy, 'pagefind'), path.join(out, 'pagefind'), { recursive: true });
      served.refresh();
    });
    return indexing;
  };
  const schedule = () => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule();
      }
    });
  };

  await rebuild();

  let listeningPort = options.port;
  const plain = (res: http.ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
    res.end(text);
  };
  const server = http.createServer((req, res) => {
    // A web page elsewhere can point a name it controls at 127.0.0.1 (DNS rebinding); its requests
    // then carry that name as Host. Only this server's own addresses are answered.
    if (!allowedHost(req.headers.host, listeningPort)) {
      plain(res, 421, 'This server answers only http://localhost or http://127.0.0.1 on its own port.');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/__events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`event: hello\ndata: ${JSON.stringify(problems.length)}\n\n`);
      if (problems.length) res.write(`event: problems\ndata: ${JSON.stringify(problemLines())}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    const decoded = safeDecode(url.pathname);
    if (decoded === undefined || decoded.includes('\0')) {
      plain(res, 400, 'Bad request');
      return;
    }
    let rel = decoded.replace(/^\/+/, '');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const opened = served.open(rel);
    if (!opened) {
      plain(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(rel).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    });
    fs.createReadStream('', { fd: opened }).pipe(res);
  });

  let timer: NodeJS.Timeout | undefined;
  const watchers: fs.FSWatcher[] = [];
  for (const dir of ['content', 'data', 'templates']) {
    const abs = path.join(options.root, dir);
    if (!fs.existsSync(abs)) continue;
    watchers.push(
      fs.watch(abs, { recursive: true }, () => {
        changed = true;
        // A save is one or two events a few microseconds apart (truncate, write); wait just past them.
        clearTimeout(timer);
        timer = setTimeout(schedule, 8);
      }),
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new EnvironmentError(
              `Port ${options.port} is already in use.`,
              'Stop the other server, or choose another port with --port.',
            )
          : err,
      ),
    );
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      listeningPort = port;
      options.log(
        `Serving the strategy at http://localhost:${port}/ — edit any file in content/, data/ or templates/ and the page reloads. Press Ctrl+C to stop.`,
      );
      options.onReady?.(port);
      resolve();
    });
  });
  await new Promise<void>((resolve) => {
    const stop = () => {
      generation++;
      for (const w of watchers) w.close();
      for (const c of clients) c.end();
      server.close(async () => {
        await indexing;
        removeWork();
        process.off('exit', removeWork);
        resolve();
      });
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
