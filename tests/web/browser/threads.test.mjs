// The threaded module (build-wasm-threads, copied into the package) in headless Chromium: the
// page served by `edgeflow serve` is cross-origin isolated, so index.mjs loads it; its pool has
// one thread per core, a large matMul gives the same values on 1 and on all threads, and its work
// reaches the pool's Workers (the times are printed, not asserted: bench/browser measures speed).
// (ops.test.mjs checks the op results against TF.js with whichever module the package has.)
// Env: EDGEFLOW_WEB_DIR (the package, with edgeflow_wasm_threads.*), EDGEFLOW_CLI, CHROMIUM.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';

import {launch, makeSite, packageHasThreads, serve, watchedPage, webDir} from './site.mjs';

const page = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<script type="module">
const r = {errors: []};
try {
  const tf = await import('./index.mjs');
  const {wasm} = await import('./loader.mjs');
  r.threads = tf.env().flags.WASM_HAS_MULTITHREAD_SUPPORT;
  r.numThreads = wasm.numThreads();
  const n = Number(new URLSearchParams(location.search).get('n') ?? 512), data = new Float32Array(n * n).map((_, i) => Math.sin(i));
  const a = tf.tensor2d(data, [n, n]), b = tf.tensor2d(data.reverse(), [n, n]);
  const run = () => {  // best of 5 runs after one, the values and the chunks pool threads ran
    let best = Infinity;
    const chunks = wasm.chunksRunOnPoolThreads();
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now(), c = tf.matMul(a, b), v = c.dataSync();
      if (i > 0) best = Math.min(best, performance.now() - t0);
      c.dispose();
      if (i === 5) return {ms: best, v, poolChunks: wasm.chunksRunOnPoolThreads() - chunks};
    }
  };
  run();  // warm-up (memory growth, first use of the pool)
  wasm.setNumThreads(1);
  r.oneThread = wasm.numThreads();
  const one = run();
  wasm.setNumThreads(r.numThreads);
  r.restored = wasm.numThreads();
  const all = run();
  r.msAll = all.ms;
  r.msOne = one.ms;
  r.poolChunksOne = one.poolChunks;
  r.poolChunksAll = all.poolChunks;
  r.maxDiff = all.v.reduce((m, x, i) => Math.max(m, Math.abs(x - one.v[i])), 0);
} catch (e) {
  r.errors.push(String(e && e.stack || e));
}
window.results = r;
</script>`;

test('the threaded module runs on several threads in Chromium', {timeout: 120000}, async () => {
  assert.ok(packageHasThreads(), `no threaded module in ${webDir} (build build-wasm-threads)`);
  const html = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'edgeflow-threads-')), 'threads.html');
  fs.writeFileSync(html, page);
  const site = makeSite({'threads.html': html});
  const server = await serve(site);
  const browser = await launch();
  try {
    const {page: p, errors} = await watchedPage(browser);
    await p.goto(server.url + 'threads.html' + (process.env.N ? `?n=${process.env.N}` : ''));
    await p.waitForFunction(() => window.results !== undefined, null, {timeout: 90000});
    const r = await p.evaluate(() => window.results);
    console.log(`threads ${r.numThreads}: matMul 512 ${r.msAll?.toFixed(1)} ms, 1 thread ${r.msOne?.toFixed(1)} ms`);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(errors, []);
    assert.equal(r.threads, true, 'WASM_HAS_MULTITHREAD_SUPPORT');
    assert.ok(r.numThreads > 1, `${r.numThreads} threads`);
    assert.equal(r.oneThread, 1);
    assert.equal(r.restored, r.numThreads);
    assert.ok(r.maxDiff <= 1e-3, `1 vs ${r.numThreads} threads differ by ${r.maxDiff}`);
    // Work reached the pool's Workers (timings are printed; speed is the benchmark's business).
    assert.equal(r.poolChunksOne, 0, 'on 1 thread no chunk runs on a pool thread');
    assert.ok(r.poolChunksAll > 0, `chunks run on pool threads: ${r.poolChunksAll}`);
  } finally {
    await browser.close();
    server.stop();
    fs.rmSync(site, {recursive: true, force: true});
    fs.rmSync(path.dirname(html), {recursive: true, force: true});
  }
});
