// Cases for matMul, dot, outerProduct and einsum.
const T = (shape, o = {}) => ({shape, ...o});
const I = (shape) => T(shape, {dtype: 'int32'});
const B = (shape) => T(shape, {dtype: 'bool'});

// TF.js has no Einsum gradient, so einsum gradients are checked against the equivalent TF.js ops:
// the adapter of 'einsumVia' runs edgeflow's einsum(equation), TF.js runs `via`.
const VIA = {
  matMul: (tf, [a, b]) => tf.matMul(a, b),
  dot: (tf, [a, b]) => tf.dot(a, b),
  outerProduct: (tf, [a, b]) => tf.outerProduct(a, b),
  sumMul: (tf, [a, b], at) => tf.sum(tf.mul(a, b), at.axis),
  sum: (tf, [x], at) => tf.sum(x, at.axis),
  transpose: (tf, [x], at) => tf.transpose(x, at.perm),
  sumMatMul: (tf, [a, b], at) => tf.sum(tf.matMul(a, b), at.axis),
  sumDot: (tf, [a, b]) => tf.sum(tf.dot(a, b)),
};

export const ops = {
  matMul: (tf, [a, b], at) => tf.matMul(a, b, at.transposeA, at.transposeB),
  dot: (tf, [a, b]) => tf.dot(a, b),
  outerProduct: (tf, [a, b]) => tf.outerProduct(a, b),
  einsum: (tf, xs, at) => tf.einsum(at.equation, ...xs),
  einsumVia: (tf, xs, at) => VIA[at.via](tf, xs, at),
};

const tA = {transposeA: true}, tB = {transposeB: true}, tAB = {transposeA: true, transposeB: true};

const matMul = [
  {op: 'matMul', inputs: [T([2, 3]), T([3, 4])], grad: true},
  {op: 'matMul', inputs: [T([1, 1]), T([1, 1])], grad: true},
  {op: 'matMul', inputs: [T([4, 3]), T([4, 5])], attrs: tA, grad: true},
  {op: 'matMul', inputs: [T([2, 3]), T([5, 3])], attrs: tB, grad: true},
  {op: 'matMul', inputs: [T([3, 2]), T([4, 3])], attrs: tAB, grad: true},
  {op: 'matMul', inputs: [T([2, 3, 4]), T([2, 4, 5])], grad: true},
  {op: 'matMul', inputs: [T([2, 4, 3]), T([2, 5, 4])], attrs: tAB, grad: true},
  {op: 'matMul', inputs: [T([2, 2, 3, 4]), T([2, 2, 4, 2])], attrs: {}, grad: true},
  {op: 'matMul', inputs: [T([2, 2, 3, 2]), T([2, 2, 4, 2])], attrs: tB, grad: true},
  // Broadcast batches (TF.js's gradient throws there, so outputs only). TF.js indexes batches
  // modulo each operand's batch count, which equals broadcasting for these shapes.
  {op: 'matMul', inputs: [T([3, 2, 3]), T([3, 4])]},
  {op: 'matMul', inputs: [T([3, 4]), T([2, 4, 5])]},
  {op: 'matMul', inputs: [T([1, 2, 3]), T([3, 3, 4])]},
  {op: 'matMul', inputs: [T([2, 3, 2, 3]), T([3, 3, 4])]},
  {op: 'matMul', inputs: [T([2, 1, 3, 2]), T([1, 4, 2])], attrs: tA},
  {op: 'matMul', inputs: [T([4, 5, 3]), T([2, 3])], attrs: tB},
  // Sizes where the cpu backend takes its packed path, with ragged edge tiles.
  {op: 'matMul', inputs: [T([64, 300]), T([300, 50])], tol: 1e-4},
  {op: 'matMul', inputs: [T([300, 64]), T([300, 50])], attrs: tA, tol: 1e-4},
  {op: 'matMul', inputs: [T([64, 300]), T([50, 300])], attrs: tB, tol: 1e-4},
  {op: 'matMul', inputs: [T([37, 129]), T([53, 129])], attrs: tAB, tol: 1e-4},
  {op: 'matMul', inputs: [T([3, 45, 70]), T([70, 33])], tol: 1e-4},
  {op: 'matMul', inputs: [T([2, 70, 45]), T([2, 70, 33])], attrs: tA, tol: 1e-4},
  {op: 'matMul', inputs: [T([40, 50]), T([50, 30])], grad: true, tol: 1e-4},
  // Thin shapes (matrix·vector, vector·matrix, tiny inner dimension).
  {op: 'matMul', inputs: [T([33, 70]), T([70, 1])], tol: 1e-4},
  {op: 'matMul', inputs: [T([1, 70]), T([70, 90])], tol: 1e-4},
  {op: 'matMul', inputs: [T([1, 70]), T([90, 70])], attrs: tB, tol: 1e-4},
  {op: 'matMul', inputs: [T([70, 33]), T([70, 1])], attrs: tA, tol: 1e-4},
  {op: 'matMul', inputs: [T([32, 4]), T([4, 5])], grad: true},
  {op: 'matMul', inputs: [T([100, 3]), T([3, 7])]},
  // Zero-size dimensions.
  {op: 'matMul', inputs: [T([0, 3]), T([3, 2])]},
  {op: 'matMul', inputs: [T([2, 0]), T([0, 2])]},
  {op: 'matMul', inputs: [T([2, 3]), T([3, 0])]},
  {op: 'matMul', inputs: [T([0, 2, 3]), T([0, 3, 2])]},
  // Special values, dtypes.
  {op: 'matMul', inputs: [T([3, 4], {gen: 'special'}), T([4, 2], {gen: 'special'})]},
  {op: 'matMul', inputs: [T([3, 2]), T([2, 3], {gen: 'special'})]},
  {op: 'matMul', inputs: [I([2, 3]), I([3, 4])]},
  {op: 'matMul', inputs: [I([2, 3, 2]), I([2, 4, 3])], attrs: tAB},
  {op: 'matMul', inputs: [I([60, 50]), I([50, 20])]},
  {op: 'matMul', inputs: [I([2, 3]), T([3, 2])], grad: true, gradInputs: [1]},
  {op: 'matMul', inputs: [B([2, 3]), B([3, 2])]},  // TF.js's bool result holds counts (mod 256)
  // Errors.
  {op: 'matMul', inputs: [T([2, 3]), T([4, 5])], error: true},
  {op: 'matMul', inputs: [T([2, 3]), T([2, 3])], error: true},
  {op: 'matMul', inputs: [T([3, 2]), T([2, 3])], attrs: tB, error: true},
  {op: 'matMul', inputs: [T([2, 3]), T([4, 3])], attrs: tA, error: true},
  {op: 'matMul', inputs: [T([3]), T([3])], error: true},
  {op: 'matMul', inputs: [T([2, 3]), T([3])], error: true},
  {op: 'matMul', inputs: [T([]), T([3, 2])], error: true},
  {op: 'matMul', inputs: [T([2, 2, 3]), T([3, 3, 2])], error: true},
];

const dot = [
  {op: 'dot', inputs: [T([3]), T([3])], grad: true},
  {op: 'dot', inputs: [T([3]), T([3, 2])], grad: true},
  {op: 'dot', inputs: [T([2, 3]), T([3])], grad: true},
  {op: 'dot', inputs: [T([2, 3]), T([3, 4])], grad: true},
  {op: 'dot', inputs: [T([0]), T([0])]},
  {op: 'dot', inputs: [T([4], {gen: 'special'}), T([4])]},
  {op: 'dot', inputs: [I([2, 3]), I([3])]},
  {op: 'dot', inputs: [T([2, 3, 4]), T([4])], error: true},
  {op: 'dot', inputs: [T([]), T([3])], error: true},
  {op: 'dot', inputs: [T([2, 3]), T([4])], error: true},
  {op: 'dot', inputs: [T([3]), T([2, 3])], error: true},
];

const outerProduct = [
  {op: 'outerProduct', inputs: [T([3]), T([4])], grad: true},
  {op: 'outerProduct', inputs: [T([1]), T([1])], grad: true},
  {op: 'outerProduct', inputs: [T([0]), T([4])]},
  {op: 'outerProduct', inputs: [T([3], {gen: 'special'}), T([2])]},
  {op: 'outerProduct', inputs: [I([2]), I([3])]},
  {op: 'outerProduct', inputs: [I([2]), T([3])]},
  {op: 'outerProduct', inputs: [T([2, 3]), T([4])], error: true},
  {op: 'outerProduct', inputs: [T([]), T([4])], error: true},
];

const E = (equation, inputs, o = {}) => ({op: 'einsum', inputs, attrs: {equation}, ...o});
// Only equations TF.js computes correctly: its summation path mis-shapes e.g. 'ij,j->' and
// 'ij,jk->k' (see src/ops/einsum.cpp); those are checked below through einsumVia instead.
const einsum = [
  E('ij,jk->ik', [T([2, 3]), T([3, 4])]),
  E('bij,bjk->bik', [T([2, 2, 3]), T([2, 3, 4])]),
  E('i,i->', [T([5]), T([5])]),
  E('ij->ji', [T([2, 3])]),
  E('ij,j->i', [T([2, 3]), T([3])]),
  E('ij->', [T([2, 3])]),
  E('ij->i', [T([2, 3])]),
  E('ijk->k', [T([2, 2, 3])]),
  E('ijk->kji', [T([2, 3, 4])]),
  E('ij->ij', [T([2, 3])]),
  E('i,j->ij', [T([2]), T([3])]),
  E('ij,ij->', [T([2, 3]), T([2, 3])]),
  E('ij,ij->ij', [T([2, 3]), T([2, 3])]),
  E('ij,ji->', [T([2, 3]), T([3, 2])]),
  E('ij,jk->ki', [T([2, 3]), T([3, 4])]),
  E('bij,bkj->bik', [T([2, 2, 3]), T([2, 4, 3])]),
  E('ijk,k->ij', [T([2, 2, 3]), T([3])]),
  E('ij,k->ijk', [T([2, 3]), T([2])]),
  E('i,i->i', [T([3]), T([3])]),
  E('abc,cd->abd', [T([2, 2, 3]), T([3, 2])]),
  E('ij,i->j', [T([2, 3]), T([2])]),
  E('ij,kj->ik', [T([2, 3]), T([4, 3])]),
  E('ji,jk->ik', [T([3, 2]), T([3, 4])]),
  E('bn,anm->ba', [T([2, 3]), T([2, 3, 2])]),
  E('i,->i', [T([3]), T([])]),
  E(',ij->ij', [T([]), T([2, 3])]),
  E('->', [T([])]),
  E(' i j -> j i ', [T([2, 3])]),
  E('Ij,jK->IK', [T([2, 3]), T([3, 2])]),
  E('ij,jk->ik', [T([20, 30]), T([30, 10])], {tol: 1e-4}),
  E('ij,jk->ik', [T([0, 3]), T([3, 2])]),
  E('ij,jk->ik', [T([2, 0]), T([0, 2])]),
  E('ij,jk->ik', [T([2, 3], {gen: 'special'}), T([3, 2])]),
  E('ij,jk->ik', [I([2, 3]), I([3, 2])]),
  E('ij->ji', [I([2, 3])]),
  E('ij,jk->ik', [I([2, 3]), T([3, 2])]),
  E('i,j->ij', [B([2]), B([3])]),
  E('i,j->ij', [B([2]), I([3])]),
  E('ij->i', [B([2, 3])]),
  E('ij,jk->ik', [B([2, 3]), B([3, 2])]),
  E('ij,jk', [T([2, 3]), T([3, 2])], {error: true}),
  E('ij->jk->k', [T([2, 3])], {error: true}),
  E('...ij->...ji', [T([2, 3])], {error: true}),
  E('i,i,i->', [T([2]), T([2]), T([2])], {error: true}),
  E('i,i->', [T([2])], {error: true}),
  E('ij->k', [T([2, 3])], {error: true}),
  E('ij,jk->ik', [T([2, 3]), T([4, 2])], {error: true}),
  E('ii->', [T([3, 3])], {error: true}),
  E('ii->i', [T([3, 3])], {error: true}),
  E('ij,ij->ij', [T([1, 3]), T([2, 3])], {error: true}),
  E('ij,jk->ik', [T([2, 3, 1]), T([3, 2])], {error: true}),
];

const V = (equation, via, inputs, extra = {}) => ({op: 'einsumVia', inputs, attrs: {equation, via, ...extra}, grad: true});
const einsumGrad = [
  V('ij,jk->ik', 'matMul', [T([2, 3]), T([3, 4])]),
  V('bij,bjk->bik', 'matMul', [T([2, 2, 3]), T([2, 3, 4])]),
  V('i,i->', 'sumMul', [T([4]), T([4])]),
  V('ij,ij->', 'sumMul', [T([2, 3]), T([2, 3])]),
  V('ijk,k->ij', 'sumMul', [T([2, 2, 3]), T([3])], {axis: -1}),
  V('ij->ji', 'transpose', [T([2, 3])]),
  V('ijk->kji', 'transpose', [T([2, 3, 4])], {perm: [2, 1, 0]}),
  V('ij->i', 'sum', [T([2, 3])], {axis: 1}),
  V('ij->', 'sum', [T([2, 3])]),
  V('ij,j->i', 'dot', [T([2, 3]), T([3])]),
  V('i,ij->j', 'dot', [T([3]), T([3, 2])]),
  V('i,j->ij', 'outerProduct', [T([2]), T([3])]),
  // Equations TF.js's own einsum gets wrong; here the expected values come from other ops.
  V('ij,j->', 'sumDot', [T([2, 3]), T([3])]),
  V('ij,jk->', 'sumMatMul', [T([2, 3]), T([3, 2])]),
  V('ij,jk->k', 'sumMatMul', [T([2, 3]), T([3, 2])], {axis: 0}),
  V('ij,jk->i', 'sumMatMul', [T([2, 3]), T([3, 2])], {axis: 1}),
];

export const cases = [...matMul, ...dot, ...outerProduct, ...einsum, ...einsumGrad];
