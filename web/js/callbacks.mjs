// fit()'s callbacks: tf.Callback, tf.CustomCallback (an object of on* functions), tf.History,
// tf.callbacks.earlyStopping, and the list fit() drives (awaiting each, as TF.js does).
export class Callback {
  setParams(params) { this.params = params; }
  setModel(model) { this.model = model; }
  async onTrainBegin(logs) {}
  async onTrainEnd(logs) {}
  async onEpochBegin(epoch, logs) {}
  async onEpochEnd(epoch, logs) {}
  async onBatchBegin(batch, logs) {}
  async onBatchEnd(batch, logs) {}
}

export class CustomCallback extends Callback {
  constructor(args) {
    super();
    this.args = args;
  }
  async call(name, ...a) {
    if (typeof this.args[name] === 'function') await this.args[name](...a);
  }
  onTrainBegin(logs) { return this.call('onTrainBegin', logs); }
  onTrainEnd(logs) { return this.call('onTrainEnd', logs); }
  onEpochBegin(epoch, logs) { return this.call('onEpochBegin', epoch, logs); }
  onEpochEnd(epoch, logs) { return this.call('onEpochEnd', epoch, logs); }
  onBatchBegin(batch, logs) { return this.call('onBatchBegin', batch, logs); }
  onBatchEnd(batch, logs) { return this.call('onBatchEnd', batch, logs); }
  onYield(epoch, batch, logs) { return this.call('onYield', epoch, batch, logs); }
}

export class History extends Callback {
  async onTrainBegin() {
    this.epoch = [];
    this.history = {};
  }
  async onEpochEnd(epoch, logs = {}) {
    this.epoch.push(epoch);
    for (const [key, value] of Object.entries(logs)) (this.history[key] ??= []).push(value);
  }
}

const modes = {min: (a, b) => a < b, max: (a, b) => a > b};

export class EarlyStopping extends Callback {
  constructor(args = {}) {
    super();
    if (args.restoreBestWeights) throw new Error('restoreBestWeights = True is not implemented in EarlyStopping yet.');
    this.monitor = args.monitor ?? 'val_loss';
    this.minDelta = Math.abs(args.minDelta ?? 0);
    this.patience = args.patience ?? 0;
    this.verbose = args.verbose ?? 0;
    this.baseline = args.baseline;
    let mode = args.mode ?? 'auto';
    if (!['auto', 'min', 'max'].includes(mode)) {
      console.warn(`EarlyStopping mode '${mode}' is invalid. Falling back to mode 'auto'.`);
      mode = 'auto';
    }
    if (mode === 'auto') mode = this.monitor.includes('acc') ? 'max' : 'min';
    this.better = modes[mode];
    if (mode === 'min') this.minDelta *= -1;
  }
  async onTrainBegin() {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = this.baseline ?? (this.better === modes.min ? Infinity : -Infinity);
  }
  async onEpochEnd(epoch, logs = {}) {
    const current = logs[this.monitor];
    if (current == null) {
      console.warn(`Metric for EarlyStopping ${this.monitor} is not available. Available metrics are: ${Object.keys(logs).join(',')}`);
      return;
    }
    if (this.better(current - this.minDelta, this.best)) {
      this.best = current;
      this.wait = 0;
    } else if (++this.wait >= this.patience) {
      this.stoppedEpoch = epoch;
      this.model.stopTraining = true;
    }
  }
  async onTrainEnd() {
    if (this.stoppedEpoch > 0 && this.verbose) console.log(`Epoch ${this.stoppedEpoch}: early stopping.`);
  }
}

export const callbacks = {earlyStopping: (args) => new EarlyStopping(args)};

// fit()'s callbacks arg: a Callback, a plain object of functions, or an array of those.
export class CallbackList {
  constructor(arg, model, params) {
    const list = arg == null ? [] : Array.isArray(arg) ? arg : [arg];
    this.callbacks = list.map((c) => (c instanceof Callback ? c : new CustomCallback(c)));
    this.history = new History();
    this.callbacks.push(this.history);
    for (const c of this.callbacks) {
      c.setModel(model);
      c.setParams(params);
    }
  }
  async run(name, ...args) {
    for (const c of this.callbacks) await c[name](...args);
  }
  async onYield(epoch, batch, logs) {
    for (const c of this.callbacks) if (c instanceof CustomCallback) await c.onYield(epoch, batch, logs);
  }

  // The loop's steps that also give the page the event loop (TF.js's yieldEvery 'auto': at most
  // every 125 ms during an epoch, and after every epoch).
  async trainBegin() {
    this.lastYield = Date.now();
    await this.run('onTrainBegin', {});
  }
  async batchEnd(epoch, batch, logs) {
    await this.run('onBatchEnd', batch, logs);
    if (Date.now() - this.lastYield >= YIELD_MS) {
      await this.onYield(epoch, batch, logs);
      await yieldToEventLoop();
      this.lastYield = Date.now();
    }
  }
  async epochEnd(epoch, logs) {
    await this.run('onEpochEnd', epoch, logs);
    await yieldToEventLoop();
    this.lastYield = Date.now();
  }
  async trainEnd(params) {
    await this.run('onTrainEnd', {});
    this.history.params = params;
    return this.history;
  }
}

const YIELD_MS = 125;
const yieldToEventLoop = () => new Promise((resolve) => setTimeout(resolve, 0));

// fit()'s callback params: the log keys are the metrics and, with validation, their val_ twins.
export function fitParams(labels, doValidation, fields) {
  return {...fields, doValidation, metrics: doValidation ? [...labels, ...labels.map((l) => `val_${l}`)] : labels};
}
