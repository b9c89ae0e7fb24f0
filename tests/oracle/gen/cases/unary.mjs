// Cases for the element-wise unary math ops (tf.abs ... tf.clipByValue).
const T = (shape, o = {}) => ({shape, ...o});

const unaryNames = [
  'abs', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'ceil', 'cos', 'cosh', 'erf', 'exp', 'expm1',
  'floor', 'log', 'log1p', 'reciprocal', 'round', 'rsqrt', 'sign', 'sin', 'sinh', 'sqrt', 'square', 'tan',
  'tanh', 'isNaN', 'isInf', 'isFinite',
];

export const ops = {
  ...Object.fromEntries(unaryNames.map((op) => [op, (tf, [x]) => tf[op](x)])),
  step: (tf, [x], at) => tf.step(x, at.alpha),
  clipByValue: (tf, [x], at) => tf.clipByValue(x, at.min, at.max),
};

// The standard set for one op. `in` is the input spec of the value cases (a domain where the op and
// its gradient are smooth); `dtypes` says what TF.js does with int32/bool: 'ok' or 'error'.
function standard(op, {in: spec = {}, grad = true, int32 = 'ok', bool = 'ok', attrs} = {}) {
  const c = (o) => ({op, attrs, ...o});
  const list = [
    c({inputs: [T([2, 3], spec)], grad}),
    c({inputs: [T([3, 1, 5], spec)], grad}),
    c({inputs: [T([], spec)], grad}),
    c({inputs: [T([0, 3])]}),
    c({inputs: [T([2, 0, 4])]}),
    c({inputs: [T([16], {gen: 'special'})]}),
    c({inputs: [T([40, 50], spec)]}),
  ];
  if (int32 === 'ok') list.push(c({inputs: [T([2, 4], {dtype: 'int32', range: [-4, 4]})]}));
  if (int32 === 'error') list.push(c({inputs: [T([2, 4], {dtype: 'int32'})], error: true}));
  if (bool === 'ok') list.push(c({inputs: [T([6], {dtype: 'bool'})]}));
  if (bool === 'error') list.push(c({inputs: [T([6], {dtype: 'bool'})], error: true}));
  return list;
}

const unit = {gen: 'uniform', range: [-0.9, 0.9]};
const positive = {gen: 'positive'};
// Signed zeros, where f(-0) != f(0).
const zeros = T([8], {values: [0, -0, 1e-30, -1e-30, -0.4, 0.4, NaN, -1]});

export const cases = [
  ...standard('abs'),
  // abs at ±0: TF.js's gradient is step(x, -1) there (so -dy), finite differences give 0.
  {op: 'abs', inputs: [T([4], {values: [0, -0, 1, -2]})], grad: true, fd: false},
  ...standard('acos', {in: unit}),
  ...standard('acosh', {in: {gen: 'uniform', range: [1.2, 4]}}),
  ...standard('asin', {in: unit}),
  ...standard('asinh'),
  ...standard('atan'),
  ...standard('atanh', {in: unit}),
  ...standard('ceil', {int32: 'error', bool: 'error'}),
  ...standard('cos', {int32: 'error', bool: 'error'}),
  ...standard('cosh', {int32: 'error', bool: 'error'}),
  ...standard('erf', {bool: 'error'}),
  {op: 'erf', inputs: [T([7], {values: [-4, -1, -0.5, 0, 1e-4, 0.5, 4]})], grad: true},
  ...standard('exp'),
  // Overflow to Infinity and underflow through the denormals (no gradient: an infinite output makes
  // the finite-difference loss infinite).
  {op: 'exp', inputs: [T([10], {values: [88, 88.7, 88.8, 89, -87, -88, -100, -103.9, -104, 1e-7]})]},
  {op: 'exp', inputs: [T([5], {values: [-20, -5, 1e-7, 5, 10]})], grad: true},
  ...standard('expm1'),
  {op: 'expm1', inputs: [T([5], {values: [1e-6, -1e-6, 1e-3, -30, 30]})]},
  {op: 'expm1', inputs: [T([4], {values: [1e-6, -1e-6, 1e-3, -3]})], grad: true},
  ...standard('floor', {int32: 'error', bool: 'error'}),
  ...standard('log', {in: positive, int32: 'error', bool: 'error'}),
  ...standard('log1p', {in: {gen: 'uniform', range: [-0.8, 3]}}),
  ...standard('reciprocal', {in: positive}),
  {op: 'reciprocal', inputs: [zeros]},
  {op: 'reciprocal', inputs: [T([2, 3], {gen: 'uniform', range: [-3, -0.3]})], grad: true},
  ...standard('round'),
  {op: 'round', inputs: [T([11], {values: [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 3.49, 4.5000005, -0, 1e7 + 0.5, 0.49999997]})]},
  ...standard('rsqrt', {in: positive, int32: 'error', bool: 'error'}),
  {op: 'rsqrt', inputs: [zeros]},
  {op: 'sign', inputs: [zeros]},
  {op: 'round', inputs: [zeros]},
  {op: 'ceil', inputs: [zeros]},
  {op: 'abs', inputs: [zeros]},
  ...standard('sign'),
  ...standard('sin', {int32: 'error', bool: 'error'}),
  ...standard('sinh'),
  ...standard('sqrt', {in: positive, int32: 'error', bool: 'error'}),
  // sqrt and rsqrt at 0 and below: infinite and NaN gradients must match TF.js.
  {op: 'sqrt', inputs: [T([3], {values: [0, -1, 4]})], grad: true, fd: false},
  {op: 'rsqrt', inputs: [T([3], {values: [0, -1, 4]})], grad: true, fd: false},
  ...standard('square'),
  ...standard('tan', {in: {gen: 'uniform', range: [-1.2, 1.2]}, int32: 'error', bool: 'error'}),
  ...standard('tanh', {int32: 'error', bool: 'error'}),
  {op: 'tanh', inputs: [T([12], {values: [0.6, 0.625, 0.65, -0.625, 1e-5, -1e-5, 5, -9, 9.5, 20, -20, 0.3]})], grad: true},
  {op: 'tanh', inputs: [T([100, 90], {gen: 'uniform', range: [-6, 6]})]},
  ...['isNaN', 'isInf', 'isFinite'].flatMap((op) => standard(op, {grad: false})),

  ...standard('step', {attrs: {alpha: 0}}),
  ...standard('step', {attrs: {alpha: -0.5}, int32: 'no', bool: 'no'}),
  {op: 'step', inputs: [T([6], {dtype: 'int32'})], attrs: {alpha: 2}},

  ...standard('clipByValue', {attrs: {min: -0.5, max: 1}}),
  {op: 'clipByValue', inputs: [T([8], {dtype: 'int32', range: [-5, 5]})], attrs: {min: -1.5, max: 2.5}},
  {op: 'clipByValue', inputs: [T([6], {values: [-1, -0.5, 0, 1, 2, NaN]})], attrs: {min: -0.5, max: 1}, grad: true, fd: false},  // at the bounds the one-sided limits differ
  {op: 'clipByValue', inputs: [T([2, 3])], attrs: {min: 0.5, max: 0.5}},
  {op: 'clipByValue', inputs: [T([2, 3], {dtype: 'int32'})], attrs: {min: 1.5, max: 1.5}},
  {op: 'clipByValue', inputs: [T([2, 3])], attrs: {min: 2, max: 1}, error: true},
];
