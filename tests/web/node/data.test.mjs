// tf.data against TF.js's tf.data: the same elements from array/generator/csv sources and the same
// batches; and the course's iris pipeline (csv -> map -> batch -> fitDataset) trains like TF.js.
import assert from 'node:assert/strict';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {closeTo, ef, tfjs} from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const irisURL = pathToFileURL(path.join(here, '../../data/iris.csv')).href;

// Elements as plain JSON (tensors by shape and values), to compare the two libraries.
async function plain(ds) {
  const out = [];
  await ds.forEachAsync((e) => out.push(JSON.parse(JSON.stringify(e, (k, v) =>
    (v != null && typeof v.dataSync === 'function' ? {shape: v.shape, values: Array.from(v.dataSync())} : v)))));
  return out;
}

test('array, map, filter, batch, take, skip, repeat, concatenate and zip give TF.js elements', async () => {
  for (const build of [
    (tf) => tf.data.array([1, 2, 3, 4, 5, 6, 7]).map((x) => x * 2).filter((x) => x !== 6).batch(3),
    (tf) => tf.data.array([{a: [1, 2], b: 3}, {a: [4, 5], b: 6}, {a: [7, 8], b: 9}]).batch(2, false),
    (tf) => tf.data.array([1, 2, 3]).skip(1).repeat(2).take(3).concatenate(tf.data.array([9])),
    (tf) => tf.data.zip({x: tf.data.array([1, 2, 3]), y: tf.data.array([[1, 0], [0, 1]])}).batch(2),
    (tf) => tf.data.generator(function* () { for (let i = 0; i < 4; ++i) yield tf.tensor1d([i, -i]); }).batch(3),
  ]) {
    const mine = build(ef);
    const theirs = build(tfjs);
    assert.deepEqual(await plain(mine), await plain(theirs), build.toString());
    assert.equal(mine.size, theirs.size, `size of ${build}`);
  }
});

test('shuffle keeps every element, reshuffles each pass, and a seed repeats the order', async () => {
  const ds = ef.data.array(Array.from({length: 50}, (_, i) => i)).shuffle(10, 'seed');
  const a = await ds.toArray();
  const b = await ds.toArray();
  assert.deepEqual([...a].sort((x, y) => x - y), Array.from({length: 50}, (_, i) => i));
  assert.notDeepEqual(a, Array.from({length: 50}, (_, i) => i));
  assert.notDeepEqual(a, b, 'reshuffleEachIteration');
  const fixed = ef.data.array(Array.from({length: 50}, (_, i) => i)).shuffle(10, 'seed', false);
  assert.deepEqual(await fixed.toArray(), await fixed.toArray());
});

test('csv: columnNames, label columns and rows as TF.js reads them', async () => {
  const config = {columnConfigs: {species: {isLabel: true}}};
  const mine = ef.data.csv(irisURL, config);
  const theirs = tfjs.data.csv(irisURL, config);
  assert.deepEqual(await mine.columnNames(), await theirs.columnNames());
  const a = await mine.take(20).toArray();
  const b = await theirs.take(20).toArray();
  assert.deepEqual(a, b);
  assert.equal((await mine.toArray()).length, 150);
  await assert.rejects(ef.data.csv('file:///nonexistent/iris.csv').columnNames(), /nonexistent\/iris\.csv/);
  await assert.rejects(ef.data.csv(irisURL, {columnConfigs: {petal: {isLabel: true}}}).columnNames(), /petal/);
});

test('the course iris pipeline: csv -> map -> batch(10) -> fitDataset logs match TF.js', async () => {
  const species = ['setosa', 'versicolor', 'virginica'];
  const pipeline = (tf) => tf.data.csv(irisURL, {columnConfigs: {species: {isLabel: true}}})
    .map(({xs, ys}) => ({xs: Object.values(xs), ys: species.map((s) => (ys.species === s ? 1 : 0))}))
    .batch(10);
  const build = (tf) => {
    const m = tf.sequential({layers: [tf.layers.dense({inputShape: [4], activation: 'sigmoid', units: 5}),
                                      tf.layers.dense({activation: 'softmax', units: 3})]});
    m.compile({loss: 'categoricalCrossentropy', optimizer: tf.train.adam(0.06)});
    return m;
  };
  const theirs = build(tfjs);
  const ours = build(ef);
  ours.setWeights(theirs.getWeights().map((w) => ef.tensor(w.dataSync(), w.shape)));
  const baseline = ef.memory().numTensors;
  const expected = await theirs.fitDataset(pipeline(tfjs), {epochs: 5});
  const actual = await ours.fitDataset(pipeline(ef), {epochs: 5});
  assert.equal(ef.memory().numTensors, baseline + 8, 'only the adam slots (m, v of each of the 4 weights) remain');
  await ours.fitDataset(pipeline(ef), {epochs: 2});
  assert.equal(ef.memory().numTensors, baseline + 8, 'a second fitDataset leaves nothing behind');
  expected.history.loss.forEach((v, i) => assert.ok(closeTo(actual.history.loss[i], v, 1e-4),
                                                      `epoch ${i}: ${actual.history.loss[i]} vs TF.js ${v}`));
});
