#!/usr/bin/env node
// The `strategy` command. It runs the compiled JavaScript in lib/ (made by `npm run compile`, which
// npm runs on install from git and before packing), so no TypeScript loader starts with it.
// In a checkout of the tool's own sources, where lib/ is missing or older than scripts/, it runs the
// TypeScript sources through tsx (a development dependency) instead, so a developer never runs stale code.
import fs from 'node:fs';

const lib = new URL('../lib/cli/main.js', import.meta.url);
const sources = new URL('../scripts/', import.meta.url);

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    // The bench is not compiled into lib/ (tsconfig.build.json leaves it out), so its edits do not make lib/ stale.
    if (entry.isDirectory() && dir.href === sources.href && entry.name === 'bench') continue;
    const url = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(url));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(url).mtimeMs);
  }
  return newest;
}

function compiledIsCurrent() {
  if (!fs.existsSync(lib)) return false;
  // A published package ships no TypeScript sources: lib/ is all there is.
  if (!fs.existsSync(new URL('cli/main.ts', sources))) return true;
  const built = fs.statSync(new URL('../lib/.tsbuildinfo', import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return built >= newestSource(sources);
}

let main;
if (compiledIsCurrent()) {
  ({ main } = await import(lib.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(new URL('cli/main.ts', sources).href));
}
process.exitCode = await main(process.argv.slice(2));
