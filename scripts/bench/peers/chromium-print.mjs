// Peer for the full build: Chromium's own launch and one print of the build's print HTML, nothing else.
// Same browser, flags and print options as the build's PDF stage. Usage: node chromium-print.mjs <html> <pdf>
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [html, pdf] = process.argv.slice(2);
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--font-render-hinting=none',
  ],
});
try {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.goto(pathToFileURL(path.resolve(html)).href, { waitUntil: 'load', timeout: 600_000 });
  await page.pdf({
    path: pdf,
    format: 'A4',
    printBackground: true,
    tagged: true,
    outline: true,
    preferCSSPageSize: true,
    timeout: 600_000,
  });
} finally {
  await browser.close();
}
