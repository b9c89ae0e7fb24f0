// Layers on their own: random configurations, seeded weights; the output, and the gradients of
// sum(output * dy) with respect to the input and to every trainable weight.
import {encode, pick, rng, uniform} from './util.mjs';

const ACTIVATIONS = ['elu', 'selu', 'relu', 'relu6', 'linear', 'sigmoid', 'hardSigmoid', 'softplus', 'softsign',
  'tanh', 'softmax', 'logSoftmax', 'gelu', 'gelu_new', 'mish', 'swish'];

// One layer's case. inputShape is one shape, or a list of shapes for a layer of several inputs
// (then x and gradInput are lists too). mathGrad(x, dy) gives the input gradient by formula
// for a layer TF.js cannot differentiate (ThresholdedReLU: no gradient for Greater). With
// indices (Embedding), inputs are integers in [0, indices) and have no gradient (gradInput null).
// xFn transforms the generated inputs (e.g. to plant masked steps), weightsFn the weights.
// mask ([batch, timeSteps] bool) goes to every call as kwargs.mask, as models pass it on.
// mathFn(x, weights) replaces the layer by its formula in TF.js ops, where TF.js's layer is wrong
// (BatchNormalization on a non-last axis: its cpu kernel ignores the broadcast shape); the
// trainable weights must then come first in layer.weights.
export function layerCase(tf, name, make, inputShape, rand,
    {range = 2, mathGrad, indices, xFn = (x) => x, weightsFn = (layer, ws) => ws, mathFn, mask} = {}) {
  const kwargs = () => (mask ? {mask} : undefined);  // fresh: RNN.apply writes initialState into it
  const layer = make();
  const multi = Array.isArray(inputShape[0]);
  const shapes = multi ? inputShape : [inputShape];
  const xs = shapes.map((s) => (indices ? tf.tensor(uniform(rand, s, 0, indices).map(Math.floor), s, 'int32') :
    xFn(tf.tensor(uniform(rand, s, -range, range), s))));
  const input = multi ? xs : xs[0];
  layer.apply(input, kwargs());  // builds the weights
  const weights = weightsFn(layer, layer.weights.map((w) => tf.tensor(uniform(rand, w.shape, -0.8, 0.8), w.shape)));
  layer.setWeights(weights);
  // A layer of several outputs (an RNN cell, returnState): y and dy are lists, f sums over them.
  const y = mathFn ? mathFn(xs[0], weights) : layer.apply(input, kwargs());
  const multiOut = Array.isArray(y);
  const ys = multiOut ? y : [y];
  const dys = ys.map((t) => tf.tensor(uniform(rand, t.shape), t.shape));
  const dy = dys[0];
  const weighted = (out) => [].concat(out).map((t, i) => tf.sum(tf.mul(t, dys[i]))).reduce((a, b) => tf.add(a, b));
  const f = (...inputs) => weighted(layer.apply(multi ? inputs : inputs[0], kwargs()));
  if (mathFn) {
    const k = layer.trainableWeights.length;
    const g = (x, ...trainable) => tf.sum(tf.mul(mathFn(x, trainable.concat(weights.slice(k))), dy));
    const [gx, ...gw] = tf.grads(g)([xs[0], ...weights.slice(0, k)]);
    return {name, kind: 'layer', className: layer.getClassName(), config: layer.getConfig(), x: encode(xs[0]),
      weights: weights.map(encode), y: encode(y), dy: encode(dy), gradInput: encode(gx), gradWeights: gw.map(encode)};
  }
  // Where TF.js's own gradient throws (BatchNormalization on a non-last axis or without
  // center/scale), the case records why and checks only what TF.js computes.
  const tfGrad = (fn, what) => {
    try {
      return fn();
    } catch (e) {
      gradErrors.push(`${what}: ${e.message}`);
      return null;
    }
  };
  const gradErrors = [];
  const gradInputs = indices ? null : mathGrad ? [mathGrad(xs[0], dy)] : tfGrad(() => tf.grads(f)(xs), 'input');
  const c = {name, kind: 'layer', className: layer.getClassName(), config: layer.getConfig(),
    x: multi ? xs.map(encode) : encode(xs[0]), weights: weights.map(encode),
    y: multiOut ? ys.map(encode) : encode(y), dy: multiOut ? dys.map(encode) : encode(dy),
    gradInput: !gradInputs ? null : multi ? gradInputs.map(encode) : encode(gradInputs[0]), gradWeights: []};
  const trainable = layer.trainableWeights.map((w) => w.read());
  if (trainable.length > 0) {
    const r = tfGrad(() => tf.variableGrads(() => f(...xs), trainable), 'weights');
    c.gradWeights = r ? trainable.map((v) => encode(r.grads[v.name])) : null;
  }
  if (gradErrors.length) c.tfjsGradientErrors = gradErrors;
  if (mask) c.mask = encode(mask);
  return c;
}

export async function layerCases(tf) {
  const cases = [];
  const rand = rng('layers');
  for (let i = 0; i < 24; i++) {
    const activation = ACTIVATIONS[i % ACTIVATIONS.length];
    const rank3 = rand() < 0.3;
    const inDim = 1 + Math.floor(rand() * 5);
    const shape = rank3 ? [2, 1 + Math.floor(rand() * 3), inDim] : [1 + Math.floor(rand() * 4), inDim];
    const cfg = {units: 1 + Math.floor(rand() * 5), activation, useBias: rand() < 0.7};
    cases.push(layerCase(tf, `dense_${i}_${activation}`, () => tf.layers.dense(cfg), shape, rand));
  }
  for (const activation of ACTIVATIONS)
    cases.push(layerCase(tf, `activation_${activation}`, () => tf.layers.activation({activation}), [3, 4], rand,
      {range: 3}));
  cases.push(layerCase(tf, 'flatten_rank3', () => tf.layers.flatten(), [2, 3, 4], rand));
  cases.push(layerCase(tf, 'flatten_rank4', () => tf.layers.flatten(), [2, 2, 1, 3], rand));
  cases.push(layerCase(tf, 'flatten_channels_first', () => tf.layers.flatten({dataFormat: 'channelsFirst'}),
    [2, 3, 2], rand));
  cases.push(layerCase(tf, 'reshape_infer', () => tf.layers.reshape({targetShape: [3, -1]}), [2, 6], rand));
  cases.push(layerCase(tf, 'reshape_rank3', () => tf.layers.reshape({targetShape: [2, 2, 3]}), [3, 4, 3], rand));
  cases.push(layerCase(tf, 'dropout_inference', () => tf.layers.dropout({rate: 0.4, seed: 2}), [3, 5], rand));
  cases.push(layerCase(tf, 'permute_rank3', () => tf.layers.permute({dims: [2, 1]}), [2, 3, 4], rand));
  cases.push(layerCase(tf, 'permute_rank4', () => tf.layers.permute({dims: [3, 1, 2]}), [2, 2, 3, 4], rand));
  cases.push(layerCase(tf, 'repeat_vector', () => tf.layers.repeatVector({n: 3}), [2, 4], rand));
  cases.push(layerCase(tf, 'spatial_dropout1d_inference', () => tf.layers.spatialDropout1d({rate: 0.4}), [2, 3, 4],
    rand));
  // Masking: the steps whose features are all small are set to the mask value 0.5.
  const plantMaskedSteps = (x) => {
    const m = tf.cast(tf.all(tf.less(tf.abs(x), 0.3), -1, true), 'float32');
    return tf.add(x, tf.mul(tf.sub(0.5, x), m));
  };
  cases.push(layerCase(tf, 'masking', () => tf.layers.masking({maskValue: 0.5}), [3, 4, 2], rand,
    {range: 0.6, xFn: plantMaskedSteps}));
  const pickShape = () => pick(rand, [[2, 3], [4, 2]]);
  cases.push(layerCase(tf, 'dense_regularized_constrained',
    () => tf.layers.dense({units: 3, kernelRegularizer: 'l1l2', kernelConstraint: 'nonNeg', biasConstraint: 'maxNorm'}),
    pickShape(), rand));
  return cases;
}
