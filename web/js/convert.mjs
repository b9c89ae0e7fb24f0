// JS values to tensor data, as TF.js's tensor(), inferShape and toTypedArray do it.

export function isTypedArray(a) {
  return a instanceof Float32Array || a instanceof Int32Array || a instanceof Uint8Array ||
         a instanceof Uint8ClampedArray;
}

// TF.js's inferDtype: float32 for numbers, bool for booleans, int32 for integer typed arrays.
export function inferDtype(values) {
  if (Array.isArray(values)) return inferDtype(values[0]);
  if (values instanceof Float32Array) return 'float32';
  if (values instanceof Int32Array || values instanceof Uint8Array || values instanceof Uint8ClampedArray) {
    return 'int32';
  }
  if (typeof values === 'boolean') return 'bool';
  if (typeof values === 'string') return 'string';
  return 'float32';
}

export function inferShape(values) {
  if (isTypedArray(values)) return [values.length];
  if (!Array.isArray(values)) return [];
  const shape = [];
  let first = values;
  while (Array.isArray(first) || isTypedArray(first)) {
    shape.push(first.length);
    first = first[0];
  }
  assertConsistent(values, shape, []);
  return shape;
}

function assertConsistent(values, shape, indices) {
  if (!(Array.isArray(values) || isTypedArray(values))) {
    if (shape.length !== 0) {
      throw new Error(`Element arr[${indices.join('][')}] is a primitive, but should be an array/TypedArray of ` +
                      `${shape[0]} elements`);
    }
    return;
  }
  if (shape.length === 0) {
    throw new Error(`Element arr[${indices.join('][')}] should be a primitive, but is an array of ` +
                    `${values.length} elements`);
  }
  if (values.length !== shape[0]) {
    throw new Error(`Element arr[${indices.join('][')}] should have ${shape[0]} elements, ` +
                    `but has ${values.length} elements`);
  }
  for (let i = 0; i < values.length; ++i) assertConsistent(values[i], shape.slice(1), indices.concat(i));
}

export function flatten(values, out = []) {
  if (Array.isArray(values) || isTypedArray(values)) {
    for (let i = 0; i < values.length; ++i) flatten(values[i], out);
  } else {
    out.push(values);
  }
  return out;
}

export function sizeFromShape(shape) {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

// The typed array a tensor of dtype stores (TF.js's toTypedArray).
export function toTypedArray(values, dtype) {
  if (dtype === 'string') throw new Error('edgeflow: string tensors are not supported yet');
  const flat = Array.isArray(values) ? flatten(values) : values;
  if (dtype === 'float32') return flat instanceof Float32Array ? flat : new Float32Array(flat);
  if (dtype === 'int32') return flat instanceof Int32Array ? flat : new Int32Array(flat);
  if (dtype === 'bool') {
    if (flat instanceof Uint8Array) return flat;
    const out = new Uint8Array(flat.length);
    for (let i = 0; i < flat.length; ++i) if (Math.round(flat[i]) !== 0) out[i] = 1;
    return out;
  }
  throw new Error(`Unknown data type ${dtype}`);
}

// Checks a provided shape against the values' shape (TF.js's makeTensor rules).
export function checkShape(shape, inferred) {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new Error(`Tensor must have a shape comprised of positive integers but got shape [${shape}].`);
    }
  }
  const provided = sizeFromShape(shape);
  const have = sizeFromShape(inferred);
  if (provided !== have) {
    throw new Error(`Based on the provided shape, [${shape}], the tensor should have ${provided} values ` +
                    `but has ${have}`);
  }
  for (let i = 0; i < inferred.length; ++i) {
    const flatDimsDontMatch = i === inferred.length - 1 ? inferred[i] !== sizeFromShape(shape.slice(i)) : true;
    if (inferred[i] !== shape[i] && flatDimsDontMatch) {
      throw new Error(`Error creating a new Tensor. Inferred shape (${inferred}) does not match the provided ` +
                      `shape (${shape}). `);
    }
  }
}

// TF.js's toNestedArray: flat data to nested arrays (a number for a scalar).
export function toNestedArray(shape, data) {
  if (shape.length === 0) return data[0];
  if (sizeFromShape(shape) === 0) return [];
  const build = (offset, dim) => {
    const out = [];
    if (dim === shape.length - 1) {
      for (let i = 0; i < shape[dim]; ++i) out.push(data[offset + i]);
      return out;
    }
    const stride = sizeFromShape(shape.slice(dim + 1));
    for (let i = 0; i < shape[dim]; ++i) out.push(build(offset + i * stride, dim + 1));
    return out;
  };
  return build(0, 0);
}
