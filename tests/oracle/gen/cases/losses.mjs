// Cases for tf.losses: every loss with every reduction, with and without (broadcast) weights, with
// gradients. Inputs are [labels, predictions, weights?] ([losses, weights?] for computeWeightedLoss);
// attrs.reduction names a tf.Reduction member.
const R = (tf, at) => (at.reduction === undefined ? undefined : tf.Reduction[at.reduction]);

export const ops = {
  computeWeightedLoss: (tf, [l, w], at) => tf.losses.computeWeightedLoss(l, w, R(tf, at)),
  absoluteDifference: (tf, [a, b, w], at) => tf.losses.absoluteDifference(a, b, w, R(tf, at)),
  cosineDistance: (tf, [a, b, w], at) => tf.losses.cosineDistance(a, b, at.axis, w, R(tf, at)),
  hingeLoss: (tf, [a, b, w], at) => tf.losses.hingeLoss(a, b, w, R(tf, at)),
  huberLoss: (tf, [a, b, w], at) => tf.losses.huberLoss(a, b, w, at.delta, R(tf, at)),
  logLoss: (tf, [a, b, w], at) => tf.losses.logLoss(a, b, w, at.epsilon, R(tf, at)),
  meanSquaredError: (tf, [a, b, w], at) => tf.losses.meanSquaredError(a, b, w, R(tf, at)),
  sigmoidCrossEntropy: (tf, [a, b, w], at) => tf.losses.sigmoidCrossEntropy(a, b, w, at.labelSmoothing, R(tf, at)),
  softmaxCrossEntropy: (tf, [a, b, w], at) => tf.losses.softmaxCrossEntropy(a, b, w, at.labelSmoothing, R(tf, at)),
};

const T = (shape, o = {}) => ({shape, ...o});
const REDUCTIONS = ['NONE', 'MEAN', 'SUM', 'SUM_BY_NONZERO_WEIGHTS'];
const weightsGen = {gen: 'uniform', range: [0, 2]};

// Labels/predictions generators per loss (probabilities where the loss needs them).
const unit = {gen: 'uniform', range: [0, 1]};
const inputsFor = {
  absoluteDifference: [{}, {}],
  cosineDistance: [{}, {}],
  hingeLoss: [{gen: 'int', range: [0, 1]}, {}],
  huberLoss: [{}, {}],
  logLoss: [unit, {gen: 'uniform', range: [0.05, 0.95]}],
  meanSquaredError: [{}, {}],
  sigmoidCrossEntropy: [unit, {}],
  softmaxCrossEntropy: [unit, {}],
};

// Each loss with each reduction, unweighted and weighted. With SUM_BY_NONZERO_WEIGHTS TF.js cannot
// differentiate with respect to the weights (the non-zero count goes through NotEqual, which has
// no gradient), so only labels and predictions are differentiated there. softmaxCrossEntropy's
// custom gradient for the labels is not the true derivative, so finite differences check only
// logits and weights (its labels gradient is compared with TF.js in a separate fd: false case).
function matrix(op, shape, weightShape, attrs = {}) {
  const [ls, ps] = softmaxOp(op) ? [{values: distributions(shape)}, {}] : inputsFor[op];
  const out = [];
  for (const reduction of REDUCTIONS) {
    const base = softmaxOp(op) ? [1] : [0, 1];
    out.push({op, inputs: [T(shape, ls), T(shape, ps)], attrs: {...attrs, reduction}, grad: true, gradInputs: base});
    const withW = reduction === 'SUM_BY_NONZERO_WEIGHTS' ? base : [...base, 2];
    out.push({op, inputs: [T(shape, ls), T(shape, ps), T(weightShape, weightsGen)], attrs: {...attrs, reduction},
      grad: true, gradInputs: withW});
  }
  return out;
}
const softmaxOp = (op) => op === 'softmaxCrossEntropy';

// Label distributions (rows along the last axis sum to 1): TF.js's custom softmaxCrossEntropy
// gradient equals the true derivative only for such labels.
function distributions(shape) {
  const n = shape.reduce((a, b) => a * b, 1), k = shape[shape.length - 1];
  let state = 12345 + n;
  const raw = Array.from({length: n}, () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648) + 0.05);
  return raw.map((v, i) => {
    const row = Math.floor(i / k) * k;
    return v / raw.slice(row, row + k).reduce((a, b) => a + b, 0);
  });
}

const zeroWeights = {values: [1.5, 0, 0.5, 0, 2, 0]};

export const cases = [
  // computeWeightedLoss on its own.
  ...REDUCTIONS.flatMap((reduction) => [
    {op: 'computeWeightedLoss', inputs: [T([2, 3])], attrs: {reduction}, grad: true},
    {op: 'computeWeightedLoss', inputs: [T([2, 3]), T([2, 3], zeroWeights)], attrs: {reduction}, grad: true,
      gradInputs: reduction === 'SUM_BY_NONZERO_WEIGHTS' ? [0] : [0, 1]},
    {op: 'computeWeightedLoss', inputs: [T([3, 3]), T([1, 3], weightsGen)], attrs: {reduction}, grad: true,
      gradInputs: reduction === 'SUM_BY_NONZERO_WEIGHTS' ? [0] : [0, 1]},
    {op: 'computeWeightedLoss', inputs: [T([3]), T([2, 3], weightsGen)], attrs: {reduction}},  // weights larger than losses
    {op: 'computeWeightedLoss', inputs: [T([0, 3])], attrs: {reduction}},
    {op: 'computeWeightedLoss', inputs: [T([4], {dtype: 'int32'})], attrs: {reduction}},
  ]),
  {op: 'computeWeightedLoss', inputs: [T([2, 3])], attrs: {}, grad: true},  // default reduction
  {op: 'computeWeightedLoss', inputs: [T([2, 3]), T([], weightsGen)], attrs: {reduction: 'MEAN'}, grad: true},
  {op: 'computeWeightedLoss', inputs: [T([6], {gen: 'special'}), T([6], zeroWeights)], attrs: {}},
  {op: 'computeWeightedLoss', inputs: [T([2, 3]), T([4])], attrs: {}, error: true},

  ...matrix('absoluteDifference', [2, 3], [2, 1]),
  ...matrix('cosineDistance', [3, 4], [3, 1], {axis: 1}),
  ...matrix('cosineDistance', [2, 3, 2], [1, 3, 2], {axis: 0}),
  ...matrix('hingeLoss', [2, 4], [1, 4]),
  ...matrix('huberLoss', [2, 3], [2, 3]),
  ...matrix('huberLoss', [3, 2], [3, 1], {delta: 0.5}),
  ...matrix('logLoss', [2, 3], [2, 3]),
  ...matrix('logLoss', [4], [], {epsilon: 1e-3}),
  ...matrix('meanSquaredError', [2, 3], [2, 1]),
  ...matrix('sigmoidCrossEntropy', [2, 3], [1, 3]),
  ...matrix('sigmoidCrossEntropy', [3, 2], [3, 2], {labelSmoothing: 0.2}),
  ...matrix('softmaxCrossEntropy', [3, 4], [3]),
  ...matrix('softmaxCrossEntropy', [2, 3], [2], {labelSmoothing: 0.1}),

  // Other ranks, shapes and dtypes.
  {op: 'absoluteDifference', inputs: [T([]), T([])], attrs: {}, grad: true},
  {op: 'absoluteDifference', inputs: [T([0, 2]), T([0, 2])], attrs: {reduction: 'SUM'}},
  {op: 'absoluteDifference', inputs: [T([3], {dtype: 'int32'}), T([3], {dtype: 'int32'})], attrs: {reduction: 'NONE'}},
  {op: 'absoluteDifference', inputs: [T([6], {gen: 'special'}), T([6], {gen: 'special'})], attrs: {reduction: 'NONE'}},
  {op: 'meanSquaredError', inputs: [T([3], {dtype: 'int32'}), T([3], {dtype: 'int32'})], attrs: {}},
  {op: 'meanSquaredError', inputs: [T([3], {dtype: 'int32'}), T([3], {dtype: 'int32'})], attrs: {reduction: 'SUM'}},
  {op: 'meanSquaredError', inputs: [T([2, 2, 3]), T([2, 2, 3]), T([2, 1, 1], weightsGen)], attrs: {reduction: 'MEAN'}, grad: true},
  {op: 'meanSquaredError', inputs: [T([2, 3]), T([2, 3]), T([2, 3], zeroWeights)], attrs: {}, grad: true, gradInputs: [0, 1]},
  {op: 'hingeLoss', inputs: [T([5], {gen: 'int', range: [0, 1]}), T([5], {gen: 'special'})], attrs: {reduction: 'NONE'}},
  {op: 'huberLoss', inputs: [T([6], {gen: 'special'}), T([6])], attrs: {reduction: 'NONE'}},
  {op: 'logLoss', inputs: [T([4], {values: [0, 1, 0, 1]}), T([4], {values: [0, 1, 1, 0]})], attrs: {reduction: 'NONE'}},
  {op: 'sigmoidCrossEntropy', inputs: [T([5], unit), T([5], {values: [-100, -20, 0, 20, 100]})], attrs: {reduction: 'NONE'}, grad: true},
  {op: 'sigmoidCrossEntropy', inputs: [T([2, 3], unit), T([2, 3])], attrs: {labelSmoothing: -0.5}, grad: true},  // ignored unless > 0
  {op: 'softmaxCrossEntropy', inputs: [T([4], {values: distributions([4])}), T([4])], attrs: {}, grad: true, gradInputs: [1]},
  {op: 'softmaxCrossEntropy', inputs: [T([2, 2, 3], {values: distributions([2, 2, 3])}), T([2, 2, 3])], attrs: {reduction: 'SUM'},
    grad: true, gradInputs: [1]},
  // Smoothing takes the class count from dimension 1 (2 here, not 3), so the smoothed rows do not sum
  // to 1 and the custom gradient is not the derivative: compared with TF.js only.
  {op: 'softmaxCrossEntropy', inputs: [T([2, 2, 3], {values: distributions([2, 2, 3])}), T([2, 2, 3])],
    attrs: {labelSmoothing: 0.3, reduction: 'NONE'}, grad: true, gradInputs: [1], fd: false},
  {op: 'softmaxCrossEntropy', inputs: [T([2, 3], {values: [0, 0, 1, 1, 0, 0]}), T([2, 3], {values: [10, -10, -10, -10, 10, -10]})],
    attrs: {}, grad: true, gradInputs: [1]},
  {op: 'softmaxCrossEntropy', inputs: [T([2, 3], {values: [0, 1, 0, 0, 0, 1], dtype: 'int32'}), T([2, 3])], attrs: {}, grad: true},
  // TF.js's custom labels gradient (probabilities - labels, negated): compared with TF.js only.
  {op: 'softmaxCrossEntropy', inputs: [T([3, 4], unit), T([3, 4]), T([3], weightsGen)], attrs: {reduction: 'SUM'},
    grad: true, fd: false},
  {op: 'softmaxCrossEntropy', inputs: [T([2, 3], unit), T([2, 3])], attrs: {labelSmoothing: 0.2}, grad: true, fd: false},

  // Bad arguments.
  ...Object.keys(inputsFor).map((op) => ({op, inputs: [T([2, 3]), T([3, 2])], attrs: op === 'cosineDistance' ? {axis: 1} : {}, error: true})),
  {op: 'meanSquaredError', inputs: [T([2, 3]), T([2, 3]), T([2])], attrs: {}, error: true},
  {op: 'softmaxCrossEntropy', inputs: [T([3], unit), T([3])], attrs: {labelSmoothing: 0.1}, error: true},
];
