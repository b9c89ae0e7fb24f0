// model.fit() with shuffle off: the epoch logs (losses and metrics, with validation from
// validationSplit or validationData) and the final weights.
import {activationFor, encode, rng, seedWeights, targetsFor, uniform} from './util.mjs';

const CONFIGS = [
  {name: 'mse_split', loss: 'meanSquaredError', metrics: ['mae', 'mse'], units: 2, batchSize: 4, epochs: 6,
    validationSplit: 0.25, optimizer: (tf) => tf.train.sgd(0.05)},
  {name: 'cce_accuracy_split', loss: 'categoricalCrossentropy', metrics: ['accuracy', 'ce'], units: 3, batchSize: 5,
    epochs: 5, validationSplit: 0.3, optimizer: (tf) => tf.train.adam(0.02)},
  {name: 'bce_accuracy_precision', loss: 'binaryCrossentropy', metrics: ['accuracy', 'precision'], units: 1,
    batchSize: 3, epochs: 4, validationSplit: 0.2, optimizer: (tf) => tf.train.rmsprop(0.01)},
  {name: 'sparse_cce_valdata', loss: 'sparseCategoricalCrossentropy', metrics: ['acc'], units: 4, batchSize: 8,
    epochs: 4, validationData: true, optimizer: (tf) => tf.train.momentum(0.05, 0.9)},
  {name: 'mae_cosine_no_validation', loss: 'meanAbsoluteError', metrics: ['cosine', 'mape'], units: 3, batchSize: 32,
    epochs: 3, optimizer: (tf) => tf.train.adagrad(0.1)},
  {name: 'initial_epoch_dropout', loss: 'meanSquaredError', metrics: [], units: 2, batchSize: 6, epochs: 5,
    initialEpoch: 2, validationSplit: 0.5, optimizer: (tf) => tf.train.adamax(0.05), dropout: true},
];

export async function fitCases(tf) {
  const cases = [];
  for (const c of CONFIGS) {
    const rand = rng(c.name);
    const n = 20, inputDim = 3;
    const model = tf.sequential();
    model.add(tf.layers.dense({units: 5, activation: 'relu', inputShape: [inputDim]}));
    // Dropout only at inference here would change nothing; in training it is random, so it is
    // checked by the layer cases instead. With rate 0 it still takes part in the graph.
    if (c.dropout) model.add(tf.layers.dropout({rate: 0}));
    model.add(tf.layers.dense({units: c.units, activation: activationFor(c.loss)}));
    const weights = seedWeights(tf, model, rand);
    model.compile({optimizer: c.optimizer(tf), loss: c.loss, metrics: c.metrics});
    const x = tf.tensor2d(uniform(rand, [n, inputDim], -2, 2), [n, inputDim]);
    const y = targetsFor(tf, rand, c.loss, n, c.units);
    const args = {batchSize: c.batchSize, epochs: c.epochs, shuffle: false, verbose: 0};
    const out = {name: c.name, kind: 'fit', model: model.toJSON(null, false), weights, loss: c.loss,
      metrics: c.metrics, optimizer: {className: model.optimizer.getClassName(), config: model.optimizer.getConfig()},
      x: encode(x), y: encode(y), args: {...args}};
    if (c.validationSplit) args.validationSplit = out.args.validationSplit = c.validationSplit;
    if (c.initialEpoch) args.initialEpoch = out.args.initialEpoch = c.initialEpoch;
    if (c.validationData) {
      const vx = tf.tensor2d(uniform(rand, [7, inputDim], -2, 2), [7, inputDim]);
      const vy = targetsFor(tf, rand, c.loss, 7, c.units);
      args.validationData = [vx, vy];
      out.validationData = {x: encode(vx), y: encode(vy)};
    }
    const history = await model.fit(x, y, args);
    out.epochs = history.epoch;
    out.history = history.history;
    out.finalWeights = model.getWeights().map(encode);
    cases.push(out);
  }
  return cases;
}
