// Normalisation layers at inference (BatchNormalization with seeded moving statistics) and
// Embedding lookups; the noise layers, identities at inference.
import {layerCase} from './layers.mjs';
import {rng} from './util.mjs';

export async function normalizationCases(tf) {
  const rand = rng('normalization');
  const L = tf.layers;
  // Seeded moving variances would be negative: keep them positive, as trained ones are.
  const positiveVariance = (layer, ws) =>
    ws.map((w, i) => (layer.weights[i].name.endsWith('moving_variance') ? tf.add(tf.abs(w), 0.1) : w));
  // Inference batch normalisation along `axis` by formula: weights [gamma?, beta?, mean, variance].
  const bnFormula = ({axis, rank, center = true, scale = true, epsilon = 1e-3}) => (x, ws) => {
    const shape = Array(rank).fill(1);
    shape[axis] = x.shape[axis];
    const b = ws.map((w) => tf.reshape(w, shape));
    let i = 0;
    const gamma = scale ? b[i++] : null, beta = center ? b[i++] : null, mean = b[i++], variance = b[i++];
    let y = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, epsilon)));
    if (gamma) y = tf.mul(y, gamma);
    if (beta) y = tf.add(y, beta);
    return y;
  };
  const list = [
    ['batch_norm_rank2', () => L.batchNormalization(), [4, 3]],
    ['batch_norm_rank3_axis1', () => L.batchNormalization({axis: 1, epsilon: 0.01}), [2, 3, 4]],
    ['batch_norm_rank4_no_center', () => L.batchNormalization({center: false}), [2, 2, 3, 2]],
    ['batch_norm_rank4_no_scale', () => L.batchNormalization({scale: false, axis: 2}), [2, 3, 2, 2]],
    ['layer_norm_default', () => L.layerNormalization(), [3, 5]],
    ['layer_norm_rank3', () => L.layerNormalization({epsilon: 1e-5}), [2, 3, 4]],
    ['layer_norm_two_axes', () => L.layerNormalization({axis: [1, 2]}), [2, 3, 4]],
    ['layer_norm_no_center_scale', () => L.layerNormalization({center: false, scale: false}), [4, 3]],
    ['gaussian_noise_inference', () => L.gaussianNoise({stddev: 0.5}), [3, 4]],
    ['gaussian_dropout_inference', () => L.gaussianDropout({rate: 0.3}), [3, 4]],
    ['alpha_dropout_inference', () => L.alphaDropout({rate: 0.2}), [2, 3, 2]],
  ];
  const formulas = {
    batch_norm_rank3_axis1: bnFormula({axis: 1, rank: 3, epsilon: 0.01}),
    batch_norm_rank4_no_scale: bnFormula({axis: 2, rank: 4, scale: false}),
    // TF.js's gradient throws without beta: the formula gives the gradients.
    batch_norm_rank4_no_center: bnFormula({axis: 3, rank: 4, center: false}),
  };
  const cases = list.map(([name, make, shape]) => layerCase(tf, name, make, shape, rand,
    name.startsWith('batch_norm') ? {weightsFn: positiveVariance, mathFn: formulas[name]} : {}));
  cases.push(layerCase(tf, 'embedding_rank2', () => L.embedding({inputDim: 7, outputDim: 3}), [4, 5], rand,
    {indices: 7}));
  cases.push(layerCase(tf, 'embedding_input_length', () => L.embedding({inputDim: 4, outputDim: 2, inputLength: 3}),
    [2, 3], rand, {indices: 4}));
  cases.push(layerCase(tf, 'embedding_rank3', () => L.embedding({inputDim: 5, outputDim: 4}), [2, 2, 3], rand,
    {indices: 5}));
  return cases;
}
