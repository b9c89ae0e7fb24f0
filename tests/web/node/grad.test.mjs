// Gradients of JS functions (recorded by the C++ tape while the JS runs), variables, and a model
// learnt by gradient descent.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {assertSameAsTfjs, ef, tfjs} from './helpers.mjs';

import {gradCases} from '../cases/ops_cases.mjs';

test('grad / grads / valueAndGrad / valueAndGrads equal TF.js', () => {
  for (const [label, f] of gradCases) assertSameAsTfjs(label, f);
});

test('gradients leave no tensors behind', () => {
  const x = ef.tensor1d([1, 2, 3]);
  const baseline = ef.memory().numTensors;
  const g = ef.grad((v) => v.mul(v).mul(v).sum())(x);
  assert.deepEqual(g.arraySync(), [3, 12, 27]);
  assert.equal(ef.memory().numTensors, baseline + 1);
  g.dispose();
  const {value, grad} = ef.valueAndGrad((v) => v.square().sum())(x);
  assert.equal(value.arraySync(), 14);
  assert.equal(ef.memory().numTensors, baseline + 2);
  ef.dispose([value, grad, x]);
});

test('an error thrown by f reaches the caller unchanged, and memory is released', () => {
  const x = ef.tensor1d([1, 2]);
  const baseline = ef.memory().numTensors;
  const boom = new Error('boom inside f');
  assert.throws(() => ef.grad((v) => {
    v.square();
    throw boom;
  })(x), (e) => e === boom);
  assert.throws(() => ef.grad((v) => v.add(ef.ones([3])))(x), /could not be broadcast/);
  assert.throws(() => ef.grad(() => 5)(x), {message: 'The result y returned by f() must be a tensor.'});
  assert.throws(() => ef.grad((v) => ef.ones([1]).sum())(x), /Cannot compute gradient of y=f\(x\) with respect to x/);
  assert.throws(() => ef.grad(3), {message: 'The f passed in grad(f) must be a function'});
  assert.equal(ef.memory().numTensors, baseline);
  x.dispose();
});

test('variables: assign, variableGrads by name', () => {
  const expected = (() => {
    const w = tfjs.variable(tfjs.tensor1d([1, 2]), true, 'w_tfjs');
    const r = tfjs.variableGrads(() => w.square().sum().mul(tfjs.scalar(0.5)), [w]);
    const out = r.grads.w_tfjs.arraySync();
    tfjs.dispose([r.value, r.grads.w_tfjs, w]);
    return out;
  })();
  const w = ef.variable(ef.tensor1d([1, 2]), true, 'w');
  assert.equal(w.name, 'w');
  const r = ef.variableGrads(() => w.square().sum().mul(ef.scalar(0.5)), [w]);
  assert.deepEqual(Object.keys(r.grads), ['w']);
  assert.deepEqual(r.grads.w.arraySync(), expected);
  w.assign(ef.tensor1d([5, 6]));
  assert.deepEqual(w.arraySync(), [5, 6]);
  assert.throws(() => w.assign(ef.tensor1d([1, 2, 3])), /shape/);
  assert.throws(() => ef.variable(ef.scalar(1), true, 'w'), /already registered/);
  assert.throws(() => ef.variableGrads(() => w.square()), /must be a scalar/);
  const tv = tfjs.variable(tfjs.ones([2]));
  assert.throws(() => tfjs.variableGrads(() => tv.square()), /must return a scalar/);
  tv.dispose();
  ef.dispose([r.value, r.grads.w, w]);
});

test('y = 2x - 1 is learnt by gradient descent (grad + manual SGD, and train.sgd)', () => {
  const xs = ef.tensor1d([-1, 0, 1, 2, 3, 4]);
  const ys = ef.tensor1d([-3, -1, 1, 3, 5, 7]);
  const baseline = ef.memory().numTensors;

  // Manual SGD with grads.
  let w = ef.scalar(0);
  let b = ef.scalar(0);
  const loss = (w_, b_) => xs.mul(w_).add(b_).sub(ys).square().mean();
  const lossGrads = ef.grads(loss);
  for (let step = 0; step < 300; ++step) {
    const [dw, db] = lossGrads([w, b]);
    const nw = ef.tidy(() => w.sub(dw.mul(0.05)));
    const nb = ef.tidy(() => b.sub(db.mul(0.05)));
    ef.dispose([w, b, dw, db]);
    w = nw;
    b = nb;
  }
  assert.ok(Math.abs(w.dataSync()[0] - 2) < 1e-2, `w = ${w.dataSync()[0]}`);
  assert.ok(Math.abs(b.dataSync()[0] + 1) < 1e-2, `b = ${b.dataSync()[0]}`);
  assert.equal(ef.memory().numTensors, baseline + 2);
  ef.dispose([w, b]);

  // train.sgd over variables.
  const vw = ef.variable(ef.scalar(0), true, 'lin_w');
  const vb = ef.variable(ef.scalar(0), true, 'lin_b');
  const optimizer = ef.train.sgd(0.05);
  let last;
  for (let step = 0; step < 300; ++step) {
    const cost = optimizer.minimize(() => loss(vw, vb), true, [vw, vb]);
    last = cost.dataSync()[0];
    cost.dispose();
  }
  assert.ok(last < 1e-4, `final loss ${last}`);
  assert.ok(Math.abs(vw.dataSync()[0] - 2) < 1e-2);
  assert.ok(Math.abs(vb.dataSync()[0] + 1) < 1e-2);
  ef.dispose([vw, vb, xs, ys]);
});

// The same fit with each library's optimizer: the variables follow TF.js's step by step.
function fitWith(tf, makeOptimizer, steps) {
  const xs = tf.tensor1d([-1, 0, 1, 2, 3, 4]);
  const ys = tf.tensor1d([-3, -1, 1, 3, 5, 7]);
  const init = [tf.scalar(0.3), tf.scalar(-0.2)];
  const w = tf.variable(init[0], true, `w_${makeOptimizer.name}`);
  const b = tf.variable(init[1], true, `b_${makeOptimizer.name}`);
  tf.dispose(init);
  const optimizer = makeOptimizer(tf);
  const losses = [];
  for (let i = 0; i < steps; ++i) {
    const cost = optimizer.minimize(() => xs.mul(w).add(b).sub(ys).square().mean(), true, [w, b]);
    losses.push(cost.dataSync()[0]);
    cost.dispose();
  }
  const result = {w: w.dataSync()[0], b: b.dataSync()[0], losses};
  optimizer.dispose();
  tf.dispose([xs, ys, w, b]);
  return result;
}

for (const [label, make] of [['sgd', (tf) => tf.train.sgd(0.05)], ['momentum', (tf) => tf.train.momentum(0.02, 0.9)],
                             ['nesterov', (tf) => tf.train.momentum(0.02, 0.9, true)], ['adam', (tf) => tf.train.adam(0.1)],
                             ['rmsprop', (tf) => tf.train.rmsprop(0.02, 0.9, 0.5)],
                             ['rmsprop centered', (tf) => tf.train.rmsprop(0.02, 0.9, 0.3, 1e-6, true)],
                             ['adagrad', (tf) => tf.train.adagrad(0.5)], ['adadelta', (tf) => tf.train.adadelta(0.05, 0.9)],
                             ['adamax', (tf) => tf.train.adamax(0.1, 0.9, 0.99, null, 0.01)]]) {
  test(`train.${label} follows TF.js`, () => {
    Object.defineProperty(make, 'name', {value: label});
    const baseline = ef.memory().numTensors;
    const expected = fitWith(tfjs, make, 40);
    const actual = fitWith(ef, make, 40);
    assert.ok(Math.abs(actual.w - expected.w) <= 1e-4 * Math.max(1, Math.abs(expected.w)), `w ${actual.w} vs ${expected.w}`);
    assert.ok(Math.abs(actual.b - expected.b) <= 1e-4 * Math.max(1, Math.abs(expected.b)), `b ${actual.b} vs ${expected.b}`);
    actual.losses.forEach((l, i) => assert.ok(Math.abs(l - expected.losses[i]) <= 1e-4 * Math.max(1, expected.losses[i]),
                                              `loss ${i}: ${l} vs ${expected.losses[i]}`));
    assert.ok(actual.losses.at(-1) < actual.losses[0] / 10, 'the loss fell');
    assert.equal(ef.memory().numTensors, baseline, 'no tensor left behind');
  });
}

test('customGrad: value and custom gradient as TF.js', () => {
  const make = (tf) => tf.customGrad((x, save) => {
    save([x]);
    return {value: x.square(), gradFunc: (dy, [saved]) => [dy.mul(saved.abs())]};
  });
  assertSameAsTfjs('customGrad value', (tf) => make(tf)(tf.tensor1d([-3, 2])));
  assertSameAsTfjs('customGrad grad', (tf) => tf.grad((x) => make(tf)(x))(tf.tensor1d([-3, 2, 0.5])));
  assertSameAsTfjs('customGrad two inputs', (tf) => tf.grads(tf.customGrad((a, b) => ({
    value: a.mul(b), gradFunc: (dy) => [dy.mul(2), dy.mul(3)]})))([tf.tensor1d([1, 2]), tf.tensor1d([3, 4])]));

  const x = ef.tensor1d([1, 2]);
  const baseline = ef.memory().numTensors;
  const boom = new Error('boom in gradFunc');
  const bad = ef.customGrad((v) => ({value: v.square(), gradFunc: () => { throw boom; }}));
  assert.throws(() => ef.grad((v) => bad(v))(x), (e) => e === boom);
  const wrongCount = ef.customGrad((v) => ({value: v.square(), gradFunc: (dy) => [dy, dy]}));
  assert.throws(() => ef.grad((v) => wrongCount(v))(x), /same number of tensors as inputs/);
  assert.throws(() => ef.customGrad((v) => ({value: 3, gradFunc: () => []}))(x), /`obj.value` is a tensor/);
  assert.equal(ef.memory().numTensors, baseline);
  x.dispose();
});
