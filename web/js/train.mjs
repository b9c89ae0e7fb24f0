// tf.train: optimizers written on the ops, with TF.js's update formulas (sgd, momentum, adam).
import {dispose, tidy, variableGrads} from './engine.mjs';
import {ops} from './ops.mjs';
import {knownVariables, variable} from './tensor.mjs';

function variableNamed(name) {
  for (const v of knownVariables) {
    if (v.isDisposed) knownVariables.delete(v);
    else if (v.name === name) return v;
  }
  throw new Error(`applyGradients: no variable named '${name}'`);
}

function checkRate(name, value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${name} must be a finite number, got ${value}`);
}

export class Optimizer {
  computeGradients(f, varList) { return variableGrads(f, varList); }
  // gradients: {name: Tensor} or [{name, tensor}].
  applyGradients(gradients) {
    const entries = Array.isArray(gradients) ? gradients.map((g) => [g.name, g.tensor]) : Object.entries(gradients);
    tidy(() => {
      for (const [name, gradient] of entries) {
        const value = variableNamed(name);
        if (gradient != null) this.update(name, value, gradient);
      }
      this.afterStep();
    });
  }
  afterStep() {}
  minimize(f, returnCost = false, varList) {
    const {value, grads} = this.computeGradients(f, varList);
    this.applyGradients(grads);
    dispose(grads);
    if (returnCost) return value;
    value.dispose();
    return null;
  }
  // An optimizer state variable (never trainable), made outside any tidy.
  slot(slots, name, value) {
    if (!slots.has(name)) slots.set(name, tidy(() => variable(ops.zerosLike(value), false)));
    return slots.get(name);
  }
  dispose() {}
}

export class SGDOptimizer extends Optimizer {
  constructor(learningRate) {
    super();
    checkRate('sgd: learningRate', learningRate);
    this.learningRate = learningRate;
  }
  getClassName() { return 'SGD'; }
  getConfig() { return {learningRate: this.learningRate}; }
  update(name, value, gradient) {
    value.assign(ops.add(ops.mul(gradient, -this.learningRate), value));
  }
}

export class MomentumOptimizer extends Optimizer {
  constructor(learningRate, momentum, useNesterov = false) {
    super();
    checkRate('momentum: learningRate', learningRate);
    checkRate('momentum: momentum', momentum);
    Object.assign(this, {learningRate, momentum, useNesterov, accumulations: new Map()});
  }
  getClassName() { return 'Momentum'; }
  getConfig() { return {learningRate: this.learningRate, momentum: this.momentum, useNesterov: this.useNesterov}; }
  update(name, value, gradient) {
    const accumulation = this.slot(this.accumulations, name, value);
    const next = ops.add(ops.mul(accumulation, this.momentum), gradient);
    const step = this.useNesterov ? ops.add(gradient, ops.mul(next, this.momentum)) : next;
    accumulation.assign(next);
    value.assign(ops.add(ops.mul(step, -this.learningRate), value));
  }
  dispose() { dispose([...this.accumulations.values()]); }
}

export class AdamOptimizer extends Optimizer {
  // epsilon defaults to the float32 backend epsilon, 1e-7, as TF.js's cpu and wasm backends.
  constructor(learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = null) {
    super();
    for (const [n, v] of [['learningRate', learningRate], ['beta1', beta1], ['beta2', beta2]]) checkRate(`adam: ${n}`, v);
    Object.assign(this, {learningRate, beta1, beta2, epsilon: epsilon ?? 1e-7, m: new Map(), v: new Map()});
    this.accBeta1 = beta1;  // beta^t, kept as float32 like TF.js's scalar variables
    this.accBeta2 = beta2;
  }
  getClassName() { return 'Adam'; }
  getConfig() { return {learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon}; }
  update(name, value, gradient) {
    const m = this.slot(this.m, name, value);
    const v = this.slot(this.v, name, value);
    const newM = ops.add(ops.mul(m, this.beta1), ops.mul(gradient, 1 - this.beta1));
    const newV = ops.add(ops.mul(v, this.beta2), ops.mul(ops.square(gradient), 1 - this.beta2));
    const mHat = ops.div(newM, ops.sub(1, this.accBeta1));
    const vHat = ops.div(newV, ops.sub(1, this.accBeta2));
    m.assign(newM);
    v.assign(newV);
    value.assign(ops.add(ops.mul(ops.div(mHat, ops.add(ops.sqrt(vHat), this.epsilon)), -this.learningRate), value));
  }
  afterStep() {
    this.accBeta1 = Math.fround(this.accBeta1 * this.beta1);
    this.accBeta2 = Math.fround(this.accBeta2 * this.beta2);
  }
  dispose() { dispose([...this.m.values(), ...this.v.values()]); }
}

export const train = {
  sgd: (learningRate) => new SGDOptimizer(learningRate),
  momentum: (learningRate, momentum, useNesterov) => new MomentumOptimizer(learningRate, momentum, useNesterov),
  adam: (learningRate, beta1, beta2, epsilon) => new AdamOptimizer(learningRate, beta1, beta2, epsilon),
};
