// tf.train: optimizers written on the ops, with TF.js's update formulas (sgd, momentum, adam,
// rmsprop, adagrad, adadelta, adamax), state kept as non-trainable variables.
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

export class RMSPropOptimizer extends Optimizer {
  constructor(learningRate, decay = 0.9, momentum = 0, epsilon = null, centered = false) {
    super();
    checkRate('rmsprop: learningRate', learningRate);
    Object.assign(this, {learningRate, decay, momentum, epsilon: epsilon ?? 1e-7, centered,
                         ms: new Map(), mom: new Map(), mg: new Map()});
  }
  getClassName() { return 'RMSProp'; }
  getConfig() {
    return {learningRate: this.learningRate, decay: this.decay, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered};
  }
  update(name, value, gradient) {
    const ms = this.slot(this.ms, name, value);
    const mom = this.slot(this.mom, name, value);
    const newMs = ops.add(ops.mul(ms, this.decay), ops.mul(ops.square(gradient), 1 - this.decay));
    let denominator;
    if (this.centered) {  // TF.js: sqrt(ms - (mg^2 + epsilon))
      const mg = this.slot(this.mg, name, value);
      const newMg = ops.add(ops.mul(mg, this.decay), ops.mul(gradient, 1 - this.decay));
      denominator = ops.sqrt(ops.sub(newMs, ops.add(ops.square(newMg), this.epsilon)));
      mg.assign(newMg);
    } else {
      denominator = ops.sqrt(ops.add(newMs, this.epsilon));
    }
    const newMom = ops.add(ops.mul(mom, this.momentum), ops.div(ops.mul(gradient, this.learningRate), denominator));
    ms.assign(newMs);
    mom.assign(newMom);
    value.assign(ops.sub(value, newMom));
  }
  dispose() { dispose([...this.ms.values(), ...this.mom.values(), ...this.mg.values()]); }
}

export class AdagradOptimizer extends Optimizer {
  constructor(learningRate, initialAccumulatorValue = 0.1) {
    super();
    checkRate('adagrad: learningRate', learningRate);
    Object.assign(this, {learningRate, initialAccumulatorValue, accumulators: new Map()});
  }
  getClassName() { return 'Adagrad'; }
  getConfig() { return {learningRate: this.learningRate, initialAccumulatorValue: this.initialAccumulatorValue}; }
  update(name, value, gradient) {
    if (!this.accumulators.has(name)) {
      this.accumulators.set(name, tidy(() => variable(ops.fill(value.shape, this.initialAccumulatorValue), false)));
    }
    const accumulator = this.accumulators.get(name);
    const next = ops.add(accumulator, ops.square(gradient));
    accumulator.assign(next);
    value.assign(ops.add(ops.mul(ops.div(gradient, ops.sqrt(ops.add(next, 1e-7))), -this.learningRate), value));
  }
  dispose() { dispose([...this.accumulators.values()]); }
}

export class AdadeltaOptimizer extends Optimizer {
  constructor(learningRate = 0.001, rho = 0.95, epsilon = null) {
    super();
    checkRate('adadelta: learningRate', learningRate);
    Object.assign(this, {learningRate, rho, epsilon: epsilon ?? 1e-7, grads: new Map(), updates: new Map()});
  }
  getClassName() { return 'Adadelta'; }
  getConfig() { return {learningRate: this.learningRate, rho: this.rho, epsilon: this.epsilon}; }
  update(name, value, gradient) {
    const accGrad = this.slot(this.grads, name, value);
    const accUpdate = this.slot(this.updates, name, value);
    const newAccGrad = ops.add(ops.mul(accGrad, this.rho), ops.mul(ops.square(gradient), 1 - this.rho));
    // TF.js scales by the accumulated gradient of the previous step.
    const step = ops.mul(ops.div(ops.sqrt(ops.add(accUpdate, this.epsilon)), ops.sqrt(ops.add(accGrad, this.epsilon))), gradient);
    const newAccUpdate = ops.add(ops.mul(accUpdate, this.rho), ops.mul(ops.square(step), 1 - this.rho));
    accGrad.assign(newAccGrad);
    accUpdate.assign(newAccUpdate);
    value.assign(ops.add(ops.mul(step, -this.learningRate), value));
  }
  dispose() { dispose([...this.grads.values(), ...this.updates.values()]); }
}

export class AdamaxOptimizer extends Optimizer {
  constructor(learningRate = 0.002, beta1 = 0.9, beta2 = 0.999, epsilon = null, decay = 0) {
    super();
    checkRate('adamax: learningRate', learningRate);
    Object.assign(this, {learningRate, beta1, beta2, epsilon: epsilon ?? 1e-7, decay, m: new Map(), u: new Map()});
    this.iteration = 0;
    this.accBeta1 = Math.fround(beta1);  // float32, like TF.js's scalar variables
  }
  getClassName() { return 'Adamax'; }
  getConfig() { return {learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon, decay: this.decay}; }
  update(name, value, gradient) {
    const m = this.slot(this.m, name, value);
    const u = this.slot(this.u, name, value);
    const lr = Math.fround(-this.learningRate / Math.fround(Math.fround(this.iteration * this.decay) + 1));
    const newM = ops.add(ops.mul(m, this.beta1), ops.mul(gradient, 1 - this.beta1));
    const newU = ops.maximum(ops.mul(u, this.beta2), ops.abs(gradient));
    m.assign(newM);
    u.assign(newU);
    const scale = Math.fround(lr / Math.fround(1 - this.accBeta1));
    value.assign(ops.add(ops.mul(ops.div(newM, ops.add(newU, this.epsilon)), scale), value));
  }
  afterStep() {
    this.iteration += 1;
    this.accBeta1 = Math.fround(this.accBeta1 * this.beta1);
  }
  dispose() { dispose([...this.m.values(), ...this.u.values()]); }
}

export const train = {
  sgd: (learningRate) => new SGDOptimizer(learningRate),
  momentum: (learningRate, momentum, useNesterov) => new MomentumOptimizer(learningRate, momentum, useNesterov),
  adam: (learningRate, beta1, beta2, epsilon) => new AdamOptimizer(learningRate, beta1, beta2, epsilon),
  rmsprop: (learningRate, decay, momentum, epsilon, centered) => new RMSPropOptimizer(learningRate, decay, momentum, epsilon, centered),
  adagrad: (learningRate, initialAccumulatorValue) => new AdagradOptimizer(learningRate, initialAccumulatorValue),
  adadelta: (learningRate, rho, epsilon) => new AdadeltaOptimizer(learningRate, rho, epsilon),
  adamax: (learningRate, beta1, beta2, epsilon, decay) => new AdamaxOptimizer(learningRate, beta1, beta2, epsilon, decay),
};
