// Cases for the convolutions (conv1d, conv2d, conv2dTranspose, conv3d, conv3dTranspose,
// depthwiseConv2d, separableConv2d) and tf.fused.conv2d / depthwiseConv2d / matMul.
// TF.js's gradients reject dilations > 1 and its fused gradients NCHW, so those cases check
// outputs only (edgeflow's dilated gradients are checked by finite differences in
// tests/unit/conv_test.cpp). TF.js's cpu depthwiseConv2d ignores NCHW (garbage), so it has no
// NCHW cases here either.
const T = (shape, o = {}) => ({shape, ...o});
const I = (shape, o = {}) => T(shape, {dtype: 'int32', range: [-3, 3], ...o});

// Fused ops take [x, filter, bias?, weights?]; attrs.bias / attrs.prelu say which are present.
const fusedExtras = (xs, at, first) => {
  let k = first;
  const bias = at.bias ? xs[k++] : undefined;
  const preluActivationWeights = at.prelu ? xs[k++] : undefined;
  return {bias, preluActivationWeights};
};

export const ops = {
  conv1d: (tf, [x, f], at) => tf.conv1d(x, f, at.stride, at.pad, at.dataFormat, at.dilation, at.dimRoundingMode),
  conv2d: (tf, [x, f], at) => tf.conv2d(x, f, at.strides, at.pad, at.dataFormat, at.dilations, at.dimRoundingMode),
  conv2dTranspose: (tf, [x, f], at) => tf.conv2dTranspose(x, f, at.outputShape, at.strides, at.pad, at.dimRoundingMode),
  conv3d: (tf, [x, f], at) => tf.conv3d(x, f, at.strides, at.pad, at.dataFormat, at.dilations),
  conv3dTranspose: (tf, [x, f], at) => tf.conv3dTranspose(x, f, at.outputShape, at.strides, at.pad),
  depthwiseConv2d: (tf, [x, f], at) =>
    tf.depthwiseConv2d(x, f, at.strides, at.pad, at.dataFormat, at.dilations, at.dimRoundingMode),
  separableConv2d: (tf, [x, d, p], at) => tf.separableConv2d(x, d, p, at.strides, at.pad, at.dilation, at.dataFormat),
  fusedConv2d: (tf, xs, at) => tf.fused.conv2d({
    x: xs[0], filter: xs[1], strides: at.strides, pad: at.pad, dataFormat: at.dataFormat, dilations: at.dilations,
    dimRoundingMode: at.dimRoundingMode, activation: at.activation, leakyreluAlpha: at.leakyreluAlpha,
    ...fusedExtras(xs, at, 2),
  }),
  fusedDepthwiseConv2d: (tf, xs, at) => tf.fused.depthwiseConv2d({
    x: xs[0], filter: xs[1], strides: at.strides, pad: at.pad, dataFormat: at.dataFormat, dilations: at.dilations,
    dimRoundingMode: at.dimRoundingMode, activation: at.activation, leakyreluAlpha: at.leakyreluAlpha,
    ...fusedExtras(xs, at, 2),
  }),
  fusedMatMul: (tf, xs, at) => tf.fused.matMul({
    a: xs[0], b: xs[1], transposeA: at.transposeA, transposeB: at.transposeB, activation: at.activation,
    leakyreluAlpha: at.leakyreluAlpha, ...fusedExtras(xs, at, 2),
  }),
};

const valid = {strides: 1, pad: 'valid'};
const same = {strides: 1, pad: 'same'};
const big = {tol: 1e-4, gradTol: 1e-4};

const conv2d = [
  {op: 'conv2d', inputs: [T([1, 5, 5, 1]), T([3, 3, 1, 2])], attrs: valid, grad: true},
  {op: 'conv2d', inputs: [T([2, 6, 7, 3]), T([3, 2, 3, 4])], attrs: {strides: [2, 1], pad: 'same'}, grad: true},
  // 'same' with asymmetric padding (7 rows, stride 2: pad 0 above, 1 below).
  {op: 'conv2d', inputs: [T([2, 7, 6, 2]), T([2, 3, 2, 3])], attrs: {strides: 2, pad: 'same'}, grad: true},
  {op: 'conv2d', inputs: [T([1, 8, 8, 1]), T([4, 4, 1, 1])], attrs: {strides: 3, pad: 'same'}, grad: true},
  {op: 'conv2d', inputs: [T([1, 5, 6, 2]), T([3, 3, 2, 2])], attrs: {strides: 1, pad: [[0, 0], [1, 2], [0, 1], [0, 0]]}, grad: true},
  {op: 'conv2d', inputs: [T([2, 6, 5, 2]), T([2, 2, 2, 3])], attrs: {strides: [2, 2], pad: [[0, 0], [2, 0], [1, 1], [0, 0]]}, grad: true},
  {op: 'conv2d', inputs: [T([1, 6, 6, 2]), T([3, 3, 2, 2])], attrs: {strides: 1, pad: 1}, grad: true},
  {op: 'conv2d', inputs: [T([1, 7, 7, 2]), T([3, 3, 2, 3])], attrs: {...valid, dilations: 2}},
  {op: 'conv2d', inputs: [T([2, 6, 8, 1]), T([2, 3, 1, 2])], attrs: {...same, dilations: [2, 1]}},
  {op: 'conv2d', inputs: [T([1, 9, 9, 2]), T([3, 3, 2, 2])], attrs: {...same, dilations: [3, 2]}},
  // NCHW.
  {op: 'conv2d', inputs: [T([2, 3, 5, 5]), T([3, 3, 3, 2])], attrs: {...same, dataFormat: 'NCHW'}, grad: true},
  {op: 'conv2d', inputs: [T([1, 2, 6, 5]), T([2, 3, 2, 3])], attrs: {strides: 2, pad: 'valid', dataFormat: 'NCHW'}, grad: true},
  {op: 'conv2d', inputs: [T([1, 2, 5, 4]), T([3, 2, 2, 2])], attrs: {strides: 1, pad: [[0, 0], [0, 0], [1, 1], [2, 0]], dataFormat: 'NCHW'}, grad: true},
  {op: 'conv2d', inputs: [T([1, 2, 7, 7]), T([3, 3, 2, 2])], attrs: {...same, dataFormat: 'NCHW', dilations: 2}},
  {op: 'conv2d', inputs: [T([2, 3, 6, 6]), T([1, 1, 3, 4])], attrs: {...valid, dataFormat: 'NCHW'}, grad: true},
  // dimRoundingMode with a numeric or explicit pad.
  {op: 'conv2d', inputs: [T([1, 6, 6, 1]), T([2, 2, 1, 1])], attrs: {strides: 2, pad: 1, dimRoundingMode: 'floor'}},
  {op: 'conv2d', inputs: [T([1, 6, 6, 1]), T([2, 2, 1, 1])], attrs: {strides: 2, pad: 0, dimRoundingMode: 'ceil'}},
  {op: 'conv2d', inputs: [T([1, 5, 5, 1]), T([2, 2, 1, 1])], attrs: {strides: 2, pad: 1, dimRoundingMode: 'round'}},
  {op: 'conv2d', inputs: [T([1, 5, 6, 2]), T([2, 2, 2, 2])], attrs: {strides: 2, pad: [[0, 0], [1, 0], [0, 1], [0, 0]], dimRoundingMode: 'ceil'}},
  // A single image (rank 3).
  {op: 'conv2d', inputs: [T([5, 5, 2]), T([2, 2, 2, 3])], attrs: valid, grad: true},
  // 1×1 convolutions (the cpu backend's plain matrix product) and with strides.
  {op: 'conv2d', inputs: [T([2, 4, 4, 6]), T([1, 1, 6, 5])], attrs: valid, grad: true},
  {op: 'conv2d', inputs: [T([2, 5, 5, 3]), T([1, 1, 3, 4])], attrs: {strides: 2, pad: 'same'}, grad: true},
  // Sizes of the MNIST convnet (thin products), odd shapes and batches, and a packed-GEMM size.
  {op: 'conv2d', inputs: [T([3, 12, 12, 1]), T([3, 3, 1, 8])], attrs: valid, grad: true, ...big},
  {op: 'conv2d', inputs: [T([3, 7, 7, 8]), T([3, 3, 8, 16])], attrs: valid, grad: true, ...big},
  {op: 'conv2d', inputs: [T([3, 9, 11, 5]), T([3, 3, 5, 7])], attrs: same, grad: true, ...big},
  {op: 'conv2d', inputs: [T([2, 10, 9, 32]), T([3, 3, 32, 40])], attrs: {strides: [1, 2], pad: 'same'}, ...big},
  {op: 'conv2d', inputs: [T([2, 8, 8, 24]), T([3, 3, 24, 36])], attrs: same, grad: true, ...big},
  {op: 'conv2d', inputs: [T([1, 14, 14, 64]), T([1, 1, 64, 72])], attrs: valid, ...big},
  {op: 'conv2d', inputs: [T([1, 12, 12, 3]), T([3, 3, 3, 32])], attrs: {strides: 2, pad: 'same'}, grad: true, ...big},
  // Special values (padding must not turn a NaN/Infinity weight into NaN at the border).
  {op: 'conv2d', inputs: [T([1, 4, 4, 2], {gen: 'special'}), T([2, 2, 2, 2])], attrs: valid},
  {op: 'conv2d', inputs: [T([1, 4, 5, 2], {gen: 'special'}), T([3, 3, 2, 2])], attrs: same},
  {op: 'conv2d', inputs: [T([1, 4, 5, 2]), T([3, 3, 2, 2], {gen: 'special'})], attrs: same},
  {op: 'conv2d', inputs: [T([2, 6, 6, 2]), T([3, 3, 2, 20], {gen: 'special'})], attrs: same},
  // Zero-size dimensions.
  {op: 'conv2d', inputs: [T([0, 4, 4, 2]), T([2, 2, 2, 3])], attrs: valid},
  {op: 'conv2d', inputs: [T([1, 4, 4, 2]), T([2, 2, 2, 0])], attrs: same},
  {op: 'conv2d', inputs: [T([1, 4, 4, 0]), T([2, 2, 0, 3])], attrs: same},
  {op: 'conv2d', inputs: [T([1, 0, 4, 2]), T([2, 2, 2, 3])], attrs: same},
  // Errors.
  {op: 'conv2d', inputs: [T([1, 4, 4, 3]), T([2, 2, 2, 3])], attrs: valid, error: true},
  {op: 'conv2d', inputs: [T([2, 3, 4, 4]), T([2, 2, 4, 3])], attrs: {...valid, dataFormat: 'NCHW'}, error: true},
  {op: 'conv2d', inputs: [T([4, 4]), T([2, 2, 1, 1])], attrs: valid, error: true},
  {op: 'conv2d', inputs: [T([1, 4, 4, 1]), T([2, 2, 1])], attrs: valid, error: true},
  {op: 'conv2d', inputs: [T([1, 2, 4, 4, 1]), T([2, 2, 1, 1])], attrs: valid, error: true},
  {op: 'conv2d', inputs: [T([1, 8, 8, 1]), T([2, 2, 1, 1])], attrs: {strides: 2, pad: 'valid', dilations: 2}, error: true},
  {op: 'conv2d', inputs: [T([1, 8, 8, 1]), T([2, 2, 1, 1])], attrs: {strides: [1, 0], pad: 'valid'}, error: true},
  {op: 'conv2d', inputs: [T([1, 8, 8, 1]), T([2, 2, 1, 1])], attrs: {strides: 1, pad: 'valid', dilations: [0, 1]}, error: true},
  {op: 'conv2d', inputs: [T([1, 8, 8, 1]), T([2, 2, 1, 1])], attrs: {strides: 1, pad: 'same', dimRoundingMode: 'floor'}, error: true},
  {op: 'conv2d', inputs: [I([1, 4, 4, 1]), T([2, 2, 1, 1])], attrs: valid, error: true},
  {op: 'conv2d', inputs: [T([1, 4, 4, 1]), I([2, 2, 1, 1])], attrs: valid, error: true},
  {op: 'conv2d', inputs: [T([1, 4, 4, 1]), T([2, 2, 1, 1])], attrs: {...valid, dataFormat: 'NWHC'}, error: true},
];

const conv1d = [
  {op: 'conv1d', inputs: [T([2, 7, 3]), T([3, 3, 4])], attrs: {stride: 1, pad: 'same'}, grad: true},
  {op: 'conv1d', inputs: [T([9, 2]), T([2, 2, 3])], attrs: {stride: 2, pad: 'valid'}, grad: true},
  {op: 'conv1d', inputs: [T([1, 10, 2]), T([3, 2, 2])], attrs: {stride: 1, pad: 'same', dilation: 2}},
  {op: 'conv1d', inputs: [T([2, 6, 1]), T([2, 1, 2])], attrs: {stride: 1, pad: [[0, 0], [0, 0], [1, 2], [0, 0]]}, grad: true},
  {op: 'conv1d', inputs: [T([3, 20, 4]), T([5, 4, 6])], attrs: {stride: 3, pad: 'same'}, grad: true, ...big},
  {op: 'conv1d', inputs: [T([2, 6, 2], {gen: 'special'}), T([2, 2, 3])], attrs: {stride: 1, pad: 'same'}},
  {op: 'conv1d', inputs: [T([0, 6, 2]), T([2, 2, 3])], attrs: {stride: 1, pad: 'valid'}},
  {op: 'conv1d', inputs: [T([1, 7, 3]), T([3, 2, 4])], attrs: {stride: 1, pad: 'valid'}, error: true},
  {op: 'conv1d', inputs: [T([1, 1, 7, 3]), T([3, 3, 4])], attrs: {stride: 1, pad: 'valid'}, error: true},
  {op: 'conv1d', inputs: [T([1, 7, 3]), T([3, 3, 4])], attrs: {stride: 1, pad: 'valid', dataFormat: 'NCW'}, error: true},
  {op: 'conv1d', inputs: [T([1, 9, 3]), T([3, 3, 4])], attrs: {stride: 2, pad: 'valid', dilation: 2}, error: true},
  {op: 'conv1d', inputs: [I([1, 7, 3]), T([3, 3, 4])], attrs: {stride: 1, pad: 'valid'}, error: true},
];

const conv2dTranspose = [
  {op: 'conv2dTranspose', inputs: [T([1, 3, 3, 2]), T([3, 3, 4, 2])], attrs: {outputShape: [1, 5, 5, 4], strides: 2, pad: 'same'}, grad: true},
  {op: 'conv2dTranspose', inputs: [T([2, 3, 3, 2]), T([3, 3, 1, 2])], attrs: {outputShape: [2, 7, 7, 1], strides: 2, pad: 'valid'}, grad: true},
  {op: 'conv2dTranspose', inputs: [T([3, 3, 2]), T([2, 2, 1, 2])], attrs: {outputShape: [6, 6, 1], strides: 2, pad: 'valid'}, grad: true},
  {op: 'conv2dTranspose', inputs: [T([1, 4, 5, 3]), T([3, 3, 2, 3])], attrs: {outputShape: [1, 4, 5, 2], strides: 1, pad: 'same'}, grad: true},
  {op: 'conv2dTranspose', inputs: [T([1, 6, 6, 2]), T([2, 2, 3, 2])], attrs: {outputShape: [1, 5, 5, 3], strides: 1, pad: [[0, 0], [1, 1], [1, 1], [0, 0]]}, grad: true},
  {op: 'conv2dTranspose', inputs: [T([2, 8, 8, 16]), T([3, 3, 8, 16])], attrs: {outputShape: [2, 16, 16, 8], strides: 2, pad: 'same'}, grad: true, ...big},
  {op: 'conv2dTranspose', inputs: [I([1, 2, 2, 1]), T([2, 2, 1, 1])], attrs: {outputShape: [1, 3, 3, 1], strides: 1, pad: 'valid'}},
  {op: 'conv2dTranspose', inputs: [T([1, 3, 3, 2], {gen: 'special'}), T([2, 2, 3, 2])], attrs: {outputShape: [1, 6, 6, 3], strides: 2, pad: 'same'}},
  {op: 'conv2dTranspose', inputs: [T([0, 3, 3, 2]), T([2, 2, 3, 2])], attrs: {outputShape: [0, 6, 6, 3], strides: 2, pad: 'same'}},
  {op: 'conv2dTranspose', inputs: [T([1, 3, 3, 2]), T([3, 3, 4, 3])], attrs: {outputShape: [1, 5, 5, 4], strides: 2, pad: 'same'}, error: true},
  {op: 'conv2dTranspose', inputs: [T([1, 3, 3, 2]), T([3, 3, 4, 2])], attrs: {outputShape: [1, 5, 5, 3], strides: 2, pad: 'same'}, error: true},
  {op: 'conv2dTranspose', inputs: [T([1, 3, 3, 2]), T([3, 3, 4, 2])], attrs: {outputShape: [5, 5, 4], strides: 2, pad: 'same'}, error: true},
];

const conv3d = [
  {op: 'conv3d', inputs: [T([1, 4, 4, 4, 2]), T([2, 2, 2, 2, 3])], attrs: valid, grad: true},
  {op: 'conv3d', inputs: [T([2, 5, 4, 3, 1]), T([3, 3, 2, 1, 2])], attrs: {strides: [2, 1, 2], pad: 'same'}, grad: true},
  {op: 'conv3d', inputs: [T([1, 3, 4, 5, 2]), T([2, 2, 2, 2, 2])], attrs: {strides: 1, pad: 1}, grad: true},
  // 'same' with a stride above the filter size: TF.js's 3-D padding goes negative here.
  {op: 'conv3d', inputs: [T([1, 5, 5, 5, 1]), T([1, 1, 1, 1, 2])], attrs: {strides: 3, pad: 'same'}, grad: true},
  {op: 'conv3d', inputs: [T([1, 5, 6, 6, 1]), T([2, 2, 2, 1, 2])], attrs: {...valid, dilations: [1, 2, 2]}},
  {op: 'conv3d', inputs: [T([4, 5, 5, 2]), T([2, 3, 3, 2, 2])], attrs: same, grad: true},
  {op: 'conv3d', inputs: [T([2, 6, 6, 6, 4]), T([3, 3, 3, 4, 5])], attrs: {strides: 2, pad: 'same'}, grad: true, ...big},
  {op: 'conv3d', inputs: [I([1, 3, 3, 3, 2]), I([2, 2, 2, 2, 2])], attrs: valid},
  {op: 'conv3d', inputs: [T([1, 3, 3, 3, 1], {gen: 'special'}), T([2, 2, 2, 1, 2])], attrs: valid},
  {op: 'conv3d', inputs: [T([0, 3, 3, 3, 1]), T([2, 2, 2, 1, 2])], attrs: valid},
  {op: 'conv3d', inputs: [T([1, 3, 3, 3, 2]), T([2, 2, 2, 1, 2])], attrs: valid, error: true},
  {op: 'conv3d', inputs: [T([1, 3, 3, 3]), T([2, 2, 2, 1, 2])], attrs: valid, error: true},
  {op: 'conv3d', inputs: [T([1, 3, 3, 3, 1]), T([2, 2, 1, 2])], attrs: valid, error: true},
  {op: 'conv3d', inputs: [T([1, 3, 3, 3, 1]), T([2, 2, 2, 1, 2])], attrs: {...valid, dataFormat: 'NCDHW'}, error: true},
  {op: 'conv3d', inputs: [T([1, 6, 6, 6, 1]), T([2, 2, 2, 1, 2])], attrs: {strides: 2, pad: 'valid', dilations: 2}, error: true},
  {op: 'conv3d', inputs: [T([1, 6, 6, 6, 1]), T([2, 2, 2, 1, 2])], attrs: {strides: [1, 0, 1], pad: 'valid'}, error: true},
  {op: 'conv3d', inputs: [T([1, 6, 6, 6, 1]), T([2, 2, 2, 1, 2])], attrs: {strides: 1, pad: [[0, 0], [1, 1], [1, 1], [1, 1], [0, 0]]}, error: true},
];

// TF.js has no gradient for Conv3DBackpropInputV2 (edgeflow's is checked in conv_test.cpp).
const conv3dTranspose = [
  {op: 'conv3dTranspose', inputs: [T([1, 2, 2, 2, 2]), T([2, 2, 2, 3, 2])], attrs: {outputShape: [1, 4, 4, 4, 3], strides: 2, pad: 'same'}},
  {op: 'conv3dTranspose', inputs: [T([2, 3, 2, 2, 1]), T([2, 2, 2, 2, 1])], attrs: {outputShape: [2, 4, 3, 3, 2], strides: 1, pad: 'valid'}},
  {op: 'conv3dTranspose', inputs: [T([1, 2, 2, 2, 2]), T([2, 2, 2, 3, 4])], attrs: {outputShape: [1, 4, 4, 4, 3], strides: 2, pad: 'same'}, error: true},
];

const depthwise = [
  {op: 'depthwiseConv2d', inputs: [T([1, 5, 5, 2]), T([3, 3, 2, 1])], attrs: same, grad: true},
  {op: 'depthwiseConv2d', inputs: [T([2, 6, 7, 3]), T([2, 3, 3, 2])], attrs: {strides: [2, 1], pad: 'valid'}, grad: true},
  {op: 'depthwiseConv2d', inputs: [T([1, 7, 6, 2]), T([3, 2, 2, 3])], attrs: {strides: 2, pad: 'same'}, grad: true},
  {op: 'depthwiseConv2d', inputs: [T([1, 7, 7, 2]), T([3, 3, 2, 1])], attrs: {...same, dilations: 2}},
  {op: 'depthwiseConv2d', inputs: [T([1, 8, 7, 3]), T([2, 2, 3, 2])], attrs: {...valid, dilations: [3, 2]}},
  {op: 'depthwiseConv2d', inputs: [T([1, 5, 6, 2]), T([3, 3, 2, 1])], attrs: {strides: 1, pad: [[0, 0], [1, 2], [0, 1], [0, 0]]}, grad: true},
  {op: 'depthwiseConv2d', inputs: [T([1, 6, 6, 2]), T([2, 2, 2, 1])], attrs: {strides: 2, pad: 1, dimRoundingMode: 'ceil'}},
  {op: 'depthwiseConv2d', inputs: [T([5, 5, 3]), T([2, 2, 3, 2])], attrs: valid, grad: true},
  // Sizes of MobileNet's depthwise layers (the cpu backend's channel-vectorised kernels).
  {op: 'depthwiseConv2d', inputs: [T([2, 9, 9, 16]), T([3, 3, 16, 1])], attrs: {strides: 2, pad: 'same'}, grad: true, ...big},
  {op: 'depthwiseConv2d', inputs: [T([1, 14, 14, 37]), T([3, 3, 37, 1])], attrs: same, grad: true, ...big},
  {op: 'depthwiseConv2d', inputs: [T([2, 6, 6, 5]), T([3, 3, 5, 3])], attrs: same, grad: true, ...big},
  {op: 'depthwiseConv2d', inputs: [T([1, 4, 4, 2], {gen: 'special'}), T([2, 2, 2, 1])], attrs: same},
  {op: 'depthwiseConv2d', inputs: [T([1, 4, 4, 2]), T([3, 3, 2, 1], {gen: 'special'})], attrs: same},
  {op: 'depthwiseConv2d', inputs: [T([0, 4, 4, 2]), T([2, 2, 2, 1])], attrs: same},
  {op: 'depthwiseConv2d', inputs: [T([1, 4, 4, 2]), T([2, 2, 3, 1])], attrs: same, error: true},
  {op: 'depthwiseConv2d', inputs: [T([1, 8, 8, 2]), T([2, 2, 2, 1])], attrs: {strides: 2, pad: 'same', dilations: 2}, error: true},
  {op: 'depthwiseConv2d', inputs: [T([1, 4, 4, 2]), T([2, 2, 2])], attrs: same, error: true},
  {op: 'depthwiseConv2d', inputs: [I([1, 4, 4, 2]), T([2, 2, 2, 1])], attrs: same, error: true},
  {op: 'depthwiseConv2d', inputs: [T([1, 4, 4, 2]), T([2, 2, 2, 1])], attrs: {...same, dimRoundingMode: 'round'}, error: true},
];

const separable = [
  {op: 'separableConv2d', inputs: [T([1, 5, 5, 2]), T([3, 3, 2, 2]), T([1, 1, 4, 3])], attrs: same, grad: true},
  {op: 'separableConv2d', inputs: [T([2, 7, 6, 3]), T([2, 2, 3, 1]), T([1, 1, 3, 2])], attrs: {strides: 2, pad: 'valid'}, grad: true},
  {op: 'separableConv2d', inputs: [T([1, 7, 7, 2]), T([3, 3, 2, 1]), T([1, 1, 2, 2])], attrs: {...same, dilation: 2}},
  {op: 'separableConv2d', inputs: [T([6, 6, 2]), T([3, 3, 2, 2]), T([1, 1, 4, 3])], attrs: same, grad: true},
  {op: 'separableConv2d', inputs: [T([1, 4, 4, 2], {gen: 'special'}), T([2, 2, 2, 1]), T([1, 1, 2, 3])], attrs: same},
  {op: 'separableConv2d', inputs: [T([1, 5, 5, 2]), T([3, 3, 2, 2]), T([2, 1, 4, 3])], attrs: same, error: true},
  {op: 'separableConv2d', inputs: [T([1, 5, 5, 2]), T([3, 3, 2, 2]), T([1, 1, 3, 3])], attrs: same, error: true},
  {op: 'separableConv2d', inputs: [T([1, 2, 5, 5]), T([3, 3, 2, 2]), T([1, 1, 4, 3])], attrs: {...same, dataFormat: 'NCHW'}, error: true},
];

// Fused conv2d: every activation with and without bias; TF.js computes the non-linear ones
// unfused while taping, so their gradients come from its relu/elu/prelu/... gradients.
const F = (x, f, at, o = {}) => ({op: 'fusedConv2d', inputs: [T(x), T(f), ...(o.more || [])], attrs: at, ...o, more: undefined});
const fusedConv = [
  F([1, 5, 5, 2], [3, 3, 2, 3], {...same}, {grad: true}),
  F([2, 5, 5, 2], [3, 3, 2, 3], {...same, bias: true}, {more: [T([3])], grad: true}),
  F([2, 6, 5, 2], [3, 3, 2, 3], {strides: 2, pad: 'same', bias: true, activation: 'relu'}, {more: [T([3])], grad: true}),
  F([1, 6, 6, 2], [2, 2, 2, 4], {...valid, bias: true, activation: 'relu6'}, {more: [T([4], {gen: 'uniform', range: [2, 5]})], grad: true}),
  F([1, 5, 5, 2], [3, 3, 2, 3], {...same, bias: true, activation: 'elu'}, {more: [T([3])], grad: true}),
  F([1, 5, 5, 2], [3, 3, 2, 3], {...same, bias: true, activation: 'sigmoid'}, {more: [T([3])], grad: true}),
  F([1, 5, 5, 2], [3, 3, 2, 3], {...same, bias: true, activation: 'leakyrelu', leakyreluAlpha: 0.3}, {more: [T([3])], grad: true}),
  F([1, 5, 5, 2], [3, 3, 2, 3], {...same, activation: 'leakyrelu', leakyreluAlpha: -0.5}, {grad: true}),
  F([1, 5, 5, 2], [3, 3, 2, 3], {...same, bias: true, prelu: true, activation: 'prelu'}, {more: [T([3]), T([3])], grad: true}),
  F([1, 4, 5, 2], [3, 3, 2, 3], {...same, prelu: true, activation: 'prelu'}, {more: [T([4, 5, 3])], grad: true}),
  F([1, 4, 4, 2], [3, 3, 2, 3], {...valid, bias: true, prelu: true, activation: 'prelu'}, {more: [T([]), T([1])], grad: true}),
  F([1, 5, 5, 2], [3, 3, 2, 3], {...same, bias: true, activation: 'relu'}, {more: [T([5, 5, 3])], grad: true}),
  F([1, 5, 5, 2], [3, 3, 2, 3], {...same, bias: true, activation: 'relu'}, {more: [I([3])]}),
  F([2, 7, 7, 2], [3, 3, 2, 2], {strides: 1, pad: [[0, 0], [1, 0], [2, 1], [0, 0]], bias: true, activation: 'relu'}, {more: [T([2])], grad: true}),
  F([1, 7, 7, 2], [3, 3, 2, 2], {...same, dilations: 2, bias: true, activation: 'relu'}, {more: [T([2])]}),
  F([6, 6, 2], [3, 3, 2, 2], {...valid, bias: true, activation: 'relu'}, {more: [T([2])], grad: true}),
  // Larger: the cpu backend's GEMM with the epilogue per tile.
  F([2, 10, 10, 16], [3, 3, 16, 32], {...same, bias: true, activation: 'relu6'}, {more: [T([32])], ...big}),
  // fd: false: a bias moves many outputs at once, some across relu's kink.
  F([2, 9, 9, 8], [1, 1, 8, 24], {...valid, bias: true, activation: 'relu'}, {more: [T([24])], grad: true, fd: false, ...big}),
  F([4, 12, 12, 1], [3, 3, 1, 8], {...valid, bias: true, activation: 'relu'}, {more: [T([8])], grad: true, ...big}),
  F([2, 8, 8, 8], [3, 3, 8, 16], {...valid, bias: true, prelu: true, activation: 'prelu'}, {more: [T([16]), T([16])], ...big}),
  {op: 'fusedConv2d', inputs: [T([1, 6, 6, 3], {gen: 'special'}), T([3, 3, 3, 5]), T([5])], attrs: {...same, bias: true, activation: 'relu'}},
  // NCHW (outputs only: TF.js's fused gradients are NHWC only).
  F([2, 2, 5, 5], [3, 3, 2, 3], {...same, dataFormat: 'NCHW', bias: true, activation: 'relu'}, {more: [T([3])]}),
  F([1, 2, 5, 5], [3, 3, 2, 3], {...same, dataFormat: 'NCHW', bias: true, prelu: true, activation: 'prelu'}, {more: [T([]), T([3])]}),
  F([1, 2, 5, 5], [3, 3, 2, 3], {...valid, dataFormat: 'NCHW', bias: true}, {more: [T([1])]}),
  F([1, 5, 5, 2], [3, 3, 2, 3], {...same, bias: true}, {more: [T([4])], error: true}),
  F([1, 2, 5, 5], [3, 3, 2, 3], {...same, dataFormat: 'NCHW', bias: true}, {more: [T([5, 5, 3])], error: true}),
  F([1, 5, 5, 2], [3, 3, 2, 3], {...same, prelu: true, activation: 'prelu'}, {more: [T([5, 3])], error: true}),
  F([1, 5, 5, 2], [3, 3, 2, 3], {...same, prelu: true, activation: 'prelu'}, {more: [T([2])], error: true}),
  F([1, 5, 5, 2], [3, 3, 2, 3], {...same, activation: 'swish'}, {error: true}),
  F([1, 5, 5, 3], [3, 3, 2, 3], {...same}, {error: true}),
  F([1, 8, 8, 2], [3, 3, 2, 3], {strides: 2, pad: 'same', dilations: 2}, {error: true}),
];

const D = (x, f, at, o = {}) => ({op: 'fusedDepthwiseConv2d', inputs: [T(x), T(f), ...(o.more || [])], attrs: at, ...o, more: undefined});
const fusedDepthwise = [
  D([1, 5, 5, 2], [3, 3, 2, 1], {...same}, {grad: true}),
  D([2, 5, 5, 2], [3, 3, 2, 2], {...same, bias: true, activation: 'relu'}, {more: [T([4])], grad: true}),
  D([1, 6, 6, 3], [3, 3, 3, 1], {strides: 2, pad: 'same', bias: true, activation: 'relu6'}, {more: [T([3], {gen: 'uniform', range: [2, 5]})], grad: true}),
  D([1, 5, 5, 2], [2, 2, 2, 1], {...valid, bias: true, prelu: true, activation: 'prelu'}, {more: [T([2]), T([2])], grad: true}),
  D([1, 5, 5, 2], [3, 3, 2, 1], {...same, bias: true, activation: 'sigmoid'}, {more: [T([2])], grad: true}),
  D([1, 7, 7, 2], [3, 3, 2, 1], {...same, dilations: 2, bias: true, activation: 'elu'}, {more: [T([2])]}),
  D([2, 14, 14, 32], [3, 3, 32, 1], {...same, bias: true, activation: 'relu6'}, {more: [T([32])], ...big}),
  D([1, 5, 5, 2], [3, 3, 2, 1], {...same, bias: true}, {more: [T([3])], error: true}),
  D([1, 5, 5, 2], [3, 3, 3, 1], {...same}, {error: true}),
];

const M = (a, b, at, o = {}) => ({op: 'fusedMatMul', inputs: [T(a), T(b), ...(o.more || [])], attrs: at, ...o, more: undefined});
const fusedMatMul = [
  M([3, 4], [4, 5], {}, {grad: true}),
  M([3, 4], [4, 5], {bias: true, activation: 'relu'}, {more: [T([5])], grad: true}),
  M([4, 3], [5, 4], {transposeA: true, transposeB: true, bias: true, activation: 'elu'}, {more: [T([3, 5])], grad: true}),
  M([2, 3, 4], [2, 4, 5], {bias: true, activation: 'sigmoid'}, {more: [T([5])], grad: true}),
  M([3, 4], [5, 4], {transposeB: true, bias: true, activation: 'relu6'}, {more: [T([5], {gen: 'uniform', range: [2, 5]})], grad: true}),
  M([3, 4], [4, 5], {bias: true, activation: 'leakyrelu', leakyreluAlpha: 0.1}, {more: [T([5])], grad: true}),
  M([3, 4], [4, 5], {activation: 'leakyrelu'}, {grad: true}),
  M([3, 4], [4, 5], {bias: true, prelu: true, activation: 'prelu'}, {more: [T([5]), T([5])], grad: true}),
  M([2, 3, 4], [4, 5], {bias: true, activation: 'relu'}, {more: [T([5])]}),
  M([40, 70], [70, 50], {bias: true, activation: 'relu'}, {more: [T([50])], grad: true, ...big}),
  M([64, 300], [300, 33], {bias: true, activation: 'relu6'}, {more: [T([33])], ...big}),
  {op: 'fusedMatMul', inputs: [T([3, 4], {gen: 'special'}), T([4, 5]), T([5])], attrs: {bias: true, activation: 'relu'}},
  {op: 'fusedMatMul', inputs: [I([2, 3]), I([3, 2]), I([2])], attrs: {bias: true, activation: 'relu'}},
  {op: 'fusedMatMul', inputs: [I([2, 3]), I([3, 2]), I([2])], attrs: {bias: true, activation: 'leakyrelu', leakyreluAlpha: 0.5}},
  M([3, 4], [5, 5], {}, {error: true}),
  M([3, 4], [4, 5], {bias: true}, {more: [T([4])], error: true}),
  M([3, 4], [4, 5], {activation: 'gelu'}, {error: true}),
];

export const cases = [
  ...conv2d, ...conv1d, ...conv2dTranspose, ...conv3d, ...conv3dTranspose, ...depthwise, ...separable,
  ...fusedConv, ...fusedDepthwise, ...fusedMatMul,
];
