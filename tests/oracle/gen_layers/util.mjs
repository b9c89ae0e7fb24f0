// Shared helpers of the layers oracle generator: seeded values, tensor encoding, model set-up.

// Deterministic values: mulberry32 seeded from a text.
export function rng(seedText) {
  let h = 1779033703 ^ seedText.length;
  for (let i = 0; i < seedText.length; i++) h = Math.imul(h ^ seedText.charCodeAt(i), 3432918353), h = (h << 13) | (h >>> 19);
  let a = h >>> 0;
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const size = (shape) => shape.reduce((a, b) => a * b, 1);

// Uniform values in [lo, hi).
export function uniform(rand, shape, lo = -1, hi = 1) {
  return Array.from({length: size(shape)}, () => lo + (hi - lo) * rand());
}

const enc = (x) => (Number.isNaN(x) ? 'NaN' : x === Infinity ? 'Infinity' : x === -Infinity ? '-Infinity' : x);

export function encode(t) {
  return {shape: t.shape, dtype: t.dtype, data: Array.from(t.dataSync()).map(enc)};
}

export function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

// Replaces every weight of a built model by seeded values; returns them encoded.
export function seedWeights(tf, model, rand, scale = 0.5) {
  const values = model.weights.map((w) => tf.tensor(uniform(rand, w.shape, -scale, scale), w.shape));
  model.setWeights(values);
  return values.map(encode);
}

// Targets for a loss: one-hot, class indices, 0/1, or real values.
export function targetsFor(tf, rand, loss, batch, units) {
  const classes = Array.from({length: batch}, () => Math.floor(rand() * units));
  switch (loss) {
    case 'categoricalCrossentropy':
    case 'categoricalHinge':
    case 'kullbackLeiblerDivergence':
      return tf.oneHot(tf.tensor1d(classes, 'int32'), units).cast('float32');
    case 'sparseCategoricalCrossentropy':
      return tf.tensor2d(classes, [batch, 1]);
    case 'binaryCrossentropy':
      return tf.tensor2d(uniform(rand, [batch, units], 0, 1).map((v) => (v < 0.5 ? 0 : 1)), [batch, units]);
    case 'hinge':
    case 'squaredHinge':
      return tf.tensor2d(uniform(rand, [batch, units], 0, 1).map((v) => (v < 0.5 ? -1 : 1)), [batch, units]);
    case 'poisson':
    case 'meanSquaredLogarithmicError':
    case 'meanAbsolutePercentageError':
      return tf.tensor2d(uniform(rand, [batch, units], 0.5, 2), [batch, units]);
    default:
      return tf.tensor2d(uniform(rand, [batch, units], -1, 1), [batch, units]);
  }
}

// The output activation that suits a loss.
export function activationFor(loss) {
  switch (loss) {
    case 'categoricalCrossentropy':
    case 'sparseCategoricalCrossentropy':
    case 'kullbackLeiblerDivergence':
      return 'softmax';
    case 'binaryCrossentropy':
      return 'sigmoid';
    case 'poisson':
    case 'meanSquaredLogarithmicError':
      return 'softplus';
    default:
      return 'linear';
  }
}
