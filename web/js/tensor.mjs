// The Tensor class (a handle to a tensor living in wasm memory) and tensor creation from JS data.
import {checkShape, inferDtype, inferShape, isTypedArray, sizeFromShape, toNestedArray, toTypedArray} from './convert.mjs';
import {wasm} from './loader.mjs';

export class Tensor {
  // desc: {id, dtype, shape} as the wasm module returns it.
  constructor(desc) {
    this.id = desc.id;
    this.dtype = desc.dtype;
    this.shape = desc.shape;
    this.size = sizeFromShape(desc.shape);
    this.kept = false;
  }
  get rank() { return this.shape.length; }
  get isDisposed() { return !wasm.hasTensor(this.id); }
  get strides() {
    const strides = [];
    for (let i = this.rank - 2, s = 1; i >= 0; --i) strides.unshift(s *= this.shape[i + 1]);
    return strides;
  }
  throwIfDisposed() {
    if (this.isDisposed) throw new Error('Tensor is disposed.');
  }

  dataSync() { return wasm.readData(this.id); }
  async data() { return this.dataSync(); }
  arraySync() { return toNestedArray(this.shape, this.dataSync()); }
  async array() { return this.arraySync(); }
  toString(verbose = false) { return wasm.tensorToString(this.id, verbose); }
  print(verbose = false) { console.log(this.toString(verbose)); }
  dispose() { wasm.disposeTensor(this.id); }
  variable(trainable = true, name, dtype) { return variable(this, trainable, name, dtype); }
}

export class Variable extends Tensor {
  constructor(desc) {
    super(desc);
    this.name = desc.name;
  }
  // Replaces the value (same shape and dtype); the id stays.
  assign(newValue) {
    if (!(newValue instanceof Tensor)) throw new Error('assign: newValue must be a Tensor');
    wasm.assignVariable(this.id, newValue.id);
  }
}

// Tensor creation -----------------------------------------------------------------------------

export function makeTensor(values, shape, inferredShape, dtype) {
  if (dtype == null) dtype = inferDtype(values);
  if (dtype === 'string') throw new Error('edgeflow: string tensors are not supported yet');
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') {
    throw new Error(`Unknown data type ${dtype}: the wasm package supports float32, int32 and bool`);
  }
  if (shape != null) checkShape(shape, inferredShape);
  if (!isTypedArray(values) && !Array.isArray(values)) values = [values];
  shape = shape || inferredShape;
  return new Tensor(wasm.tensorFromArray(toTypedArray(values, dtype), shape, dtype));
}

function checkValues(values, fn) {
  if (values == null) throw new Error(`The input to the tensor constructor must be a non-null value.`);
  if (typeof values !== 'number' && typeof values !== 'boolean' && !Array.isArray(values) &&
      !isTypedArray(values)) {
    const type = values.constructor ? values.constructor.name : typeof values;
    throw new Error(`values passed to ${fn}() must be a number, boolean, array or TypedArray, got ${type}`);
  }
}

export function tensor(values, shape, dtype) {
  checkValues(values, 'tensor');
  return makeTensor(values, shape, inferShape(values), dtype);
}

export function scalar(value, dtype) {
  if ((isTypedArray(value) && dtype !== 'string') || Array.isArray(value)) {
    throw new Error('Error creating a new Scalar: value must be a primitive (number|boolean|string)');
  }
  checkValues(value, 'scalar');
  return makeTensor(value, [], [], dtype);
}

export function tensor1d(values, dtype) {
  checkValues(values, 'tensor1d');
  const inferred = inferShape(values);
  if (inferred.length !== 1) throw new Error('tensor1d() requires values to be a flat/TypedArray');
  return makeTensor(values, null, inferred, dtype);
}

const rankNames = {2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six'};
function tensorNd(rank, values, shape, dtype) {
  const fn = `tensor${rank}d`;
  checkValues(values, fn);
  if (shape != null && shape.length !== rank) throw new Error(`${fn}() requires shape to have ${rankNames[rank]} numbers`);
  const inferred = inferShape(values);
  if (inferred.length !== rank && inferred.length !== 1) {
    throw new Error(`${fn}() requires values to be number${'[]'.repeat(rank)} or flat/TypedArray`);
  }
  if (inferred.length === 1 && shape == null) {
    throw new Error(`${fn}() requires shape to be provided when \`values\` are a flat/TypedArray`);
  }
  return makeTensor(values, shape, inferred, dtype);
}
export const tensor2d = (values, shape, dtype) => tensorNd(2, values, shape, dtype);
export const tensor3d = (values, shape, dtype) => tensorNd(3, values, shape, dtype);
export const tensor4d = (values, shape, dtype) => tensorNd(4, values, shape, dtype);
export const tensor5d = (values, shape, dtype) => tensorNd(5, values, shape, dtype);
export const tensor6d = (values, shape, dtype) => tensorNd(6, values, shape, dtype);

// TF.js's convertToTensor: a Tensor as is, else a new tensor (parseAsDtype for int32 indices, bool conditions).
// Returns [tensor, isTemporary].
export function convertToTensor(x, argName, functionName, parseAsDtype = 'numeric') {
  if (x instanceof Tensor) return [x, false];
  let dtype = inferDtype(x);
  if (dtype !== 'string' && ['bool', 'int32', 'float32'].includes(parseAsDtype)) dtype = parseAsDtype;
  if (x == null ||
      (!isTypedArray(x) && !Array.isArray(x) && typeof x !== 'number' && typeof x !== 'boolean' &&
       typeof x !== 'string')) {
    const type = x == null ? 'null' : x.constructor.name;
    throw new Error(`Argument '${argName}' passed to '${functionName}' must be a Tensor or TensorLike, but got '${type}'`);
  }
  const inferred = inferShape(x);
  if (!isTypedArray(x) && !Array.isArray(x)) x = [x];
  return [makeTensor(x, inferred, inferred, dtype), true];
}

// Every variable made here, so optimizers can find a gradient's variable by name.
export const knownVariables = new Set();

export function variable(initialValue, trainable = true, name, dtype) {
  if (!(initialValue instanceof Tensor)) throw new Error('variable: initialValue must be a Tensor');
  const v = new Variable(wasm.makeVariable(initialValue.id, trainable, name ?? '', dtype ?? ''));
  v.trainable = trainable;
  knownVariables.add(v);
  return v;
}
