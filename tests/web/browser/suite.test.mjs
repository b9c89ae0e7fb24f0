// The JS package's op suite (tests/web/cases/ops_cases.mjs: every op case and gradient case of the
// Node tests) in headless Chromium, in both variants of the package: a cross-origin isolated page
// loads the SIMD + threads module, the same page without COOP/COEP (the test strips serve's
// headers) the SIMD one. Each case runs on edgeflow and on TF.js (cpu) in the page.
// Env: as site.mjs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath} from 'node:url';

import {gradCases, opCases} from '../cases/ops_cases.mjs';
import {launch, makeSite, packageHasThreads, root, serve, watchedPage, webDir} from './site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const haveThreads = packageHasThreads();

const site = makeSite({'tf.min.js': path.join(root, 'node_modules/@tensorflow/tfjs/dist/tf.min.js'),
                       'suite.html': path.join(here, 'suite.html'),
                       'ops_cases.mjs': path.join(here, '../cases/ops_cases.mjs'),
                       'compare.mjs': path.join(here, '../cases/compare.mjs')});

async function runSuite(isolated) {
  const server = await serve(site);
  const browser = await launch();
  try {
    const {page, errors} = await watchedPage(browser);
    if (!isolated) {  // the same answers without COOP/COEP: the page is not cross-origin isolated
      await page.route('**/*', async (route) => {
        const response = await route.fetch();
        const headers = {...response.headers()};
        delete headers['cross-origin-opener-policy'];
        delete headers['cross-origin-embedder-policy'];
        await route.fulfill({response, headers});
      });
    }
    await page.goto(server.url + 'suite.html');
    await page.waitForFunction(() => window.results !== undefined, null, {timeout: 120000});
    const r = await page.evaluate(() => window.results);
    await page.screenshot({path: path.join(webDir, `browser-suite-${isolated ? 'threads' : 'simd'}.png`)});
    return {r, errors};
  } finally {
    await browser.close();
    server.stop();
  }
}

for (const isolated of [true, false]) {
  const variant = isolated && haveThreads ? 'SIMD + threads' : 'SIMD';
  test(`${opCases.length + gradCases.length} op and gradient cases equal TF.js's in Chromium, ${variant} variant`,
       {timeout: 180000}, async () => {
    const {r, errors} = await runSuite(isolated);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(errors, []);
    assert.equal(r.crossOriginIsolated, isolated);
    assert.equal(r.threads, isolated && haveThreads, 'the variant the loader picked');
    assert.ok(r.threads ? r.numThreads > 1 : r.numThreads === 1, `${r.numThreads} threads`);
    assert.deepEqual(r.labels, [...opCases, ...gradCases].map(([label]) => label));
    assert.deepEqual(r.problems, []);
    assert.equal(r.leaked, 0, 'tensors left after the suite');
  });
}

after(() => fs.rmSync(site, {recursive: true, force: true}));
