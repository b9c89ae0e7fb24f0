// Cases for element-wise binary math: addN, div, divNoNan, floorDiv, mod, pow, maximum, minimum,
// squaredDifference, atan2 (add/sub/mul are in core.mjs; their bool dtype rule is checked here).
const T = (shape, o = {}) => ({shape, ...o});
const I = (shape, lo = -5, hi = 5) => T(shape, {dtype: 'int32', range: [lo, hi]});
const B = (shape) => T(shape, {dtype: 'bool'});
const U = (shape, lo, hi) => T(shape, {gen: 'uniform', range: [lo, hi]});
// Like gen: 'special' but without -0, whose sign the JSON case files lose (JSON.stringify(-0) is
// "0"), while division, pow and atan2 results depend on it.
let seed = 12345;
const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const S = (shape) => T(shape, {values: Array.from({length: shape.reduce((a, b) => a * b, 1)}, () =>
  next() < 0.5 ? [NaN, Infinity, -Infinity, 0, 1, -1][Math.floor(next() * 6)] : (next() - 0.5) * 6)});

export const ops = {
  add: (tf, [a, b]) => tf.add(a, b),
  sub: (tf, [a, b]) => tf.sub(a, b),
  mul: (tf, [a, b]) => tf.mul(a, b),
  addN: (tf, xs) => tf.addN(xs),
  div: (tf, [a, b]) => tf.div(a, b),
  divNoNan: (tf, [a, b]) => tf.divNoNan(a, b),
  floorDiv: (tf, [a, b]) => tf.floorDiv(a, b),
  // floorDiv's output is int32; as float32 its (TF.js) gradient can be checked.
  floorDivAsFloat: (tf, [a, b]) => tf.cast(tf.floorDiv(a, b), 'float32'),
  mod: (tf, [a, b]) => tf.mod(a, b),
  pow: (tf, [a, b]) => tf.pow(a, b),
  maximum: (tf, [a, b]) => tf.maximum(a, b),
  minimum: (tf, [a, b]) => tf.minimum(a, b),
  squaredDifference: (tf, [a, b]) => tf.squaredDifference(a, b),
  atan2: (tf, [a, b]) => tf.atan2(a, b),
};

// Shapes, values and dtypes every binary op gets. `den` makes divisor-like second operands that
// stay away from 0 for gradient cases.
function common(op, {den = (s) => T(s), bcastGrad = true} = {}) {
  return [
    {op, inputs: [T([2, 3]), den([2, 3])], grad: true},
    {op, inputs: [T([2, 3]), den([3])], grad: bcastGrad},
    {op, inputs: [T([4, 1, 3]), den([2, 1])], grad: bcastGrad},
    {op, inputs: [T([]), den([2, 2])], grad: bcastGrad},
    {op, inputs: [T([3, 1]), den([])]},
    {op, inputs: [T([0, 3]), den([3])]},
    {op, inputs: [T([2, 0]), T([])]},
    {op, inputs: [S([12]), S([12])]},
    {op, inputs: [S([3, 4]), T([4])]},
    {op, inputs: [I([2, 4]), I([2, 4])]},
    {op, inputs: [I([3]), I([2, 3], -3, 3)]},
    {op, inputs: [I([2, 3]), T([3])]},
    {op, inputs: [B([6]), B([6])]},
    {op, inputs: [T([3]), T([2])], error: true},
    {op, inputs: [T([2, 3]), T([3, 2])], error: true},
  ];
}

// Exact int32 corner cases: zero divisors, sign combinations, wrap-around.
const ints = (vals) => T([vals.length], {dtype: 'int32', values: vals});
const signsA = ints([7, -7, 7, -7, 0, 5, -5, 2, 0, 2147483647]);
const signsB = ints([2, 2, -2, -2, 0, 0, 0, 40, 3, -1]);

export const cases = [
  // TF.js keeps bool arithmetic in bool (a Uint8Array): 1 + 1 = 2, 0 - 1 = 255.
  {op: 'add', inputs: [B([8]), B([8])]},
  {op: 'sub', inputs: [B([8]), B([8])]},
  {op: 'mul', inputs: [B([2, 4]), B([4])]},
  {op: 'add', inputs: [ints([2147483647, -2147483648, 5]), ints([1, -1, 7])]},
  {op: 'mul', inputs: [ints([65536, 46341, -3]), ints([65536, 46341, 7])]},

  {op: 'addN', inputs: [T([2, 3]), T([2, 3]), T([2, 3])], grad: true},
  {op: 'addN', inputs: [T([4])], grad: true},
  {op: 'addN', inputs: [T([]), T([])], grad: true},
  {op: 'addN', inputs: [T([0, 2]), T([0, 2])]},
  {op: 'addN', inputs: [S([8]), S([8]), T([8])]},
  {op: 'addN', inputs: [I([2, 2]), I([2, 2]), I([2, 2])]},
  {op: 'addN', inputs: [B([5]), B([5])]},
  {op: 'addN', inputs: [], error: true},
  {op: 'addN', inputs: [T([2, 3]), T([3])], error: true},
  {op: 'addN', inputs: [T([3]), I([3])], error: true},

  ...common('div', {den: (s) => U(s, 0.5, 2.5)}),
  {op: 'div', inputs: [T([2, 3]), U([2, 3], -2.5, -0.5)], grad: true},
  {op: 'div', inputs: [signsA, signsB]},  // int32 / int32 is floorDiv
  {op: 'div', inputs: [T([4], {values: [1, -1, 0, 2]}), T([4], {values: [0, 0, 0, Infinity]})]},

  ...common('divNoNan', {den: (s) => U(s, 0.5, 2.5)}).map(({grad, ...c}) => c),  // TF.js: no gradient
  {op: 'divNoNan', inputs: [T([6], {values: [1, 0, NaN, Infinity, -1, 3]}),
                            T([6], {values: [0, 0, 0, 0, 2, Infinity]})]},
  {op: 'divNoNan', inputs: [T([2, 3]), T([3], {values: [0, 2, 0]})]},
  {op: 'divNoNan', inputs: [signsA, signsB]},

  ...common('floorDiv').map(({grad, ...c}) => c),  // int32 output: no float loss to differentiate
  {op: 'floorDiv', inputs: [signsA, signsB]},
  {op: 'floorDiv', inputs: [T([6], {values: [7.5, -7.5, 1, 0, NaN, 6]}), T([6], {values: [2, 2, 0, 0, 1, 3]})]},
  // TF.js differentiates floorDiv like a / b; finite differences of a step function are 0.
  {op: 'floorDivAsFloat', inputs: [T([2, 3]), U([3], 0.5, 2.5)], grad: true, fd: false},

  ...common('mod', {den: (s) => U(s, 0.5, 2.5)}),
  {op: 'mod', inputs: [T([2, 3], {range: [-6, 6], gen: 'uniform'}), U([2, 3], -2.5, -0.5)], grad: true},
  {op: 'mod', inputs: [signsA, signsB]},
  {op: 'mod', inputs: [T([8], {values: [5.5, -5.5, 5.5, -5.5, 1, -1, Infinity, 2]}),
                       T([8], {values: [2, 2, -2, -2, Infinity, Infinity, 2, 0]})]},

  // Gradients need base > 0 (d/dexp uses log(base)); negative bases take integer exponents.
  {op: 'pow', inputs: [T([2, 3], {gen: 'positive'}), T([2, 3])], grad: true},
  {op: 'pow', inputs: [T([2, 3], {gen: 'positive'}), T([3])], grad: true},
  {op: 'pow', inputs: [T([4, 1, 3], {gen: 'positive'}), T([2, 1])], grad: true},
  {op: 'pow', inputs: [T([2, 3], {gen: 'positive'}), T([])], grad: true},
  {op: 'pow', inputs: [T([]), T([2, 2], {gen: 'int', range: [0, 3]})], grad: true, gradInputs: [0]},
  {op: 'pow', inputs: [T([6]), T([6], {values: [2, 3, -1, 0, 4, -2]})], grad: true, gradInputs: [0]},
  // d/dexp is 0 where base <= 0 (TF.js), which finite differences through NaN cannot confirm.
  {op: 'pow', inputs: [T([4], {values: [-2, -0.5, 0, 1.5]}), T([4], {values: [2, 3, 2, 2]})], grad: true, fd: false},
  {op: 'pow', inputs: [T([8], {values: [-2, -2, -2, -8, 0, 0, 0, 1]}),
                       T([8], {values: [2, 3, 0.5, 1 / 3, 0, -1, -1, NaN]})]},
  // Math.pow, unlike C's pow: 1 ** NaN and (±1) ** ±Infinity are NaN.
  {op: 'pow', inputs: [T([6], {values: [1, -1, 1, NaN, -1, 2]}),
                       T([6], {values: [NaN, Infinity, -Infinity, 0, -Infinity, -Infinity]})]},
  {op: 'pow', inputs: [T([0, 3]), T([3])]},
  {op: 'pow', inputs: [S([12]), S([12])]},
  {op: 'pow', inputs: [I([3, 4], -4, 4), I([4], 0, 5)]},
  {op: 'pow', inputs: [ints([3, 3, 2, -3, 7, 2, -2, 0]), ints([20, 33, 31, 21, -2, 40, 31, 0])]},
  {op: 'pow', inputs: [I([4]), T([4], {values: [0.5, 2, -1, 3]})]},
  {op: 'pow', inputs: [B([6]), B([6])]},
  {op: 'pow', inputs: [T([3]), T([2])], error: true},

  // TF.js throws on the gradient of a broadcast maximum/minimum/squaredDifference (not reduced to
  // the input's shape), so only same-shape gradients are compared; see tests/unit/binary_test.cpp.
  ...common('maximum', {bcastGrad: false}),
  ...common('minimum', {bcastGrad: false}),
  // Ties: maximum's gradient goes to a on a >= b, minimum's to a on a <= b. fd: false because a
  // tie is a kink.
  {op: 'maximum', inputs: [T([4], {values: [1, 2, -3, 0]}), T([4], {values: [1, 3, -3, -1]})], grad: true, fd: false},
  {op: 'minimum', inputs: [T([4], {values: [1, 2, -3, 0]}), T([4], {values: [1, 3, -3, -1]})], grad: true, fd: false},
  {op: 'maximum', inputs: [T([4], {values: [NaN, 1, 2, NaN]}), T([4], {values: [1, NaN, 0, NaN]})]},
  {op: 'minimum', inputs: [T([4], {values: [NaN, 1, 2, NaN]}), T([4], {values: [1, NaN, 0, NaN]})]},
  {op: 'maximum', inputs: [B([6]), I([6])]},

  ...common('squaredDifference', {bcastGrad: false}),
  {op: 'squaredDifference', inputs: [ints([65536, -40000, 3]), ints([0, 40000, -3])]},

  ...common('atan2'),
  {op: 'atan2', inputs: [T([8], {values: [0, 0, -1, 0, 1, -1, Infinity, -Infinity]}),
                         T([8], {values: [0, -1, 0, 1, 0, 0, Infinity, -Infinity]})]},
  {op: 'atan2', inputs: [signsA, signsB]},
];
