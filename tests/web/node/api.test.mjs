// The package's surface: what index.mjs exports is declared in index.d.ts, carries TF.js's
// names, and Tensor has TF.js's chained methods.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {closeTo, ef, tfjs} from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dtsText = fs.readFileSync(path.join(here, '../../../web/js/index.d.ts'), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(here, '../../../web/package.json'), 'utf8'));

function declaredNames() {
  const names = new Set();
  let dts = dtsText;
  while (/\{[^{}]*\}/.test(dts)) dts = dts.replace(/\{[^{}]*\}/g, '');  // bodies and object types
  for (const m of dts.matchAll(/export declare (?:function|class) (\w+)/g)) names.add(m[1]);
  for (const m of dts.matchAll(/export declare const ([^;]+);/g)) {
    for (const part of m[1].split(',')) names.add(part.split(':')[0].trim());
  }
  return names;
}

test('every export is declared in index.d.ts and every declaration exported', () => {
  const declared = declaredNames();
  const exported = Object.keys(ef);
  assert.ok(exported.length > 150, `only ${exported.length} exports`);
  assert.deepEqual(exported.filter((n) => !declared.has(n)), [], 'exported but not declared');
  assert.deepEqual([...declared].filter((n) => !(n in ef)), [], 'declared but not exported');
});

test('exports carry TF.js names', () => {
  const ours = new Set(['backendKernelsName']);  // edgeflow's own
  const missing = Object.keys(ef).filter((n) => !ours.has(n) && !(n in tfjs) && n !== 'Variable');
  assert.deepEqual(missing, []);
  assert.equal(typeof ef.train.sgd, 'function');
  assert.deepEqual({...ef.Reduction}, {NONE: tfjs.Reduction.NONE, MEAN: tfjs.Reduction.MEAN,
                                        SUM: tfjs.Reduction.SUM, SUM_BY_NONZERO_WEIGHTS: tfjs.Reduction.SUM_BY_NONZERO_WEIGHTS});
});

test('Tensor has the chained methods TF.js has for each op', () => {
  const x = ef.tensor1d([1, 2]);
  const t = tfjs.tensor1d([1, 2]);
  const missing = [];
  for (const name of Object.keys(ef)) {
    if (typeof ef[name] !== 'function' || typeof t[name] !== 'function') continue;
    if (typeof x[name] !== 'function') missing.push(name);
  }
  assert.deepEqual(missing, []);
  for (const name of ['add', 'matMul', 'sum', 'reshape', 'concat', 'asType', 'flatten', 'as2D', 'dataSync', 'print']) {
    assert.equal(typeof x[name], 'function', name);
  }
  x.dispose();
  t.dispose();
});

test('package.json: ES module, exports, Node >= 20', () => {
  assert.equal(pkg.name, 'edgeflow');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.exports['.'].import, './index.mjs');
  assert.equal(pkg.exports['.'].types, './index.d.ts');
  assert.equal(pkg.engines.node, '>=20');
  assert.ok(pkg.files.includes('*.wasm'));
});

test('tf.print, tensor6d, disposeVariables, version, enableProdMode', () => {
  const lines = [];
  const log = console.log;
  console.log = (...args) => lines.push(args.join(' '));
  try {
    for (const tf of [ef, tfjs]) {
      const x = tf.tensor6d([1, 2, 3, 4], [1, 1, 1, 2, 2, 1]);
      tf.print(x, true);
      x.dispose();
    }
  } finally {
    console.log = log;
  }
  assert.equal(lines.length, 2);
  assert.equal(lines[0], lines[1]);

  const before = ef.memory().numTensors;
  const init = ef.ones([2]);
  const v = ef.variable(init);
  init.dispose();
  assert.equal(ef.memory().numTensors, before + 1);
  ef.disposeVariables();
  assert.equal(v.isDisposed, true);
  assert.equal(ef.memory().numTensors, before);
  assert.equal(typeof ef.version.edgeflow, 'string');
  ef.enableProdMode();
  assert.equal(ef.env().getBool('PROD'), true);
  assert.equal(typeof ef.backendKernelsName(), 'string');
});

test('browser.fromPixels takes {data, width, height} in Node, with TF.js\'s checks', () => {
  const pixels = {data: new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 1, 2, 3, 4, 9, 8, 7, 6]), width: 2, height: 2};
  const ours = ef.browser.fromPixels(pixels);
  const theirs = tfjs.browser.fromPixels(pixels);
  assert.deepEqual(ours.shape, theirs.shape);
  assert.equal(ours.dtype, theirs.dtype);
  assert.deepEqual(Array.from(ours.dataSync()), Array.from(theirs.dataSync()));
  assert.deepEqual(Array.from(ef.browser.fromPixels(pixels, 4).dataSync()), Array.from(pixels.data));
  ours.dispose();
  theirs.dispose();
  assert.throws(() => ef.browser.fromPixels(null), {message: 'pixels passed to tf.browser.fromPixels() can not be null'});
  assert.throws(() => ef.browser.fromPixels(pixels, 5), {message: 'Cannot construct Tensor with more than 4 channels from pixels.'});
  assert.throws(() => ef.browser.fromPixels([1, 2]), /must be either an HTMLVideoElement.*but was Array/);
});

test('browser.toPixels checks rank, depth and range as TF.js', async () => {
  await assert.rejects(ef.browser.toPixels(ef.zeros([2])), {message: 'toPixels only supports rank 2 or 3 tensors, got rank 1.'});
  await assert.rejects(ef.browser.toPixels(ef.zeros([1, 1, 2])), {message: 'toPixels only supports depth of size 1, 3 or 4 but got 2'});
  await assert.rejects(ef.browser.toPixels(ef.tensor2d([[0, 1.5]])),
                       {message: 'Tensor values for a float32 Tensor must be in the range [0 - 1] but encountered 1.5.'});
  const bytes = await ef.browser.toPixels(ef.tensor2d([[0, 255]], undefined, 'int32'));
  assert.deepEqual(Array.from(bytes), [0, 0, 0, 255, 255, 255, 255, 255]);
  await ef.nextFrame();  // resolves outside a browser too
});

test('image.nonMaxSuppression*Async resolve to what TF.js\'s give', async () => {
  const boxes = [[0, 0, 1, 1], [0, 0.1, 1, 1.1], [0, 10, 1, 11], [0, 10.1, 1, 11.1]];
  const scores = [0.9, 0.75, 0.95, 0.5];
  const results = new Map();
  for (const lib of [ef, tfjs]) {
    const b = lib.tensor2d(boxes), s = lib.tensor1d(scores);
    const plain = await lib.image.nonMaxSuppressionAsync(b, s, 3, 0.5);
    const withScore = await lib.image.nonMaxSuppressionWithScoreAsync(b, s, 3, 0.5, 0, 0.5);
    const padded = await lib.image.nonMaxSuppressionPaddedAsync(b, s, 4, 0.5, 0, true);
    results.set(lib, [plain.arraySync(), withScore.selectedIndices.arraySync(), withScore.selectedScores.arraySync(),
                   padded.selectedIndices.arraySync(), padded.validOutputs.arraySync()]);
    lib.dispose([b, s, plain, withScore.selectedIndices, withScore.selectedScores, padded.selectedIndices,
                 padded.validOutputs]);
  }
  const [ours, theirs] = [results.get(ef), results.get(tfjs)];
  assert.deepEqual(ours.slice(0, 2), theirs.slice(0, 2));
  ours[2].forEach((v, i) => assert.ok(closeTo(v, theirs[2][i]), `selectedScores[${i}]`));
  assert.deepEqual(ours.slice(3), theirs.slice(3));
});
