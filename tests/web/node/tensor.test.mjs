// Tensor creation from JS values, reading data back, printing, chained methods and errors,
// each compared with TF.js.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {assertSameAsTfjs, ef, tfjs} from './helpers.mjs';

test('creation from JS values infers shape and dtype as TF.js', () => {
  const inputs = [
    [() => [5]], [() => [[1, 2], [3, 4]]], [() => [true, false, true]], [() => new Int32Array([1, -2, 3])],
    [() => new Float32Array([0.5, 1.5])], [() => new Uint8Array([1, 255])], [() => [[[1], [2]], [[3], [4]]]],
    [() => [new Float32Array([1, 2]), new Float32Array([3, 4])]], [() => []],
    [() => [1.7, -2.7, 3.2], undefined, 'int32'], [() => [0, 2, 0.2], undefined, 'bool'],
    [() => [1, 2, 3, 4], [2, 2]], [() => [1, 2, 3, 4, 5, 6], [3, 1, 2]], [() => 7, [], 'int32'],
  ];
  for (const [values, shape, dtype] of inputs) {
    assertSameAsTfjs(`tensor(${JSON.stringify(values())}, ${shape}, ${dtype})`, (tf) => tf.tensor(values(), shape, dtype));
  }
  assertSameAsTfjs('scalar', (tf) => [tf.scalar(3.5), tf.scalar(true), tf.scalar(4, 'int32')]);
  assertSameAsTfjs('tensor1d..4d', (tf) => [tf.tensor1d([1, 2]), tf.tensor2d([1, 2, 3, 4], [2, 2]),
                                            tf.tensor3d([[[1, 2]]]), tf.tensor4d([1, 2, 3, 4], [1, 1, 2, 2], 'int32')]);
});

test('Tensor properties', () => {
  const x = ef.tensor3d([[[1, 2, 3]], [[4, 5, 6]]], null, 'int32');
  assert.deepEqual(x.shape, [2, 1, 3]);
  assert.equal(x.dtype, 'int32');
  assert.equal(x.size, 6);
  assert.equal(x.rank, 3);
  assert.deepEqual(x.strides, [3, 3]);
  assert.equal(typeof x.id, 'number');
  assert.equal(x.isDisposed, false);
  x.dispose();
  assert.equal(x.isDisposed, true);
  assert.throws(() => x.dataSync(), {message: /Tensor is disposed/});
});

test('dataSync / data / arraySync / array give TF.js types and values', async () => {
  for (const [values, dtype] of [[[[1.5, 2], [3, 4]], 'float32'], [[[1, 2], [3, 4]], 'int32'],
                                 [[true, false], 'bool'], [5, 'float32'], [[], 'float32']]) {
    const e = tfjs.tensor(values, undefined, dtype);
    const a = ef.tensor(values, undefined, dtype);
    assert.equal(a.dataSync().constructor, e.dataSync().constructor, `${dtype} typed array`);
    assert.deepEqual(a.dataSync(), e.dataSync());
    assert.deepEqual(await a.data(), await e.data());
    assert.deepEqual(a.arraySync(), e.arraySync());
    assert.deepEqual(await a.array(), await e.array());
    a.dispose();
    e.dispose();
  }
});

function captured(f) {
  const lines = [];
  const log = console.log;
  console.log = (...args) => lines.push(args.join(' '));
  try {
    f();
  } finally {
    console.log = log;
  }
  return lines.join('\n');
}

test('print() output equals TF.js', () => {
  const makers = [
    (tf) => tf.scalar(3.25), (tf) => tf.tensor1d([1, 2, 3]), (tf) => tf.tensor2d([[1.5, -2], [3, 40.125]]),
    (tf) => tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], null, 'int32'), (tf) => tf.tensor1d([true, false], 'bool'),
    (tf) => tf.range(0, 100), (tf) => tf.linspace(-1, 1, 7).reshape([7, 1]), (tf) => tf.zeros([2, 0]),
    (tf) => tf.tensor1d([NaN, Infinity, -Infinity, 1e-8, 123456789]),
  ];
  for (const make of makers) {
    for (const verbose of [false, true]) {
      const e = make(tfjs);
      const a = make(ef);
      const expected = captured(() => e.print(verbose));
      assert.equal(captured(() => a.print(verbose)), expected);
      assert.equal(a.toString(verbose), e.toString(verbose));
      e.dispose();
      a.dispose();
    }
  }
});

test('chained methods equal TF.js', () => {
  assertSameAsTfjs('chain 1', (tf) => tf.tensor2d([[1, 2], [3, 4]]).add(tf.scalar(1)).square().sum());
  assertSameAsTfjs('chain 2', (tf) => tf.tensor2d([[1, -2], [3, 4]]).matMul(tf.tensor2d([[0.5], [2]])).relu().mean(1));
  assertSameAsTfjs('chain 3', (tf) => tf.tensor1d([1, 2, 3, 4]).reshape([2, 2]).transpose().expandDims(0).squeeze());
  assertSameAsTfjs('chain 4', (tf) => tf.tensor1d([3, 1, 2]).concat(tf.tensor1d([5])).cast('int32').argMax());
  assertSameAsTfjs('chain 5', (tf) => tf.tensor2d([[1, 2], [3, 4]]).sub(2).abs().greater(tf.scalar(0.5)).logicalNot());
  assertSameAsTfjs('chain 6', (tf) => tf.tensor2d([[1, 2], [3, 4]]).softmax().log().neg().max(0, true));
  assertSameAsTfjs('chain 7', (tf) => tf.tensor1d([1, 2, 3, 4, 5, 6]).asType('int32').as2D(2, 3).flatten().split(3));
  assertSameAsTfjs('chain 8', (tf) => tf.tensor2d([[1, 2]]).stack(tf.tensor2d([[3, 4]])).tile([1, 2, 1]).pad([[0, 0], [1, 1], [0, 0]]));
});

test('bad input throws an Error with the message naming the shapes', () => {
  const a = ef.zeros([2, 3]);
  const b = ef.zeros([4]);
  assert.throws(() => ef.add(a, b), (e) => e instanceof Error &&
      e.message === 'add: operands could not be broadcast together with shapes [2,3] and [4]');
  assert.throws(() => a.add(b), Error);
  assert.throws(() => ef.matMul(a, a), (e) => e instanceof Error && /matMul/.test(e.message) && /\[2,3\]/.test(e.message));
  assert.throws(() => ef.reshape(a, [4, 2]), (e) => e instanceof Error && /reshape/.test(e.message));
  assert.throws(() => ef.sum(a, 'rows'), {message: "sum: argument 'axis' must be a number, got \"rows\""});
  assert.throws(() => ef.tensor([[1, 2], [3]]), {message: 'Element arr[1] should have 2 elements, but has 1 elements'});
  assert.throws(() => ef.tensor([1, 2, 3], [2, 2]),
                {message: 'Based on the provided shape, [2,2], the tensor should have 4 values but has 3'});
  assert.throws(() => ef.add(a, {}), {message: "Argument 'b' passed to 'add' must be a Tensor or TensorLike, but got 'Object'"});
  assert.throws(() => ef.tensor([1], undefined, 'complex64'), /Unknown data type complex64/);
  assert.throws(() => ef.cast(a, 'float16'), /cast: argument 'dtype' must be/);
  // TF.js only checks ragged arrays in debug mode (it then makes a broken [2,2] tensor of 3 values);
  // edgeflow always checks, with TF.js's debug-mode message.
  assert.deepEqual(tfjs.tensor([[1, 2], [3]]).shape, [2, 2]);
  a.dispose();
  b.dispose();
});

test('backend, ready and env mirror TF.js', async () => {
  await ef.ready();
  assert.equal(ef.getBackend(), 'wasm');
  assert.equal(await ef.setBackend('wasm'), true);
  await assert.rejects(ef.setBackend('webgl'), {message: "Backend name 'webgl' not found in registry"});
  assert.equal(ef.env().getBool('IS_NODE'), true);
});

test('tf.buffer / TensorBuffer / bufferSync as TF.js', () => {
  assertSameAsTfjs('buffer', (tf) => {
    const b = tf.buffer([2, 3], 'int32');
    b.set(5, 0, 1);
    b.set(-2, 1, 2);
    assert.equal(b.get(0, 1), 5);
    assert.deepEqual(b.indexToLoc(5), [1, 2]);
    assert.equal(b.locToIndex([1, 1]), 4);
    const f = tf.buffer([3], 'float32', new Float32Array([1, 2, 3]));
    f.set(0.5, 2);
    const bool = tf.buffer([2], 'bool');
    bool.set(true, 1);
    return [b.toTensor(), f.toTensor(), bool.toTensor()];
  });
  for (const tf of [ef, tfjs]) {
    const b = tf.buffer([2, 2]);
    assert.throws(() => b.set(1, 0), {message: 'The number of provided coordinates (1) must match the rank (2)'});
    assert.throws(() => b.get(2, 0), /Requested out of range element at 2,0/);
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    assert.equal(x.bufferSync().get(1, 0), 3);
    x.dispose();
  }
});
