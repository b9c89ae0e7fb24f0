// TF.js 4.22's side of the io compatibility test (tests/io/tfjs_compat_test.cpp).
//   node tfjs_io.cjs read DIR [[x0,x1,x2],...]|INPUTS.json  loads DIR/model.json and its shards two ways (tf.io's
//       weightsLoaderFactory, and tf.io.getModelArtifactsForJSON + decodeWeights) and prints
//       JSON {weights: {name: {shape, dtype, values}}, prediction?, topology?} (a layers model
//       loaded with tf.loadLayersModel, applied to the inputs, and its model.toJSON()).
//   node tfjs_io.cjs zoo DIR  saves models of every layer type edgeflow has (sequential, functional
//       with merges, nested, shared layers, embedding) as DIR/NAME/{model.json, weights.bin} with
//       random weights, and DIR/NAME/expected.json {input: [rows], output: [flat values]}.
//   node tfjs_io.cjs truncate DIR INPUTS.json LAYER  loads DIR's model, truncates it at LAYER
//       (tf.model({inputs: m.inputs, outputs: m.getLayer(LAYER).output})) and prints {shape, prediction}.
//   node tfjs_io.cjs resume-save DIR / resume-load DIR  training resumed after a save with the
//       optimizer (trainingConfig + the "optimizer" weight group), one way and the other.
//   node tfjs_io.cjs write DIR  saves a Dense(3 -> 2) model whose kernel is k[i][j] = i - 0.5 j
//       and bias [0.25, -4] as tfjs-node's file system handler does (model.json + weights.bin).
const tf = require('@tensorflow/tfjs');
const fs = require('fs');
const path = require('path');

function bufferOf(file) {
  const b = fs.readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
}

async function read(dir, inputs) {
  const modelJSON = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
  const fetchWeights = async (urls) => urls.map(u => bufferOf(path.join(dir, u)));
  const viaLoader = await tf.io.weightsLoaderFactory(fetchWeights)(modelJSON.weightsManifest, '');
  const artifacts = await tf.io.getModelArtifactsForJSON(modelJSON, async (manifest) => {
    const files = manifest.flatMap(g => g.paths).map(p => bufferOf(path.join(dir, p)));
    return [tf.io.getWeightSpecs(manifest), tf.io.concatenateArrayBuffers(files)];
  });
  const decoded = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
  const out = {weights: {}};
  for (const spec of artifacts.weightSpecs) {
    const t = decoded[spec.name];
    const values = Array.from(t.dataSync());
    const other = Array.from(viaLoader[spec.name].dataSync());
    if (JSON.stringify(values) !== JSON.stringify(other)) throw new Error(`the two TF.js loaders disagree on ${spec.name}`);
    out.weights[spec.name] = {shape: t.shape, dtype: t.dtype, values};
  }
  if (Array.isArray(inputs) ? inputs.length > 0 : inputs.inputs) {
    const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
    // inputs: rows of one 2-D input, or {inputs: [{shape, values}, ...]} (one per model input).
    const xs = Array.isArray(inputs) ? [tf.tensor2d(inputs)] : inputs.inputs.map(i => tf.tensor(i.values, i.shape));
    out.prediction = Array.from(model.predict(xs.length === 1 ? xs[0] : xs).dataSync());
    out.topology = model.toJSON(null, false);
  }
  return out;
}

async function write(dir) {
  const model = tf.sequential({layers: [tf.layers.dense({units: 2, inputShape: [3], name: 'dense_a'})]});
  const kernel = [];
  for (let i = 0; i < 3; ++i) kernel.push([i - 0, i - 0.5]);
  model.setWeights([tf.tensor2d(kernel), tf.tensor1d([0.25, -4])]);
  model.setUserDefinedMetadata({source: 'tfjs_io.cjs'});
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    fs.mkdirSync(dir, {recursive: true});
    const manifest = [{paths: ['weights.bin'], weights: artifacts.weightSpecs}];
    const json = {
      modelTopology: artifacts.modelTopology, format: artifacts.format, generatedBy: artifacts.generatedBy,
      convertedBy: artifacts.convertedBy, weightsManifest: manifest, userDefinedMetadata: artifacts.userDefinedMetadata};
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
    fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.from(artifacts.weightData));
    return {modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts)};
  }));
  return {ok: true};
}

// Weights drawn again so that biases, BN statistics and PReLU alphas are not trivial.
function randomizeWeights(model, seed) {
  model.setWeights(model.weights.map((w, i) => {
    const [lo, hi] = /variance|gamma/.test(w.name) ? [0.5, 1.5] : [-1, 1];
    return tf.randomUniform(w.shape, lo, hi, w.dtype, seed + i);
  }));
}

function zooModels() {
  const L = tf.layers;
  const models = {};
  models.sequential_layers = tf.sequential({layers: [
    L.dense({units: 4, inputShape: [3], activation: 'relu'}), L.batchNormalization(), L.dropout({rate: 0.5}),
    L.leakyReLU({alpha: 0.2}), L.dense({units: 5, activation: 'sigmoid'}), L.layerNormalization(), L.prelu(),
    L.elu(), L.reshape({targetShape: [5, 1]}), L.flatten(), L.activation({activation: 'tanh'}),
    L.thresholdedReLU({theta: 0.1}), L.dense({units: 3}), L.softmax(), L.reLU({maxValue: 0.3})]});
  {
    const x = tf.input({shape: [4]});
    const a = L.dense({units: 3, name: 'a'}).apply(x);
    const b = L.dense({units: 3, activation: 'tanh', name: 'b'}).apply(x);
    const merged = [L.add(), L.multiply(), L.average(), L.maximum(), L.minimum(), L.concatenate()].map(m => m.apply([a, b]));
    const dot = L.dot({axes: 1}).apply([a, b]);
    const all = L.concatenate({name: 'all'}).apply([...merged, dot]);
    models.functional_merges = tf.model({inputs: x, outputs: L.dense({units: 2, name: 'out'}).apply(all)});
  }
  {
    const shared = L.dense({units: 2, activation: 'relu', name: 'shared'});
    const x1 = tf.input({shape: [3], name: 'x1'});
    const x2 = tf.input({shape: [3], name: 'x2'});
    const sum = L.add().apply([shared.apply(x1), shared.apply(x2)]);
    models.shared_layer = tf.model({inputs: [x1, x2], outputs: sum});
  }
  {
    const inner = tf.sequential({name: 'inner', layers: [L.dense({units: 4, inputShape: [3], activation: 'relu'}),
                                                         L.dense({units: 3})]});
    models.nested_sequential = tf.sequential({layers: [inner, L.dense({units: 2, activation: 'softmax'})]});
  }
  models.convnet = tf.sequential({layers: [
    L.conv2d({filters: 3, kernelSize: 3, inputShape: [9, 9, 2], activation: 'relu', padding: 'same'}),
    L.maxPooling2d({poolSize: 2}), L.zeroPadding2d({padding: 1}), L.depthwiseConv2d({kernelSize: 2, depthMultiplier: 2}),
    L.separableConv2d({filters: 4, kernelSize: 2, padding: 'same', activation: 'relu6'}),
    L.conv2dTranspose({filters: 2, kernelSize: 2, strides: 2}), L.cropping2D({cropping: [[1, 0], [0, 1]]}),
    L.upSampling2d({size: [2, 1]}), L.averagePooling2d({poolSize: 2, strides: 1}), L.globalAveragePooling2d({}),
    L.dense({units: 3, activation: 'softmax'})]});
  models.convnet_channels_first = tf.sequential({layers: [
    L.conv2d({filters: 2, kernelSize: 2, inputShape: [2, 6, 5], dataFormat: 'channelsFirst', strides: 2}),
    L.maxPooling2d({poolSize: 2, padding: 'same', dataFormat: 'channelsFirst'}),
    L.globalMaxPooling2d({dataFormat: 'channelsFirst'})]});
  models.conv1d = tf.sequential({layers: [
    L.conv1d({filters: 3, kernelSize: 2, inputShape: [8, 2], activation: 'tanh'}), L.maxPooling1d({}),
    L.averagePooling1d({poolSize: 2, strides: 1, padding: 'same'}), L.globalMaxPooling1d({}), L.dense({units: 2})]});
  models.conv3d = tf.sequential({layers: [
    L.conv3d({filters: 2, kernelSize: 2, inputShape: [4, 4, 4, 1]}), L.maxPooling3d({poolSize: 1}),
    L.averagePooling3d({poolSize: [1, 2, 1], strides: 1}), L.conv3dTranspose({filters: 1, kernelSize: 2}),
    L.flatten(), L.dense({units: 2})]});
  // No Resizing: inside a model TF.js's Resizing.call gets its input as a list and throws (the layers
  // oracle checks it on its own).
  models.preprocessing = tf.sequential({layers: [
    L.rescaling({scale: 0.5, offset: 1, inputShape: [6, 7, 2]}), L.centerCrop({height: 4, width: 4}),
    L.flatten(), L.dense({units: 2})]});
  models.embedding = tf.sequential({layers: [L.embedding({inputDim: 10, outputDim: 3, inputLength: 4}), L.flatten(),
                                             L.dense({units: 1})]});
  models.recurrent = tf.sequential({layers: [
    L.timeDistributed({layer: L.dense({units: 4, activation: 'relu'}), inputShape: [5, 3]}),
    L.simpleRNN({units: 3, returnSequences: true}), L.gru({units: 3, returnSequences: true, goBackwards: true}),
    L.bidirectional({layer: L.lstm({units: 2, returnSequences: true}), mergeMode: 'concat'}),
    L.bidirectional({layer: L.gru({units: 2}), mergeMode: 'ave'}), L.dense({units: 2})]});
  // The generic rnn over one cell and over a list of cells (a StackedRNNCells).
  models.rnn_cells = tf.sequential({layers: [
    L.rnn({cell: L.gruCell({units: 3}), returnSequences: true, inputShape: [5, 2]}),
    L.rnn({cell: [L.lstmCell({units: 3}), L.simpleRNNCell({units: 2, activation: 'relu'})], goBackwards: true}),
    L.dense({units: 2})]});
  // Masks: Masking and Embedding(maskZero) mask steps; the RNNs keep their state over them and
  // Dense, Bidirectional and returnSequences pass the mask on.
  models.masking = tf.sequential({layers: [
    L.masking({maskValue: 0, inputShape: [5, 3]}), L.dense({units: 4, activation: 'tanh'}),
    L.bidirectional({layer: L.simpleRNN({units: 2, returnSequences: true}), mergeMode: 'concat'}),
    L.lstm({units: 3, returnSequences: true, goBackwards: true}),
    L.rnn({cell: [L.gruCell({units: 2}), L.lstmCell({units: 2})]}), L.dense({units: 2})]});
  models.embedding_mask_zero = tf.sequential({layers: [
    L.embedding({inputDim: 10, outputDim: 3, inputLength: 5, maskZero: true}), L.gru({units: 3}),
    L.dense({units: 1})]});
  return models;
}

function inputsFor(model, seed) {
  return model.inputs.map((inp, i) => tf.randomUniform([2, ...inp.shape.slice(1)], -2, 2, 'float32', seed + i));
}

// A model truncated at a layer (the transfer-learning pattern): tf.model({inputs, outputs: layer.output}).
async function truncate(dir, inputs, layerName) {
  const artifacts = await tf.io.getModelArtifactsForJSON(
    JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8')),
    async (manifest) => [tf.io.getWeightSpecs(manifest),
      tf.io.concatenateArrayBuffers(manifest.flatMap(g => g.paths).map(p => bufferOf(path.join(dir, p))))]);
  const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  const layer = model.getLayer(layerName);
  const truncated = tf.model({inputs: model.inputs, outputs: layer.output});
  const xs = inputs.inputs.map(i => tf.tensor(i.values, i.shape));
  const y = truncated.predict(xs.length === 1 ? xs[0] : xs);
  return {shape: y.shape, prediction: Array.from(y.dataSync()), outputShape: truncated.outputs[0].shape};
}

async function saveTo(model, dir) {
  fs.mkdirSync(dir, {recursive: true});
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    const json = {modelTopology: artifacts.modelTopology, format: artifacts.format, generatedBy: artifacts.generatedBy,
                  convertedBy: artifacts.convertedBy, weightsManifest: [{paths: ['weights.bin'], weights: artifacts.weightSpecs}]};
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
    fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.from(artifacts.weightData));
    return {modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts)};
  }));
}

async function zoo(dir) {
  const models = zooModels();
  let seed = 1;
  for (const [name, model] of Object.entries(models)) {
    randomizeWeights(model, seed * 100);
    const xs = inputsFor(model, seed++);
    if (name === 'embedding') xs[0] = tf.tensor2d([[0, 3, 9, 3], [7, 1, 1, 2]]);  // indices
    if (name === 'embedding_mask_zero') xs[0] = tf.tensor2d([[0, 3, 0, 9, 0], [7, 1, 0, 0, 0]]);
    if (name === 'masking') xs[0] = tf.mul(xs[0], tf.tensor([1, 0, 1, 1, 0, 1, 1, 1, 0, 0], [2, 5, 1]));
    const y = model.predict(xs.length === 1 ? xs[0] : xs);
    await saveTo(model, path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'expected.json'), JSON.stringify({
      inputs: xs.map(x => ({shape: x.shape, values: Array.from(x.dataSync())})),
      output: {shape: y.shape, values: Array.from(y.dataSync())}}));
  }
  return {models: Object.keys(models)};
}

// Training that resumes after a save with the optimizer: a fixed batch and a small model.
const RESUME_X = [[0.5, -1, 2], [1, 0, -0.5], [-1.5, 1, 0.25], [2, 2, -1]];
const RESUME_Y = [[1], [-0.5], [0.75], [2]];

// resume-save DIR: TF.js trains one step (adam 0.05, mse), saves with includeOptimizer (the
// trainingConfig and the "optimizer" weight group), trains a second step and writes the prediction.
async function resumeSave(dir) {
  const model = tf.sequential({layers: [tf.layers.dense({units: 4, inputShape: [3], activation: 'tanh'}),
                                        tf.layers.dense({units: 1})]});
  randomizeWeights(model, 7);
  model.compile({optimizer: tf.train.adam(0.05), loss: 'meanSquaredError', metrics: ['mae']});
  const x = tf.tensor2d(RESUME_X), y = tf.tensor2d(RESUME_Y);
  await model.trainOnBatch(x, y);
  fs.mkdirSync(dir, {recursive: true});
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    const json = {modelTopology: artifacts.modelTopology, format: artifacts.format, generatedBy: artifacts.generatedBy,
                  convertedBy: artifacts.convertedBy, trainingConfig: artifacts.trainingConfig,
                  weightsManifest: [{paths: ['weights.bin'], weights: artifacts.weightSpecs}]};
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
    fs.writeFileSync(path.join(dir, 'weights.bin'), Buffer.from(artifacts.weightData));
    return {modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts)};
  }), {includeOptimizer: true});
  await model.trainOnBatch(x, y);
  return {x: RESUME_X, y: RESUME_Y, prediction: Array.from(model.predict(x).dataSync())};
}

// resume-load DIR: TF.js loads a model saved with its optimizer, trains one step on the same
// batch and prints the prediction and what it compiled.
async function resumeLoad(dir) {
  const modelJSON = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
  const artifacts = await tf.io.getModelArtifactsForJSON(modelJSON, async (manifest) => {
    const files = manifest.flatMap(g => g.paths).map(p => bufferOf(path.join(dir, p)));
    return [tf.io.getWeightSpecs(manifest), tf.io.concatenateArrayBuffers(files)];
  });
  const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  const x = tf.tensor2d(RESUME_X), y = tf.tensor2d(RESUME_Y);
  await model.trainOnBatch(x, y);
  return {optimizer: model.optimizer.getClassName(), config: model.optimizer.getConfig(),
          iterations: model.optimizer.iterations, metricsNames: model.metricsNames,
          prediction: Array.from(model.predict(x).dataSync())};
}

(async () => {
  const [mode, dir, rows, layerName] = process.argv.slice(2);
  if (mode === 'resume-save' || mode === 'resume-load') {
    process.stdout.write(JSON.stringify(mode === 'resume-save' ? await resumeSave(dir) : await resumeLoad(dir)));
    return;
  }
  const inputs = !rows ? [] : rows.endsWith('.json') ? JSON.parse(fs.readFileSync(rows, 'utf8')) : JSON.parse(rows);
  const out = mode === 'write' ? await write(dir) : mode === 'zoo' ? await zoo(dir) :
    mode === 'truncate' ? await truncate(dir, inputs, layerName) : await read(dir, inputs);
  process.stdout.write(JSON.stringify(out));
})().catch(e => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
