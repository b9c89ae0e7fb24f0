// Shared by the web package's Node tests: the built edgeflow package (EDGEFLOW_WEB_DIR, default
// build-web/web) and TF.js 4.22 on its cpu backend, the oracle.
import assert from 'node:assert/strict';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

import {compareWithTfjs, tensorMismatch} from '../cases/compare.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = process.env.EDGEFLOW_WEB_DIR ?? path.join(here, '../../../build-web/web');
export const ef = await import(pathToFileURL(path.join(webDir, 'index.mjs')).href);

// TF.js greets Node users on load; keep the test output clean.
const log = console.log;
console.log = () => {};
export const tfjs = await import('@tensorflow/tfjs');
console.log = log;
await tfjs.setBackend('cpu');

export {closeTo, tensorsOf} from '../cases/compare.mjs';

// Same shape, dtype and values (to tol) as the TF.js tensor.
export function assertTensorMatches(actual, expected, label, tol = 1e-5) {
  assert.equal(tensorMismatch(actual, expected, label, tol), null);
}

// Runs f with each library and compares every tensor of the results.
export function assertSameAsTfjs(label, f, tol = 1e-5) {
  assert.deepEqual(compareWithTfjs(label, f, ef, tfjs, tol), []);
}
