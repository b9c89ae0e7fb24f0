// The JS package in headless Chromium (Debian's, driven by playwright-core): page.html is served
// with the built package and TF.js's bundle by `edgeflow serve`, runs the same calls on both and
// leaves window.results. Checks: the package loads over HTTP (module + .wasm), the page is
// cross-origin isolated (serve's COOP/COEP), values equal TF.js's (ops, fromPixels, toPixels), tidy
// leaks nothing, errors are JS Errors with edgeflow's message, nextFrame resolves, no page errors. A screenshot is kept beside the package.
// Env: EDGEFLOW_WEB_DIR (the built package), EDGEFLOW_CLI (the native `edgeflow`), CHROMIUM.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {chromium} from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '../../..');
const webDir = process.env.EDGEFLOW_WEB_DIR ?? path.join(root, 'build-wasm/web');
const cli = process.env.EDGEFLOW_CLI ?? path.join(root, 'build/tools/edgeflow');
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

// A folder to serve: the package's files, TF.js's bundle and the page (serve refuses symlinks
// that leave its folder, so these are copies).
function makeSite() {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'edgeflow-browser-'));
  fs.mkdirSync(path.join(site, 'edgeflow'));
  for (const f of fs.readdirSync(webDir))
    if (/\.(mjs|wasm|json)$/.test(f)) fs.copyFileSync(path.join(webDir, f), path.join(site, 'edgeflow', f));
  fs.copyFileSync(path.join(root, 'node_modules/@tensorflow/tfjs/dist/tf.min.js'), path.join(site, 'tf.min.js'));
  fs.copyFileSync(path.join(here, 'page.html'), path.join(site, 'index.html'));
  return site;
}

// Starts `edgeflow serve SITE --port 0`; resolves with {url, stop}.
function serve(site) {
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

test('the package runs in Chromium and agrees with TF.js', {timeout: 120000}, async () => {
  assert.ok(fs.existsSync(path.join(webDir, 'index.mjs')), `no built package in ${webDir}`);
  assert.ok(fs.existsSync(cli), `no edgeflow CLI at ${cli} (build it natively first)`);
  assert.ok(fs.existsSync(browserPath), `no Chromium at ${browserPath} (scripts/setup.sh installs it)`);
  const site = makeSite();
  const server = await serve(site);
  const browser = await chromium.launch({executablePath: browserPath, args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']});
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
    await page.goto(server.url + 'index.html');
    await page.waitForFunction(() => window.results !== undefined, null, {timeout: 60000});
    const r = await page.evaluate(() => window.results);
    await page.screenshot({path: path.join(webDir, 'browser-ops.png')});
    assert.deepEqual(r.errors, []);
    assert.deepEqual(pageErrors, []);
    assert.equal(r.backend, 'wasm');
    assert.equal(r.crossOriginIsolated, true, 'COOP/COEP from edgeflow serve make the page cross-origin isolated');
    assert.equal(r.simd, true);
    assert.equal(r.cases.length, 15);
    for (const c of r.cases) {
      assert.deepEqual(c.shape, c.tfShape, `${c.name}: shape`);
      assert.equal(c.dtype, c.tfDtype, `${c.name}: dtype`);
      assert.equal(c.values.length, c.tfValues.length, `${c.name}: size`);
      c.values.forEach((v, i) => assert.ok(Math.abs(v - c.tfValues[i]) <= 1e-5 * Math.max(1, Math.abs(c.tfValues[i])),
                                           `${c.name}[${i}]: ${v}, TF.js ${c.tfValues[i]}`));
      assert.equal(c.leaked, 0, `${c.name}: tensors left after tidy and dispose`);
    }
    assert.deepEqual(r.toPixels.ours, r.toPixels.theirs, 'toPixels bytes equal TF.js\'s');
    assert.deepEqual(r.toPixels.canvas, r.toPixels.ours.slice(0, 16), 'toPixels drew the canvas');
    assert.ok(r.nextFrameMs >= 0 && r.nextFrameMs < 5000, `nextFrame resolved (${r.nextFrameMs} ms)`);
    assert.equal(r.linear.epochs, 500);
    assert.ok(Math.abs(r.linear.prediction - 19) < 0.5, `linear model: predict(10) = ${r.linear.prediction}`);
    assert.ok(r.linear.ticks > 0, `a 10 ms timer ran ${r.linear.ticks} times during ${r.linear.fitMs} ms of fit()`);
    assert.deepEqual(r.badShapeError,
                     {isError: true, message: 'add: operands could not be broadcast together with shapes [2,3] and [4]'});
  } finally {
    await browser.close();
    server.stop();
    fs.rmSync(site, {recursive: true, force: true});
  }
});
