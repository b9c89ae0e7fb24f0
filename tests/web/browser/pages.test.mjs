// The course pages (web/examples) in headless Chromium, served by `edgeflow serve`, each loading the
// classic-script build (edgeflow.js, global tf) exactly as the course loads TF.js's bundle. Each
// page's results are its alerts; no page error may occur; a screenshot of each is kept beside the
// package (EDGEFLOW_WEB_DIR/page-NAME.png) as a test artifact.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';

import {launch, makeSite, root, runCli, serve, watchedPage, webDir} from './site.mjs';

let site;
let server;
let browser;
before(async () => {
  assert.ok(fs.existsSync(path.join(webDir, 'edgeflow.js')), `no classic-script build in ${webDir}`);
  site = makeSite();
  // The MNIST page's sprite and labels, from the 10 000 MNIST test digits, as docs/web.md says.
  const mnist = path.join(root, 'tests/data/mnist');
  runCli(['mnist-sprite', '--images', path.join(mnist, 't10k-images-idx3-ubyte.gz'),
          '--labels', path.join(mnist, 't10k-labels-idx1-ubyte.gz'),
          '--out-images', path.join(site, 'examples/mnist/mnist_images.png'),
          '--out-labels', path.join(site, 'examples/mnist/mnist_labels_uint8')]);
  server = await serve(site);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
  if (site) fs.rmSync(site, {recursive: true, force: true});
});

// Opens examples/NAME/, answers its alerts, resolves with the first `count` alert texts. With
// `seed`, the page's entropy source (crypto.getRandomValues, where the wasm engine draws the seeds
// of its initializers) is a fixed sequence, so the page trains from the same weights every run.
async function alertsOf(name, count, timeout, seed) {
  const {page, errors} = await watchedPage(browser);
  if (seed != null) {
    await page.addInitScript((s) => {
      crypto.getRandomValues = (array) => {
        const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
        for (let i = 0; i < bytes.length; ++i) bytes[i] = (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24;
        return array;
      };
    }, seed);
  }
  const alerts = [];
  let done;
  const finished = new Promise((resolve) => { done = resolve; });
  page.on('dialog', async (d) => {
    alerts.push(d.message());
    await d.accept();
    if (alerts.length === count) done();
  });
  await page.goto(`${server.url}examples/${name}/`);
  await Promise.race([finished, new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`${name}: ${alerts.length} of ${count} alerts after ${timeout} ms; errors: ${errors}`)), timeout))]);
  await page.screenshot({path: path.join(webDir, `page-${name}.png`), fullPage: true});
  assert.deepEqual(errors, [], `${name}: page errors`);
  await page.close();
  return alerts;
}

test('linear page: predict(10) after 500 epochs is 19 +- 0.5', {timeout: 120000}, async () => {
  const [text] = await alertsOf('linear', 1, 90000);
  const value = Number(text.match(/-?\d+\.\d+/)?.[0]);
  assert.ok(Math.abs(value - 19) < 0.5, `the page alerted ${JSON.stringify(text)}`);
});

// The course's iris model names all three flowers right from most initial weights, not all: in
// Node, 7 of 12 random starts for TF.js 4.22 and 9 of 12 for edgeflow (the third flower is the
// borderline one). So the weights are seeded: entropy seeds 1 and 2 end with 'Versicolor' for it,
// 3 and 4 name all three; the test uses 3.
test('iris page: tf.data.csv over HTTP, fitDataset, and the three test flowers', {timeout: 180000}, async () => {
  const alerts = await alertsOf('iris', 3, 150000, 3);
  assert.deepEqual(alerts, ['Setosa', 'Versicolor', 'Virginica']);
});

test('mobilenet page: loads the TF.js layers model over HTTP; the parrot photo is a macaw', {timeout: 120000}, async () => {
  const {page, errors} = await watchedPage(browser);
  await page.goto(`${server.url}examples/mobilenet/`);
  await page.waitForFunction(() => document.querySelectorAll('#predictions li').length === 3 ||
                                   document.getElementById('status').textContent.startsWith('Error'), null, {timeout: 90000});
  const items = await page.$$eval('#predictions li', (lis) => lis.map((li) => li.textContent));
  await page.screenshot({path: path.join(webDir, 'page-mobilenet.png'), fullPage: true});
  assert.deepEqual(errors, []);
  assert.equal(items.length, 3, await page.textContent('#status'));
  assert.match(items[0], /^macaw \((9\d|100)\.\d %\)$/, `top-1: ${items[0]}`);
  await page.close();
});

// Digits drawn as a person would, in canvas pixels (280 x 280): strokes of points.
const drawnDigits = {
  0: [Array.from({length: 25}, (_, i) => [140 + 55 * Math.sin(i * Math.PI / 12), 140 - 85 * Math.cos(i * Math.PI / 12)])],
  1: [[[150, 45], [135, 235]]],
  2: [[[90, 95], [110, 58], [150, 45], [185, 65], [190, 100], [170, 140], [95, 230], [200, 230]]],
  4: [[[160, 45], [85, 170], [210, 170]], [[168, 95], [168, 240]]],
  7: [[[85, 55], [195, 55], [125, 235]]],
};

test('mnist page: trains to >= 90 % validation accuracy, then reads digits drawn with the mouse', {timeout: 300000}, async () => {
  const {page, errors} = await watchedPage(browser);
  await page.goto(`${server.url}examples/mnist/`);
  await page.waitForFunction(() => ['ready', 'error'].includes(window.mnistPage?.state), null, {timeout: 240000});
  const state = await page.evaluate(() => window.mnistPage);
  assert.equal(state.state, 'ready', await page.textContent('#progress'));
  const valAcc = state.epochs.at(-1).val_acc;
  assert.ok(valAcc >= 0.9, `validation accuracy ${valAcc}`);
  const box = await page.locator('#sketchpad').boundingBox();
  const answers = {};
  for (const [digit, strokes] of Object.entries(drawnDigits)) {
    await page.click('#clear');
    for (const [[x0, y0], ...rest] of strokes) {
      await page.mouse.move(box.x + x0, box.y + y0);
      await page.mouse.down();
      for (const [x, y] of rest) await page.mouse.move(box.x + x, box.y + y, {steps: 6});
      await page.mouse.up();
    }
    await page.click('#classify');
    answers[digit] = await page.textContent('#answer');
    await page.screenshot({path: path.join(webDir, `page-mnist-${digit}.png`), fullPage: true});
  }
  const right = Object.entries(answers).filter(([digit, answer]) => answer === `That is a ${digit}.`).length;
  assert.ok(right >= 4, `${right} of 5 drawn digits read right: ${JSON.stringify(answers)}`);
  assert.deepEqual(errors, []);
  await page.close();
});
