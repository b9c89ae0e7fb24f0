// tf.LayersModel / tf.Sequential, tf.sequential, tf.model. compile, evaluate, predict, summary and
// the optimizer step run in C++; fit() and fitDataset() are async loops here so that the page gets
// the event loop between batches (TF.js's yieldEvery 'auto': at most every 125 ms) and callbacks
// may be async.
import {CallbackList, fitParams} from './callbacks.mjs';
import {dispose, forCpp, rethrowKept, tidy} from './engine.mjs';
import {Layer, SymbolicTensor, registerModelClasses, wrapLayer} from './layers.mjs';
import {wasm} from './loader.mjs';
import {ops} from './ops.mjs';
import {scalar, Tensor, tensor1d} from './tensor.mjs';
import {saveModel} from './io.mjs';

const single = (list) => (list.length === 1 ? list[0] : list);

function checkBatchSize(batchSize) {
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new Error(`batchSize is required to be a positive integer, but got ${batchSize}`);
  }
}

// An optimizer for compile(): a name, or a tf.train optimizer (by its class name and config).
function optimizerSpec(optimizer) {
  if (typeof optimizer === 'string') return optimizer;
  if (optimizer != null && typeof optimizer.getClassName === 'function') {
    return {className: optimizer.getClassName(), config: optimizer.getConfig()};
  }
  throw new Error('compile: optimizer must be a name (e.g. "adam") or a tf.train optimizer');
}

// Losses and metrics for compile(): names as they are; a function (yTrue, yPred) => Tensor becomes
// {jsFunction: k} with the wrapper the C++ training step calls in `functions`.
function lossSpec(what, value, functions) {
  const one = (v) => {
    if (typeof v === 'string') return v;
    if (typeof v === 'function') {
      functions.push(forCpp((yTrue, yPred) => {
        const r = v(new Tensor(yTrue), new Tensor(yPred));
        if (!(r instanceof Tensor)) throw new Error(`compile: the ${what} function ${v.name || ''} must return a Tensor`);
        return r.id;
      }));
      return {jsFunction: functions.length - 1, name: v.name || `${what}_fn`};
    }
    throw new Error(`compile: ${what} must be names (e.g. 'meanSquaredError') or functions (yTrue, yPred) => Tensor, got ${typeof v}`);
  };
  if (value == null) return [];
  if (Array.isArray(value)) return value.map(one);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v.map(one) : one(v)]));
  }
  return one(value);
}

// Runs a wasm call that may call the user's loss/metric functions, rethrowing their errors.
function withUserFunctions(f) {
  try {
    return f();
  } catch (e) {
    rethrowKept(e);
  }
}

export class LayersModel extends Layer {
  constructor(desc) {
    super(desc);
    this.isTraining = false;
    this.optimizer = undefined;
  }
  io() { return wasm.modelIO(this.id); }
  get inputs() { return this.io().inputs.map((d) => new SymbolicTensor(d)); }
  get outputs() { return this.io().outputs.map((d) => new SymbolicTensor(d)); }
  get inputNames() { return this.io().inputNames; }
  get outputNames() { return this.io().outputNames; }
  get layers() { return wasm.modelLayers(this.id).map(wrapLayer); }
  get metricsNames() { return wasm.modelMetricsNames(this.id); }
  get stopTraining() { return wasm.modelStopTraining(this.id); }
  set stopTraining(stop) { wasm.modelSetStopTraining(this.id, Boolean(stop)); }
  getLayer(name, index) {
    if (index != null) return wrapLayer(wasm.modelGetLayer(this.id, index));
    if (name == null) throw new Error('Provide either a layer name or layer index');
    return wrapLayer(wasm.modelGetLayer(this.id, name));
  }
  toJSON(unused, returnString = true) {
    const json = wasm.modelToJSON(this.id);
    return returnString ? json : JSON.parse(json);
  }
  summary(lineLength, positions, printFn = console.log) {
    for (const line of wasm.modelSummary(this.id, lineLength ?? 0, positions ?? [])) printFn(line);
  }

  compile(args) {
    if (args == null || args.loss == null) throw new Error('compile: args.loss is required');
    const functions = [];
    const loss = lossSpec('loss', args.loss, functions);
    const metrics = lossSpec('metric', args.metrics, functions);
    wasm.modelCompile(this.id, JSON.stringify(optimizerSpec(args.optimizer)), JSON.stringify(loss),
                      JSON.stringify(metrics), functions);
    this.optimizer = args.optimizer;
  }

  // x as a Tensor, Tensor[] or {inputName: Tensor} -> ids in input order.
  idsOf(data, names, what) {
    if (data instanceof Tensor) return [data.id];
    if (Array.isArray(data)) {
      return data.map((t, i) => {
        if (!(t instanceof Tensor)) throw new Error(`${what}[${i}] is not a Tensor`);
        return t.id;
      });
    }
    if (data != null && typeof data === 'object') {
      return names.map((n) => {
        if (!(data[n] instanceof Tensor)) throw new Error(`${what}: no Tensor for '${n}' (expected keys: ${names.join(', ')})`);
        return data[n].id;
      });
    }
    throw new Error(`${what} must be a Tensor, an array of Tensors or an object of Tensors`);
  }
  xIds(x, what = 'x') { return this.idsOf(x, this.inputNames, what); }
  yIds(y, what = 'y') { return this.idsOf(y, this.outputNames, what); }

  predict(x, args = {}) {
    if (args.batchSize != null) checkBatchSize(args.batchSize);
    return single(wasm.modelPredict(this.id, this.xIds(x), args.batchSize ?? 0).map((d) => new Tensor(d)));
  }
  predictOnBatch(x) { return single(wasm.modelPredictOnBatch(this.id, this.xIds(x)).map((d) => new Tensor(d))); }
  evaluate(x, y, args = {}) {
    if (args.batchSize != null) checkBatchSize(args.batchSize);
    return single(withUserFunctions(() => wasm.modelEvaluate(this.id, this.xIds(x), this.yIds(y), args.batchSize ?? 0)).map((d) => new Tensor(d)));
  }
  async trainOnBatch(x, y) { return single(withUserFunctions(() => wasm.modelTrainOnBatch(this.id, this.xIds(x), this.yIds(y)))); }

  async fit(x, y, args = {}) {
    if (this.isTraining) throw new Error('Cannot start training because another fit() call is ongoing.');
    this.isTraining = true;
    const owned = [];  // tensors fit() made (validation split), disposed at the end
    try {
      const batchSize = args.batchSize ?? 32;
      checkBatchSize(batchSize);
      const epochs = args.epochs ?? 1;
      let xs = this.asList(x, this.inputNames);
      let ys = this.asList(y, this.outputNames);
      let valXs = null;
      let valYs = null;
      if (args.validationData != null) {
        if (!Array.isArray(args.validationData) || args.validationData.length < 2) {
          throw new Error('validationData must be an array of two (x, y) or three (x, y, sampleWeight) elements');
        }
        valXs = this.asList(args.validationData[0], this.inputNames);
        valYs = this.asList(args.validationData[1], this.outputNames);
      } else if (args.validationSplit > 0 && args.validationSplit < 1) {
        const n = xs[0].shape[0];
        const splitAt = Math.floor(n * (1 - args.validationSplit));
        if (splitAt === 0) throw new Error(`fit: validationSplit=${args.validationSplit} of ${n} sample(s) leaves no training data`);
        const part = (ts, begin, size) => ts.map((t) => { const s = ops.slice(t, begin, size); owned.push(s); return s; });
        valXs = part(xs, splitAt, n - splitAt);
        valYs = part(ys, splitAt, n - splitAt);
        xs = part(xs, 0, splitAt);
        ys = part(ys, 0, splitAt);
      }
      const numSamples = xs[0].shape[0];
      if (numSamples === 0) throw new Error('fit: the training data is empty (0 samples); x and y need at least one example');
      const labels = this.metricsNames;
      const doValidation = valXs != null;
      const params = fitParams(labels, doValidation, {epochs, initialEpoch: args.initialEpoch ?? 0, samples: numSamples,
                                                      steps: null, batchSize, verbose: args.verbose ?? 1});
      const cbs = new CallbackList(args.callbacks, this, params);
      const shuffle = args.shuffle ?? true;
      await cbs.trainBegin();
      this.stopTraining = false;
      for (let epoch = params.initialEpoch; epoch < epochs; ++epoch) {
        await cbs.run('onEpochBegin', epoch, {});
        const order = Array.from({length: numSamples}, (_, i) => i);
        if (shuffle) shuffleInPlace(order);
        const indices = tensor1d(order, 'int32');
        const totals = new Map();
        const epochLogs = {};
        const numBatches = Math.ceil(numSamples / batchSize);
        for (let b = 0; b < numBatches; ++b) {
          const start = b * batchSize;
          const size = Math.min(batchSize, numSamples - start);
          const batchLogs = {batch: b, size};
          await cbs.run('onBatchBegin', b, batchLogs);
          const outs = tidy(() => {
            const ids = ops.slice(indices, start, size);
            const pick = (ts) => ts.map((t) => ops.gather(t, ids).id);
            return withUserFunctions(() => wasm.modelTrainOnBatch(this.id, pick(xs), pick(ys)));
          });
          labels.forEach((label, i) => {
            batchLogs[label] = outs[i];
            totals.set(label, (totals.get(label) ?? 0) + outs[i] * size);
          });
          if (b === numBatches - 1 && doValidation) {
            const valOuts = withUserFunctions(() => wasm.modelEvaluate(this.id, valXs.map((t) => t.id), valYs.map((t) => t.id), batchSize));
            valOuts.forEach((d, i) => {
              const t = new Tensor(d);
              epochLogs[`val_${labels[i]}`] = t.dataSync()[0];
              t.dispose();
            });
          }
          await cbs.batchEnd(epoch, b, batchLogs);
          if (this.stopTraining) break;
        }
        indices.dispose();
        const logs = {};
        for (const [label, total] of totals) logs[label] = total / numSamples;
        Object.assign(logs, epochLogs);
        await cbs.epochEnd(epoch, logs);
        if (this.stopTraining) break;
      }
      return cbs.trainEnd(params);
    } finally {
      dispose(owned);
      this.isTraining = false;
    }
  }

  asList(data, names) {
    const ids = this.idsOf(data, names, 'data');
    if (data instanceof Tensor) return [data];
    if (Array.isArray(data)) return data;
    return names.map((n) => data[n]);
  }

  // A dataset of {xs, ys} batches (tf.data); validationData: a dataset or [x, y].
  async fitDataset(dataset, args = {}) {
    if (this.isTraining) throw new Error('Cannot start training because another fit() call is ongoing.');
    if (args.epochs == null) throw new Error('For fitDataset(), config.epochs is expected to be a positive integer');
    this.isTraining = true;
    try {
      const labels = this.metricsNames;
      const doValidation = args.validationData != null;
      const params = fitParams(labels, doValidation, {epochs: args.epochs, initialEpoch: args.initialEpoch ?? 0,
                                                      samples: null, steps: args.batchesPerEpoch ?? null, batchSize: null,
                                                      verbose: args.verbose ?? 1});
      const cbs = new CallbackList(args.callbacks, this, params);
      await cbs.trainBegin();
      this.stopTraining = false;
      let iterator = await dataset.iterator();
      for (let epoch = params.initialEpoch; epoch < args.epochs; ++epoch) {
        await cbs.run('onEpochBegin', epoch, {});
        const totals = new Map();
        let seen = 0;
        let b = 0;
        while (args.batchesPerEpoch == null || b < args.batchesPerEpoch) {
          const next = await iterator.next();
          if (next.done) {
            if (args.batchesPerEpoch != null) {
              console.warn(`You provided \`batchesPerEpoch\` as ${args.batchesPerEpoch}, but your dataset iterator ran out of data after ${b} batches; interrupting training.`);
              this.stopTraining = true;
            } else {
              iterator = await dataset.iterator();  // the next epoch starts a new pass
            }
            break;
          }
          const {xs, ys} = batchOf(next.value);
          const size = this.asList(xs, this.inputNames)[0].shape[0];
          const batchLogs = {batch: b, size};
          await cbs.run('onBatchBegin', b, batchLogs);
          const outs = withUserFunctions(() => wasm.modelTrainOnBatch(this.id, this.xIds(xs, 'xs'), this.yIds(ys, 'ys')));
          dispose(next.value);
          labels.forEach((label, i) => {
            batchLogs[label] = outs[i];
            totals.set(label, (totals.get(label) ?? 0) + outs[i] * size);
          });
          seen += size;
          await cbs.batchEnd(epoch, b++, batchLogs);
          if (this.stopTraining) break;
        }
        const logs = {};
        for (const [label, total] of totals) logs[label] = total / Math.max(seen, 1);
        if (doValidation) {
          const valOuts = await this.evaluateValidation(args.validationData, args);
          valOuts.forEach((v, i) => { logs[`val_${labels[i]}`] = v; });
        }
        await cbs.epochEnd(epoch, logs);
        if (this.stopTraining) break;
      }
      return cbs.trainEnd(params);
    } finally {
      this.isTraining = false;
    }
  }

  async evaluateValidation(validationData, args) {
    let outs;
    if (Array.isArray(validationData)) {
      outs = this.evaluate(validationData[0], validationData[1], {batchSize: args.validationBatchSize ?? 32});
    } else {
      outs = await this.evaluateDataset(validationData, {batches: args.validationBatches});
    }
    const list = Array.isArray(outs) ? outs : [outs];
    const values = list.map((t) => t.dataSync()[0]);
    dispose(list);
    return values;
  }

  // The loss and metrics averaged over the dataset's batches (weighted by batch size).
  async evaluateDataset(dataset, args = {}) {
    const iterator = await dataset.iterator();
    const totals = [];
    let seen = 0;
    for (let b = 0; args.batches == null || b < args.batches; ++b) {
      const next = await iterator.next();
      if (next.done) break;
      const {xs, ys} = batchOf(next.value);
      const size = this.asList(xs, this.inputNames)[0].shape[0];
      const outs = withUserFunctions(() => wasm.modelEvaluate(this.id, this.xIds(xs, 'xs'), this.yIds(ys, 'ys'), 0)).map((d) => new Tensor(d));
      outs.forEach((t, i) => { totals[i] = (totals[i] ?? 0) + t.dataSync()[0] * size; });
      dispose(outs);
      dispose(next.value);
      seen += size;
    }
    if (seen === 0) throw new Error('evaluateDataset: the dataset yielded no batches');
    return single(totals.map((t) => scalar(t / seen)));
  }

  async save(handlerOrURL, config = {}) { return saveModel(this, handlerOrURL, config); }
  setUserDefinedMetadata(metadata) { this.userDefinedMetadata = metadata; }
  getUserDefinedMetadata() { return this.userDefinedMetadata; }
}

function batchOf(value) {
  if (value == null || typeof value !== 'object' || !('xs' in value) || !('ys' in value)) {
    throw new Error('fitDataset: the dataset must yield {xs, ys} batches (use .map() and .batch()); got ' +
                    (value == null ? value : `an object with keys ${Object.keys(value).join(', ')}`));
  }
  return value;
}

function shuffleInPlace(a) {
  for (let i = a.length - 1; i > 0; --i) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}

export class Sequential extends LayersModel {
  add(layer) {
    if (!(layer instanceof Layer)) throw new Error('Sequential.add: the argument must be a layer (e.g. tf.layers.dense(...))');
    wasm.sequentialAdd(this.id, layer.id);
  }
  pop() { wasm.sequentialPop(this.id); }
}

registerModelClasses({LayersModel, Sequential});

export function sequential(config = {}) {
  const model = wrapLayer(wasm.sequentialCreate(config.name ?? ''));
  for (const layer of config.layers ?? []) model.add(layer);
  return model;
}

export function model(args) {
  if (args == null || args.inputs == null || args.outputs == null) throw new Error('tf.model: args.inputs and args.outputs are required');
  const list = (x) => (Array.isArray(x) ? x : [x]).map((s) => {
    if (!(s instanceof SymbolicTensor)) throw new Error('tf.model: inputs and outputs must be SymbolicTensors (from tf.input / layer.apply)');
    return s.symbolicId;
  });
  return wrapLayer(wasm.modelCreate(list(args.inputs), list(args.outputs), args.name ?? ''));
}
