// Cases for topk, unique and oneHot.
const T = (shape, o = {}) => ({shape, ...o});

export const ops = {
  topk: (tf, [x], at) => {
    const r = tf.topk(x, at.k, at.sorted);
    return [r.values, r.indices];
  },
  unique: (tf, [x], at) => {
    const r = tf.unique(x, at.axis);
    return [r.values, r.indices];
  },
  oneHot: (tf, [x], at) => tf.oneHot(x, at.depth, at.onValue, at.offValue, at.dtype),
};

// NaN is left out of topk's inputs: TF.js orders it by the whims of Array.prototype.sort.
const noNaN = {values: [3, -Infinity, 0, -0, Infinity, 1, -1, 3, 0, Infinity]};

const topk = [
  {op: 'topk', inputs: [T([6])], attrs: {k: 3}},
  {op: 'topk', inputs: [T([6])]},
  {op: 'topk', inputs: [T([2, 5])], attrs: {k: 2}},
  {op: 'topk', inputs: [T([2, 3, 4])], attrs: {k: 4}},
  {op: 'topk', inputs: [T([2, 4], {values: [1, 3, 3, 2, 5, 5, 5, 5]})], attrs: {k: 3}},
  {op: 'topk', inputs: [T([10], noNaN)], attrs: {k: 7}},
  {op: 'topk', inputs: [T([10], noNaN)], attrs: {k: 10, sorted: false}},
  {op: 'topk', inputs: [T([10], noNaN)], attrs: {k: 4, sorted: false}},
  {op: 'topk', inputs: [T([3, 9])], attrs: {k: 5, sorted: false}},
  {op: 'topk', inputs: [T([3, 9], {dtype: 'int32', range: [0, 3]})], attrs: {k: 5, sorted: false}},
  {op: 'topk', inputs: [T([3, 9], {dtype: 'int32', range: [0, 3]})], attrs: {k: 6}},
  {op: 'topk', inputs: [T([7], {dtype: 'bool'})], attrs: {k: 4}},
  {op: 'topk', inputs: [T([6])], attrs: {k: 0}},
  {op: 'topk', inputs: [T([0, 3])], attrs: {k: 2}},
  {op: 'topk', inputs: [T([1])], attrs: {k: 1}},
  // Long rows take Floyd-Rivest's sampling step (over 600 elements), ties included.
  {op: 'topk', inputs: [T([2, 1500])], attrs: {k: 20, sorted: false}},
  {op: 'topk', inputs: [T([2, 1500], {dtype: 'int32', range: [0, 40]})], attrs: {k: 300, sorted: false}},
  {op: 'topk', inputs: [T([2, 1500], {dtype: 'int32', range: [0, 40]})], attrs: {k: 300}},
  {op: 'topk', inputs: [T([])], error: true},
  {op: 'topk', inputs: [T([4])], attrs: {k: -1}, error: true},
  {op: 'topk', inputs: [T([2, 4])], attrs: {k: 5}, error: true},
];

const unique = [
  {op: 'unique', inputs: [T([9], {dtype: 'int32', values: [1, 1, 2, 4, 4, 4, 7, 8, 8]})]},
  {op: 'unique', inputs: [T([12], {dtype: 'int32', range: [0, 4]})]},
  {op: 'unique', inputs: [T([8], {values: [1, NaN, 1, NaN, -0, 0, Infinity, 1.5]})]},
  {op: 'unique', inputs: [T([6], {gen: 'special'})]},
  {op: 'unique', inputs: [T([5], {dtype: 'bool'})]},
  {op: 'unique', inputs: [T([3, 3], {values: [1, 0, 0, 1, 0, 0, 2, 0, 0]})], attrs: {axis: 0}},
  {op: 'unique', inputs: [T([3, 3], {values: [1, 0, 0, 1, 0, 0, 2, 0, 0]})], attrs: {axis: 1}},
  {op: 'unique', inputs: [T([3, 3], {values: [1, 0, 0, 1, 0, 0, 2, 0, 0]})], attrs: {axis: -1}},
  {op: 'unique', inputs: [T([2, 3, 2], {dtype: 'int32', values: [1, 2, 1, 2, 3, 4, 5, 6, 5, 6, 7, 8]})], attrs: {axis: 1}},
  {op: 'unique', inputs: [T([2, 2, 2], {values: [1, 2, 1, 2, 3, 4, 1, 2]})], attrs: {axis: 2}},
  {op: 'unique', inputs: [T([4, 2], {values: [NaN, 0, NaN, -0, 1, 2, NaN, 0]})]},
  {op: 'unique', inputs: [T([0])]},
  {op: 'unique', inputs: [T([])], error: true},
  {op: 'unique', inputs: [T([3, 3])], attrs: {axis: 2}, error: true},
];

const oneHot = [
  {op: 'oneHot', inputs: [T([4], {dtype: 'int32', values: [0, 2, -1, 5]})], attrs: {depth: 3}},
  {op: 'oneHot', inputs: [T([2, 3], {dtype: 'int32', range: [-1, 4]})], attrs: {depth: 4}},
  {op: 'oneHot', inputs: [T([3], {dtype: 'int32', range: [0, 2]})], attrs: {depth: 3, onValue: 0.5, offValue: -1.5, dtype: 'float32'}},
  {op: 'oneHot', inputs: [T([3], {dtype: 'int32', range: [0, 2]})], attrs: {depth: 3, onValue: 2.7, offValue: -1.5, dtype: 'int32'}},
  {op: 'oneHot', inputs: [T([3], {dtype: 'int32', range: [0, 2]})], attrs: {depth: 3, onValue: 1, offValue: 0, dtype: 'bool'}},
  {op: 'oneHot', inputs: [T([], {dtype: 'int32', values: [1]})], attrs: {depth: 2}},
  {op: 'oneHot', inputs: [T([0], {dtype: 'int32'})], attrs: {depth: 3}},
  {op: 'oneHot', inputs: [T([64], {dtype: 'int32', range: [0, 9]})], attrs: {depth: 10, dtype: 'float32'}},
  {op: 'oneHot', inputs: [T([3], {dtype: 'int32'})], attrs: {depth: 1}, error: true},
  {op: 'oneHot', inputs: [T([3])], attrs: {depth: 3}, error: true},
  {op: 'oneHot', inputs: [T([3], {dtype: 'bool'})], attrs: {depth: 3}, error: true},
];

export const cases = [...topk, ...unique, ...oneHot];
