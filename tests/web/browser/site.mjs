// Shared by the browser tests: a folder with the built package, served by the native
// `edgeflow serve`, and Debian's Chromium driven by playwright-core.
// Env: EDGEFLOW_WEB_DIR (the built package), EDGEFLOW_CLI (the native `edgeflow`), CHROMIUM;
// EDGEFLOW_EXPECT_THREADS=1 (ctest, when scripts/test.sh built the threads variant) makes a package
// without the threaded module an error instead of a SIMD-only run.
import assert from 'node:assert/strict';
import {execFileSync, spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {chromium} from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.join(here, '../../..');
export const webDir = process.env.EDGEFLOW_WEB_DIR ?? path.join(root, 'build-wasm/web');
// Read when used: run_browser.mjs sets EDGEFLOW_CLI after its imports ran.
const cliPath = () => process.env.EDGEFLOW_CLI ?? path.join(root, 'build/tools/edgeflow');
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Whether the package has the threaded module (build-wasm-threads copies it in).
export function packageHasThreads() {
  const has = fs.existsSync(path.join(webDir, 'edgeflow_wasm_threads.wasm'));
  if (process.env.EDGEFLOW_EXPECT_THREADS === '1')
    assert.ok(has, `no threaded module in ${webDir}: build build-wasm-threads (scripts/test.sh wasm does)`);
  return has;
}

// A temporary copy of the package (serve refuses symlinks that leave its folder): its files at
// the top (index.mjs, edgeflow.js, ...) and the examples; `extra` adds {name: sourcePath}.
export function makeSite(extra = {}) {
  assert.ok(fs.existsSync(path.join(webDir, 'index.mjs')), `no built package in ${webDir}`);
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'edgeflow-browser-'));
  fs.cpSync(webDir, site, {recursive: true, filter: (src) => !/CMakeFiles|\.cmake$|\.png$/.test(src)});
  for (const [name, src] of Object.entries(extra)) fs.copyFileSync(src, path.join(site, name));
  return site;
}

// Runs the native CLI (e.g. `mnist-sprite` to make a page's data).
export function runCli(args) {
  const cli = cliPath();
  assert.ok(fs.existsSync(cli), `no edgeflow CLI at ${cli} (build it natively first)`);
  return execFileSync(cli, args, {encoding: 'utf8'});
}

// Starts `edgeflow serve SITE --port 0`; resolves with {url, stop}.
export function serve(site) {
  const cli = cliPath();
  assert.ok(fs.existsSync(cli), `no edgeflow CLI at ${cli} (build it natively first)`);
  return new Promise((resolve, reject) => {
    const child = spawn(cli, ['serve', site, '--port', '0'], {stdio: ['ignore', 'pipe', 'pipe']});
    let out = '';
    const timer = setTimeout(() => reject(new Error(`edgeflow serve printed no URL: ${out}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/[0-9.]+:\d+\//);
      if (m) {
        clearTimeout(timer);
        resolve({url: m[0], stop: () => child.kill('SIGTERM')});
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`edgeflow serve exited (${code}): ${out}`)));
  });
}

// Chromium with a generated video as its webcam (getUserMedia needs no prompt).
export async function launch() {
  assert.ok(fs.existsSync(browserPath), `no Chromium at ${browserPath} (scripts/setup.sh installs it)`);
  return chromium.launch({executablePath: browserPath, args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream']});
}

// A page that records page errors and console errors in `errors` (except the browser's own
// request for a /favicon.ico, which the course pages don't have).
export async function watchedPage(browser) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url?.endsWith('/favicon.ico')) errors.push(`${m.text()} (${m.location().url})`);
  });
  return {page, errors};
}
