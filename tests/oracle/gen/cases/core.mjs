// Cases for the engine's first ops: add, sub, mul, neg, sum, reshape, cast, clone.
const T = (shape, o = {}) => ({shape, ...o});

export const ops = {
  add: (tf, [a, b]) => tf.add(a, b),
  sub: (tf, [a, b]) => tf.sub(a, b),
  mul: (tf, [a, b]) => tf.mul(a, b),
  neg: (tf, [x]) => tf.neg(x),
  sum: (tf, [x], at) => tf.sum(x, at.axis, at.keepDims),
  reshape: (tf, [x], at) => tf.reshape(x, at.shape),
  cast: (tf, [x], at) => tf.cast(x, at.dtype),
  clone: (tf, [x]) => tf.clone(x),
};

const binary = ['add', 'sub', 'mul'].flatMap((op) => [
  {op, inputs: [T([2, 3]), T([2, 3])], grad: true},
  {op, inputs: [T([2, 3]), T([3])], grad: true},
  {op, inputs: [T([4, 1, 3]), T([2, 1])], grad: true},
  {op, inputs: [T([]), T([2, 2])], grad: true},
  {op, inputs: [T([0, 3]), T([3])]},
  {op, inputs: [T([5], {gen: 'special'}), T([5], {gen: 'special'})]},
  {op, inputs: [T([3], {dtype: 'int32'}), T([2, 3], {dtype: 'int32'})]},
  {op, inputs: [T([3], {dtype: 'int32'}), T([3])], grad: true, gradInputs: [1]},
  {op, inputs: [T([3]), T([2])], error: true},
]);

export const cases = [
  ...binary,
  {op: 'neg', inputs: [T([2, 3])], grad: true},
  {op: 'neg', inputs: [T([4], {dtype: 'int32'})]},
  {op: 'neg', inputs: [T([6], {gen: 'special'})]},
  {op: 'sum', inputs: [T([2, 3, 4])], attrs: {}, grad: true},
  {op: 'sum', inputs: [T([2, 3, 4])], attrs: {axis: 1}, grad: true},
  {op: 'sum', inputs: [T([2, 3, 4])], attrs: {axis: [0, 2], keepDims: true}, grad: true},
  {op: 'sum', inputs: [T([2, 3, 4])], attrs: {axis: -1}, grad: true},
  {op: 'sum', inputs: [T([3, 4], {dtype: 'int32'})], attrs: {axis: 0}},
  {op: 'sum', inputs: [T([5], {dtype: 'bool'})], attrs: {}},
  {op: 'sum', inputs: [T([0, 3])], attrs: {axis: 0}},
  {op: 'sum', inputs: [T([100, 120], {gen: 'uniform'})], attrs: {}, tol: 1e-4},
  {op: 'sum', inputs: [T([2, 3])], attrs: {axis: 2}, error: true},
  {op: 'reshape', inputs: [T([2, 3])], attrs: {shape: [3, -1]}, grad: true},
  {op: 'reshape', inputs: [T([2, 3])], attrs: {shape: [4, -1]}, error: true},
  {op: 'cast', inputs: [T([6], {range: [-5, 5], gen: 'uniform'})], attrs: {dtype: 'int32'}},
  {op: 'cast', inputs: [T([6], {dtype: 'int32'})], attrs: {dtype: 'bool'}},
  {op: 'cast', inputs: [T([6], {dtype: 'bool'})], attrs: {dtype: 'float32'}},
  {op: 'cast', inputs: [T([2, 2])], attrs: {dtype: 'float32'}, grad: true},
  {op: 'clone', inputs: [T([2, 2])], grad: true},
];
