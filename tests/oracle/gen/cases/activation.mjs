// Cases for the activations (tf.relu ... tf.logSoftmax).
const T = (shape, o = {}) => ({shape, ...o});

export const ops = {
  relu: (tf, [x]) => tf.relu(x),
  relu6: (tf, [x]) => tf.relu6(x),
  elu: (tf, [x]) => tf.elu(x),
  selu: (tf, [x]) => tf.selu(x),
  leakyRelu: (tf, [x], at) => tf.leakyRelu(x, at.alpha),
  prelu: (tf, [x, alpha]) => tf.prelu(x, alpha),
  sigmoid: (tf, [x]) => tf.sigmoid(x),
  logSigmoid: (tf, [x]) => tf.logSigmoid(x),
  softplus: (tf, [x]) => tf.softplus(x),
  softmax: (tf, [x], at) => tf.softmax(x, at.dim),
  logSoftmax: (tf, [x], at) => tf.logSoftmax(x, at.axis),
};

// The standard set for one element-wise activation (see unary.mjs).
function standard(op, {in: spec = {}, int32 = 'ok', bool = 'ok', attrs} = {}) {
  const c = (o) => ({op, attrs, ...o});
  const list = [
    c({inputs: [T([2, 3], spec)], grad: true}),
    c({inputs: [T([3, 1, 5], spec)], grad: true}),
    c({inputs: [T([], spec)], grad: true}),
    c({inputs: [T([0, 3])]}),
    c({inputs: [T([2, 0, 4])]}),
    c({inputs: [T([16], {gen: 'special'})]}),
    // Large enough for the cpu backend's threaded, vectorised kernels (and a ragged tail).
    c({inputs: [T([301, 77], {gen: 'uniform', range: [-8, 8]})]}),
    c({inputs: [T([33, 7], {gen: 'uniform', range: [-8, 8]})], grad: true}),
  ];
  if (int32 === 'ok') list.push(c({inputs: [T([2, 4], {dtype: 'int32', range: [-8, 8]})]}));
  if (int32 === 'error') list.push(c({inputs: [T([2, 4], {dtype: 'int32'})], error: true}));
  if (bool === 'ok') list.push(c({inputs: [T([6], {dtype: 'bool'})]}));
  if (bool === 'error') list.push(c({inputs: [T([6], {dtype: 'bool'})], error: true}));
  return list;
}

// Values at and around the kinks; finite differences straddle them, so those cases skip fd.
const kinks = T([8], {values: [-1, -0, 0, 1e-4, -1e-4, 5.9, 6, 6.5]});
const specials = T([10], {values: [NaN, Infinity, -Infinity, 0, -0, 1, -1, 88, -88, 1e-8]});

export const cases = [
  ...standard('relu'),
  {op: 'relu', inputs: [kinks], grad: true, fd: false},
  ...standard('relu6', {in: {gen: 'uniform', range: [-3, 9]}}),
  {op: 'relu6', inputs: [kinks], grad: true, fd: false},
  ...standard('elu', {int32: 'error', bool: 'error'}),
  {op: 'elu', inputs: [kinks], grad: true, fd: false},
  ...standard('selu'),
  {op: 'selu', inputs: [kinks], grad: true, fd: false},
  ...standard('leakyRelu', {attrs: {alpha: 0.2}, in: {gen: 'uniform', range: [-3, 3]}}),
  ...standard('leakyRelu', {attrs: {alpha: 0.5}, int32: 'no', bool: 'no'}),
  {op: 'leakyRelu', inputs: [kinks], attrs: {alpha: 0.1}, grad: true, fd: false},

  {op: 'prelu', inputs: [T([2, 3]), T([3], {gen: 'uniform', range: [0.1, 0.5]})], grad: true},
  {op: 'prelu', inputs: [T([2, 3]), T([2, 3])], grad: true},
  {op: 'prelu', inputs: [T([4, 2, 3]), T([2, 1])], grad: true},
  {op: 'prelu', inputs: [T([2, 3]), T([])], grad: true},
  {op: 'prelu', inputs: [T([]), T([])], grad: true},
  {op: 'prelu', inputs: [T([0, 3]), T([3])]},
  {op: 'prelu', inputs: [T([8], {gen: 'special'}), T([8], {gen: 'special'})]},
  {op: 'prelu', inputs: [T([2, 3], {dtype: 'int32'}), T([3])], grad: true, gradInputs: [1]},
  {op: 'prelu', inputs: [T([2, 3], {dtype: 'int32'}), T([3], {dtype: 'int32'})]},
  {op: 'prelu', inputs: [T([6], {dtype: 'bool'}), T([1])]},
  {op: 'prelu', inputs: [T([2, 3]), T([2])], error: true},

  ...standard('sigmoid', {int32: 'error', bool: 'error'}),
  {op: 'sigmoid', inputs: [specials]},
  {op: 'sigmoid', inputs: [T([4, 5], {gen: 'uniform', range: [-30, 30]})], grad: true},
  // No bool case: TF.js's logSigmoid keeps bool through neg(bool), which edgeflow's neg makes int32.
  ...standard('logSigmoid', {bool: 'no'}),
  {op: 'logSigmoid', inputs: [specials]},
  {op: 'logSigmoid', inputs: [T([4, 5], {gen: 'uniform', range: [-30, 30]})], grad: true},
  ...standard('softplus'),
  // Both sides of TF.js's thresholds (about ±13.9), where it switches to x or exp(x).
  {op: 'softplus', inputs: [T([8], {values: [-20, -13.95, -13.8, 13.8, 13.95, 20, 88, -88]})]},
  {op: 'softplus', inputs: [T([4, 5], {gen: 'uniform', range: [-30, 30]})], grad: true},

  ...['softmax', 'logSoftmax'].flatMap((op) => {
    const axis = op === 'softmax' ? 'dim' : 'axis';
    return [
      {op, inputs: [T([2, 5])], grad: true},
      {op, inputs: [T([3, 2, 6])], grad: true},
      {op, inputs: [T([7])], grad: true},
      {op, inputs: [T([4, 1])], grad: true},
      {op, inputs: [T([2, 3])], attrs: {[axis]: 1}, grad: true},
      {op, inputs: [T([2, 3])], attrs: {[axis]: -1}},
      {op, inputs: [T([3, 4], {gen: 'uniform', range: [-60, 60]})], grad: true},
      {op, inputs: [T([0, 3])]},
      {op, inputs: [T([3, 0])]},
      // Rows with NaN, -Infinity and +Infinity.
      {op, inputs: [T([5, 3], {values: [1, NaN, 2, 1, 2, 3, -Infinity, -Infinity, 0, Infinity, 1, 2, -Infinity, -Infinity, -Infinity]})]},
      {op, inputs: [T([16], {gen: 'special'})]},
      // Large, for the cpu kernel's threads and vector tails: many short rows and a few long ones.
      {op, inputs: [T([513, 37], {gen: 'uniform', range: [-10, 10]})]},
      {op, inputs: [T([3, 5003], {gen: 'uniform', range: [-10, 10]})], tol: 1e-4},  // float32 sums of 5003 terms
      {op, inputs: [T([64, 10], {gen: 'uniform', range: [-5, 5]})], grad: true},
      {op, inputs: [T([2, 3])], attrs: {[axis]: 0}, error: true},
      {op, inputs: [T([2, 3])], attrs: {[axis]: 5}, error: true},
      {op, inputs: [T([])], error: true},
    ];
  }),
  {op: 'softmax', inputs: [T([2, 3], {dtype: 'int32'})], error: true},
  {op: 'softmax', inputs: [T([2, 3], {dtype: 'bool'})], error: true},
  {op: 'logSoftmax', inputs: [T([2, 3], {dtype: 'int32'})]},
];
