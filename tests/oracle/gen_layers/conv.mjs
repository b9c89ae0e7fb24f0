// Convolution, pooling and spatial reshaping layers: random configurations (padding, strides,
// dilations, dataFormat, activation), seeded weights; outputs, gradients and the config round trip.
import {layerCase} from './layers.mjs';
import {pick, rng} from './util.mjs';

const ACTS = ['linear', 'relu', 'relu6', 'elu', 'sigmoid', 'tanh', 'softplus'];
const int = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

// Spatial shape for a channelsLast/channelsFirst input of `rank` spatial dimensions.
function inputShape(batch, space, channels, dataFormat) {
  return dataFormat === 'channelsFirst' ? [batch, channels, ...space] : [batch, ...space, channels];
}

// The input gradient of a channelsLast 3-D max pool by its definition: dy goes to the first
// maximum of each window. (TF.js's MaxPool3DGrad picks the wrong element with 'same' padding.)
function maxPool3dGrad(tf, x, dy, poolSize, strides, padding) {
  const [n, D, H, W, C] = x.shape;
  const xs = x.dataSync(), dys = dy.dataSync();
  const [, oD, oH, oW] = dy.shape;
  const before = (inSize, outSize, k, s) =>
    padding === 'same' ? Math.floor(Math.max((outSize - 1) * s + k - inSize, 0) / 2) : 0;
  const pd = before(D, oD, poolSize[0], strides[0]), ph = before(H, oH, poolSize[1], strides[1]);
  const pw = before(W, oW, poolSize[2], strides[2]);
  const g = new Float32Array(xs.length);
  const at = (b, d, h, w, c) => (((b * D + d) * H + h) * W + w) * C + c;
  for (let b = 0; b < n; b++) for (let od = 0; od < oD; od++) for (let oh = 0; oh < oH; oh++)
    for (let ow = 0; ow < oW; ow++) for (let c = 0; c < C; c++) {
      let best = -Infinity, bi = -1;
      for (let kd = 0; kd < poolSize[0]; kd++) for (let kh = 0; kh < poolSize[1]; kh++)
        for (let kw = 0; kw < poolSize[2]; kw++) {
          const d = od * strides[0] - pd + kd, h = oh * strides[1] - ph + kh, w = ow * strides[2] - pw + kw;
          if (d < 0 || d >= D || h < 0 || h >= H || w < 0 || w >= W) continue;
          const v = xs[at(b, d, h, w, c)];
          if (v > best) best = v, bi = at(b, d, h, w, c);
        }
      if (bi >= 0) g[bi] += dys[(((b * oD + od) * oH + oh) * oW + ow) * C + c];
    }
  return tf.tensor(g, x.shape);
}

export async function convCases(tf) {
  const L = tf.layers;
  const cases = [];
  const rand = rng('conv');
  const add = (name, make, shape, opts) => cases.push(layerCase(tf, name, make, shape, rand, opts));

  // Conv2D: the MNIST net's layer and random configs. TF.js needs strides or dilations to be 1.
  for (let i = 0; i < 14; i++) {
    const dataFormat = i % 4 === 3 ? 'channelsFirst' : 'channelsLast';
    const padding = pick(rand, ['same', 'valid']);
    const dilated = i % 5 === 4;
    const k = int(rand, 1, 3);
    const cfg = {filters: int(rand, 1, 4), kernelSize: rand() < 0.7 ? k : [k, int(rand, 1, 3)], padding,
      dataFormat, activation: ACTS[i % ACTS.length], useBias: rand() < 0.8};
    if (dilated) cfg.dilationRate = 2; else cfg.strides = rand() < 0.5 ? int(rand, 1, 2) : [int(rand, 1, 2), int(rand, 1, 3)];
    const space = [int(rand, 5, 8), int(rand, 5, 8)];
    add(`conv2d_${i}_${padding}_${dataFormat}`, () => L.conv2d(cfg), inputShape(2, space, int(rand, 1, 3), dataFormat));
  }
  add('conv2d_mnist', () => L.conv2d({filters: 8, kernelSize: 3, activation: 'relu', kernelInitializer: 'varianceScaling'}),
    [2, 8, 8, 1]);

  // Pooling 2-D.
  for (let i = 0; i < 10; i++) {
    const dataFormat = i % 3 === 2 ? 'channelsFirst' : 'channelsLast';
    const padding = pick(rand, ['same', 'valid']);
    const cfg = {poolSize: rand() < 0.6 ? int(rand, 1, 3) : [int(rand, 1, 3), int(rand, 1, 3)], padding, dataFormat};
    if (rand() < 0.6) cfg.strides = rand() < 0.5 ? int(rand, 1, 3) : [int(rand, 1, 2), int(rand, 1, 3)];
    const max = i % 2 === 0;
    const make = () => (max ? L.maxPooling2d(cfg) : L.averagePooling2d(cfg));
    add(`${max ? 'max' : 'average'}_pooling2d_${i}_${padding}_${dataFormat}`, make,
      inputShape(2, [int(rand, 3, 7), int(rand, 3, 7)], int(rand, 1, 3), dataFormat));
  }
  add('max_pooling2d_default', () => L.maxPooling2d({}), [2, 6, 6, 3]);
  add('max_pooling2d_mnist', () => L.maxPooling2d({poolSize: [2, 2], strides: [2, 2]}), [2, 26, 26, 2]);

  // Conv1D (channelsLast only: TF.js's Conv1D has no dataFormat in its config) and Conv3D.
  for (let i = 0; i < 6; i++) {
    const padding = pick(rand, ['same', 'valid', 'causal'].slice(0, 2));
    const cfg = {filters: int(rand, 1, 3), kernelSize: int(rand, 1, 3), padding, activation: ACTS[i % ACTS.length],
      useBias: i % 3 !== 2};
    if (i % 3 === 1) cfg.dilationRate = 2; else cfg.strides = int(rand, 1, 2);
    add(`conv1d_${i}_${padding}`, () => L.conv1d(cfg), [2, int(rand, 5, 9), int(rand, 1, 3)]);
  }
  for (let i = 0; i < 5; i++) {
    const dataFormat = i === 3 ? 'channelsFirst' : 'channelsLast';
    const padding = pick(rand, ['same', 'valid']);
    const cfg = {filters: int(rand, 1, 3), kernelSize: rand() < 0.5 ? 2 : [int(rand, 1, 2), 2, int(rand, 1, 3)],
      padding, dataFormat, strides: int(rand, 1, 2), activation: ACTS[(i + 2) % ACTS.length]};
    add(`conv3d_${i}_${padding}_${dataFormat}`, () => L.conv3d(cfg),
      inputShape(1, [int(rand, 3, 5), int(rand, 3, 5), int(rand, 3, 5)], int(rand, 1, 2), dataFormat));
  }

  // Transposed convolutions.
  for (let i = 0; i < 8; i++) {
    const dataFormat = i % 4 === 3 ? 'channelsFirst' : 'channelsLast';
    const padding = pick(rand, ['same', 'valid']);
    const cfg = {filters: int(rand, 1, 3), kernelSize: rand() < 0.6 ? int(rand, 1, 3) : [int(rand, 1, 3), int(rand, 1, 3)],
      padding, dataFormat, strides: rand() < 0.5 ? int(rand, 1, 2) : [int(rand, 1, 2), int(rand, 1, 3)],
      activation: ACTS[i % ACTS.length], useBias: i % 4 !== 1};
    add(`conv2d_transpose_${i}_${padding}_${dataFormat}`, () => L.conv2dTranspose(cfg),
      inputShape(2, [int(rand, 2, 5), int(rand, 2, 5)], int(rand, 1, 3), dataFormat));
  }
  for (let i = 0; i < 3; i++) {
    const padding = i === 1 ? 'same' : 'valid';
    const cfg = {filters: int(rand, 1, 2), kernelSize: 2, padding, strides: int(rand, 1, 2)};
    add(`conv3d_transpose_${i}_${padding}`, () => L.conv3dTranspose(cfg), [1, 3, 2, 3, int(rand, 1, 2)]);
  }

  // Depthwise and separable (TF.js's DepthwiseConv2D keeps dilationRate in its config only).
  for (let i = 0; i < 8; i++) {
    const dataFormat = i % 4 === 3 ? 'channelsFirst' : 'channelsLast';
    const padding = pick(rand, ['same', 'valid']);
    const cfg = {kernelSize: int(rand, 1, 3), depthMultiplier: int(rand, 1, 2), padding, dataFormat,
      strides: int(rand, 1, 2), activation: ACTS[i % ACTS.length], useBias: i % 3 !== 1};
    add(`depthwise_conv2d_${i}_${padding}_${dataFormat}`, () => L.depthwiseConv2d(cfg),
      inputShape(2, [int(rand, 3, 6), int(rand, 3, 6)], int(rand, 1, 3), dataFormat));
  }
  for (let i = 0; i < 7; i++) {
    // channelsFirst only without bias: TF.js adds the bias in channelsFirst layout to its NHWC result.
    const dataFormat = i === 3 ? 'channelsFirst' : 'channelsLast';
    const padding = pick(rand, ['same', 'valid']);
    // depthMultiplier stays 1: TF.js's SeparableConv2D leaves it out of its config.
    const cfg = {filters: int(rand, 1, 3), kernelSize: int(rand, 1, 3), padding,
      dataFormat, activation: ACTS[i % ACTS.length], useBias: dataFormat === 'channelsLast' && i % 3 !== 1};
    if (i === 5) cfg.dilationRate = 2; else cfg.strides = int(rand, 1, 2);
    add(`separable_conv2d_${i}_${padding}_${dataFormat}`, () => L.separableConv2d(cfg),
      inputShape(2, [int(rand, 5, 7), int(rand, 5, 7)], int(rand, 1, 3), dataFormat));
  }

  // 1-D and 3-D pooling.
  for (let i = 0; i < 6; i++) {
    const padding = pick(rand, ['same', 'valid']);
    const cfg = {poolSize: int(rand, 1, 3), padding};
    if (rand() < 0.5) cfg.strides = int(rand, 1, 3);
    const max = i % 2 === 0;
    add(`${max ? 'max' : 'average'}_pooling1d_${i}_${padding}`, () => (max ? L.maxPooling1d(cfg) : L.averagePooling1d(cfg)),
      [2, int(rand, 3, 8), int(rand, 1, 3)]);
  }
  for (let i = 0; i < 6; i++) {
    const dataFormat = i === 4 ? 'channelsFirst' : 'channelsLast';
    const padding = pick(rand, ['same', 'valid']);
    const cfg = {poolSize: rand() < 0.6 ? int(rand, 1, 2) : [int(rand, 1, 2), 2, int(rand, 1, 3)], padding, dataFormat};
    if (rand() < 0.5) cfg.strides = int(rand, 1, 2);
    const max = i % 2 === 0;
    const k = typeof cfg.poolSize === 'number' ? [cfg.poolSize, cfg.poolSize, cfg.poolSize] : cfg.poolSize;
    const st = cfg.strides == null ? k : [cfg.strides, cfg.strides, cfg.strides];
    const first = dataFormat === 'channelsFirst';
    const mathGrad = (x, dy) => {
      const last = (t) => (first ? tf.transpose(t, [0, 2, 3, 4, 1]) : t);
      const g = maxPool3dGrad(tf, last(x), last(dy), k, st, padding);
      return first ? tf.transpose(g, [0, 4, 1, 2, 3]) : g;
    };
    add(`${max ? 'max' : 'average'}_pooling3d_${i}_${padding}_${dataFormat}`,
      () => (max ? L.maxPooling3d(cfg) : L.averagePooling3d(cfg)),
      inputShape(1, [int(rand, 2, 4), int(rand, 2, 4), int(rand, 3, 4)], int(rand, 1, 2), dataFormat),
      max ? {mathGrad} : {});
  }

  // Global pooling.
  for (const dataFormat of ['channelsLast', 'channelsFirst']) {
    add(`global_average_pooling2d_${dataFormat}`, () => L.globalAveragePooling2d({dataFormat}), [2, 3, 4, 2]);
    add(`global_max_pooling2d_${dataFormat}`, () => L.globalMaxPooling2d({dataFormat}), [2, 3, 4, 2]);
  }
  add('global_average_pooling1d', () => L.globalAveragePooling1d({}), [2, 5, 3]);
  add('global_max_pooling1d', () => L.globalMaxPooling1d({}), [2, 5, 3]);

  // Spatial reshaping.
  add('zero_padding2d_default', () => L.zeroPadding2d({}), [2, 3, 3, 2]);
  add('zero_padding2d_number', () => L.zeroPadding2d({padding: 2}), [1, 2, 3, 1]);
  add('zero_padding2d_hw', () => L.zeroPadding2d({padding: [1, 2]}), [1, 2, 3, 2]);
  add('zero_padding2d_pairs_cf', () => L.zeroPadding2d({padding: [[0, 2], [1, 0]], dataFormat: 'channelsFirst'}),
    [1, 2, 3, 2]);
  add('cropping2d_number', () => L.cropping2D({cropping: 1}), [2, 4, 5, 2]);
  add('cropping2d_hw', () => L.cropping2D({cropping: [1, 2]}), [1, 4, 5, 2]);
  add('cropping2d_pairs_cf', () => L.cropping2D({cropping: [[0, 1], [2, 1]], dataFormat: 'channelsFirst'}),
    [1, 2, 4, 5]);
  // TF.js's ResizeNearestNeighborGrad is wrong for a batch > 1: the input gradient is the formula
  // (the sum of dy over each 2x2 block).
  add('up_sampling2d_default', () => L.upSampling2d({}), [2, 2, 3, 2],
    {mathGrad: (x, dy) => tf.sum(tf.reshape(dy, [2, 2, 2, 3, 2, 2]), [2, 4])});
  add('up_sampling2d_size_cf', () => L.upSampling2d({size: [3, 2], dataFormat: 'channelsFirst'}), [1, 2, 2, 3]);
  add('up_sampling2d_bilinear', () => L.upSampling2d({size: [2, 3], interpolation: 'bilinear'}), [1, 3, 2, 2]);

  // ConvLSTM2D (returnState is checked by the unit tests: the oracle applies single-output layers).
  for (let i = 0; i < 5; i++) {
    const dataFormat = i === 3 ? 'channelsFirst' : 'channelsLast';
    const padding = i % 2 ? 'same' : 'valid';
    const cfg = {filters: int(rand, 1, 3), kernelSize: int(rand, 1, 3), padding, dataFormat,
      returnSequences: i % 2 === 0, goBackwards: i === 2, unitForgetBias: i === 1, useBias: i !== 4,
      activation: i === 4 ? 'relu' : undefined};
    if (i === 1) cfg.strides = 2;
    add(`conv_lstm2d_${i}_${padding}_${dataFormat}`, () => L.convLstm2d(cfg),
      dataFormat === 'channelsFirst' ? [2, 3, 2, 4, 4] : [2, 3, 4, 4, 2]);
  }

  // Preprocessing.
  add('rescaling', () => L.rescaling({scale: 1 / 255, offset: -0.5}), [2, 3, 3, 1]);
  add('rescaling_scale_only', () => L.rescaling({scale: 2}), [2, 4]);
  add('resizing_bilinear', () => L.resizing({height: 3, width: 5}), [2, 4, 4, 2]);
  add('resizing_nearest', () => L.resizing({height: 5, width: 2, interpolation: 'nearest'}), [1, 3, 4, 1]);
  add('resizing_crop_flag', () => L.resizing({height: 2, width: 2, cropToAspectRatio: true}), [1, 4, 3, 1]);
  add('center_crop', () => L.centerCrop({height: 2, width: 3}), [2, 4, 6, 2]);
  add('center_crop_same_width', () => L.centerCrop({height: 3, width: 4}), [1, 5, 4, 1]);
  add('center_crop_upsize', () => L.centerCrop({height: 6, width: 5}), [1, 4, 3, 1]);
  add('center_crop_rank3', () => L.centerCrop({height: 2, width: 2}), [5, 4, 3]);
  return cases;
}
