// Cases for batchNorm (and batchNorm2d/3d/4d) and localResponseNormalization.
const T = (shape, o = {}) => ({shape, ...o});
const P = (shape) => T(shape, {gen: 'positive'});  // variances
const S = (shape) => T(shape, {gen: 'special'});

// inputs: x, mean, variance[, offset][, scale]; attrs.has says which of offset/scale are given.
const bn = (fn) => (tf, [x, mean, variance, a, b], at) => {
  const offset = at.has === 'offset' || at.has === 'both' ? a : undefined;
  const scale = at.has === 'scale' ? a : at.has === 'both' ? b : undefined;
  return fn(x, mean, variance, offset, scale, at.varianceEpsilon);
};

export const ops = {
  batchNorm: (tf, xs, at) => bn((...a) => tf.batchNorm(...a))(tf, xs, at),
  batchNorm2d: (tf, xs, at) => bn((...a) => tf.batchNorm2d(...a))(tf, xs, at),
  batchNorm3d: (tf, xs, at) => bn((...a) => tf.batchNorm3d(...a))(tf, xs, at),
  batchNorm4d: (tf, xs, at) => bn((...a) => tf.batchNorm4d(...a))(tf, xs, at),
  localResponseNormalization: (tf, [x], at) =>
    tf.localResponseNormalization(x, at.depthRadius, at.bias, at.alpha, at.beta),
};

const both = {has: 'both'};
export const cases = [
  {op: 'batchNorm', inputs: [T([2, 3]), T([3]), P([3]), T([3]), T([3])], attrs: both, grad: true},
  {op: 'batchNorm', inputs: [T([2, 2, 3, 4]), T([4]), P([4]), T([4]), T([4])], attrs: both, grad: true},
  // TF.js cannot differentiate batchNorm without both offset and scale (its gradient touches the
  // missing input), so these have no gradient cases.
  {op: 'batchNorm', inputs: [T([2, 3, 4]), T([4]), P([4])], attrs: {}},
  {op: 'batchNorm', inputs: [T([2, 3, 4]), T([4]), P([4]), T([4])], attrs: {has: 'offset'}},
  {op: 'batchNorm', inputs: [T([2, 3, 4]), T([4]), P([4]), T([4])], attrs: {has: 'scale', varianceEpsilon: 0.1}},
  {op: 'batchNorm', inputs: [T([2, 3, 4]), T([4]), P([4]), T([4]), T([4])], attrs: {has: 'both', varianceEpsilon: 0.1}, grad: true},
  {op: 'batchNorm', inputs: [T([5]), T([5]), P([5]), T([5]), T([5])], attrs: both, grad: true},
  {op: 'batchNorm', inputs: [T([]), T([]), P([]), T([]), T([])], attrs: both, grad: true},
  {op: 'batchNorm', inputs: [T([3, 4]), T([3, 4]), P([3, 4]), T([3, 4]), T([3, 4])], attrs: both, grad: true},
  // TF.js's gradient reshapes rather than sums a rank-2 mean's gradient here, and throws.
  {op: 'batchNorm', inputs: [T([2, 3, 2]), T([3, 2]), P([3, 2]), T([3, 2]), T([3, 2])], attrs: both},
  {op: 'batchNorm', inputs: [T([2, 2, 2, 2, 3]), T([3]), P([3]), T([3]), T([3])], attrs: both},
  {op: 'batchNorm', inputs: [T([2, 2, 3]), T([1, 1, 3]), P([1, 1, 3])], attrs: {}},
  {op: 'batchNorm', inputs: [T([0, 3]), T([3]), P([3])], attrs: {}},
  {op: 'batchNorm', inputs: [S([4, 3]), T([3]), P([3]), T([3]), T([3])], attrs: both},
  {op: 'batchNorm', inputs: [T([3]), T([3]), T([3], {values: [0, -0.001, 1]})], attrs: {}},  // inf and NaN
  {op: 'batchNorm', inputs: [T([2, 3], {dtype: 'int32', range: [-9, 9]}), T([3]), P([3])], attrs: {}},
  {op: 'batchNorm', inputs: [T([2, 3]), T([3], {dtype: 'int32'}), T([3], {dtype: 'int32', range: [1, 5]})], attrs: {}},
  {op: 'batchNorm', inputs: [T([64, 100], {gen: 'uniform'}), T([100]), P([100]), T([100]), T([100])], attrs: both},
  {op: 'batchNorm', inputs: [T([2, 3]), T([3]), P([1, 3])], attrs: {}, error: true},
  {op: 'batchNorm', inputs: [T([2, 3]), T([3]), P([3]), T([1, 3])], attrs: {has: 'offset'}, error: true},
  {op: 'batchNorm', inputs: [T([2, 3]), T([3]), P([3]), T([1, 3])], attrs: {has: 'scale'}, error: true},
  {op: 'batchNorm2d', inputs: [T([3, 4]), T([4]), P([4]), T([4]), T([4])], attrs: both, grad: true},
  {op: 'batchNorm2d', inputs: [T([3, 4, 1]), T([4]), P([4])], attrs: {}, error: true},
  {op: 'batchNorm2d', inputs: [T([3, 4]), T([1, 1, 4]), P([1, 1, 4])], attrs: {}, error: true},
  {op: 'batchNorm3d', inputs: [T([2, 3, 4]), T([4]), P([4]), T([4]), T([4])], attrs: both, grad: true},
  {op: 'batchNorm3d', inputs: [T([3, 4]), T([4]), P([4])], attrs: {}, error: true},
  {op: 'batchNorm4d', inputs: [T([2, 2, 2, 3]), T([3]), P([3]), T([3]), T([3])], attrs: both, grad: true},
  {op: 'batchNorm4d', inputs: [T([2, 2, 2, 3]), T([3]), P([3]), T([2, 3])], attrs: {has: 'scale'}, error: true},

  {op: 'localResponseNormalization', inputs: [T([1, 3, 3, 8])], attrs: {depthRadius: 2, bias: 1, alpha: 1, beta: 0.5}, grad: true},
  {op: 'localResponseNormalization', inputs: [T([3, 3, 5])], attrs: {}, grad: true},
  {op: 'localResponseNormalization', inputs: [T([2, 2, 2, 6])], attrs: {depthRadius: 1, bias: 2, alpha: 0.5, beta: 0.75}, grad: true},
  {op: 'localResponseNormalization', inputs: [T([1, 2, 2, 3])], attrs: {depthRadius: 0, bias: 1.5, alpha: 2, beta: 1}, grad: true},
  {op: 'localResponseNormalization', inputs: [S([1, 2, 2, 4])], attrs: {depthRadius: 1}},
  {op: 'localResponseNormalization', inputs: [T([1, 2, 2, 4], {dtype: 'int32', range: [-20, 20]})], attrs: {depthRadius: 1, alpha: 0.001}},
  {op: 'localResponseNormalization', inputs: [T([0, 2, 2, 4])], attrs: {depthRadius: 1}},
  {op: 'localResponseNormalization', inputs: [T([4, 6])], attrs: {}, error: true},
  {op: 'localResponseNormalization', inputs: [T([1, 1, 2, 2, 6])], attrs: {}, error: true},
];
