// Cases for eye, range and linspace. These ops take no tensor inputs (inputs: []); numbers that
// JSON cannot hold (NaN, ±Infinity) are passed as strings and converted on both sides.
const num = (v) => (v === undefined ? undefined : Number(v));

export const ops = {
  eye: (tf, _, at) => tf.eye(at.numRows, at.numColumns, at.batchShape, at.dtype),
  range: (tf, _, at) => tf.range(num(at.start), num(at.stop), num(at.step), at.dtype),
  linspace: (tf, _, at) => tf.linspace(num(at.start), num(at.stop), at.num),
};

const eye = (attrs, o = {}) => ({op: 'eye', inputs: [], attrs, ...o});
const range = (start, stop, step, dtype, o = {}) => ({op: 'range', inputs: [], attrs: {start, stop, step, dtype}, ...o});
const linspace = (start, stop, n, o = {}) => ({op: 'linspace', inputs: [], attrs: {start, stop, num: n}, ...o});

export const cases = [
  eye({numRows: 3}),
  eye({numRows: 1}),
  eye({numRows: 0}),
  eye({numRows: 2, numColumns: 3}),
  eye({numRows: 4, numColumns: 2}),
  eye({numRows: 3, numColumns: 0}),
  eye({numRows: 2, numColumns: 3, batchShape: [2], dtype: 'int32'}),
  eye({numRows: 2, numColumns: 2, batchShape: [2, 3]}),
  eye({numRows: 3, numColumns: 2, batchShape: [2, 1, 2]}),
  eye({numRows: 2, batchShape: [0]}),
  eye({numRows: 3, dtype: 'bool'}),
  eye({numRows: 3, numColumns: 3, dtype: 'int32'}),
  eye({numRows: -1}, {error: true}),
  eye({numRows: 2, numColumns: -3}, {error: true}),
  eye({numRows: 2, numColumns: 2, batchShape: [1, 1, 1, 1]}, {error: true}),

  range(0, 10),
  range(0, 10, 3),
  range(-2.5, 4, 1.5),
  range(10, 0),  // a step of 1 flips to -1
  range(1.5, -2.5),
  range(10, 0, -3),
  range(0, 10, -1),  // empty: increasing range with a negative step
  range(10, 0, 2),  // empty: decreasing range with a step > 1
  range(5, 5),  // empty
  range(0, -5, 0.5),  // TF.js quirk: a step in (0, 1] is kept on a decreasing range
  range(0, 1, 0.1),  // float32 accumulation
  range(0, 100, 0.37),
  range(0, 10, 1, 'int32'),
  range(10, 0, -2, 'int32'),
  range(0, 5, 0.5, 'int32'),  // int32 accumulation truncates every step: all zeros
  range(0.5, 3.7, 1, 'int32'),
  range(-3.7, 3, 1.5, 'int32'),
  range(3, -2, 1, 'int32'),
  range(0, 'NaN'),  // empty
  range('NaN', 3),  // empty
  range(0, 5, 'Infinity'),  // empty
  range(0, 5, 0, undefined, {error: true}),
  range(0, 5, 0, 'int32', {error: true}),
  range(0, 'Infinity', 1, undefined, {error: true}),

  linspace(0, 9, 10),
  linspace(1, -1, 5),
  linspace(0, 1, 1),
  linspace(0, 1, 2),
  linspace(-3.3, 7.7, 37),
  linspace(0, 1, 3),
  linspace(5, 5, 4),
  linspace(0, 1, 0, {error: true}),
  linspace(0, 1, -2, {error: true}),
];
