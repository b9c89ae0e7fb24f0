// tidy / keep / dispose / memory(): the counts come from the C++ engine and must return to the
// baseline, and change as TF.js's do for the same code.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ef, tfjs} from './helpers.mjs';

// numTensors / numDataBuffers / numBytes change caused by f, for one library.
function delta(tf, f) {
  const before = tf.memory();
  const result = f(tf);
  const after = tf.memory();
  tf.dispose(result);
  return {numTensors: after.numTensors - before.numTensors, numDataBuffers: after.numDataBuffers - before.numDataBuffers,
          numBytes: after.numBytes - before.numBytes};
}

const scenarios = {
  'tidy keeps only the result': (tf) => tf.tidy(() => {
    const a = tf.tensor1d([1, 2, 3]);
    const b = tf.square(a);
    return tf.add(a, b);
  }),
  'nested tidy': (tf) => tf.tidy(() => {
    const inner = tf.tidy(() => tf.exp(tf.ones([2, 2])));
    tf.zeros([5]);
    return tf.mul(inner, inner);
  }),
  'tidy returning an object and an array': (tf) => tf.tidy(() => {
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    return {m: tf.mean(x), parts: [tf.max(x), tf.min(x)]};
  }),
  'keep inside tidy survives': (tf) => {
    let kept;
    tf.tidy(() => {
      kept = tf.keep(tf.ones([3]));
      tf.zeros([3]);
    });
    return kept;
  },
  'reshape shares the data buffer': (tf) => {
    const a = tf.tensor1d([1, 2, 3, 4]);
    return [a, tf.reshape(a, [2, 2])];
  },
  'dispose frees': (tf) => {
    const a = tf.ones([10]);
    const b = tf.neg(a);
    tf.dispose([a, b]);
    return null;
  },
};

for (const [name, f] of Object.entries(scenarios)) {
  test(`${name}: memory changes as TF.js's`, () => {
    const baseline = ef.memory();
    const expected = delta(tfjs, f);
    assert.deepEqual(delta(ef, f), expected);
    const after = ef.memory();
    assert.equal(after.numTensors, baseline.numTensors, 'numTensors back at baseline');
    assert.equal(after.numDataBuffers, baseline.numDataBuffers, 'numDataBuffers back at baseline');
    assert.equal(after.numBytes, baseline.numBytes, 'numBytes back at baseline');
  });
}

test('tensors made inside tidy are disposed, the result is not', () => {
  const baseline = ef.memory().numTensors;
  let inner;
  const result = ef.tidy('named', () => {
    inner = ef.tensor1d([1, 2]);
    return inner.add(ef.tensor1d([3, 4]));
  });
  assert.equal(inner.isDisposed, true);
  assert.equal(result.isDisposed, false);
  assert.deepEqual(result.arraySync(), [4, 6]);
  assert.equal(ef.memory().numTensors, baseline + 1);
  result.dispose();
  assert.equal(ef.memory().numTensors, baseline);
});

test('an exception inside tidy releases the scope and propagates', () => {
  const baseline = ef.memory().numTensors;
  const boom = new Error('boom');
  assert.throws(() => ef.tidy(() => {
    ef.ones([4]);
    throw boom;
  }), (e) => e === boom);
  assert.equal(ef.memory().numTensors, baseline);
  // A C++ error inside tidy too.
  assert.throws(() => ef.tidy(() => ef.add(ef.ones([2]), ef.ones([3]))), /could not be broadcast/);
  assert.equal(ef.memory().numTensors, baseline);
});

test('tidy argument errors and Promise results as TF.js', () => {
  assert.throws(() => ef.tidy(5), {message: 'Please provide a function to tidy()'});
  assert.throws(() => tfjs.tidy(5), {message: 'Please provide a function to tidy()'});
  // TF.js logs an error (console.error) and returns the Promise.
  for (const tf of [ef, tfjs]) {
    const errors = [];
    const error = console.error;
    console.error = (...args) => errors.push(args.join(' '));
    let result;
    try {
      result = tf.tidy(() => Promise.resolve(1));
    } finally {
      console.error = error;
    }
    assert.ok(result instanceof Promise);
    assert.deepEqual(errors, ['Cannot return a Promise inside of tidy.']);
  }
});

test('number arguments create no leaked tensors', () => {
  const x = ef.ones([3]);
  const baseline = ef.memory().numTensors;
  const y = x.add(2).mul(3).sub(1);
  assert.equal(ef.memory().numTensors, baseline + 3);
  ef.dispose([x, y]);
});

test('many tidy iterations keep memory flat', () => {
  const init = ef.zeros([4]);
  const w = ef.variable(init);
  init.dispose();
  const baseline = ef.memory();
  for (let i = 0; i < 200; ++i) {
    ef.tidy(() => {
      const next = w.add(ef.ones([4]).mul(0.5));
      w.assign(next);
    });
  }
  assert.deepEqual(w.arraySync(), [100, 100, 100, 100]);
  assert.equal(ef.memory().numTensors, baseline.numTensors);
  assert.equal(ef.memory().numBytes, baseline.numBytes);
  w.dispose();
});

test('a failing op disposes the tensors it made from JS values', () => {
  const a = ef.ones([2, 3]);
  const baseline = ef.memory().numTensors;
  assert.throws(() => ef.add(a, [1, 2, 3, 4]), /could not be broadcast/);
  assert.throws(() => ef.matMul([[1, 2]], [[1, 2]]), /matMul/);
  assert.equal(ef.memory().numTensors, baseline);
  a.dispose();
});

test('large tensors grow the wasm memory and read back', () => {
  const baseline = ef.memory();
  const n = 2048;
  const x = ef.ones([n, n]);  // 16 MiB, the initial wasm memory size
  const y = x.mul(0.5);
  assert.equal(ef.memory().numBytes - baseline.numBytes, 2 * n * n * 4);
  assert.equal(ef.tidy(() => y.sum()).dataSync()[0], n * n * 0.5);
  const data = y.dataSync();
  assert.equal(data.length, n * n);
  assert.equal(data[n * n - 1], 0.5);
  ef.dispose([x, y]);
  assert.equal(ef.memory().numTensors, baseline.numTensors + 1);  // the sum
});

test('ops on JS values: results survive, temporaries do not', () => {
  const baseline = ef.memory().numTensors;
  const results = [ef.reshape([1, 2, 3], [3]), ef.cast([1, 2], 'float32'), ef.squeeze([[1, 2]]), ef.clone([4]),
                   ef.expandDims([1], 0), ef.add([1], 0), ef.concat([[1, 2]]), ef.split([1, 2], 1)[0],
                   ef.einsum('i->i', [1, 2]), ef.fused.matMul({a: [[1]], b: [[2]]})];
  assert.equal(ef.memory().numTensors, baseline + results.length);
  assert.deepEqual(results.map((t) => t.isDisposed), results.map(() => false));
  assert.deepEqual(results[0].arraySync(), [1, 2, 3]);
  assert.throws(() => ef.add([1, 2], {}), /must be a Tensor or TensorLike/);  // 'a' was converted first
  assert.equal(ef.memory().numTensors, baseline + results.length);
  ef.dispose(results);
  assert.equal(ef.memory().numTensors, baseline);
});

// tf.profile's documented example, on both libraries: the counts and kernel records must agree.
test('profile records the same kernels, bytes and tensors as TF.js', async () => {
  const run = async (tf) => {
    const base = tf.memory().numBytes;
    const info = await tf.profile(() => {
      const x = tf.tensor1d([1, 2, 3]);
      let x2 = x.square();
      x2.dispose();
      x2 = x.square();
      x2.dispose();
      return x;
    });
    const kernels = info.kernels.map((k) => ({name: k.name, bytesAdded: k.bytesAdded, tensorsAdded: k.tensorsAdded,
      totalBytes: k.totalBytesSnapshot - base, inputShapes: k.inputShapes, outputShapes: k.outputShapes,
      timed: typeof k.kernelTimeMs === 'number' && k.kernelTimeMs >= 0}));
    const r = {newBytes: info.newBytes, newTensors: info.newTensors, peakBytes: info.peakBytes - base,
      kernelNames: info.kernelNames, kernels, result: Array.from(info.result.dataSync())};
    info.result.dispose();
    return r;
  };
  const mine = await run(ef), theirs = await run(tfjs);
  assert.deepEqual(mine, theirs);
  assert.equal(mine.kernels.length, 2);
  await assert.rejects(ef.profile(() => { throw new Error('inside'); }), /inside/);
  assert.equal((await ef.profile(() => 1)).kernels.length, 0);  // the failed profile was closed
});

test('time reports kernelMs and wallMs as TF.js does, and keeps what f made', async () => {
  const run = async (tf) => {
    const a = tf.ones([200, 200]);
    const before = tf.memory().numTensors;
    let made;
    const t = await tf.time(() => { made = tf.matMul(a, a); });
    const kept = tf.memory().numTensors - before;
    const sum = made.sum().dataSync()[0];
    tf.dispose([a, made]);
    return {keys: Object.keys(t).sort(), kept, sum, t};
  };
  const mine = await run(ef), theirs = await run(tfjs);
  assert.deepEqual({keys: mine.keys, kept: mine.kept, sum: mine.sum}, {keys: theirs.keys, kept: theirs.kept, sum: theirs.sum});
  assert.ok(mine.t.kernelMs > 0 && mine.t.kernelMs <= mine.t.wallMs, JSON.stringify(mine.t));
  await assert.rejects(ef.time(() => { throw new Error('inside'); }), /inside/);
});
