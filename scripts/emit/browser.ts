/**
 * Finding a Chrome or Chromium for the PDF: an environment variable first (CHROME_PATH, then
 * PUPPETEER_EXECUTABLE_PATH), then the usual install paths. With none, an EnvironmentError (exit 2)
 * says how to install one.
 */
import fs from 'node:fs';
import { EnvironmentError } from '../diagnostics/diagnostic.js';

const CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
    '/usr/lib/chromium/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

const isExecutable = (p: string): boolean => {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string {
  for (const name of ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH']) {
    const value = env[name];
    if (value) {
      if (isExecutable(value)) return value;
      throw new EnvironmentError(
        `${name} is set to "${value}", but there is no browser there.`,
        `Correct ${name}, or unset it to let the tool look in the usual places.`,
      );
    }
  }
  for (const candidate of CANDIDATES[platform] ?? []) if (isExecutable(candidate)) return candidate;
  throw new EnvironmentError(
    'No Chrome or Chromium browser was found, so the PDF cannot be made.',
    'Install one (on Debian or Ubuntu: `sudo apt-get install -y chromium`; on a Mac: install Google Chrome), or set CHROME_PATH to the browser’s path. To build the website without the PDF, add --no-pdf.',
  );
}

/** Flags for a headless browser that must not touch the network or the user's profile. */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
];
