// Cases for the reductions and scans: mean, max, min, prod, all, any, logSumExp, argMax, argMin,
// moments, norm, euclideanNorm, cumsum, cumprod.
const T = (shape, o = {}) => ({shape, ...o});
// JSON has no Infinity: norm's ord travels as the string 'Infinity' / '-Infinity'.
const ord = (o) => (o === 'Infinity' ? Infinity : o === '-Infinity' ? -Infinity : o);

export const ops = {
  mean: (tf, [x], at) => tf.mean(x, at.axis, at.keepDims),
  max: (tf, [x], at) => tf.max(x, at.axis, at.keepDims),
  min: (tf, [x], at) => tf.min(x, at.axis, at.keepDims),
  prod: (tf, [x], at) => tf.prod(x, at.axis, at.keepDims),
  all: (tf, [x], at) => tf.all(x, at.axis, at.keepDims),
  any: (tf, [x], at) => tf.any(x, at.axis, at.keepDims),
  logSumExp: (tf, [x], at) => tf.logSumExp(x, at.axis, at.keepDims),
  argMax: (tf, [x], at) => tf.argMax(x, at.axis),
  argMin: (tf, [x], at) => tf.argMin(x, at.axis),
  moments: (tf, [x], at) => {
    const r = tf.moments(x, at.axis, at.keepDims);
    return [r.mean, r.variance];
  },
  norm: (tf, [x], at) => tf.norm(x, ord(at.ord), at.axis, at.keepDims),
  euclideanNorm: (tf, [x], at) => tf.euclideanNorm(x, at.axis, at.keepDims),
  cumsum: (tf, [x], at) => tf.cumsum(x, at.axis, at.exclusive, at.reverse),
  cumprod: (tf, [x], at) => tf.cumprod(x, at.axis, at.exclusive, at.reverse),
};

// Shapes and axes every reduction runs through.
const reduceCommon = (op) => [
  {op, inputs: [T([2, 3, 4])], grad: true},
  {op, inputs: [T([2, 3, 4])], attrs: {axis: 1}, grad: true},
  {op, inputs: [T([2, 3, 4])], attrs: {axis: [0, 2], keepDims: true}, grad: true},
  {op, inputs: [T([2, 3, 4])], attrs: {axis: -1}, grad: true},
  {op, inputs: [T([2, 3, 4])], attrs: {axis: [1, 2]}, grad: true},
  {op, inputs: [T([])], grad: true},
  {op, inputs: [T([4])], attrs: {axis: 0, keepDims: true}, grad: true},
  {op, inputs: [T([3, 4], {dtype: 'int32'})], attrs: {axis: 0}},
  {op, inputs: [T([0, 3])], attrs: {axis: 0}},
  {op, inputs: [T([0, 3])], attrs: {axis: 1}},
  {op, inputs: [T([0, 3])]},
  {op, inputs: [T([2, 5], {gen: 'special'})], attrs: {axis: 1}},
  {op, inputs: [T([2, 3])], attrs: {axis: 2}, error: true},
  {op, inputs: [T([2, 3])], attrs: {axis: -3}, error: true},
  {op, inputs: [T([])], attrs: {axis: 0}, error: true},
];

// Sizes that take the cpu backend's fast paths (inner axis, leading axes, all elements, threads).
const reduceLarge = (op, extra = {}) => [
  {op, inputs: [T([64, 300])], attrs: {axis: -1}, ...extra},
  {op, inputs: [T([7, 1000], {gen: 'uniform'})], attrs: {axis: 1, keepDims: true}, ...extra},
  {op, inputs: [T([300, 65])], attrs: {axis: 0}, ...extra},
  {op, inputs: [T([3, 50, 70])], attrs: {axis: [0, 1]}, ...extra},
  {op, inputs: [T([4, 50, 70])], attrs: {axis: 1}, ...extra},
  {op, inputs: [T([5, 6, 7])], attrs: {axis: [0, 2]}, ...extra},
  {op, inputs: [T([1000])], ...extra},
  {op, inputs: [T([2, 31])], attrs: {axis: 1}, grad: true, ...extra},
  // >= 10^4 elements in one sum: TF.js adds in double, edgeflow's cpu kernel in float blocks.
  {op, inputs: [T([200, 150], {gen: 'uniform', range: [0, 1]})], tol: 1e-4, ...extra},
  {op, inputs: [T([3, 40000], {gen: 'uniform'})], attrs: {axis: 1}, tol: 1e-4, ...extra},
  {op, inputs: [T([40000, 3])], attrs: {axis: 0}, tol: 1e-4, ...extra},
];

// Values with ties: max/min send dy to every tied element (TF.js), which finite differences
// (a kink) cannot confirm.
const ties = {values: [1, 3, 3, -2, -2, 0, 5, 5, 5, 1, 1, 1]};

const mean = [
  ...reduceCommon('mean'),
  ...reduceLarge('mean'),
  {op: 'mean', inputs: [T([5], {dtype: 'bool'})]},
  {op: 'mean', inputs: [T([2, 3], {dtype: 'int32'})], attrs: {axis: 1, keepDims: true}},
  {op: 'mean', inputs: [T([2, 3, 4])], attrs: {axis: []}, grad: true},
];

const extremum = (op) => [
  ...reduceCommon(op),
  ...reduceLarge(op),
  {op, inputs: [T([4, 3], ties)], attrs: {axis: 1}, grad: true, fd: false},
  {op, inputs: [T([4, 3], ties)], grad: true, fd: false},
  {op, inputs: [T([4, 3], ties)], attrs: {axis: 0, keepDims: true}, grad: true, fd: false},
  {op, inputs: [T([0, 3], {dtype: 'int32'})], attrs: {axis: 0}},
  {op, inputs: [T([6], {dtype: 'bool'})]},
  {op, inputs: [T([4], {values: [1, NaN, 3, 2]})]},
  {op, inputs: [T([4], {values: [NaN, 1, 3, 2]})]},
  {op, inputs: [T([3], {values: [-Infinity, Infinity, 0]})]},
  {op, inputs: [T([3, 40], {gen: 'special'})], attrs: {axis: 1}},
  {op, inputs: [T([2, 3, 4])], attrs: {axis: [0, 1, 2], keepDims: true}, grad: true},
];

// TF.js's Prod gradient fails for a negative axis (it transposes by it): no gradient there.
const negativeAxis = (c) => [].concat(c.attrs?.axis ?? []).some((a) => a < 0);
const prod = [
  ...reduceCommon('prod').map((c) => (negativeAxis(c) ? {...c, grad: false} : c)),
  {op: 'prod', inputs: [T([2, 3], {values: [1, 0, 3, 4, 5, 6]})], grad: true},
  {op: 'prod', inputs: [T([2, 3], {values: [0, 0, 3, 4, 0, 6]})], attrs: {axis: 1}, grad: true},
  {op: 'prod', inputs: [T([2, 3, 2], {values: [1, 2, 0, 4, 5, 6, 7, 8, 9, 0, 1, 2]})], attrs: {axis: [0, 2]}, grad: true},
  {op: 'prod', inputs: [T([2, 3, 4], {gen: 'uniform', range: [0.5, 1.5]})], attrs: {axis: [0, 1, 2]}, grad: true},
  {op: 'prod', inputs: [T([2, 3])], attrs: {axis: 0, keepDims: true}, grad: true},
  {op: 'prod', inputs: [T([3, 4], {dtype: 'int32', range: [-3, 3]})], attrs: {axis: 1}},
  {op: 'prod', inputs: [T([6], {dtype: 'bool'})]},
  {op: 'prod', inputs: [T([2, 3, 4])], attrs: {axis: [-1, 0]}},
  {op: 'prod', inputs: [T([50], {gen: 'uniform', range: [0.5, 2]})]},
];

const logical = (op) => [
  {op, inputs: [T([2, 3], {dtype: 'bool'})], attrs: {axis: 1}},
  {op, inputs: [T([2, 3], {dtype: 'bool'})], attrs: {axis: 0, keepDims: true}},
  {op, inputs: [T([3, 4, 2], {dtype: 'bool'})], attrs: {axis: [0, 2]}},
  {op, inputs: [T([4], {dtype: 'bool', values: [1, 1, 1, 1]})]},
  {op, inputs: [T([4], {dtype: 'bool', values: [0, 0, 0, 0]})]},
  {op, inputs: [T([4], {dtype: 'bool', values: [0, 1, 0, 0]})]},
  {op, inputs: [T([], {dtype: 'bool'})]},
  {op, inputs: [T([0, 3], {dtype: 'bool'})], attrs: {axis: 0}},  // TF.js: false even for all
  {op, inputs: [T([2, 3])], error: true},
  {op, inputs: [T([2, 3], {dtype: 'int32'})], error: true},
  {op, inputs: [T([2, 3], {dtype: 'bool'})], attrs: {axis: 2}, error: true},
];

const logSumExp = [
  ...reduceCommon('logSumExp').filter((c) => !c.inputs[0].shape.includes(0)),
  {op: 'logSumExp', inputs: [T([2, 3])], attrs: {axis: 1, keepDims: true}, grad: true},
  {op: 'logSumExp', inputs: [T([2, 3], {gen: 'uniform', range: [50, 100]})], attrs: {axis: 1}, grad: true},
  {op: 'logSumExp', inputs: [T([3], {values: [-1000, -1001, -1002]})], grad: true},
  {op: 'logSumExp', inputs: [T([3], {values: [Infinity, 1, 2]})]},
  {op: 'logSumExp', inputs: [T([0, 3])], attrs: {axis: 1}},
  {op: 'logSumExp', inputs: [T([64, 300])], attrs: {axis: -1}},
];

const arg = (op) => [
  {op, inputs: [T([2, 3])]},
  {op, inputs: [T([2, 3])], attrs: {axis: 1}},
  {op, inputs: [T([2, 3, 4])], attrs: {axis: -1}},
  {op, inputs: [T([2, 3, 4])], attrs: {axis: 1}},
  {op, inputs: [T([5])]},
  {op, inputs: [T([4, 3], ties)], attrs: {axis: 1}},
  {op, inputs: [T([4, 3], ties)], attrs: {axis: 0}},
  {op, inputs: [T([3, 4], {dtype: 'int32', range: [0, 3]})], attrs: {axis: 1}},
  {op, inputs: [T([6], {dtype: 'bool'})]},
  {op, inputs: [T([4], {values: [1, NaN, 3, 2]})]},
  {op, inputs: [T([4], {values: [NaN, 1, 3, 2]})]},
  {op, inputs: [T([3, 8], {gen: 'special'})], attrs: {axis: 1}},
  {op, inputs: [T([0, 3])], attrs: {axis: 0}},
  {op, inputs: [T([3, 0])], attrs: {axis: 0}},
  {op, inputs: [T([64, 300])], attrs: {axis: 1}},
  {op, inputs: [T([])], error: true},
  {op, inputs: [T([2, 3])], attrs: {axis: 2}, error: true},
  {op, inputs: [T([2, 3])], attrs: {axis: -3}, error: true},
];

const moments = [
  {op: 'moments', inputs: [T([2, 3, 4])], grad: true},
  {op: 'moments', inputs: [T([2, 3, 4])], attrs: {axis: 1}, grad: true},
  {op: 'moments', inputs: [T([2, 3, 4])], attrs: {axis: [0, 2], keepDims: true}, grad: true},
  {op: 'moments', inputs: [T([4, 5])], attrs: {axis: -1}, grad: true},
  {op: 'moments', inputs: [T([])], grad: true},
  {op: 'moments', inputs: [T([3, 4], {dtype: 'int32'})], attrs: {axis: 0}},
  {op: 'moments', inputs: [T([32, 100])], attrs: {axis: 0}},
  {op: 'moments', inputs: [T([2, 6], {gen: 'special'})], attrs: {axis: 1}},
  {op: 'moments', inputs: [T([2, 3])], attrs: {axis: 2}, error: true},
];

// Values away from abs's kink at 0 and with distinct magnitudes (no ties for max(abs(x))), where
// finite differences check the gradient of the 1- and infinity-norms.
const awayFromZero = (shape) => ({
  values: Array.from({length: shape.reduce((a, b) => a * b, 1)}, (_, i) => (i % 2 ? -1 : 1) * (0.2 + ((i * 7) % 29) * 0.13)),
});

const normCases = [
  {op: 'norm', inputs: [T([5])], grad: true},
  {op: 'norm', inputs: [T([5])], attrs: {ord: 1}, grad: true},
  {op: 'norm', inputs: [T([5])], attrs: {ord: 2}, grad: true},
  {op: 'norm', inputs: [T([5])], attrs: {ord: 'Infinity'}, grad: true},
  {op: 'norm', inputs: [T([5])], attrs: {ord: '-Infinity'}, grad: true},
  {op: 'norm', inputs: [T([3, 4])], grad: true},
  {op: 'norm', inputs: [T([3, 4])], attrs: {keepDims: true}, grad: true},
  {op: 'norm', inputs: [T([3, 4], awayFromZero([3, 4]))], attrs: {ord: 1}, grad: true},
  {op: 'norm', inputs: [T([3, 4])], attrs: {axis: 1, ord: 2}, grad: true},
  {op: 'norm', inputs: [T([3, 4])], attrs: {axis: 0, ord: 1, keepDims: true}, grad: true},
  {op: 'norm', inputs: [T([3, 4])], attrs: {axis: [-1], ord: 'Infinity'}, grad: true},
  {op: 'norm', inputs: [T([3, 4])], attrs: {axis: [0, 1], ord: 1}, grad: true},
  {op: 'norm', inputs: [T([3, 4])], attrs: {axis: [0, 1], ord: 'Infinity'}, grad: true},
  {op: 'norm', inputs: [T([3, 4])], attrs: {axis: [0, 1], ord: '-Infinity'}, grad: true},
  {op: 'norm', inputs: [T([3, 4])], attrs: {axis: [0, 1], ord: 'fro'}, grad: true},
  {op: 'norm', inputs: [T([3, 4])], attrs: {axis: [0, 1], ord: 'euclidean', keepDims: true}, grad: true},
  {op: 'norm', inputs: [T([3, 4])], attrs: {axis: [1, 0], ord: 1}, grad: true},
  {op: 'norm', inputs: [T([2, 3, 4])], attrs: {axis: [0, 2], ord: 1}, grad: true},
  {op: 'norm', inputs: [T([2, 3, 4])], attrs: {axis: [1, 2], ord: 'Infinity', keepDims: true}, grad: true},
  {op: 'norm', inputs: [T([2, 3, 4])], attrs: {axis: [2, 0], ord: 1}},
  {op: 'norm', inputs: [T([2, 3, 4])], attrs: {axis: [-1, 0], ord: 1}},
  {op: 'norm', inputs: [T([2, 3, 4])], attrs: {axis: [0, 2], ord: 'fro'}, grad: true},
  {op: 'norm', inputs: [T([])], grad: true},
  {op: 'norm', inputs: [T([])], attrs: {ord: 3}},  // a scalar's norm is |x| whatever the ord
  {op: 'norm', inputs: [T([0, 3])], attrs: {axis: 0}},
  {op: 'norm', inputs: [T([0, 3])], attrs: {axis: 0, ord: 'Infinity'}},
  {op: 'norm', inputs: [T([4], {dtype: 'int32'})], attrs: {ord: 1}},
  {op: 'norm', inputs: [T([2, 3], {dtype: 'int32'})], attrs: {ord: 'Infinity', axis: [0, 1]}},
  {op: 'norm', inputs: [T([8], {gen: 'special'})]},
  {op: 'norm', inputs: [T([100, 100])], tol: 1e-4},
  {op: 'norm', inputs: [T([4])], attrs: {ord: 3}, error: true},
  {op: 'norm', inputs: [T([4])], attrs: {ord: 'fro'}, error: true},
  {op: 'norm', inputs: [T([3, 4])], attrs: {ord: 'fro'}, error: true},  // no axis: a vector norm
  {op: 'norm', inputs: [T([3, 4])], attrs: {ord: 'nuc', axis: [0, 1]}, error: true},
  {op: 'norm', inputs: [T([3, 4])], attrs: {ord: 2, axis: [0, 1]}, error: true},
  {op: 'norm', inputs: [T([2, 3, 4])], attrs: {axis: [0, 1, 2]}, error: true},
  {op: 'norm', inputs: [T([4], {dtype: 'int32'})], error: true},  // TF.js's sqrt wants float32
  {op: 'norm', inputs: [T([3, 4])], attrs: {axis: 2}, error: true},
];

const euclideanNorm = [
  {op: 'euclideanNorm', inputs: [T([2, 3])], grad: true},
  {op: 'euclideanNorm', inputs: [T([2, 3])], attrs: {axis: 1, keepDims: true}, grad: true},
  {op: 'euclideanNorm', inputs: [T([2, 3, 4])], attrs: {axis: [0, 2]}, grad: true},
  {op: 'euclideanNorm', inputs: [T([0, 3])], attrs: {axis: 0}},
  {op: 'euclideanNorm', inputs: [T([2, 3])], attrs: {axis: 2}, error: true},
];

// Gradient cases scan the last axis: TF.js's Cumsum gradient transposes its result for any other
// axis (a bug); edgeflow's is checked there by tests/unit/reduction_test.cpp.
const scan = (op, gen, grad) => [
  {op, inputs: [T([5], gen)], grad},
  {op, inputs: [T([5], gen)], attrs: {exclusive: true}, grad},
  {op, inputs: [T([5], gen)], attrs: {reverse: true}, grad},
  {op, inputs: [T([5], gen)], attrs: {exclusive: true, reverse: true}, grad},
  {op, inputs: [T([2, 3], gen)], attrs: {axis: 1}, grad},
  {op, inputs: [T([2, 3, 4], gen)], attrs: {axis: 2, exclusive: true}, grad},
  {op, inputs: [T([2, 3], gen)], attrs: {axis: 0}},
  {op, inputs: [T([2, 3, 4], gen)], attrs: {axis: 1, reverse: true}},
  {op, inputs: [T([2, 3, 4], gen)], attrs: {axis: 0, exclusive: true, reverse: true}},
  {op, inputs: [T([3, 4], {dtype: 'int32'})], attrs: {axis: 1}},
  {op, inputs: [T([3, 4], {dtype: 'int32'})], attrs: {axis: 0, exclusive: true}},
  {op, inputs: [T([6], {dtype: 'bool'})]},
  {op, inputs: [T([6], {dtype: 'bool'})], attrs: {reverse: true, exclusive: true}},
  {op, inputs: [T([2, 8], {gen: 'special'})], attrs: {axis: 1}},
  {op, inputs: [T([0, 3])], attrs: {axis: 0}},
  {op, inputs: [T([3, 0])], attrs: {axis: 1}},
];

export const cases = [
  ...mean,
  ...extremum('max'),
  ...extremum('min'),
  ...prod,
  ...logical('all'),
  ...logical('any'),
  ...logSumExp,
  ...arg('argMax'),
  ...arg('argMin'),
  ...moments,
  ...normCases,
  ...euclideanNorm,
  ...scan('cumsum', {}, true),
  {op: 'cumsum', inputs: [T([3, 2000], {gen: 'uniform'})], attrs: {axis: 1}},
  {op: 'cumsum', inputs: [T([2000, 3], {gen: 'uniform'})], attrs: {axis: 0, reverse: true}},
  ...scan('cumprod', {gen: 'uniform', range: [0.5, 1.5]}, false),
  {op: 'cumprod', inputs: [T([6], {values: [2, 3, 0, 4, 5, 0]})]},
  {op: 'cumprod', inputs: [T([6], {values: [2, 3, 0, 4, 5, 0]})], attrs: {exclusive: true, reverse: true}},
];
