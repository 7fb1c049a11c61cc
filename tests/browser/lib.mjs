// lib.mjs: what every browser test file shares: Debian's chromium with a fresh profile, TAP steps numbered on from DONDOC_TAP_FROM, CSP errors collected, login.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';

export const base = process.env.DONDOC_URL.replace(/\/$/, '');
export const shots = process.env.DONDOC_ARTIFACTS;
let n = Number(process.env.DONDOC_TAP_FROM || 0), failed = 0;

// One TAP line per step; a failure prints its stack as diagnostics and the run goes on.
export async function step(name, fn) {
  n++;
  try {
    await fn();
    console.log(`ok ${n} - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok ${n} - ${name}`);
    for (const line of String(e.stack || e).split('\n')) console.log(`# ${line}`);
  }
}

export function expect(cond, what) {
  if (!cond) throw new Error(what);
}

export const context = await chromium.launchPersistentContext(
  mkdtempSync(join(process.env.DONDOC_PROFILE || '/tmp', 'p-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1200, height: 900 },
  });
export const page = context.pages()[0] || await context.newPage();
// Messages the page's Content-Security-Policy refused: a step expects none.
export const cspErrors = [];
page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) cspErrors.push(m.text()); });

export async function login(user, password) {
  await page.goto(`${base}/login`);
  await page.fill('input[name=login]', user);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

// Closes the browser, prints this file's part of the plan and exits with its verdict.
export async function finish() {
  await context.close();
  console.log(`1..${n}`);
  process.exit(failed ? 1 : 0);
}
