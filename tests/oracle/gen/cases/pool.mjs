// Cases for pooling: maxPool, avgPool, maxPool3d, avgPool3d, maxPoolWithArgmax, pool and the 1-D
// pooling of TF.js's layers (2-D pooling over an inserted width of one).
const T = (shape, o = {}) => ({shape, ...o});
const I = (shape, o = {}) => T(shape, {dtype: 'int32', range: [-9, 9], ...o});
const S = (shape) => T(shape, {gen: 'special'});

export const ops = {
  maxPool: (tf, [x], at) => tf.maxPool(x, at.filterSize, at.strides, at.pad, at.dimRoundingMode),
  avgPool: (tf, [x], at) => tf.avgPool(x, at.filterSize, at.strides, at.pad, at.dimRoundingMode),
  maxPool3d: (tf, [x], at) => tf.maxPool3d(x, at.filterSize, at.strides, at.pad, at.dimRoundingMode, at.dataFormat),
  avgPool3d: (tf, [x], at) => tf.avgPool3d(x, at.filterSize, at.strides, at.pad, at.dimRoundingMode, at.dataFormat),
  maxPoolWithArgmax: (tf, [x], at) => {
    const r = tf.maxPoolWithArgmax(x, at.filterSize, at.strides, at.pad, at.includeBatchInIndex);
    return [r.result, r.indexes];
  },
  pool: (tf, [x], at) => tf.pool(x, at.windowShape, at.poolingType, at.pad, at.dilations, at.strides, at.dimRoundingMode),
  // What tf.layers.maxPooling1d / averagePooling1d compute.
  maxPool1d: (tf, [x], at) => tf.squeeze(tf.maxPool(tf.expandDims(x, 2), [at.poolSize, 1], [at.stride, 1], at.pad), [2]),
  avgPool1d: (tf, [x], at) => tf.squeeze(tf.avgPool(tf.expandDims(x, 2), [at.poolSize, 1], [at.stride, 1], at.pad), [2]),
};

const p2 = (filterSize, strides, pad, dimRoundingMode) => ({filterSize, strides, pad, dimRoundingMode});

// Shared by maxPool and avgPool. Windows that reach into "same" / numeric / explicit padding are
// where avgPool's TF.js gradient (which divides by the whole window, not the taps it averaged)
// differs from finite differences; those avgPool cases set fd: false.
const pool2dCases = (op) => {
  const padFd = op === 'maxPool';
  return [
    {op, inputs: [T([1, 4, 4, 1])], attrs: p2(2, 2, 'valid'), grad: true},
    {op, inputs: [T([2, 5, 5, 3])], attrs: p2(3, 1, 'valid'), grad: true},
    {op, inputs: [T([2, 5, 5, 3])], attrs: p2(3, 1, 'same'), grad: true, fd: padFd},
    {op, inputs: [T([2, 6, 7, 2])], attrs: p2([2, 3], [1, 2], 'same'), grad: true, fd: padFd},
    {op, inputs: [T([1, 7, 6, 2])], attrs: p2([3, 2], [2, 3], 'valid'), grad: true},
    {op, inputs: [T([4, 4, 2])], attrs: p2(2, 1, 'same'), grad: true, fd: padFd},
    {op, inputs: [T([1, 5, 5, 2])], attrs: p2(3, 2, 1), grad: true, fd: padFd},
    // The last row of windows lies wholly in the padding: max -Infinity, average NaN, so the
    // loss has no finite differences.
    {op, inputs: [T([1, 5, 5, 1])], attrs: p2(2, 1, [[0, 0], [1, 2], [0, 1], [0, 0]]), grad: true, fd: false},
    {op, inputs: [T([1, 5, 5, 1])], attrs: p2(2, 1, [[0, 0], [1, 1], [0, 1], [0, 0]]), grad: true, fd: padFd},
    {op, inputs: [T([1, 6, 6, 1])], attrs: p2(3, 3, [[0, 0], [0, 0], [0, 0], [0, 0]]), grad: true},
    // A numeric pad sizes both output dims with the filter's and stride's height (TF.js's
    // computeOutputShape2D), so the wide windows run off the input: -Infinity / NaN outputs, whose
    // loss has no finite differences.
    {op, inputs: [T([1, 4, 6, 1])], attrs: p2([2, 3], [1, 2], 1), grad: true, fd: false},
    // dimRoundingMode: the 2-D gradients drop it (TF.js passes filterSize, strides, pad only), so
    // with 'ceil' the extra output row and column get no gradient: no finite differences.
    {op, inputs: [T([1, 6, 6, 2])], attrs: p2(3, 2, 1, 'ceil'), grad: true, fd: false},
    {op, inputs: [T([1, 6, 6, 2])], attrs: p2(3, 2, 1, 'round')},
    {op, inputs: [T([1, 6, 6, 2])], attrs: p2(3, 2, 1, 'floor'), grad: true, fd: padFd},
    {op, inputs: [T([1, 7, 5, 1])], attrs: p2(2, 2, [[0, 0], [1, 0], [0, 1], [0, 0]], 'ceil')},
    {op, inputs: [T([1, 4, 4, 3])], attrs: p2(1, 1, 'valid'), grad: true},
    {op, inputs: [T([1, 4, 4, 3])], attrs: p2(1, 2, 'same'), grad: true},
    {op, inputs: [S([2, 4, 4, 2])], attrs: p2(2, 1, 'same')},
    {op, inputs: [S([1, 3, 3, 4])], attrs: p2(1, 1, 'valid')},  // 1x1: x itself, NaN included
    {op, inputs: [T([1, 4, 4, 1], {values: [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]})], attrs: p2(2, 2, 'valid')},
    {op, inputs: [T([0, 4, 4, 2])], attrs: p2(2, 2, 'valid')},
    {op, inputs: [T([1, 4, 4, 0])], attrs: p2(2, 2, 'same')},
    {op, inputs: [T([1, 2, 2, 1])], attrs: p2(3, 1, 'valid')},  // no window fits: [1, 0, 0, 1]
    {op, inputs: [T([40, 9, 9, 16], {gen: 'uniform'})], attrs: p2(3, 2, 'same'), tol: 1e-4},
    {op, inputs: [T([4, 4])], attrs: p2(2, 2, 'valid'), error: true},
    {op, inputs: [T([1, 1, 4, 4, 1])], attrs: p2(2, 2, 'valid'), error: true},
    {op, inputs: [T([1, 4, 4, 1])], attrs: p2(2, 1, 'same', 'ceil'), error: true},
    {op, inputs: [T([1, 4, 4, 1])], attrs: p2(2, 1, 1, 'bogus'), error: true},
    {op, inputs: [T([1, 2, 2, 1])], attrs: p2(4, 1, 'valid'), error: true},
    {op, inputs: [T([1, 4, 4, 1])], attrs: p2(2, 0, 'valid'), error: true},
    {op, inputs: [T([1, 4, 4, 1])], attrs: p2(2, 1, 'full'), error: true},
  ];
};

const p3 = (filterSize, strides, pad, dimRoundingMode, dataFormat) => ({filterSize, strides, pad, dimRoundingMode, dataFormat});

// TF.js's MaxPool3DGrad numbers window positions with the height where the width belongs, so its
// gradient is wrong unless the window's height equals its width; edgeflow's is right, and the
// gradient cases below keep filterHeight == filterWidth.
const pool3dCases = (op) => {
  const padFd = op === 'maxPool3d';
  return [
    {op, inputs: [T([1, 3, 4, 4, 2])], attrs: p3(2, 1, 'valid'), grad: true},
    {op, inputs: [T([2, 4, 4, 4, 1])], attrs: p3(2, 2, 'same'), grad: true, fd: padFd},
    {op, inputs: [T([1, 3, 5, 5, 2])], attrs: p3([3, 2, 2], [1, 2, 2], 'valid'), grad: true},
    // Depth windows of one tap at -1 (in the padding): -Infinity for max, so no finite differences.
    {op, inputs: [T([1, 4, 3, 3, 1])], attrs: p3([1, 3, 3], [2, 1, 1], 1), grad: true, fd: false},
    {op, inputs: [T([1, 4, 3, 3, 1])], attrs: p3([2, 3, 3], [2, 1, 1], 1), grad: true, fd: padFd},
    {op, inputs: [T([3, 4, 4, 2])], attrs: p3(2, 1, 'same'), grad: true, fd: padFd},
    {op, inputs: [T([1, 5, 5, 5, 1])], attrs: p3(3, 2, 1, 'ceil'), grad: true, fd: padFd},
    {op, inputs: [T([1, 4, 5, 6, 2])], attrs: p3([2, 1, 3], [1, 2, 2], 'same')},
    // 'same' with a stride larger than the window: TF.js lets the padding go negative, which
    // shifts the windows.
    {op, inputs: [T([1, 5, 1, 1, 1])], attrs: p3(1, 3, 'same')},
    {op, inputs: [S([1, 2, 3, 3, 2])], attrs: p3(2, 1, 'same')},
    {op, inputs: [T([1, 2, 2, 1, 1])], attrs: p3(3, 1, 'valid')},  // no window fits
    {op, inputs: [T([1, 2, 2, 2, 1])], attrs: p3(3, 1, 1)},
    {op, inputs: [T([0, 2, 2, 2, 1])], attrs: p3(2, 1, 'valid')},
    {op, inputs: [T([4, 4, 1])], attrs: p3(2, 1, 'valid'), error: true},
    {op, inputs: [T([1, 2, 4, 4, 1])], attrs: p3(2, 1, 'valid', undefined, 'NCDHW'), error: true},
    {op, inputs: [T([1, 2, 4, 4, 1])], attrs: p3(2, 1, 'same', 'floor'), error: true},
    {op, inputs: [T([1, 2, 4, 4, 1])], attrs: p3(2, 1, [[0, 0], [1, 1], [1, 1], [1, 1], [0, 0]]), error: true},
  ];
};

export const cases = [
  ...pool2dCases('maxPool'),
  {op: 'maxPool', inputs: [I([2, 4, 4, 3])], attrs: p2(2, 1, 'same')},
  {op: 'maxPool', inputs: [T([1, 4, 4, 2], {dtype: 'bool'})], attrs: p2(2, 2, 'valid')},
  // Equal values: the gradient goes to the first maximum of each window (a kink: no finite differences).
  {op: 'maxPool', inputs: [T([1, 3, 3, 1], {values: [1, 2, 2, 2, 2, 1, 0, 2, 2]})], attrs: p2(2, 1, 'valid'), grad: true, fd: false},
  ...pool2dCases('avgPool'),
  {op: 'avgPool', inputs: [I([1, 4, 4, 1])], attrs: p2(2, 2, 'valid'), error: true},

  ...pool3dCases('maxPool3d'),
  {op: 'maxPool3d', inputs: [I([1, 2, 3, 3, 2])], attrs: p3(2, 1, 'valid')},
  {op: 'maxPool3d', inputs: [T([1, 2, 2, 2, 1], {values: [3, 1, 3, 2, 3, 0, 1, 3]})], attrs: p3(2, 1, 'valid'), grad: true, fd: false},
  ...pool3dCases('avgPool3d'),
  {op: 'avgPool3d', inputs: [I([1, 2, 3, 3, 2])], attrs: p3(2, 1, 'valid'), error: true},

  {op: 'maxPoolWithArgmax', inputs: [T([2, 4, 4, 3])], attrs: {...p2(2, 2, 'valid'), includeBatchInIndex: false}},
  {op: 'maxPoolWithArgmax', inputs: [T([2, 4, 4, 3])], attrs: {...p2(2, 2, 'valid'), includeBatchInIndex: true}},
  {op: 'maxPoolWithArgmax', inputs: [T([2, 5, 5, 2])], attrs: {...p2(3, 2, 'same'), includeBatchInIndex: true}},
  {op: 'maxPoolWithArgmax', inputs: [T([1, 5, 6, 2])], attrs: {...p2([2, 3], [1, 2], 'same'), includeBatchInIndex: false}},
  {op: 'maxPoolWithArgmax', inputs: [I([2, 4, 4, 1])], attrs: {...p2(2, 1, 'valid'), includeBatchInIndex: true}},
  {op: 'maxPoolWithArgmax', inputs: [S([1, 4, 4, 2])], attrs: {...p2(2, 1, 'valid'), includeBatchInIndex: false}},
  {op: 'maxPoolWithArgmax', inputs: [T([4, 4, 2])], attrs: {...p2(2, 1, 'valid'), includeBatchInIndex: false}, error: true},

  {op: 'pool', inputs: [T([1, 6, 6, 2])], attrs: {windowShape: 2, poolingType: 'max', pad: 'same', dilations: 2, strides: 1}, grad: true},
  {op: 'pool', inputs: [T([2, 7, 5, 1])], attrs: {windowShape: [2, 2], poolingType: 'avg', pad: 'valid', dilations: [2, 1], strides: 1}, grad: true},
  {op: 'pool', inputs: [T([1, 7, 7, 2])], attrs: {windowShape: 3, poolingType: 'avg', pad: 'same', dilations: 2, strides: 1}, grad: true},
  {op: 'pool', inputs: [T([1, 6, 6, 1])], attrs: {windowShape: [2, 3], poolingType: 'max', pad: 'valid', dilations: 1, strides: [2, 1]}, grad: true},
  {op: 'pool', inputs: [T([5, 5, 3])], attrs: {windowShape: 3, poolingType: 'max', pad: 0, dilations: [1, 2], strides: 1}, grad: true},
  {op: 'pool', inputs: [T([1, 5, 5, 1])], attrs: {windowShape: 2, poolingType: 'avg', pad: 'same', strides: 2}, grad: true, fd: false},
  {op: 'pool', inputs: [T([1, 4, 4, 1])], attrs: {windowShape: 2, poolingType: 'max', pad: 'valid', dilations: 2, strides: 2}, error: true},
  {op: 'pool', inputs: [T([4, 4])], attrs: {windowShape: 2, poolingType: 'max', pad: 'valid'}, error: true},

  {op: 'maxPool1d', inputs: [T([2, 7, 3])], attrs: {poolSize: 2, stride: 2, pad: 'valid'}, grad: true},
  {op: 'maxPool1d', inputs: [T([1, 6, 2])], attrs: {poolSize: 3, stride: 1, pad: 'same'}, grad: true},
  {op: 'avgPool1d', inputs: [T([2, 7, 3])], attrs: {poolSize: 3, stride: 2, pad: 'valid'}, grad: true},
  {op: 'avgPool1d', inputs: [T([1, 6, 2])], attrs: {poolSize: 2, stride: 1, pad: 'same'}, grad: true, fd: false},
];
