// Issue 6's browser benchmark: serves bench.html with the built package, TF.js's bundle and its wasm
// backend (edgeflow serve: cross-origin isolated, so TF.js may use its threaded SIMD binary), runs it
// in headless Chromium and prints the figures and the ratios to the targets.
// usage: node bench/browser/run_browser.mjs [--web build-wasm/web] [--cli build/tools/edgeflow]
//                                           [--runs 20] [--backends wasm,webgl] [--json FILE]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import {chromium} from 'playwright-core';
import {serve} from '../../tests/web/browser/site.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const web = path.resolve(arg('web', path.join(root, 'build-wasm/web')));
process.env.EDGEFLOW_CLI = path.resolve(arg('cli', path.join(root, 'build/tools/edgeflow')));

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'edgeflow-bench-'));
for (const f of fs.readdirSync(web)) if (/\.(mjs|wasm|json)$|\.worker\.js$/.test(f)) fs.copyFileSync(path.join(web, f), path.join(site, f));
const tfjsDist = path.join(root, 'node_modules/@tensorflow/tfjs/dist/tf.min.js');
const wasmDist = path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
fs.copyFileSync(tfjsDist, path.join(site, 'tf.min.js'));
for (const f of fs.readdirSync(wasmDist)) {
  if (f === 'tf-backend-wasm.min.js' || f.endsWith('.wasm')) fs.copyFileSync(path.join(wasmDist, f), path.join(site, f));
}
fs.copyFileSync(path.join(here, 'bench.html'), path.join(site, 'index.html'));

const server = await serve(site);
const browser = await chromium.launch({executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync']});
let results;
try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.error('page:', m.text()); });
  const query = `?runs=${arg('runs', '20')}&backends=${arg('backends', 'wasm,webgl')}`;
  await page.goto(server.url + 'index.html' + query);
  await page.waitForFunction(() => window.results !== undefined, null, {timeout: 30 * 60 * 1000});
  results = await page.evaluate(() => window.results);
} finally {
  await browser.close();
  server.stop();
  fs.rmSync(site, {recursive: true, force: true});
}

console.log(JSON.stringify(results.env));
const ms = (name) => results[name]?.ms_median;
for (const [name, r] of Object.entries(results)) {
  if (name !== 'env') console.log(`${name.padEnd(28)} ${r.failed ? 'failed: ' + r.failed : r.ms_median.toFixed(1) + ' ms'}`);
}
const ratio = (a, b) => (ms(a) && ms(b) ? (ms(a) / ms(b)).toFixed(2) : 'n/a');
console.log(`MobileNet b1: edgeflow / TF.js-wasm = ${ratio('mobilenet edgeflow', 'mobilenet tfjs-wasm')} (target <= 1.5)`);
console.log(`MobileNet b1: edgeflow / TF.js-webgl = ${ratio('mobilenet edgeflow', 'mobilenet tfjs-webgl')}`);
console.log(`MNIST epoch: edgeflow ${ms('mnist epoch edgeflow') ? 'trains' : 'FAILED'}; TF.js-wasm ` +
            `${results['mnist epoch tfjs-wasm']?.failed ? 'cannot (' + results['mnist epoch tfjs-wasm'].failed + ')' : 'trains'}; ` +
            `edgeflow / TF.js-webgl = ${ratio('mnist epoch edgeflow', 'mnist epoch tfjs-webgl')}`);
const json = arg('json');
if (json) fs.writeFileSync(json, JSON.stringify(results, null, 2));
