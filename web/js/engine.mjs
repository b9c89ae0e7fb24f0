// Memory management (tidy, keep, dispose, memory) and gradients. Scopes and the gradient tape live
// in the C++ engine; JS only says where scopes begin and end and which tensors they return.
import {convertToTensor, Tensor, Variable} from './tensor.mjs';
import {wasm} from './loader.mjs';

// Tensors inside a container (Tensor, array, plain object, Map), as TF.js's getTensorsInContainer.
export function tensorsIn(result, out = [], seen = new Set()) {
  if (result == null) return out;
  if (result instanceof Tensor) {
    out.push(result);
    return out;
  }
  if (typeof result !== 'object' || seen.has(result)) return out;
  seen.add(result);
  const values = result instanceof Map ? result.values() : Array.isArray(result) ? result : Object.values(result);
  for (const v of values) tensorsIn(v, out, seen);
  return out;
}

export function tidy(nameOrFn, fn) {
  let name = 'unnamed scope';
  if (fn == null) {
    if (typeof nameOrFn !== 'function') throw new Error('Please provide a function to tidy()');
    fn = nameOrFn;
  } else {
    if (typeof nameOrFn !== 'string' && !(nameOrFn instanceof String)) {
      throw new Error('When calling with two arguments, the first argument to tidy() must be a string');
    }
    if (typeof fn !== 'function') {
      throw new Error('When calling with two arguments, the 2nd argument to tidy() must be a function');
    }
    name = String(nameOrFn);
  }
  wasm.startScope(name);
  let result;
  try {
    result = fn();
  } catch (e) {
    wasm.abortScope();
    throw e;
  }
  if (result instanceof Promise) {
    // As TF.js: an error message, and the Promise is returned (its tensors are not tracked).
    console.error('Cannot return a Promise inside of tidy.');
    wasm.endScope([]);
    return result;
  }
  wasm.endScope(tensorsIn(result).map((t) => t.id));
  return result;
}

export function keep(result) {
  if (result instanceof Tensor) {
    wasm.keepTensor(result.id);
    result.kept = true;
  }
  return result;
}

export function dispose(container) {
  for (const t of tensorsIn(container)) t.dispose();
}

export function memory() {
  return wasm.memory();
}

// tf.profile: the kernels f runs (awaited if it returns a promise), with their time and memory.
export async function profile(f) {
  wasm.startProfile();
  let result;
  try {
    result = await f();
  } catch (e) {
    wasm.endProfile();
    throw e;
  }
  return {...wasm.endProfile(), result};
}

// tf.time: wallMs is f's run time, kernelMs the part its kernels took (TF.js's cpu backend reports
// the run time for both).
export async function time(f) {
  const start = performance.now();
  const {kernels} = await profile(() => { f(); });
  const wallMs = performance.now() - start;
  return {kernelMs: kernels.reduce((sum, k) => sum + k.kernelTimeMs, 0), wallMs};
}

export function disposeVariables() {
  wasm.disposeVariables();
}

// Gradients ----------------------------------------------------------------------------------------

// JS functions called from C++ must not throw through C++ frames: forCpp keeps the error and
// returns -1, the C++ side then fails with its own error, and rethrowKept puts the original back.
let keptError = null;
export function forCpp(fn) {
  return (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      keptError ??= e;
      return -1;
    }
  };
}
export function rethrowKept(e) {
  const kept = keptError;
  keptError = null;
  throw kept ?? e;
}

function resultId(y) {
  if (!(y instanceof Tensor)) throw new Error('The result y returned by f() must be a tensor.');
  return y.id;
}

// Runs f under the C++ tape.
function runGradients(f, xs, dy) {
  try {
    const r = wasm.gradients(forCpp(() => resultId(f())), xs.map((x) => x.id), dy ? dy.id : -1);
    return {value: new Tensor(r.value), grads: r.grads.map((d) => new Tensor(d))};
  } catch (e) {
    rethrowKept(e);
  }
}

function checkFunction(f, name) {
  if (typeof f !== 'function') throw new Error(`The f passed in ${name}(f) must be a function`);
}

function convertArgs(args, name) {
  if (!Array.isArray(args) || args.length === 0) {
    throw new Error(`The args passed in ${name}(f)(args) must be a non-empty array of tensors`);
  }
  return args.map((a, i) => convertToTensor(a, `args[${i}]`, `tf.${name}`)[0]);
}

export function grad(f) {
  checkFunction(f, 'grad');
  return (x, dy) => tidy(() => {
    const $x = convertToTensor(x, 'x', 'tf.grad')[0];
    const $dy = dy != null ? convertToTensor(dy, 'dy', 'tf.grad')[0] : null;
    return runGradients(() => f($x), [$x], $dy).grads[0];
  });
}

export function grads(f) {
  checkFunction(f, 'grads');
  return (args, dy) => tidy(() => {
    const $args = convertArgs(args, 'grads');
    const $dy = dy != null ? convertToTensor(dy, 'dy', 'tf.grads')[0] : null;
    return runGradients(() => f(...$args), $args, $dy).grads;
  });
}

export function valueAndGrad(f) {
  checkFunction(f, 'valueAndGrad');
  return (x, dy) => {
    if (!(x instanceof Tensor)) throw new Error('The x passed in valueAndGrad(f)(x) must be a tensor');
    if (dy != null && !(dy instanceof Tensor)) throw new Error('The dy passed in valueAndGrad(f)(x, dy) must be a tensor');
    const {value, grads} = runGradients(() => f(x), [x], dy);
    return {grad: grads[0], value};
  };
}

export function valueAndGrads(f) {
  checkFunction(f, 'valueAndGrads');
  return (args, dy) => {
    if (!Array.isArray(args) || !args.every((a) => a instanceof Tensor)) {
      throw new Error('The args passed in valueAndGrads(f)(args) must be array of tensors');
    }
    if (dy != null && !(dy instanceof Tensor)) throw new Error('The dy passed in valueAndGrads(f)(args, dy) must be a tensor');
    const {value, grads} = runGradients(() => f(...args), args, dy);
    return {grads, value};
  };
}

// Gradients of the scalar f() with respect to varList (default: every trainable variable).
export function variableGrads(f, varList) {
  checkFunction(f, 'variableGrads');
  if (varList != null && !(Array.isArray(varList) && varList.every((v) => v instanceof Variable))) {
    throw new Error('varList for variableGrads(f, varList) must be an array of Variables');
  }
  try {
    const r = wasm.variableGradients(forCpp(() => resultId(f())), (varList ?? []).map((v) => v.id));
    const grads = {};
    for (const [name, d] of Object.entries(r.grads)) grads[name] = new Tensor(d);
    return {value: new Tensor(r.value), grads};
  } catch (e) {
    rethrowKept(e);
  }
}

// tf.customGrad(f): f(...inputs, save) returns {value, gradFunc(dy, saved)}; gradFunc returns one
// gradient per input. The forward pass is not taped; backprop calls gradFunc.
export function customGrad(f) {
  checkFunction(f, 'customGrad');
  return (...inputs) => {
    if (!inputs.every((t) => t instanceof Tensor)) {
      throw new Error('The args passed in customGrad(f)(x1, x2,...) must all be tensors');
    }
    const forward = forCpp(() => {
      let saved = [];
      const result = f(...inputs, (tensors) => { saved = tensors; });
      if (!(result?.value instanceof Tensor)) {
        throw new Error('The function f passed in customGrad(f) must return an object where `obj.value` is a tensor');
      }
      if (typeof result.gradFunc !== 'function') {
        throw new Error('The function f passed in customGrad(f) must return an object where `obj.gradFunc` is a function.');
      }
      const gradFunc = forCpp((dyDesc) => {
        const grads = result.gradFunc(new Tensor(dyDesc), saved);
        const list = Array.isArray(grads) ? grads : [grads];
        if (list.length !== inputs.length || !list.every((g) => g instanceof Tensor)) {
          throw new Error('The function f passed in customGrad(f) must return an object where `obj.gradFunc` is ' +
                          'a function that returns the same number of tensors as inputs passed to f(...).');
        }
        return list.map((g) => g.id);
      });
      return [result.value.id, saved.map((t) => t.id), gradFunc];
    });
    try {
      return new Tensor(wasm.customGradient(forward, inputs.map((t) => t.id)));
    } catch (e) {
      rethrowKept(e);
    }
  };
}
