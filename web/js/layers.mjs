// tf.layers.*, tf.input and the Layer / SymbolicTensor classes. A layer lives in the C++ engine;
// JS holds its id. Each factory hands its args to the C++ class registry as the layer's config,
// which is what TF.js's fromConfig does with a saved config too.
import {wasm} from './loader.mjs';
import {Tensor} from './tensor.mjs';

const wrappers = new Map();  // layer id -> its one JS object, so getLayer() returns the same object

// The JS object of a layer the wasm side described ({id, name, className, isModel, isSequential}).
export function wrapLayer(desc) {
  let w = wrappers.get(desc.id);
  if (w == null) {
    w = new (layerClassFor(desc))(desc);
    wrappers.set(desc.id, w);
  }
  return w;
}
export function forgetWrapper(id) { wrappers.delete(id); }

let modelClasses = null;  // set by models.mjs (which imports this file)
export function registerModelClasses(classes) { modelClasses = classes; }
function layerClassFor(desc) {
  if (desc.isSequential) return modelClasses.Sequential;
  if (desc.isModel) return modelClasses.LayersModel;
  return Layer;
}

export class SymbolicTensor {
  constructor(desc) {
    this.symbolicId = desc.symbolicId;
    this.name = desc.name;
    this.shape = desc.shape;
    this.dtype = desc.dtype;
    this.layerId = desc.layerId;
  }
  get rank() { return this.shape.length; }
  get sourceLayer() { return this.layerId == null ? null : layerById(this.layerId); }
  toString() { return `SymbolicTensor ${this.name} [${this.shape.map((d) => d ?? 'null').join(',')}] ${this.dtype}`; }
}

function layerById(id) {
  const existing = wrappers.get(id);
  return existing ?? wrapLayer(wasm.layerInfo(id));
}

const symbolics = (descs) => descs.map((d) => new SymbolicTensor(d));
const single = (list) => (list.length === 1 ? list[0] : list);

export class Layer {
  constructor(desc) {
    this.id = desc.id;
    this.name = desc.name;
    this.className = desc.className;
  }
  getClassName() { return this.className; }
  info() { return wasm.layerInfo(this.id); }

  // On SymbolicTensors: adds the call to the graph; on Tensors: computes it now.
  apply(inputs, kwargs = {}) {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    if (list.length === 0) throw new Error(`${this.name}.apply: no inputs`);
    const symbolic = list.every((x) => x instanceof SymbolicTensor);
    if (!symbolic && !list.every((x) => x instanceof Tensor)) {
      throw new Error(`${this.name}.apply: inputs must be all SymbolicTensors or all Tensors`);
    }
    const ids = list.map((x) => (symbolic ? x.symbolicId : x.id));
    const out = wasm.layerApply(this.id, ids, symbolic, JSON.stringify(kwargs ?? {}));
    return single(symbolic ? symbolics(out) : out.map((d) => new Tensor(d)));
  }
  call(inputs, kwargs) { return this.apply(inputs, kwargs); }

  get trainable() { return this.info().trainable; }
  set trainable(value) { wasm.layerSetTrainable(this.id, Boolean(value)); }
  get built() { return this.info().built; }
  get outputShape() {
    const shapes = this.info().outputShapes;
    if (shapes == null) throw new Error(`The layer ${this.name} has never been called and thus has no defined output shape.`);
    return single(shapes);
  }
  get input() { return this.ioOf('inputs'); }
  get output() { return this.ioOf('outputs'); }
  ioOf(which) {
    const list = this.info()[which];
    if (list == null) throw new Error(`Layer ${this.name} is not connected, no ${which === 'inputs' ? 'input' : 'output'} to return.`);
    return single(symbolics(list));
  }
  get inboundNodes() { return this.info().inputs == null ? [] : [{}]; }

  getWeights(trainableOnly = false) { return wasm.layerGetWeights(this.id, trainableOnly).map((d) => new Tensor(d)); }
  setWeights(weights) { wasm.layerSetWeights(this.id, weights.map((w) => w.id)); }
  // The LayerVariables: {name, originalName, shape, dtype, trainable, read()}.
  get weights() {
    return wasm.layerWeightInfo(this.id).map((w) => {
      const t = new Tensor(w.tensor);
      return {name: w.name, originalName: w.originalName, shape: w.shape, dtype: w.dtype, trainable: w.trainable,
              id: t.id, read: () => t, val: t};
    });
  }
  get trainableWeights() { return this.trainable ? this.weights.filter((w) => w.trainable) : []; }
  get nonTrainableWeights() { return this.trainable ? this.weights.filter((w) => !w.trainable) : this.weights; }
  countParams() { return wasm.layerCountParams(this.id); }
  getConfig() { return JSON.parse(wasm.layerConfig(this.id)); }
  dispose() {
    const result = wasm.layerDispose(this.id);
    if (result.refCountAfterDispose === 0) forgetWrapper(this.id);
    return result;
  }
}

// ---- args -> config ----------------------------------------------------------------------------

// An initializer, regularizer or constraint made by tf.initializers.* & co.
export class Serializable {
  constructor(className, config = {}) {
    this.className = className;
    this.config = config;
  }
  getClassName() { return this.className; }
  getConfig() { return this.config; }
}

function toConfigValue(key, value) {
  if (value instanceof Layer) return {className: value.getClassName(), config: value.getConfig()};
  if (value instanceof Serializable) return {className: value.className, config: value.config};
  if (value instanceof Tensor) throw new Error(`${key}: a Tensor cannot be a layer config value`);
  if (Array.isArray(value)) return value.map((v) => toConfigValue(key, v));
  return value;
}

// TF.js's LayerArgs, as the config fields fromConfig reads.
export function configOf(className, args = {}) {
  if (args == null || typeof args !== 'object' || Array.isArray(args)) {
    throw new Error(`tf.layers: ${className} expects an args object, got ${Array.isArray(args) ? 'an array' : typeof args}`);
  }
  const config = {};
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || key === 'inputShape' || key === 'batchSize') continue;
    if (key === 'weights') {
      throw new Error(`${className}: initial 'weights' are not supported; call setWeights() once the layer is built`);
    }
    config[key] = toConfigValue(key, value);
  }
  if (args.inputShape != null && args.batchInputShape == null) {
    config.batchInputShape = [args.batchSize ?? null, ...args.inputShape];
  }
  return config;
}

export function makeLayer(className, args) {
  return wrapLayer(wasm.layerCreate(className, JSON.stringify(configOf(className, args ?? {}))));
}

// tf.input({shape | batchShape, name, dtype}).
export function input(config = {}) {
  return new SymbolicTensor(wasm.symbolicInput(JSON.stringify(config)));
}

// tf.layers.NAME -> class name.
const classNames = {
  inputLayer: 'InputLayer', dense: 'Dense', activation: 'Activation', dropout: 'Dropout',
  spatialDropout1d: 'SpatialDropout1D', flatten: 'Flatten', reshape: 'Reshape', permute: 'Permute',
  repeatVector: 'RepeatVector', masking: 'Masking', embedding: 'Embedding',
  batchNormalization: 'BatchNormalization', layerNormalization: 'LayerNormalization',
  add: 'Add', multiply: 'Multiply', average: 'Average', maximum: 'Maximum', minimum: 'Minimum',
  concatenate: 'Concatenate', dot: 'Dot',
  reLU: 'ReLU', leakyReLU: 'LeakyReLU', prelu: 'PReLU', elu: 'ELU', thresholdedReLU: 'ThresholdedReLU', softmax: 'Softmax',
  gaussianNoise: 'GaussianNoise', gaussianDropout: 'GaussianDropout', alphaDropout: 'AlphaDropout',
  simpleRNN: 'SimpleRNN', gru: 'GRU', lstm: 'LSTM', simpleRNNCell: 'SimpleRNNCell', gruCell: 'GRUCell',
  lstmCell: 'LSTMCell', rnn: 'RNN', stackedRNNCells: 'StackedRNNCells', convLstm2d: 'ConvLSTM2D',
  bidirectional: 'Bidirectional', timeDistributed: 'TimeDistributed',
  conv1d: 'Conv1D', conv2d: 'Conv2D', conv2dTranspose: 'Conv2DTranspose', conv3d: 'Conv3D',
  conv3dTranspose: 'Conv3DTranspose', depthwiseConv2d: 'DepthwiseConv2D', separableConv2d: 'SeparableConv2D',
  cropping2D: 'Cropping2D', upSampling2d: 'UpSampling2D', zeroPadding2d: 'ZeroPadding2D',
  maxPooling1d: 'MaxPooling1D', maxPooling2d: 'MaxPooling2D', maxPooling3d: 'MaxPooling3D',
  maxPool1d: 'MaxPooling1D', maxPool2d: 'MaxPooling2D',
  averagePooling1d: 'AveragePooling1D', averagePooling2d: 'AveragePooling2D', averagePooling3d: 'AveragePooling3D',
  avgPool1d: 'AveragePooling1D', avgPool2d: 'AveragePooling2D', avgPool3d: 'AveragePooling3D',
  avgPooling1d: 'AveragePooling1D', avgPooling2d: 'AveragePooling2D', avgPooling3d: 'AveragePooling3D',
  globalAveragePooling1d: 'GlobalAveragePooling1D', globalAveragePooling2d: 'GlobalAveragePooling2D',
  globalMaxPooling1d: 'GlobalMaxPooling1D', globalMaxPooling2d: 'GlobalMaxPooling2D',
  globalMaxPool1d: 'GlobalMaxPooling1D', globalMaxPool2d: 'GlobalMaxPooling2D',
  rescaling: 'Rescaling', centerCrop: 'CenterCrop', resizing: 'Resizing',
};

export const layers = {};
for (const [name, className] of Object.entries(classNames)) layers[name] = (args) => makeLayer(className, args);

// tf.initializers / tf.regularizers / tf.constraints: objects that serialize as {className, config}.
const initializerClasses = {
  zeros: 'Zeros', ones: 'Ones', constant: 'Constant', randomUniform: 'RandomUniform', randomNormal: 'RandomNormal',
  truncatedNormal: 'TruncatedNormal', identity: 'Identity', varianceScaling: 'VarianceScaling',
  glorotUniform: 'GlorotUniform', glorotNormal: 'GlorotNormal', heNormal: 'HeNormal', heUniform: 'HeUniform',
  leCunNormal: 'LeCunNormal', leCunUniform: 'LeCunUniform', orthogonal: 'Orthogonal',
};
export const initializers = {};
for (const [name, className] of Object.entries(initializerClasses)) {
  initializers[name] = (config = {}) => new Serializable(className, config);
}
export const regularizers = {
  l1: (config = {}) => new Serializable('L1L2', {l1: config.l1 ?? 0.01, l2: 0}),
  l2: (config = {}) => new Serializable('L1L2', {l1: 0, l2: config.l2 ?? 0.01}),
  l1l2: (config = {}) => new Serializable('L1L2', {l1: config.l1 ?? 0.01, l2: config.l2 ?? 0.01}),
};
export const constraints = {
  maxNorm: (config = {}) => new Serializable('MaxNorm', config),
  unitNorm: (config = {}) => new Serializable('UnitNorm', config),
  nonNeg: () => new Serializable('NonNeg', {}),
  minMaxNorm: (config = {}) => new Serializable('MinMaxNorm', config),
};
