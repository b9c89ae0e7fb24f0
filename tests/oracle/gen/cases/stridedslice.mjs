// Cases for stridedSlice: begin/end/strides with the begin, end, ellipsis, newAxis and shrinkAxis
// masks, as tf.stridedSlice.
//
// TF.js has no StridedSlice gradient, so 'stridedSliceVia' (which runs edgeflow's stridedSlice)
// is computed in TF.js by slicing an iota of x's flat positions and gathering them from x: the
// same values, and a gradient TF.js can take.
//
// Left out on purpose, where TF.js 4.22's cpu kernel is wrong (edgeflow follows TensorFlow; see
// tests/unit/manipulation_test.cpp): shrinkAxisMask together with a stride other than 1 (it reads
// the wrong elements), and stride-1 slices whose end is before their begin (it throws or returns
// the wrong size instead of an empty result).
const T = (shape, o = {}) => ({shape, ...o});

const ss = (shape, begin, end, strides, masks = {}, o = {}) =>
  ({op: 'stridedSlice', inputs: [T(shape, o.input)], attrs: {begin, end, strides, ...masks}, ...o.c});
const grad = (shape, begin, end, strides, masks = {}) =>
  ({op: 'stridedSliceVia', inputs: [T(shape)], attrs: {begin, end, strides, ...masks}, grad: true});
const err = (shape, begin, end, strides, masks = {}) => ({...ss(shape, begin, end, strides, masks), error: true});

const call = (tf, x, at) => tf.stridedSlice(x, at.begin, at.end, at.strides, at.beginMask, at.endMask,
  at.ellipsisMask, at.newAxisMask, at.shrinkAxisMask);

export const ops = {
  stridedSlice: (tf, [x], at) => call(tf, x, at),
  stridedSliceVia: (tf, [x], at) => {
    const positions = call(tf, tf.range(0, x.size, 1, 'int32').reshape(x.shape), at);
    return tf.gather(x.reshape([-1]), positions.reshape([-1])).reshape(positions.shape);
  },
};

const rank1 = [
  ss([10], [2], [7], [1]),
  ss([10], [1], [9], [2]),
  ss([10], [8], [2], [-2]),
  ss([10], [-3], [-1], [1]),
  ss([10], [-1], [-11], [-1]),
  ss([10], [0], [0], [1], {beginMask: 1, endMask: 1}),
  ss([10], [0], [0], [-1], {beginMask: 1, endMask: 1}),
  ss([10], [-100], [100], [1]),
  ss([10], [100], [-100], [-3]),
  ss([10], [3], [3], [1]),
  ss([10], [3], [6], [-1]),
  ss([10], [0], [10], [3]),
  ss([10], [9], [0], [-4]),
  ss([10], [2], [5], undefined),
  ss([10], [5], [2], [-1], {endMask: 1}),
  ss([10], [5], [7], [2], {beginMask: 1}),
  ss([10], [4], [6], [1], {beginMask: 8, endMask: 16}),  // mask bits past the spec are ignored
];

const rank2 = [
  ss([4, 5], [1, 0], [3, 5], [1, 1]),
  ss([4, 5], [1, 1], [4, 5], [2, 2]),
  ss([4, 5], [3, 4], [0, 0], [-1, -2]),
  ss([4, 5], [0, 1], [0, 4], [1, 1], {beginMask: 1, endMask: 1}),
  ss([4, 5], [1], [3], [1]),
  ss([4, 5], [2, 0], [3, 5], [1, 1], {shrinkAxisMask: 1}),
  ss([4, 5], [0, 3], [4, 4], [1, 1], {shrinkAxisMask: 2}),
  ss([4, 5], [1, 2], [2, 3], [1, 1], {shrinkAxisMask: 3}),
  ss([4, 5], [-1], [0], [1], {shrinkAxisMask: 1}),
  ss([4, 5], [0, -2], [0, 0], [1, 1], {beginMask: 1, endMask: 1, shrinkAxisMask: 2}),
  ss([4, 5], [0, 0, 1], [0, 0, 3], [1, 1, 1], {newAxisMask: 1, beginMask: 2, endMask: 2}),
  ss([4, 5], [0, 0], [0, 0], [1, 1], {newAxisMask: 2, beginMask: 1, endMask: 1}),
  ss([4, 5], [0, 0, 0], [4, 0, 5], [2, 1, 2], {newAxisMask: 2}),
  ss([4, 5], [0, 1], [0, 3], [1, 1], {ellipsisMask: 1}),
  ss([4, 5], [0], [0], [1], {ellipsisMask: 1}),
  ss([4, 5], [0, 0], [0, 0], [1, 1], {ellipsisMask: 1, newAxisMask: 2}),
  ss([4, 5], [0, 0], [0, 0], [1, 1], {ellipsisMask: 1, newAxisMask: 1}),  // both bits: the ellipsis wins
  ss([4, 5], [2, 1], [2, 4], [1, 1]),
];

const rank3plus = [
  ss([3, 4, 5], [0, 1, 0], [3, 3, 5], [2, 1, 3]),
  ss([3, 4, 5], [1, 0, 1], [2, 0, 3], [1, 1, 1], {ellipsisMask: 2}),
  ss([3, 4, 5], [0, 2], [0, 3], [1, 1], {ellipsisMask: 1, shrinkAxisMask: 2}),
  ss([3, 4, 5], [1, 0], [2, 0], [1, 1], {shrinkAxisMask: 1, ellipsisMask: 2}),
  ss([3, 4, 5], [0, 1, 0], [0, 2, 0], [1, 1, 1], {newAxisMask: 1, shrinkAxisMask: 2, ellipsisMask: 4}),
  ss([3, 4, 5], [-1, -1, -1], [-4, -5, -6], [-1, -1, -1]),
  ss([3, 4, 5], [0, 2, 0], [0, 0, 0], [1, -1, 2], {beginMask: 5, endMask: 7}),
  ss([3, 4, 5], [1, 3], [3, 0], [1, -2], {ellipsisMask: 0}),
  ss([3, 4, 5], [0, 0, 0, 0], [0, 0, 0, 0], [1, 1, 1, 1], {newAxisMask: 10, beginMask: 15, endMask: 15}),
  ss([2, 3, 4, 5], [0, 0, 1], [0, 0, 3], [1, 1, 1], {ellipsisMask: 1, newAxisMask: 2}),
  ss([2, 3, 4, 5], [1, 0, 0, 0], [2, 3, 4, 5], [1, 2, 2, 2]),
  ss([2, 3, 4, 5], [0, 0, 0, 0], [2, 3, 4, 5], [1, 1, 1, 1]),
  ss([2, 3, 4, 5], [1, 0, 2], [2, 0, 4], [1, 1, 1], {ellipsisMask: 2, shrinkAxisMask: 1}),
  ss([2, 3, 4, 5], [0, 1, 0, 4], [0, 3, 0, 0], [1, 1, 1, -2], {ellipsisMask: 4, beginMask: 1, endMask: 9}),
];

const special = [
  ss([], [0], [0], [1], {newAxisMask: 1}),
  ss([], [0], [0], [1], {ellipsisMask: 1}),
  ss([], [0, 0], [0, 0], [1, 1], {newAxisMask: 3}),
  ss([0, 3], [0, 1], [0, 3], [1, 1]),
  ss([0, 3], [0, 0], [0, 0], [1, -1], {beginMask: 3, endMask: 3}),
  ss([3, 0], [1, 0], [3, 0], [1, 1], {shrinkAxisMask: 1}),
  ss([3, 4], [1, 0], [3, 4], [1, 2], {}, {input: {dtype: 'int32'}}),
  ss([6], [5], [0], [-2], {}, {input: {dtype: 'bool'}}),
  ss([8], [1], [8], [2], {}, {input: {gen: 'special'}}),
  ss([2, 3], [1, 0], [2, 3], [1, 1], {shrinkAxisMask: 1}, {input: {dtype: 'int32'}}),
];

const grads = [
  grad([10], [2], [7], [1]),
  grad([10], [8], [2], [-2]),
  grad([10], [-1], [-11], [-1]),
  grad([10], [0], [10], [3]),
  grad([4, 5], [1, 1], [4, 5], [2, 2]),
  grad([4, 5], [3, 4], [0, 0], [-1, -2]),
  grad([4, 5], [0, 1], [0, 4], [1, 1], {beginMask: 1, endMask: 1}),
  grad([4, 5], [2, 0], [3, 5], [1, 1], {shrinkAxisMask: 1}),
  grad([4, 5], [1, 2], [2, 3], [1, 1], {shrinkAxisMask: 3}),
  grad([4, 5], [0, 0, 1], [0, 0, 3], [1, 1, 1], {newAxisMask: 1, beginMask: 2, endMask: 2}),
  grad([4, 5], [0, 0, 0], [4, 0, 5], [2, 1, 2], {newAxisMask: 2}),
  grad([3, 4, 5], [0, 1, 0], [3, 3, 5], [2, 1, 3]),
  grad([3, 4, 5], [1, 0, 1], [2, 0, 3], [1, 1, 1], {ellipsisMask: 2}),
  grad([3, 4, 5], [0, 2], [0, 3], [1, 1], {ellipsisMask: 1, shrinkAxisMask: 2}),
  grad([3, 4, 5], [0, 2, 0], [0, 0, 0], [1, -1, 2], {beginMask: 5, endMask: 7}),
  grad([2, 3, 4, 5], [0, 0, 1], [0, 0, 3], [1, 1, 1], {ellipsisMask: 1, newAxisMask: 2}),
  grad([2, 3, 4, 5], [1, 0, 0, 0], [2, 3, 4, 5], [1, 2, 2, 2]),
  grad([], [0], [0], [1], {newAxisMask: 1}),
  grad([10], [3], [3], [1]),
];

const errors = [
  err([5], [0], [5], [0]),
  err([4, 5], [0, 0], [0, 0], [1, 1], {ellipsisMask: 3}),
  err([4, 5], [7], [8], [1], {shrinkAxisMask: 1}),
  err([4, 5], [-5], [0], [1], {shrinkAxisMask: 1}),
  err([4, 5], [1], [0], [-1], {shrinkAxisMask: 1}),
  err([4, 5], [0, 0, 0], [1, 1, 1], [1, 1, 1]),
  err([], [0], [1], [1]),
];

export const cases = [...rank1, ...rank2, ...rank3plus, ...special, ...grads, ...errors];
