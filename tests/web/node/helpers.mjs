// Shared by the web package's Node tests: the built edgeflow package (EDGEFLOW_WEB_DIR, default
// build-web/web) and TF.js 4.22 on its cpu backend, the oracle.
import assert from 'node:assert/strict';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = process.env.EDGEFLOW_WEB_DIR ?? path.join(here, '../../../build-web/web');
export const ef = await import(pathToFileURL(path.join(webDir, 'index.mjs')).href);

// TF.js greets Node users on load; keep the test output clean.
const log = console.log;
console.log = () => {};
export const tfjs = await import('@tensorflow/tfjs');
console.log = log;
await tfjs.setBackend('cpu');

// Tensors inside a result (Tensor, array or object of them), in order.
export function tensorsOf(result) {
  if (result == null || typeof result !== 'object') return [];
  if (typeof result.dataSync === 'function') return [result];
  const values = Array.isArray(result) ? result : Object.keys(result).sort().map((k) => result[k]);
  return values.flatMap(tensorsOf);
}

export function closeTo(actual, expected, tol = 1e-5) {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
}

// Same shape, dtype and values (to tol) as the TF.js tensor.
export function assertTensorMatches(actual, expected, label, tol = 1e-5) {
  assert.deepEqual(actual.shape, expected.shape, `${label}: shape`);
  assert.equal(actual.dtype, expected.dtype, `${label}: dtype`);
  const a = actual.dataSync();
  const e = expected.dataSync();
  assert.equal(a.length, e.length, `${label}: size`);
  for (let i = 0; i < e.length; ++i) {
    assert.ok(closeTo(a[i], e[i], tol), `${label}: element ${i} is ${a[i]}, TF.js has ${e[i]}`);
  }
}

// Runs f with each library and compares every tensor of the results.
export function assertSameAsTfjs(label, f, tol = 1e-5) {
  const expected = f(tfjs);
  const actual = f(ef);
  const e = tensorsOf(expected);
  const a = tensorsOf(actual);
  assert.equal(a.length, e.length, `${label}: number of result tensors`);
  assert.ok(e.length > 0, `${label}: TF.js returned no tensor`);
  e.forEach((t, i) => assertTensorMatches(a[i], t, `${label}[${i}]`, tol));
  tfjs.dispose(e);
  ef.dispose(a);
}
