// Optimizer steps: the same model, initial weights and batches through 20 trainOnBatch() calls,
// for every optimizer (by object and by name) and, with a few steps, every loss.
import {activationFor, encode, pick, rng, seedWeights, targetsFor, uniform} from './util.mjs';

const LOSSES = ['meanSquaredError', 'meanAbsoluteError', 'meanAbsolutePercentageError', 'meanSquaredLogarithmicError',
  'squaredHinge', 'hinge', 'categoricalHinge', 'logcosh', 'categoricalCrossentropy', 'sparseCategoricalCrossentropy',
  'binaryCrossentropy', 'kullbackLeiblerDivergence', 'poisson', 'cosineProximity'];

function optimizers(tf) {
  return [
    ['sgd', () => tf.train.sgd(0.1)],
    ['momentum', () => tf.train.momentum(0.05, 0.9)],
    ['momentum_nesterov', () => tf.train.momentum(0.05, 0.8, true)],
    ['rmsprop', () => tf.train.rmsprop(0.01)],
    ['rmsprop_centered_momentum', () => tf.train.rmsprop(0.01, 0.8, 0.5, 1e-6, true)],
    ['adam', () => tf.train.adam(0.01)],
    ['adam_betas', () => tf.train.adam(0.02, 0.8, 0.99, 1e-5)],
    ['adadelta', () => tf.train.adadelta(0.5, 0.9)],
    ['adamax', () => tf.train.adamax(0.02)],
    ['adamax_decay', () => tf.train.adamax(0.02, 0.85, 0.99, undefined, 0.05)],
    ['adagrad', () => tf.train.adagrad(0.1, 0.2)],
    // compile() with a name: tfjs-layers' defaults
    ['name_sgd', () => 'sgd'], ['name_adam', () => 'adam'], ['name_rmsprop', () => 'rmsprop'],
    ['name_adagrad', () => 'adagrad'], ['name_adadelta', () => 'adadelta'], ['name_adamax', () => 'adamax'],
  ];
}

async function trainCase(tf, name, {optimizer, loss, steps, hiddenActivation, units = 3, regularizer}) {
  const rand = rng(name);
  const inputDim = 4, batch = 5;
  const model = tf.sequential();
  model.add(tf.layers.dense({units: 6, activation: hiddenActivation, inputShape: [inputDim],
    kernelRegularizer: regularizer ? tf.regularizers.l1l2(regularizer) : undefined}));
  model.add(tf.layers.dense({units, activation: activationFor(loss)}));
  const weights = seedWeights(tf, model, rand);
  const opt = optimizer();
  model.compile({optimizer: opt, loss});
  const batches = [];
  const losses = [];
  for (let s = 0; s < steps; s++) {
    const x = tf.tensor2d(uniform(rand, [batch, inputDim], -2, 2), [batch, inputDim]);
    const y = targetsFor(tf, rand, loss, batch, units);
    batches.push({x: encode(x), y: encode(y)});
    losses.push(await model.trainOnBatch(x, y));
  }
  const o = model.optimizer;
  return {
    name, kind: 'train', model: model.toJSON(null, false), weights, loss,
    optimizer: typeof opt === 'string' ? {name: opt} : {className: o.getClassName(), config: o.getConfig()},
    batches, losses, finalWeights: model.getWeights().map(encode),
  };
}

export async function trainCases(tf) {
  const cases = [];
  for (const [optName, make] of optimizers(tf))
    cases.push(await trainCase(tf, `opt_${optName}`, {optimizer: make, loss: 'categoricalCrossentropy', steps: 20,
      hiddenActivation: 'tanh'}));
  const rand = rng('losses');
  for (const loss of LOSSES)
    cases.push(await trainCase(tf, `loss_${loss}`, {optimizer: () => tf.train.sgd(0.05), loss, steps: 3,
      hiddenActivation: pick(rand, ['relu', 'tanh', 'sigmoid', 'elu'])}));
  cases.push(await trainCase(tf, 'regularized_l1l2', {optimizer: () => tf.train.adam(0.01), loss: 'meanSquaredError',
    steps: 5, hiddenActivation: 'relu', regularizer: {l1: 0.01, l2: 0.02}}));
  return cases;
}
