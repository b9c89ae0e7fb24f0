// Cases for comparisons (equal ... greaterEqual), logical ops on bool tensors, and where.
const T = (shape, o = {}) => ({shape, ...o});
const I = (shape, lo = -3, hi = 3) => T(shape, {dtype: 'int32', range: [lo, hi]});
const B = (shape) => T(shape, {dtype: 'bool'});
// Integer-valued floats, so that ties (equal elements) are common.
const F = (shape) => T(shape, {gen: 'int', range: [-2, 2]});
const S = (shape) => T(shape, {gen: 'special'});

export const ops = {
  equal: (tf, [a, b]) => tf.equal(a, b),
  notEqual: (tf, [a, b]) => tf.notEqual(a, b),
  less: (tf, [a, b]) => tf.less(a, b),
  lessEqual: (tf, [a, b]) => tf.lessEqual(a, b),
  greater: (tf, [a, b]) => tf.greater(a, b),
  greaterEqual: (tf, [a, b]) => tf.greaterEqual(a, b),
  logicalAnd: (tf, [a, b]) => tf.logicalAnd(a, b),
  logicalOr: (tf, [a, b]) => tf.logicalOr(a, b),
  logicalXor: (tf, [a, b]) => tf.logicalXor(a, b),
  logicalNot: (tf, [x]) => tf.logicalNot(x),
  where: (tf, [c, a, b]) => tf.where(c, a, b),
};

const comparisons = ['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual'].flatMap((op) => [
  {op, inputs: [F([2, 3]), F([2, 3])]},
  {op, inputs: [F([2, 3]), F([3])]},
  {op, inputs: [F([4, 1, 3]), F([2, 1])]},
  {op, inputs: [F([]), F([2, 2])]},
  {op, inputs: [T([0, 3]), T([3])]},
  {op, inputs: [S([16]), S([16])]},
  {op, inputs: [T([4], {values: [NaN, NaN, 0, Infinity]}), T([4], {values: [NaN, 1, -0, Infinity]})]},
  {op, inputs: [I([2, 4]), I([4])]},
  {op, inputs: [I([6]), F([6])]},
  {op, inputs: [B([6]), B([6])]},
  {op, inputs: [B([6]), I([6], 0, 1)]},
  {op, inputs: [T([3]), T([2])], error: true},
]);

const logical = ['logicalAnd', 'logicalOr', 'logicalXor'].flatMap((op) => [
  {op, inputs: [B([2, 4]), B([2, 4])]},
  {op, inputs: [B([3, 1]), B([4])]},
  {op, inputs: [B([]), B([2, 2])]},
  {op, inputs: [B([0, 2]), B([2])]},
  {op, inputs: [T([3]), B([3])], error: true},
  {op, inputs: [B([3]), I([3], 0, 1)], error: true},
  {op, inputs: [B([3]), B([2])], error: true},
]);

export const cases = [
  ...comparisons,
  ...logical,
  {op: 'logicalNot', inputs: [B([2, 5])]},
  {op: 'logicalNot', inputs: [B([])]},
  {op: 'logicalNot', inputs: [B([0])]},
  {op: 'logicalNot', inputs: [T([3])], error: true},
  {op: 'logicalNot', inputs: [I([3])], error: true},

  // dy flows to a where the condition holds, else to b.
  {op: 'where', inputs: [B([2, 3]), T([2, 3]), T([2, 3])], grad: true},
  {op: 'where', inputs: [B([2, 1]), T([]), T([3])], grad: true},
  {op: 'where', inputs: [B([]), T([2, 2]), T([2, 2])], grad: true},
  {op: 'where', inputs: [B([3]), T([4, 1]), T([1, 3])], grad: true},
  {op: 'where', inputs: [B([2, 1, 3]), T([4, 1]), T([2, 4, 1])], grad: true},
  {op: 'where', inputs: [B([3]), I([3]), T([3])], grad: true},
  {op: 'where', inputs: [B([2, 3]), I([2, 3]), I([3])]},
  {op: 'where', inputs: [B([4]), B([4]), B([4])]},
  {op: 'where', inputs: [B([4]), I([4]), B([4])]},
  {op: 'where', inputs: [B([8]), S([8]), S([8])]},
  // (TF.js's broadcastTo turns [3] into [1,3], not [0,3], when broadcasting to [0,3]; avoided.)
  {op: 'where', inputs: [B([0, 3]), T([0, 3]), T([])]},
  {op: 'where', inputs: [B([1]), T([0, 3]), T([])]},
  {op: 'where', inputs: [T([3]), T([3]), T([3])], error: true},
  {op: 'where', inputs: [I([3], 0, 1), T([3]), T([3])], error: true},
  {op: 'where', inputs: [B([3]), T([2, 3]), T([2])], error: true},
  {op: 'where', inputs: [B([2]), T([3]), T([3])], error: true},
];
