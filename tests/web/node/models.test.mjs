// tf.sequential / tf.model, compile, fit, evaluate, predict and model files, against TF.js on the
// same initial weights and data (shuffle off, so both see the same batches).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {closeTo, ef, tfjs} from './helpers.mjs';

const iris = {
  // 30 rows of iris.csv (10 per species), one-hot labels.
  x: [[5.1, 3.5, 1.4, 0.2], [4.9, 3, 1.4, 0.2], [4.7, 3.2, 1.3, 0.2], [4.6, 3.1, 1.5, 0.2], [5, 3.6, 1.4, 0.2],
      [5.4, 3.9, 1.7, 0.4], [4.6, 3.4, 1.4, 0.3], [5, 3.4, 1.5, 0.2], [4.4, 2.9, 1.4, 0.2], [4.9, 3.1, 1.5, 0.1],
      [7, 3.2, 4.7, 1.4], [6.4, 3.2, 4.5, 1.5], [6.9, 3.1, 4.9, 1.5], [5.5, 2.3, 4, 1.3], [6.5, 2.8, 4.6, 1.5],
      [5.7, 2.8, 4.5, 1.3], [6.3, 3.3, 4.7, 1.6], [4.9, 2.4, 3.3, 1], [6.6, 2.9, 4.6, 1.3], [5.2, 2.7, 3.9, 1.4],
      [6.3, 3.3, 6, 2.5], [5.8, 2.7, 5.1, 1.9], [7.1, 3, 5.9, 2.1], [6.3, 2.9, 5.6, 1.8], [6.5, 3, 5.8, 2.2],
      [7.6, 3, 6.6, 2.1], [4.9, 2.5, 4.5, 1.7], [7.3, 2.9, 6.3, 1.8], [6.7, 2.5, 5.8, 1.8], [7.2, 3.6, 6.1, 2.5]],
  y: Array.from({length: 30}, (_, i) => [0, 1, 2].map((c) => (Math.floor(i / 10) === c ? 1 : 0))),
};

// Runs build(lib) -> model in both libraries with TF.js's initial weights copied into edgeflow.
function twin(build) {
  const theirs = build(tfjs);
  const ours = build(ef);
  ours.setWeights(theirs.getWeights().map((w) => ef.tensor(w.dataSync(), w.shape, w.dtype)));
  return {theirs, ours};
}

function assertLogsMatch(actual, expected, tol, label) {
  assert.deepEqual(Object.keys(actual.history).sort(), Object.keys(expected.history).sort(), `${label}: log keys`);
  for (const [key, values] of Object.entries(expected.history)) {
    assert.equal(actual.history[key].length, values.length, `${label}: ${key} epochs`);
    values.forEach((v, i) => assert.ok(closeTo(actual.history[key][i], v, tol),
                                        `${label}: ${key} at epoch ${i} is ${actual.history[key][i]}, TF.js has ${v}`));
  }
}

test('linear y = 2x - 1: sgd fit logs and predict(10) match TF.js', async () => {
  const build = (tf) => {
    const m = tf.sequential();
    m.add(tf.layers.dense({units: 1, inputShape: [1]}));
    m.compile({optimizer: 'sgd', loss: 'meanSquaredError'});
    return m;
  };
  const {theirs, ours} = twin(build);
  const data = (tf) => [tf.tensor2d([-1, 0, 1, 2, 3, 4], [6, 1]), tf.tensor2d([-3, -1, 1, 3, 5, 7], [6, 1])];
  const [tx, ty] = data(tfjs);
  const [ox, oy] = data(ef);
  const baseline = ef.memory().numTensors;
  const expected = await theirs.fit(tx, ty, {epochs: 250, shuffle: false});
  const actual = await ours.fit(ox, oy, {epochs: 250, shuffle: false});
  assert.equal(ef.memory().numTensors, baseline, 'fit leaves memory() at its baseline');
  assertLogsMatch(actual, expected, 1e-4, 'linear');
  const p = ours.predict(ef.tensor2d([10], [1, 1]));
  const e = theirs.predict(tfjs.tensor2d([10], [1, 1]));
  assert.ok(closeTo(p.dataSync()[0], e.dataSync()[0], 1e-4));
  assert.ok(Math.abs(p.dataSync()[0] - 19) < 0.5, `predict(10) = ${p.dataSync()[0]}`);
});

test('iris network: adam(0.06), categoricalCrossentropy + accuracy, validationSplit logs match TF.js', async () => {
  const build = (tf) => {
    const m = tf.sequential({layers: [
      tf.layers.dense({units: 5, activation: 'sigmoid', inputShape: [4]}),
      tf.layers.dense({units: 3, activation: 'softmax'}),
    ]});
    m.compile({optimizer: tf.train.adam(0.06), loss: 'categoricalCrossentropy', metrics: ['accuracy']});
    return m;
  };
  const {theirs, ours} = twin(build);
  const args = {epochs: 12, batchSize: 8, shuffle: false, validationSplit: 0.2};
  const expected = await theirs.fit(tfjs.tensor2d(iris.x), tfjs.tensor2d(iris.y), args);
  const actual = await ours.fit(ef.tensor2d(iris.x), ef.tensor2d(iris.y), args);
  assertLogsMatch(actual, expected, 1e-4, 'iris');
  assert.deepEqual(actual.epoch, expected.epoch);
  const ev = ours.evaluate(ef.tensor2d(iris.x), ef.tensor2d(iris.y), {batchSize: 7});
  const et = theirs.evaluate(tfjs.tensor2d(iris.x), tfjs.tensor2d(iris.y), {batchSize: 7});
  assert.equal(ev.length, 2);
  ev.forEach((t, i) => assert.ok(closeTo(t.dataSync()[0], et[i].dataSync()[0], 1e-4), `evaluate[${i}]`));
});

test('functional model with two inputs, concatenate and a shared layer predicts like TF.js', () => {
  const build = (tf) => {
    const a = tf.input({shape: [3], name: 'a'});
    const b = tf.input({shape: [3], name: 'b'});
    const shared = tf.layers.dense({units: 4, activation: 'relu'});
    const merged = tf.layers.concatenate().apply([shared.apply(a), shared.apply(b)]);
    const out = tf.layers.dense({units: 2, activation: 'softmax'}).apply(merged);
    return tf.model({inputs: [a, b], outputs: out});
  };
  const {theirs, ours} = twin(build);
  assert.equal(ours.layers.length, theirs.layers.length);
  assert.deepEqual(ours.inputs.map((s) => s.shape), [[null, 3], [null, 3]]);
  assert.deepEqual(ours.outputs[0].shape, [null, 2]);
  const xa = [[1, 2, 3], [-1, 0.5, 2]];
  const xb = [[0, -2, 1], [3, 1, -1]];
  const p = ours.predict([ef.tensor2d(xa), ef.tensor2d(xb)]);
  const e = theirs.predict([tfjs.tensor2d(xa), tfjs.tensor2d(xb)]);
  Array.from(e.dataSync()).forEach((v, i) => assert.ok(closeTo(p.dataSync()[i], v, 1e-5)));
  // Eager apply on tensors, and getLayer returns the same object.
  const dense = ours.getLayer(null, 2);
  assert.equal(ours.getLayer(dense.name), dense);
  assert.deepEqual(dense.apply(ef.ones([5, 3])).shape, [5, 4]);
  assert.equal(ours.countParams(), theirs.countParams());
});

test('models saved by edgeflow load in TF.js and the other way round, with the same predictions', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ef-models-'));
  const build = (tf) => tf.sequential({layers: [
    tf.layers.dense({units: 6, activation: 'tanh', inputShape: [4]}),
    tf.layers.dropout({rate: 0.3}),
    tf.layers.dense({units: 3, activation: 'softmax'}),
  ]});
  const {theirs, ours} = twin(build);
  const x = iris.x.slice(0, 5);
  const expected = Array.from(theirs.predict(tfjs.tensor2d(x)).dataSync());

  // edgeflow -> file:// -> TF.js (through its own fromMemory loader).
  await ours.save(`file://${dir}/ours`);
  const modelJSON = JSON.parse(fs.readFileSync(path.join(dir, 'ours/model.json'), 'utf8'));
  const bin = fs.readFileSync(path.join(dir, 'ours', modelJSON.weightsManifest[0].paths[0]));
  const inTfjs = await tfjs.loadLayersModel(tfjs.io.fromMemory({
    modelTopology: modelJSON.modelTopology, weightSpecs: modelJSON.weightsManifest[0].weights,
    weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength)}));
  Array.from(inTfjs.predict(tfjs.tensor2d(x)).dataSync()).forEach((v, i) => assert.ok(closeTo(v, expected[i], 1e-5)));

  // TF.js -> withSaveHandler artifacts -> edgeflow's fromMemory, and TF.js's own file layout.
  let artifacts;
  await theirs.save(tfjs.io.withSaveHandler(async (a) => { artifacts = a; return {modelArtifactsInfo: {}}; }));
  const loaded = await ef.loadLayersModel(ef.io.fromMemory(artifacts));
  Array.from(loaded.predict(ef.tensor2d(x)).dataSync()).forEach((v, i) => assert.ok(closeTo(v, expected[i], 1e-5)));
  fs.mkdirSync(path.join(dir, 'theirs'));
  fs.writeFileSync(path.join(dir, 'theirs/weights.bin'), new Uint8Array(artifacts.weightData));
  fs.writeFileSync(path.join(dir, 'theirs/model.json'), JSON.stringify({
    modelTopology: artifacts.modelTopology, format: artifacts.format, generatedBy: artifacts.generatedBy,
    weightsManifest: [{paths: ['weights.bin'], weights: artifacts.weightSpecs}]}));
  const fromDir = await ef.loadLayersModel(`file://${dir}/theirs`);
  Array.from(fromDir.predict(ef.tensor2d(x)).dataSync()).forEach((v, i) => assert.ok(closeTo(v, expected[i], 1e-5)));
  assert.equal(fromDir.layers[1].getClassName(), 'Dropout');
  fs.rmSync(dir, {recursive: true});
});

test('training resumes after save with includeOptimizer, like an uninterrupted run', async () => {
  const build = () => {
    const m = ef.sequential({layers: [ef.layers.dense({units: 3, activation: 'softmax', inputShape: [4]})]});
    m.compile({optimizer: ef.train.adam(0.05), loss: 'categoricalCrossentropy'});
    return m;
  };
  const a = build();
  const b = build();
  b.setWeights(a.getWeights());
  const x = ef.tensor2d(iris.x);
  const y = ef.tensor2d(iris.y);
  await a.fit(x, y, {epochs: 6, shuffle: false, batchSize: 10});
  await b.fit(x, y, {epochs: 3, shuffle: false, batchSize: 10});
  let saved;
  await b.save(ef.io.withSaveHandler(async (artifacts) => { saved = artifacts; return {}; }), {includeOptimizer: true});
  assert.equal(saved.trainingConfig.optimizer_config.class_name, 'Adam');
  assert.ok(saved.weightSpecs.some((s) => s.group === 'optimizer'), 'optimizer weights saved');
  const c = await ef.loadLayersModel(ef.io.fromMemory(saved));
  const h = await c.fit(x, y, {epochs: 3, shuffle: false, batchSize: 10});
  const ha = a.evaluate(x, y).dataSync()[0];
  const hc = c.evaluate(x, y).dataSync()[0];
  assert.ok(closeTo(hc, ha, 1e-5), `resumed loss ${hc}, uninterrupted ${ha}`);
  assert.equal(h.history.loss.length, 3);
});

test('callbacks: async on* functions are awaited in order, earlyStopping stops, stopTraining works', async () => {
  const m = ef.sequential({layers: [ef.layers.dense({units: 1, inputShape: [1]})]});
  m.compile({optimizer: ef.train.sgd(0), loss: 'meanSquaredError'});  // lr 0: the loss never improves
  const x = ef.tensor2d([[1], [2], [3], [4]]);
  const y = ef.tensor2d([[2], [4], [6], [8]]);
  const events = [];
  const h = await m.fit(x, y, {epochs: 20, batchSize: 2, callbacks: [
    ef.callbacks.earlyStopping({monitor: 'loss', patience: 2, minDelta: 1e-3}),
    {onEpochBegin: async (e) => { await new Promise((r) => setTimeout(r, 1)); events.push(`begin${e}`); },
     onBatchEnd: (b, logs) => events.push(`batch${b}:${logs.size}`), onEpochEnd: (e) => events.push(`end${e}`)},
  ]});
  assert.equal(h.epoch.length, 3, 'patience 2: stops after the third epoch without improvement');
  assert.deepEqual(events.slice(0, 4), ['begin0', 'batch0:2', 'batch1:2', 'end0']);
  const h2 = await m.fit(x, y, {epochs: 10, callbacks: {onEpochEnd: () => { m.stopTraining = true; }}});
  assert.equal(h2.epoch.length, 1);
});

test('fit and predict loops leave memory() at its baseline', async () => {
  const m = ef.sequential({layers: [ef.layers.dense({units: 4, activation: 'relu', inputShape: [4]}),
                                    ef.layers.dense({units: 3, activation: 'softmax'})]});
  m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy']});
  const x = ef.tensor2d(iris.x);
  const y = ef.tensor2d(iris.y);
  await m.fit(x, y, {epochs: 1});  // the optimizer makes its slots once
  const before = ef.memory();
  await m.fit(x, y, {epochs: 3, validationSplit: 0.3});
  for (let i = 0; i < 20; ++i) ef.tidy(() => { m.predict(x); });
  const after = ef.memory();
  assert.equal(after.numTensors, before.numTensors);
  assert.equal(after.numBytes, before.numBytes);
});

test('errors name the layer, the shapes and the valid names', async () => {
  const m = ef.sequential({layers: [ef.layers.dense({units: 2, inputShape: [3], name: 'first'})]});
  assert.throws(() => m.predict(ef.ones([2, 4])), /first.*3.*4|expected.*3.*4/s);
  assert.throws(() => m.compile({optimizer: 'sgd', loss: 'meanSquirredError'}), /meanSquirredError[\s\S]*meanSquaredError/);
  assert.throws(() => m.compile({optimizer: 'adamm', loss: 'meanSquaredError'}), /adamm/);
  await assert.rejects(m.fit(ef.ones([2, 3]), ef.ones([2, 2])), /compile/);
  assert.throws(() => ef.layers.dense({units: 2, activation: 'relux'}), /relux/);
  await assert.rejects(ef.loadLayersModel('file:///nonexistent/dir'), /nonexistent\/dir\/model\.json/);
  assert.throws(() => ef.model({inputs: [], outputs: [1]}), /SymbolicTensor/);
});

test('compile with each tf.train optimizer object trains like TF.js', async () => {
  const makers = {rmsprop: (tf) => tf.train.rmsprop(0.01, 0.9, 0.2, null, true), adagrad: (tf) => tf.train.adagrad(0.1),
                  adadelta: (tf) => tf.train.adadelta(0.5, 0.9), adamax: (tf) => tf.train.adamax(0.05),
                  momentum: (tf) => tf.train.momentum(0.05, 0.9, true)};
  for (const [name, make] of Object.entries(makers)) {
    const {theirs, ours} = twin((tf) => {
      const m = tf.sequential({layers: [tf.layers.dense({units: 3, activation: 'softmax', inputShape: [4]})]});
      m.compile({optimizer: make(tf), loss: 'categoricalCrossentropy'});
      return m;
    });
    const args = {epochs: 4, batchSize: 10, shuffle: false};
    const expected = await theirs.fit(tfjs.tensor2d(iris.x), tfjs.tensor2d(iris.y), args);
    const actual = await ours.fit(ef.tensor2d(iris.x), ef.tensor2d(iris.y), args);
    assertLogsMatch(actual, expected, 1e-4, name);
  }
});

test('a failed model fetch names the URL and the HTTP status', async () => {
  const http = await import('node:http');
  const server = http.createServer((req, res) => { res.statusCode = 404; res.end('no'); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/models/missing/model.json`;
  await assert.rejects(ef.loadLayersModel(url), (e) => e instanceof Error && e.message.includes(url) && /404/.test(e.message));
  server.close();
});

test('compile takes loss and metric functions (yTrue, yPred) => Tensor, trained like TF.js', async () => {
  const build = (tf) => {
    const m = tf.sequential({layers: [tf.layers.dense({units: 2, activation: 'tanh', inputShape: [4]})]});
    const huberish = (yTrue, yPred) => tf.mean(tf.log(tf.cosh(tf.sub(yPred, yTrue))));
    const maxError = (yTrue, yPred) => tf.max(tf.abs(tf.sub(yPred, yTrue)), -1);
    m.compile({optimizer: tf.train.sgd(0.1), loss: huberish, metrics: [maxError, 'mse']});
    return m;
  };
  const {theirs, ours} = twin(build);
  const y = iris.y.map((r) => [r[0] - r[1], r[2] * 0.5]);
  const args = {epochs: 5, batchSize: 8, shuffle: false, validationSplit: 0.2};
  const expected = await theirs.fit(tfjs.tensor2d(iris.x), tfjs.tensor2d(y), args);
  const baseline = ef.memory().numTensors;
  const actual = await ours.fit(ef.tensor2d(iris.x), ef.tensor2d(y), args);
  assert.equal(ef.memory().numTensors, baseline + 2, 'only x and y are new');
  assertLogsMatch(actual, expected, 1e-4, 'custom loss');
  // An error in the user's function reaches the caller unchanged.
  const m = ef.sequential({layers: [ef.layers.dense({units: 1, inputShape: [1]})]});
  m.compile({optimizer: 'sgd', loss: () => { throw new RangeError('my loss is broken'); }});
  await assert.rejects(m.fit(ef.ones([2, 1]), ef.ones([2, 1])), (e) => e instanceof RangeError && e.message === 'my loss is broken');
});
