// Cases for the shape ops: expandDims, squeeze, concat, stack, unstack, split, slice, gather,
// gatherND, scatterND, tile, pad, mirrorPad, reverse, broadcastTo, depthToSpace, spaceToBatchND,
// batchToSpaceND and transpose (stridedSlice is in stridedslice.mjs).
const T = (shape, o = {}) => ({shape, ...o});
const I = (shape, o = {}) => T(shape, {dtype: 'int32', ...o});
const B = (shape) => T(shape, {dtype: 'bool'});
const S = (shape) => T(shape, {gen: 'special'});
const idx = (shape, values) => I(shape, {values});

const prod = (s) => s.reduce((a, b) => a * b, 1);

// TF.js has no gradient for GatherNd, ScatterNd and DepthToSpace. Their `...Via` twins run the
// same edgeflow op, while TF.js computes the same values with differentiable ops (gather,
// unsortedSegmentSum, reshape/transpose), so the gradients still come from TF.js.
function flatIndex(tf, indices, shape) {
  const k = indices.shape[indices.rank - 1];
  const strides = [];
  for (let j = 0; j < k; j++) strides.push(prod(shape.slice(j + 1, k)));
  return tf.sum(tf.mul(indices, tf.tensor1d(strides, 'int32')), -1);
}

export const ops = {
  expandDims: (tf, [x], at) => tf.expandDims(x, at.axis),
  squeeze: (tf, [x], at) => tf.squeeze(x, at.axis),
  concat: (tf, xs, at) => tf.concat(xs, at.axis),
  stack: (tf, xs, at) => tf.stack(xs, at.axis),
  unstack: (tf, [x], at) => tf.unstack(x, at.axis),
  split: (tf, [x], at) => tf.split(x, at.num ?? [...at.sizes], at.axis),  // TF.js writes into sizes
  slice: (tf, [x], at) => tf.slice(x, at.begin, at.size),
  gather: (tf, [x, i], at) => tf.gather(x, i, at.axis, at.batchDims),
  gatherND: (tf, [x, i]) => tf.gatherND(x, i),
  gatherNDVia: (tf, [x, i]) => {
    const k = i.shape[i.rank - 1];
    const rows = tf.reshape(x, [prod(x.shape.slice(0, k)), ...x.shape.slice(k)]);
    return tf.gather(rows, flatIndex(tf, i, x.shape));
  },
  scatterND: (tf, [i, u], at) => tf.scatterND(i, u, at.shape),
  scatterNDVia: (tf, [i, u], at) => {
    const ii = i.rank === 1 ? i.reshape([-1, 1]) : i;
    const k = ii.shape[ii.rank - 1];
    const rows = tf.reshape(u, [-1, ...at.shape.slice(k)]);
    const summed = tf.unsortedSegmentSum(rows, flatIndex(tf, ii, at.shape).reshape([-1]), prod(at.shape.slice(0, k)));
    return summed.reshape(at.shape);
  },
  tile: (tf, [x], at) => tf.tile(x, at.reps),
  pad: (tf, [x], at) => tf.pad(x, at.paddings, at.constantValue),
  mirrorPad: (tf, [x], at) => tf.mirrorPad(x, at.paddings, at.mode),
  reverse: (tf, [x], at) => tf.reverse(x, at.axis),
  broadcastTo: (tf, [x], at) => tf.broadcastTo(x, at.shape),
  depthToSpace: (tf, [x], at) => tf.depthToSpace(x, at.blockSize, at.dataFormat),
  depthToSpaceVia: (tf, [x], at) => {
    const [b, h, w, c] = x.shape, s = at.blockSize;
    const y = x.reshape([b, h, w, s, s, c / (s * s)]).transpose([0, 1, 3, 2, 4, 5]);
    return y.reshape([b, h * s, w * s, c / (s * s)]);
  },
  spaceToBatchND: (tf, [x], at) => tf.spaceToBatchND(x, at.blockShape, at.paddings),
  batchToSpaceND: (tf, [x], at) => tf.batchToSpaceND(x, at.blockShape, at.crops),
  transpose: (tf, [x], at) => tf.transpose(x, at.perm),
};

const expandDims = [
  {op: 'expandDims', inputs: [T([2, 3])], attrs: {axis: 0}, grad: true},
  {op: 'expandDims', inputs: [T([2, 3])], attrs: {axis: 1}, grad: true},
  {op: 'expandDims', inputs: [T([2, 3])], attrs: {axis: 2}},
  {op: 'expandDims', inputs: [T([2, 3])], attrs: {axis: -1}, grad: true},
  {op: 'expandDims', inputs: [T([2, 3])], attrs: {axis: -3}},
  {op: 'expandDims', inputs: [T([])], attrs: {axis: 0}, grad: true},
  {op: 'expandDims', inputs: [T([0, 3])], attrs: {axis: 1}},
  {op: 'expandDims', inputs: [I([4])], attrs: {axis: 1}},
  {op: 'expandDims', inputs: [B([4])], attrs: {axis: 0}},
  {op: 'expandDims', inputs: [S([5])], attrs: {axis: 0}},
  {op: 'expandDims', inputs: [T([2, 3])], attrs: {axis: 3}, error: true},
  {op: 'expandDims', inputs: [T([2, 3])], attrs: {axis: -4}, error: true},
];

const squeeze = [
  {op: 'squeeze', inputs: [T([1, 3, 1])], attrs: {}, grad: true},
  {op: 'squeeze', inputs: [T([1, 3, 1])], attrs: {axis: [0]}, grad: true},
  {op: 'squeeze', inputs: [T([1, 3, 1])], attrs: {axis: [-1]}},
  {op: 'squeeze', inputs: [T([1, 3, 1])], attrs: {axis: [0, 2]}},
  {op: 'squeeze', inputs: [T([1, 1])], attrs: {}, grad: true},
  {op: 'squeeze', inputs: [T([2, 3])], attrs: {}},
  {op: 'squeeze', inputs: [T([])], attrs: {}},
  {op: 'squeeze', inputs: [T([0, 1])], attrs: {}},
  {op: 'squeeze', inputs: [I([2, 1])], attrs: {}},
  {op: 'squeeze', inputs: [B([1, 2])], attrs: {}},
  {op: 'squeeze', inputs: [T([2, 1])], attrs: {axis: [0]}, error: true},
  {op: 'squeeze', inputs: [T([2, 1])], attrs: {axis: [2]}, error: true},
  {op: 'squeeze', inputs: [T([])], attrs: {axis: [0]}, error: true},
];

const concat = [
  {op: 'concat', inputs: [T([2, 3]), T([2, 3])], attrs: {axis: 0}, grad: true},
  {op: 'concat', inputs: [T([2, 3]), T([2, 3])], attrs: {axis: 1}, grad: true},
  {op: 'concat', inputs: [T([2, 3]), T([2, 2])], attrs: {axis: -1}, grad: true},
  {op: 'concat', inputs: [T([2, 1]), T([2, 3]), T([2, 2])], attrs: {axis: 1}, grad: true},
  {op: 'concat', inputs: [T([3]), T([2]), T([1])], attrs: {}, grad: true},
  {op: 'concat', inputs: [T([2, 3, 4]), T([2, 1, 4])], attrs: {axis: 1}, grad: true},
  {op: 'concat', inputs: [T([0, 3]), T([2, 3])], attrs: {axis: 0}, grad: true},
  {op: 'concat', inputs: [T([2, 0]), T([2, 0])], attrs: {axis: 1}},
  {op: 'concat', inputs: [T([2, 3])], attrs: {axis: 1}, grad: true},
  {op: 'concat', inputs: [I([2, 2]), I([2, 3])], attrs: {axis: 1}},
  {op: 'concat', inputs: [B([3]), B([2])], attrs: {}},
  {op: 'concat', inputs: [I([2]), T([3], {values: [1.5, -2.7, 3.9]})], attrs: {}},  // takes the first dtype
  {op: 'concat', inputs: [T([3]), I([2])], attrs: {}},
  {op: 'concat', inputs: [S([2, 4]), S([3, 4])], attrs: {axis: 0}},
  {op: 'concat', inputs: [T([3, 4, 5, 6]), T([3, 4, 2, 6])], attrs: {axis: 2}},
  {op: 'concat', inputs: [T([64, 100]), T([64, 200]), T([64, 1])], attrs: {axis: 1}},
  {op: 'concat', inputs: [T([2, 3]), T([3])], attrs: {axis: 0}, error: true},
  {op: 'concat', inputs: [T([2, 3]), T([3, 3])], attrs: {axis: 1}, error: true},
  {op: 'concat', inputs: [T([2, 3]), T([2, 3])], attrs: {axis: 2}, error: true},
  {op: 'concat', inputs: [T([]), T([])], attrs: {axis: 0}, error: true},
];

const stack = [
  {op: 'stack', inputs: [T([2, 3]), T([2, 3])], attrs: {axis: 0}, grad: true},
  {op: 'stack', inputs: [T([2, 3]), T([2, 3]), T([2, 3])], attrs: {axis: 1}, grad: true},
  {op: 'stack', inputs: [T([2, 3]), T([2, 3])], attrs: {axis: 2}},
  {op: 'stack', inputs: [T([2, 3]), T([2, 3])], attrs: {axis: -1}, grad: true},
  {op: 'stack', inputs: [T([]), T([]), T([])], attrs: {axis: 0}, grad: true},
  {op: 'stack', inputs: [T([4])], attrs: {axis: 1}, grad: true},
  {op: 'stack', inputs: [T([0, 2]), T([0, 2])], attrs: {axis: 1}},
  {op: 'stack', inputs: [I([3]), I([3])], attrs: {axis: 1}},
  {op: 'stack', inputs: [B([3]), B([3])], attrs: {}},
  {op: 'stack', inputs: [S([4]), S([4])], attrs: {}},
  {op: 'stack', inputs: [T([2, 3]), T([3, 2])], attrs: {}, error: true},
  {op: 'stack', inputs: [T([2]), I([2])], attrs: {}, error: true},
  {op: 'stack', inputs: [T([2, 3]), T([2, 3])], attrs: {axis: 3}, error: true},
  {op: 'stack', inputs: [T([2, 3]), T([2, 3])], attrs: {axis: -4}, error: true},
];

const unstack = [
  {op: 'unstack', inputs: [T([2, 3])], attrs: {axis: 0}, grad: true},
  {op: 'unstack', inputs: [T([2, 3])], attrs: {axis: 1}, grad: true},
  {op: 'unstack', inputs: [T([2, 3, 2])], attrs: {axis: -1}, grad: true},
  {op: 'unstack', inputs: [T([3])], attrs: {}, grad: true},
  {op: 'unstack', inputs: [T([2, 0])], attrs: {axis: 0}},
  {op: 'unstack', inputs: [T([0, 2])], attrs: {axis: 0}},
  {op: 'unstack', inputs: [I([2, 2])], attrs: {axis: 1}},
  {op: 'unstack', inputs: [B([3, 1])], attrs: {}},
  {op: 'unstack', inputs: [S([2, 3])], attrs: {axis: 1}},
  {op: 'unstack', inputs: [T([])], attrs: {}, error: true},
  {op: 'unstack', inputs: [T([2, 3])], attrs: {axis: 2}, error: true},
];

const split = [
  {op: 'split', inputs: [T([6, 4])], attrs: {num: 3, axis: 0}, grad: true},
  {op: 'split', inputs: [T([6, 4])], attrs: {num: 2, axis: 1}, grad: true},
  {op: 'split', inputs: [T([6, 4])], attrs: {sizes: [1, 2, 3], axis: 0}, grad: true},
  {op: 'split', inputs: [T([6, 4])], attrs: {sizes: [3, -1], axis: 1}, grad: true},
  {op: 'split', inputs: [T([6])], attrs: {sizes: [1, -1, 2]}, grad: true},
  {op: 'split', inputs: [T([2, 3, 4])], attrs: {sizes: [0, 4], axis: -1}, grad: true},
  {op: 'split', inputs: [T([2, 6])], attrs: {num: 1, axis: 1}},
  {op: 'split', inputs: [T([0, 4])], attrs: {num: 2, axis: 1}},
  {op: 'split', inputs: [I([4, 2])], attrs: {num: 2}},
  {op: 'split', inputs: [B([4])], attrs: {sizes: [3, 1]}},
  {op: 'split', inputs: [S([6])], attrs: {num: 3}},
  {op: 'split', inputs: [T([6, 4])], attrs: {num: 4, axis: 0}, error: true},
  {op: 'split', inputs: [T([6, 4])], attrs: {sizes: [2, 2], axis: 0}, error: true},
  {op: 'split', inputs: [T([6, 4])], attrs: {sizes: [-1, 2, -1], axis: 0}, error: true},
  {op: 'split', inputs: [T([6, 4])], attrs: {num: 2, axis: 2}, error: true},
];

const slice = [
  {op: 'slice', inputs: [T([4, 5])], attrs: {begin: [1, 2], size: [2, 3]}, grad: true},
  {op: 'slice', inputs: [T([4, 5])], attrs: {begin: [1]}, grad: true},
  {op: 'slice', inputs: [T([4, 5])], attrs: {begin: [1, 1], size: [-1, 2]}, grad: true},
  {op: 'slice', inputs: [T([4, 5])], attrs: {begin: [2, 0], size: [1]}, grad: true},
  {op: 'slice', inputs: [T([4, 5])], attrs: {begin: [0, 0], size: [4, 5]}},
  {op: 'slice', inputs: [T([4, 5])], attrs: {begin: [1, 1], size: [0, 3]}},
  {op: 'slice', inputs: [T([8])], attrs: {begin: [3], size: [4]}, grad: true},
  {op: 'slice', inputs: [T([3, 4, 5])], attrs: {begin: [1, 0, 0], size: [2, 4, 5]}},
  {op: 'slice', inputs: [T([3, 4, 5])], attrs: {begin: [0, 1, 2], size: [3, 2, 2]}, grad: true},
  {op: 'slice', inputs: [T([2, 3, 4, 5])], attrs: {begin: [1, 0, 1, 0], size: [1, 3, 2, 5]}},
  {op: 'slice', inputs: [T([2, 3, 4, 5])], attrs: {begin: [0, 1, 0, 3], size: [2, 1, 4, 2]}},
  {op: 'slice', inputs: [I([4, 3])], attrs: {begin: [1, 1], size: [2, 2]}},
  {op: 'slice', inputs: [B([5])], attrs: {begin: [2]}},
  {op: 'slice', inputs: [S([4, 4])], attrs: {begin: [1, 0], size: [3, 3]}},
  {op: 'slice', inputs: [T([0, 3])], attrs: {begin: [0, 1], size: [0, 2]}},
  {op: 'slice', inputs: [T([128, 300])], attrs: {begin: [10, 20], size: [100, 250]}},
  {op: 'slice', inputs: [T([64, 40, 30])], attrs: {begin: [5, 0, 0], size: [50, 40, 30]}},
  {op: 'slice', inputs: [T([])], attrs: {begin: [], size: []}, error: true},
  {op: 'slice', inputs: [T([4, 5])], attrs: {begin: [3, 0], size: [2, 5]}, error: true},
  {op: 'slice', inputs: [T([4, 5])], attrs: {begin: [-1, 0]}, error: true},
  {op: 'slice', inputs: [T([4, 5])], attrs: {begin: [0, 0], size: [-2, 1]}, error: true},
  {op: 'slice', inputs: [T([4, 5])], attrs: {begin: [0, 0, 0]}, error: true},
];

const gather = [
  {op: 'gather', inputs: [T([5, 3]), idx([3], [4, 0, 4])], attrs: {axis: 0}, grad: true},
  {op: 'gather', inputs: [T([5, 3]), idx([4], [2, 0, 1, 2])], attrs: {axis: 1}, grad: true},
  {op: 'gather', inputs: [T([5, 3]), idx([2], [1, 1])], attrs: {axis: -1}, grad: true},
  {op: 'gather', inputs: [T([5]), idx([2, 2], [0, 4, 3, 0])], attrs: {}, grad: true},
  {op: 'gather', inputs: [T([2, 3, 4]), idx([2, 2], [2, 0, 1, 2])], attrs: {axis: 1}, grad: true},
  {op: 'gather', inputs: [T([2, 3, 4]), idx([], [3])], attrs: {axis: 2}, grad: true},
  {op: 'gather', inputs: [T([2, 3, 4]), idx([2, 2], [2, 0, 1, 1])], attrs: {axis: 1, batchDims: 1}, grad: true},
  {op: 'gather', inputs: [T([2, 3, 4]), idx([2, 3], [0, 3, 3, 1, 2, 0])], attrs: {axis: 2, batchDims: 1}, grad: true},
  // TF.js's gradient reads the raw (negative) axis and batchDims, so this one is outputs only.
  {op: 'gather', inputs: [T([2, 3, 4]), idx([2, 2], [1, 0, 2, 2])], attrs: {axis: -2, batchDims: -1}},
  {op: 'gather', inputs: [T([2, 3, 4]), idx([2, 3, 2], [0, 3, 1, 1, 2, 0, 3, 3, 0, 1, 2, 2])], attrs: {axis: 2, batchDims: 2}},
  {op: 'gather', inputs: [T([4, 2]), idx([0], [])], attrs: {}},
  {op: 'gather', inputs: [T([0, 2]), idx([0], [])], attrs: {axis: 0}},
  {op: 'gather', inputs: [I([4, 2]), idx([3], [3, 1, 0])], attrs: {}},
  {op: 'gather', inputs: [B([4]), idx([2], [3, 1])], attrs: {}},
  {op: 'gather', inputs: [S([6]), idx([4], [5, 4, 3, 0])], attrs: {}},
  {op: 'gather', inputs: [T([50, 40]), I([30], {range: [0, 49]})], attrs: {}, grad: true},
  {op: 'gather', inputs: [T([5, 3]), idx([2], [1, 5])], attrs: {}, error: true},
  {op: 'gather', inputs: [T([5, 3]), idx([2], [-1, 0])], attrs: {}, error: true},
  {op: 'gather', inputs: [T([5, 3]), T([2], {values: [1, 0]})], attrs: {}, error: true},
  {op: 'gather', inputs: [T([5, 3]), idx([2], [1, 0])], attrs: {axis: 2}, error: true},
  {op: 'gather', inputs: [T([2, 3]), idx([2, 2], [0, 0, 0, 0])], attrs: {axis: 0, batchDims: 1}, error: true},
  {op: 'gather', inputs: [T([2, 3]), idx([3, 1], [0, 0, 0])], attrs: {axis: 1, batchDims: 1}, error: true},
];

const gatherND = [
  {op: 'gatherND', inputs: [T([3, 4]), idx([2, 2], [0, 1, 2, 3])]},
  {op: 'gatherND', inputs: [T([3, 4]), idx([3, 1], [2, 0, 2])]},
  {op: 'gatherND', inputs: [T([2, 3, 4]), idx([2, 2, 2], [0, 1, 1, 2, 1, 0, 0, 0])]},
  {op: 'gatherND', inputs: [T([3, 4]), idx([2], [1, 3])]},
  {op: 'gatherND', inputs: [T([3, 4]), idx([0, 2], [])]},
  {op: 'gatherND', inputs: [I([3, 2]), idx([2, 1], [2, 1])]},
  {op: 'gatherND', inputs: [B([2, 2]), idx([2, 2], [1, 1, 0, 1])]},
  {op: 'gatherND', inputs: [S([4, 2]), idx([3, 1], [3, 1, 0])]},
  {op: 'gatherNDVia', inputs: [T([3, 4]), idx([4, 2], [0, 1, 2, 3, 0, 1, 1, 1])], grad: true},
  {op: 'gatherNDVia', inputs: [T([3, 4]), idx([3, 1], [2, 0, 2])], grad: true},
  {op: 'gatherNDVia', inputs: [T([2, 3, 4]), idx([2, 2, 2], [0, 1, 1, 2, 1, 0, 0, 1])], grad: true},
  {op: 'gatherND', inputs: [T([3, 4]), idx([1, 2], [3, 0])], error: true},
  {op: 'gatherND', inputs: [T([3, 4]), T([1, 2], {values: [0, 1]})], error: true},
  {op: 'gatherND', inputs: [T([3, 4]), idx([], [1])], error: true},
  {op: 'gatherND', inputs: [T([3, 4]), idx([1, 3], [0, 0, 0])], error: true},
  {op: 'gatherND', inputs: [T([0, 4]), idx([1, 1], [0])], error: true},
];

const scatterND = [
  {op: 'scatterND', inputs: [idx([2, 1], [0, 2]), T([2, 3])], attrs: {shape: [4, 3]}},
  {op: 'scatterND', inputs: [idx([3, 2], [1, 1, 0, 2, 1, 1]), T([3])], attrs: {shape: [2, 3]}},
  {op: 'scatterND', inputs: [idx([3], [0, 2, 4]), T([3])], attrs: {shape: [5]}},
  {op: 'scatterND', inputs: [idx([2, 2, 1], [3, 0, 1, 3]), T([2, 2, 2])], attrs: {shape: [4, 2]}},
  {op: 'scatterND', inputs: [idx([2, 1], [1, 0]), I([2, 2])], attrs: {shape: [3, 2]}},
  {op: 'scatterND', inputs: [idx([2, 1], [1, 0]), B([2])], attrs: {shape: [3]}},
  {op: 'scatterND', inputs: [idx([2, 1], [1, 0]), S([2, 3])], attrs: {shape: [2, 3]}},
  {op: 'scatterND', inputs: [idx([0, 1], []), T([0, 2])], attrs: {shape: [3, 2]}},
  {op: 'scatterNDVia', inputs: [idx([2, 1], [0, 2]), T([2, 3])], attrs: {shape: [4, 3]}, grad: true},
  {op: 'scatterNDVia', inputs: [idx([3, 2], [1, 1, 0, 2, 1, 1]), T([3])], attrs: {shape: [2, 3]}, grad: true},
  {op: 'scatterNDVia', inputs: [idx([3], [0, 2, 4]), T([3])], attrs: {shape: [5]}, grad: true},
  {op: 'scatterND', inputs: [idx([2, 1], [0, 4]), T([2, 3])], attrs: {shape: [4, 3]}, error: true},
  {op: 'scatterND', inputs: [idx([2, 1], [0, 1]), T([2, 2])], attrs: {shape: [4, 3]}, error: true},
  {op: 'scatterND', inputs: [idx([2, 1], [0, 1]), T([3, 3])], attrs: {shape: [4, 3]}, error: true},
  {op: 'scatterND', inputs: [T([2, 1], {values: [0, 1]}), T([2, 3])], attrs: {shape: [4, 3]}, error: true},
];

const tile = [
  {op: 'tile', inputs: [T([2, 3])], attrs: {reps: [2, 2]}, grad: true},
  {op: 'tile', inputs: [T([3])], attrs: {reps: [3]}, grad: true},
  {op: 'tile', inputs: [T([2, 1, 2])], attrs: {reps: [1, 3, 2]}, grad: true},
  {op: 'tile', inputs: [T([1, 2, 1, 2])], attrs: {reps: [2, 1, 2, 1]}, grad: true},
  {op: 'tile', inputs: [T([1, 1, 1, 1, 2])], attrs: {reps: [1, 2, 1, 1, 2]}},
  {op: 'tile', inputs: [T([2, 3])], attrs: {reps: [0, 2]}},
  {op: 'tile', inputs: [T([0, 3])], attrs: {reps: [2, 2]}},
  {op: 'tile', inputs: [T([])], attrs: {reps: []}},
  {op: 'tile', inputs: [I([2, 2])], attrs: {reps: [1, 3]}},
  {op: 'tile', inputs: [B([3])], attrs: {reps: [2]}},
  {op: 'tile', inputs: [S([5])], attrs: {reps: [2]}},
  {op: 'tile', inputs: [T([2, 3])], attrs: {reps: [2]}, error: true},
  {op: 'tile', inputs: [T([2, 3])], attrs: {reps: [-1, 2]}, error: true},
];

const pad = [
  {op: 'pad', inputs: [T([2, 3])], attrs: {paddings: [[1, 2], [0, 1]]}, grad: true},
  {op: 'pad', inputs: [T([2, 3])], attrs: {paddings: [[1, 1], [2, 0]], constantValue: 5}, grad: true},
  {op: 'pad', inputs: [T([3])], attrs: {paddings: [[2, 0]], constantValue: -1.5}, grad: true},
  {op: 'pad', inputs: [T([1, 2, 2, 1])], attrs: {paddings: [[0, 0], [1, 1], [1, 1], [0, 0]]}, grad: true},
  {op: 'pad', inputs: [T([2, 2])], attrs: {paddings: [[0, 0], [0, 0]]}, grad: true},
  {op: 'pad', inputs: [T([0, 2])], attrs: {paddings: [[1, 1], [1, 0]], constantValue: 3}},
  {op: 'pad', inputs: [I([2, 2])], attrs: {paddings: [[1, 0], [0, 1]], constantValue: 7}},
  {op: 'pad', inputs: [I([2])], attrs: {paddings: [[1, 1]], constantValue: 2.7}},
  {op: 'pad', inputs: [B([2])], attrs: {paddings: [[1, 1]], constantValue: 1}},
  {op: 'pad', inputs: [S([4])], attrs: {paddings: [[1, 2]], constantValue: -0.25}},
  {op: 'pad', inputs: [T([])], attrs: {paddings: []}, error: true},
];

const mirrorPad = [
  // TF.js's MirrorPad gradient slices x's part out of dy and ignores the mirrored copies; edgeflow
  // does the same, so finite differences (which see the copies) would disagree: fd off.
  {op: 'mirrorPad', inputs: [T([3, 4])], attrs: {paddings: [[1, 2], [2, 3]], mode: 'reflect'}, grad: true, fd: false},
  {op: 'mirrorPad', inputs: [T([3, 4])], attrs: {paddings: [[2, 3], [1, 4]], mode: 'symmetric'}, grad: true, fd: false},
  {op: 'mirrorPad', inputs: [T([5])], attrs: {paddings: [[4, 4]], mode: 'reflect'}},
  {op: 'mirrorPad', inputs: [T([5])], attrs: {paddings: [[5, 5]], mode: 'symmetric'}},
  {op: 'mirrorPad', inputs: [T([2, 3, 2])], attrs: {paddings: [[1, 1], [0, 2], [1, 0]], mode: 'reflect'}},
  {op: 'mirrorPad', inputs: [T([2, 3])], attrs: {paddings: [[0, 0], [0, 0]], mode: 'symmetric'}, grad: true},
  {op: 'mirrorPad', inputs: [T([2, 3])], attrs: {paddings: [[0, 0], [1, 1]], mode: 'reflect'}, grad: true, fd: false},
  {op: 'mirrorPad', inputs: [I([3])], attrs: {paddings: [[1, 2]], mode: 'reflect'}},
  {op: 'mirrorPad', inputs: [B([2, 2])], attrs: {paddings: [[1, 1], [2, 2]], mode: 'symmetric'}},
  {op: 'mirrorPad', inputs: [S([4])], attrs: {paddings: [[2, 3]], mode: 'symmetric'}},
  {op: 'mirrorPad', inputs: [T([3])], attrs: {paddings: [[1, 1]], mode: 'edge'}, error: true},
  {op: 'mirrorPad', inputs: [T([3])], attrs: {paddings: [[3, 0]], mode: 'reflect'}, error: true},
  {op: 'mirrorPad', inputs: [T([3])], attrs: {paddings: [[0, 4]], mode: 'symmetric'}, error: true},
  {op: 'mirrorPad', inputs: [T([3])], attrs: {paddings: [[-1, 0]], mode: 'symmetric'}, error: true},
  {op: 'mirrorPad', inputs: [T([2, 3])], attrs: {paddings: [[1, 1]], mode: 'reflect'}, error: true},
  {op: 'mirrorPad', inputs: [T([])], attrs: {paddings: [], mode: 'reflect'}, error: true},
];

const reverse = [
  {op: 'reverse', inputs: [T([2, 3])], attrs: {}, grad: true},
  {op: 'reverse', inputs: [T([2, 3])], attrs: {axis: 0}, grad: true},
  {op: 'reverse', inputs: [T([2, 3])], attrs: {axis: [1]}},
  {op: 'reverse', inputs: [T([2, 3])], attrs: {axis: -1}},
  {op: 'reverse', inputs: [T([2, 3, 4])], attrs: {axis: [0, 2]}, grad: true},
  {op: 'reverse', inputs: [T([2, 3, 4, 2])], attrs: {axis: [1, 3]}},
  {op: 'reverse', inputs: [T([5])], attrs: {}, grad: true},
  {op: 'reverse', inputs: [T([])], attrs: {}},
  {op: 'reverse', inputs: [T([0, 3])], attrs: {axis: 0}},
  {op: 'reverse', inputs: [I([4])], attrs: {}},
  {op: 'reverse', inputs: [B([2, 2])], attrs: {axis: 1}},
  {op: 'reverse', inputs: [S([6])], attrs: {}},
  {op: 'reverse', inputs: [T([2, 3])], attrs: {axis: 2}, error: true},
];

const broadcastTo = [
  {op: 'broadcastTo', inputs: [T([2, 1])], attrs: {shape: [3, 2, 4]}, grad: true},
  {op: 'broadcastTo', inputs: [T([3])], attrs: {shape: [2, 3]}, grad: true},
  {op: 'broadcastTo', inputs: [T([])], attrs: {shape: [2, 2]}, grad: true},
  {op: 'broadcastTo', inputs: [T([1, 3])], attrs: {shape: [1, 3]}, grad: true},
  {op: 'broadcastTo', inputs: [T([1, 3])], attrs: {shape: [2, 1, 3]}, grad: true},
  {op: 'broadcastTo', inputs: [T([0, 1])], attrs: {shape: [0, 3]}},
  {op: 'broadcastTo', inputs: [I([2])], attrs: {shape: [3, 2]}},
  {op: 'broadcastTo', inputs: [B([1])], attrs: {shape: [4]}},
  {op: 'broadcastTo', inputs: [S([3, 1])], attrs: {shape: [3, 2]}},
  {op: 'broadcastTo', inputs: [T([2, 2])], attrs: {shape: [3, 2, 4]}, error: true},
  {op: 'broadcastTo', inputs: [T([2, 2])], attrs: {shape: [2]}, error: true},
];

const depthToSpace = [
  {op: 'depthToSpace', inputs: [T([1, 2, 2, 4])], attrs: {blockSize: 2}},
  {op: 'depthToSpace', inputs: [T([2, 3, 2, 8])], attrs: {blockSize: 2, dataFormat: 'NHWC'}},
  {op: 'depthToSpace', inputs: [T([1, 1, 2, 9])], attrs: {blockSize: 3}},
  {op: 'depthToSpace', inputs: [S([1, 1, 1, 4])], attrs: {blockSize: 2}},
  {op: 'depthToSpace', inputs: [T([0, 2, 2, 4])], attrs: {blockSize: 2}},
  {op: 'depthToSpaceVia', inputs: [T([1, 2, 2, 4])], attrs: {blockSize: 2}, grad: true},
  {op: 'depthToSpaceVia', inputs: [T([2, 1, 2, 18])], attrs: {blockSize: 3}, grad: true},
  {op: 'depthToSpace', inputs: [T([1, 4, 2, 2])], attrs: {blockSize: 2, dataFormat: 'NCHW'}, error: true},
  {op: 'depthToSpace', inputs: [I([1, 2, 2, 4])], attrs: {blockSize: 2}, error: true},
  {op: 'depthToSpace', inputs: [T([1, 2, 2, 4])], attrs: {blockSize: 1}, error: true},
  {op: 'depthToSpace', inputs: [T([1, 2, 2, 6])], attrs: {blockSize: 2}, error: true},
  {op: 'depthToSpace', inputs: [T([2, 2, 4])], attrs: {blockSize: 2}, error: true},
];

const spaceToBatchND = [
  {op: 'spaceToBatchND', inputs: [T([1, 4, 4, 1])], attrs: {blockShape: [2, 2], paddings: [[0, 0], [0, 0]]}, grad: true},
  {op: 'spaceToBatchND', inputs: [T([2, 2, 4, 3])], attrs: {blockShape: [2, 2], paddings: [[1, 1], [0, 2]]}, grad: true},
  {op: 'spaceToBatchND', inputs: [T([3, 5, 2])], attrs: {blockShape: [3], paddings: [[1, 0]]}, grad: true},
  {op: 'spaceToBatchND', inputs: [T([2, 6])], attrs: {blockShape: [3], paddings: [[0, 0]]}, grad: true},
  {op: 'spaceToBatchND', inputs: [T([1, 2, 3, 2, 2])], attrs: {blockShape: [2, 3, 1], paddings: [[0, 0], [0, 0], [1, 1]]}},
  {op: 'spaceToBatchND', inputs: [I([1, 2, 2, 1])], attrs: {blockShape: [2, 2], paddings: [[0, 0], [0, 0]]}},
  {op: 'spaceToBatchND', inputs: [S([1, 4, 1])], attrs: {blockShape: [2], paddings: [[1, 1]]}},
  {op: 'spaceToBatchND', inputs: [T([1, 3, 3, 1])], attrs: {blockShape: [2, 2], paddings: [[0, 0], [0, 0]]}, error: true},
  {op: 'spaceToBatchND', inputs: [T([4, 4])], attrs: {blockShape: [2, 2], paddings: [[0, 0], [0, 0]]}, error: true},
  {op: 'spaceToBatchND', inputs: [T([1, 4, 4, 1])], attrs: {blockShape: [2, 2], paddings: [[0, 0]]}, error: true},
];

const batchToSpaceND = [
  {op: 'batchToSpaceND', inputs: [T([4, 1, 1, 1])], attrs: {blockShape: [2, 2], crops: [[0, 0], [0, 0]]}, grad: true},
  {op: 'batchToSpaceND', inputs: [T([8, 1, 3, 1])], attrs: {blockShape: [2, 2], crops: [[0, 0], [2, 0]]}, grad: true},
  {op: 'batchToSpaceND', inputs: [T([6, 2, 2])], attrs: {blockShape: [3], crops: [[1, 1]]}, grad: true},
  {op: 'batchToSpaceND', inputs: [T([8, 2, 2, 3])], attrs: {blockShape: [2, 2], crops: [[1, 0], [0, 1]]}, grad: true},
  {op: 'batchToSpaceND', inputs: [T([6, 1, 2, 2])], attrs: {blockShape: [2, 3, 1], crops: [[0, 0], [0, 0], [0, 0]]}},
  {op: 'batchToSpaceND', inputs: [I([4, 1, 1, 2])], attrs: {blockShape: [2, 2], crops: [[0, 0], [0, 0]]}},
  {op: 'batchToSpaceND', inputs: [S([2, 3])], attrs: {blockShape: [2], crops: [[0, 1]]}},
  {op: 'batchToSpaceND', inputs: [T([3, 1, 1, 1])], attrs: {blockShape: [2, 2], crops: [[0, 0], [0, 0]]}, error: true},
  {op: 'batchToSpaceND', inputs: [T([4, 1])], attrs: {blockShape: [2, 2], crops: [[0, 0], [0, 0]]}, error: true},
  {op: 'batchToSpaceND', inputs: [T([4, 1, 1, 1])], attrs: {blockShape: [2, 2], crops: [[0, 0]]}, error: true},
];

const transpose = [
  {op: 'transpose', inputs: [T([2, 3])], attrs: {}, grad: true},
  {op: 'transpose', inputs: [T([2, 3, 4])], attrs: {perm: [1, 0, 2]}, grad: true},
  {op: 'transpose', inputs: [T([2, 3, 4])], attrs: {perm: [2, 0, 1]}, grad: true},
  {op: 'transpose', inputs: [T([2, 3, 4])], attrs: {}},
  {op: 'transpose', inputs: [T([2, 3, 4, 5])], attrs: {perm: [0, 3, 1, 2]}, grad: true},
  {op: 'transpose', inputs: [T([2, 3, 4, 5])], attrs: {perm: [0, 2, 3, 1]}},
  {op: 'transpose', inputs: [T([2, 3, 4, 5])], attrs: {perm: [1, 0, 3, 2]}},
  {op: 'transpose', inputs: [T([1, 2, 3, 4])], attrs: {perm: [3, 2, 1, 0]}},
  {op: 'transpose', inputs: [T([2, 1, 3, 1, 2])], attrs: {perm: [4, 2, 0, 3, 1]}},
  {op: 'transpose', inputs: [T([5])], attrs: {}, grad: true},
  {op: 'transpose', inputs: [T([])], attrs: {}},
  {op: 'transpose', inputs: [T([0, 3])], attrs: {}},
  {op: 'transpose', inputs: [I([2, 3])], attrs: {}},
  {op: 'transpose', inputs: [B([3, 2, 2])], attrs: {perm: [2, 0, 1]}},
  {op: 'transpose', inputs: [S([3, 4])], attrs: {}},
  {op: 'transpose', inputs: [T([300, 200])], attrs: {}},
  {op: 'transpose', inputs: [T([37, 53])], attrs: {}},
  {op: 'transpose', inputs: [I([67, 45])], attrs: {}},
  {op: 'transpose', inputs: [B([33, 70])], attrs: {}},
  {op: 'transpose', inputs: [T([4, 32, 32, 16])], attrs: {perm: [0, 3, 1, 2]}},
  {op: 'transpose', inputs: [T([4, 16, 32, 32])], attrs: {perm: [0, 2, 3, 1]}},
  {op: 'transpose', inputs: [T([3, 17, 9, 5])], attrs: {perm: [0, 3, 1, 2]}},
  {op: 'transpose', inputs: [T([16, 8, 24, 20])], attrs: {perm: [2, 0, 3, 1]}},
  {op: 'transpose', inputs: [T([8, 30, 40, 12])], attrs: {perm: [1, 0, 2, 3]}},
  {op: 'transpose', inputs: [T([2, 3])], attrs: {perm: [0]}, error: true},
  {op: 'transpose', inputs: [T([2, 3])], attrs: {perm: [0, 2]}, error: true},
];

export const cases = [
  ...expandDims, ...squeeze, ...concat, ...stack, ...unstack, ...split, ...slice, ...gather, ...gatherND,
  ...scatterND, ...tile, ...pad, ...mirrorPad, ...reverse, ...broadcastTo, ...depthToSpace, ...spaceToBatchND,
  ...batchToSpaceND, ...transpose,
];
