// Seeded random ops: edgeflow must reproduce TF.js's exact streams (Alea, Marsaglia polar method,
// truncation by redrawing, multinomial's inverse CDF), so the tolerance is 1e-6. Shapes and
// parameters are attrs; only multinomial takes a tensor (the logits).
export const ops = {
  randomUniform: (tf, _, at) => tf.randomUniform(at.shape, at.minval, at.maxval, at.dtype, at.seed),
  randomNormal: (tf, _, at) => tf.randomNormal(at.shape, at.mean, at.stdDev, at.dtype, at.seed),
  truncatedNormal: (tf, _, at) => tf.truncatedNormal(at.shape, at.mean, at.stdDev, at.dtype, at.seed),
  randomStandardNormal: (tf, _, at) => tf.randomStandardNormal(at.shape, at.dtype, at.seed),
  multinomial: (tf, [logits], at) => tf.multinomial(logits, at.numSamples, at.seed, at.normalized),
};

const tol = 1e-6;
const gen = (op, attrs, o = {}) => ({op, inputs: [], attrs, tol, ...o});
const multi = (input, attrs, o = {}) => ({op: 'multinomial', inputs: [input], attrs, ...o});
const T = (shape, o = {}) => ({shape, ...o});

export const cases = [
  gen('randomUniform', {shape: [5], seed: 1}),
  gen('randomUniform', {shape: [2, 3], minval: -2, maxval: 5, seed: 42}),
  gen('randomUniform', {shape: [1000], seed: 123456789}),  // a long stream
  gen('randomUniform', {shape: [4], seed: 0}),  // 0 is a seed for the uniform sampler
  gen('randomUniform', {shape: [4], seed: 0.5}),
  gen('randomUniform', {shape: [4], seed: -3.25}),
  gen('randomUniform', {shape: [4], seed: 1e-7}),  // seed string "1e-7"
  gen('randomUniform', {shape: [4], seed: 1e21}),  // seed string "1e+21"
  gen('randomUniform', {shape: [4], seed: 123456789012345680000}),
  gen('randomUniform', {shape: [4], seed: 0.1 + 0.2}),  // seed string "0.30000000000000004"
  gen('randomUniform', {shape: [], seed: 7}),
  gen('randomUniform', {shape: [0, 3], seed: 7}),
  gen('randomUniform', {shape: [3], minval: 2, maxval: 2, seed: 7}),
  gen('randomUniform', {shape: [10], minval: -100, maxval: 100, dtype: 'int32', seed: 9}),
  gen('randomUniform', {shape: [10], minval: 0, maxval: 1, dtype: 'int32', seed: 9}),
  gen('randomUniform', {shape: [12], minval: 0, maxval: 2, dtype: 'bool', seed: 3}),
  gen('randomUniform', {shape: [2, -1], seed: 1}, {error: true}),

  gen('randomNormal', {shape: [10], seed: 1}),
  gen('randomNormal', {shape: [3, 4], mean: 2, stdDev: 0.5, seed: 42}),
  gen('randomNormal', {shape: [1001], seed: 2024}),  // odd count: the cached second sample is dropped
  gen('randomNormal', {shape: [], seed: 5}),
  gen('randomNormal', {shape: [0], seed: 5}),
  gen('randomNormal', {shape: [6], mean: -1, stdDev: 0, seed: 5}),
  gen('randomNormal', {shape: [6], mean: 0, stdDev: -2, seed: 5}),
  gen('randomNormal', {shape: [20], mean: 0.5, stdDev: 3, dtype: 'int32', seed: 8}),
  gen('randomNormal', {shape: [4], seed: 0.25}),
  gen('randomNormal', {shape: [4], dtype: 'bool', seed: 1}, {error: true}),
  gen('randomNormal', {shape: [-4], seed: 1}, {error: true}),

  gen('truncatedNormal', {shape: [10], seed: 1}),
  gen('truncatedNormal', {shape: [500], mean: 1, stdDev: 2, seed: 5}),
  gen('truncatedNormal', {shape: [2, 2, 3], mean: -3, stdDev: 0.1, seed: 77}),
  gen('truncatedNormal', {shape: [15], mean: 10, stdDev: 4, dtype: 'int32', seed: 3}),
  gen('truncatedNormal', {shape: [5], stdDev: 0, seed: 3}),
  gen('truncatedNormal', {shape: [4], dtype: 'bool', seed: 1}, {error: true}),

  gen('randomStandardNormal', {shape: [7], seed: 11}),
  gen('randomStandardNormal', {shape: [3, 3], dtype: 'int32', seed: 11}),
  gen('randomStandardNormal', {shape: [2], dtype: 'bool', seed: 11}, {error: true}),

  multi(T([3]), {numSamples: 10, seed: 1}),
  multi(T([2, 4]), {numSamples: 20, seed: 42}),
  multi(T([5, 6], {range: [-4, 4], gen: 'uniform'}), {numSamples: 50, seed: 9}),
  multi(T([3], {values: [0.2, 0.5, 0.3]}), {numSamples: 30, seed: 4, normalized: true}),
  multi(T([2, 3], {values: [0.1, 0.1, 0.8, 0.6, 0.3, 0.1]}), {numSamples: 30, seed: 0.5, normalized: true}),
  multi(T([2], {values: [1, 1], dtype: 'int32'}), {numSamples: 16, seed: 3}),
  // No bool logits case: TF.js's cpu kernel runs softmax's integer subtraction in a byte array
  // (0 - 1 = 255), so its samples are meaningless; edgeflow takes bool logits as 0/1.
  multi(T([3], {values: [0, 0, 100]}), {numSamples: 5, seed: 3}),
  multi(T([3], {values: [1, NaN, 2]}), {numSamples: 5, seed: 3}),
  multi(T([3, 1]), {numSamples: 4, seed: 3}),  // one event per row: always 0
  multi(T([1, 3]), {numSamples: 0, seed: 3}),
  multi(T([1]), {numSamples: 3, seed: 1}, {error: true}),
  multi(T([1, 2, 2]), {numSamples: 3, seed: 1}, {error: true}),
  multi(T([3]), {numSamples: -1, seed: 1}, {error: true}),
];
