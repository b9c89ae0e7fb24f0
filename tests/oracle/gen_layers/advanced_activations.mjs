// Advanced activation layers: values around their kinks, rank 2 to 4, configured parameters.
import {layerCase} from './layers.mjs';
import {rng} from './util.mjs';

export async function advancedActivationCases(tf) {
  const rand = rng('advanced_activations');
  const L = tf.layers;
  // d/dx x * (x > theta) = (x > theta) away from theta.
  const thresholdGrad = (theta) => (x, dy) => tf.mul(dy, tf.cast(tf.greater(x, theta), 'float32'));
  const list = [
    ['relu', () => L.reLU(), [3, 4]],
    ['relu_max_value', () => L.reLU({maxValue: 0.7}), [2, 3, 4]],
    ['leaky_relu_default', () => L.leakyReLU(), [3, 5]],
    ['leaky_relu_alpha', () => L.leakyReLU({alpha: 0.05}), [2, 2, 3]],
    ['prelu_default', () => L.prelu(), [3, 4]],
    ['prelu_rank3', () => L.prelu({alphaInitializer: 'ones'}), [2, 3, 4]],
    ['prelu_shared_axes', () => L.prelu({sharedAxes: [1, 2]}), [2, 3, 2, 4]],
    ['prelu_constrained', () => L.prelu({alphaConstraint: 'nonNeg', alphaRegularizer: tf.regularizers.l2()}), [4, 3]],
    ['elu', () => L.elu(), [3, 4]],
    ['thresholded_relu_default', () => L.thresholdedReLU(), [3, 4], {mathGrad: thresholdGrad(1)}],
    ['thresholded_relu_theta', () => L.thresholdedReLU({theta: -0.5}), [2, 3, 3], {mathGrad: thresholdGrad(-0.5)}],
    ['softmax_default', () => L.softmax(), [3, 5]],
    ['softmax_last_axis', () => L.softmax({axis: 2}), [2, 3, 4]],
    ['softmax_two_axes', () => L.softmax({axis: [1, 2]}), [2, 3, 4]],
  ];
  // range 3 puts values on both sides of every threshold (0, 0.7, 1, -0.5).
  return list.map(([name, make, shape, opts]) => layerCase(tf, name, make, shape, rand, {range: 3, ...opts}));
}
