// The JS package in headless Chromium (Debian's, driven by playwright-core): page.html is served
// with the built package and TF.js's bundle by `edgeflow serve`, runs the same calls on both and
// leaves window.results. Checks: the package loads over HTTP (module + .wasm), the page is
// cross-origin isolated (serve's COOP/COEP), values equal TF.js's (ops, fromPixels, toPixels), tidy
// leaks nothing, errors are JS Errors with edgeflow's message, nextFrame resolves, no page errors;
// a model trains while the page stays responsive and moves through localStorage, IndexedDB (both
// ways with TF.js), downloads and browserFiles; tf.data.webcam reads the fake camera. A screenshot
// is kept beside the package.
// Env: EDGEFLOW_WEB_DIR (the built package), EDGEFLOW_CLI (the native `edgeflow`), CHROMIUM.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {launch, makeSite, packageHasThreads, root, serve, watchedPage, webDir} from './site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

test('the package runs in Chromium and agrees with TF.js', {timeout: 120000}, async () => {
  const site = makeSite({'tf.min.js': path.join(root, 'node_modules/@tensorflow/tfjs/dist/tf.min.js'),
                         'ops.html': path.join(here, 'page.html')});
  const server = await serve(site);
  const browser = await launch();
  try {
    const {page, errors: pageErrors} = await watchedPage(browser);
    const downloads = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.goto(server.url + 'ops.html');
    await page.waitForFunction(() => window.results !== undefined, null, {timeout: 60000});
    const r = await page.evaluate(() => window.results);
    await page.screenshot({path: path.join(webDir, 'browser-ops.png')});
    assert.deepEqual(r.errors, []);
    assert.deepEqual(pageErrors, []);
    assert.equal(r.backend, 'wasm');
    assert.equal(r.crossOriginIsolated, true, 'COOP/COEP from edgeflow serve make the page cross-origin isolated');
    assert.equal(r.simd, true);
    // The package loads its threaded module when it has one (build-wasm-threads copies it in).
    const threads = packageHasThreads();
    assert.equal(r.threads, threads);
    assert.ok(threads ? r.numThreads > 1 : r.numThreads === 1, `${r.numThreads} threads`);
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
    for (const [i, d] of r.draw.entries()) assert.deepEqual(d.ours, d.theirs, `browser.draw ${i}: canvas pixels equal TF.js's`);
    assert.ok(r.nextFrameMs >= 0 && r.nextFrameMs < 5000, `nextFrame resolved (${r.nextFrameMs} ms)`);
    for (const [url, p] of Object.entries(r.stores)) {
      assert.ok(Math.abs(p.ours - r.linear.prediction) < 1e-5, `${url}: edgeflow loads what it saved`);
      assert.ok(Math.abs(p.tfjs - r.linear.prediction) < 1e-5, `${url}: TF.js loads edgeflow's model`);
      assert.ok(Math.abs(p.fromTfjs - 15.25) < 1e-5, `${url}: edgeflow loads TF.js's model (${p.fromTfjs})`);
    }
    assert.equal(Object.keys(r.stores).length, 2);
    assert.deepEqual(downloads.sort(), ['linear-model.json', 'linear-model.weights.bin']);
    assert.ok(Math.abs(r.browserFiles - r.linear.prediction) < 1e-5, 'io.browserFiles loads the model');
    assert.deepEqual(r.webcam.shape, [120, 160, 3], 'a webcam frame is [height, width, 3]');
    assert.equal(r.webcam.dtype, 'int32');
    assert.ok(r.webcam.max > 0, 'the fake camera frame is not black');
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
