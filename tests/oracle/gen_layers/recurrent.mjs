// Recurrent layers, their cells, the generic rnn (over one cell or stacked cells) and the wrappers
// (bidirectional, timeDistributed): outputs, returned sequences and states, backwards processing,
// and the gradients through time for the input and every weight.
import {layerCase} from './layers.mjs';
import {rng} from './util.mjs';

function built(cell, inputShape) {
  cell.build(inputShape);
  return cell;
}

// TF.js's StackedRNNCells.setWeights hands the cells the wrong slices (it splices at the cell's
// weight count); this sets each cell's own weights in order, as edgeflow's setWeights does.
function settable(stack) {
  stack.setWeights = (weights) => {
    let next = 0;
    for (const cell of stack.cells) {
      cell.setWeights(weights.slice(next, next + cell.weights.length));
      next += cell.weights.length;
    }
  };
  return stack;
}

export async function recurrentCases(tf) {
  const rand = rng('recurrent');
  const L = tf.layers;
  const list = [
    ['simple_rnn_last', () => L.simpleRNN({units: 3}), [2, 4, 3]],
    ['simple_rnn_sequences_relu', () => L.simpleRNN({units: 2, activation: 'relu', returnSequences: true}), [3, 3, 2]],
    ['simple_rnn_backwards_no_bias', () => L.simpleRNN({units: 4, goBackwards: true, useBias: false}), [2, 5, 2]],
    ['gru_last', () => L.gru({units: 3}), [2, 4, 3]],
    ['gru_sequences_sigmoid', () => L.gru({units: 2, recurrentActivation: 'sigmoid', returnSequences: true}), [2, 3, 4]],
    ['gru_backwards', () => L.gru({units: 2, goBackwards: true, activation: 'relu'}), [3, 2, 2]],
    ['lstm_last', () => L.lstm({units: 3}), [2, 4, 3]],
    ['lstm_sequences', () => L.lstm({units: 2, returnSequences: true, recurrentActivation: 'sigmoid'}), [2, 3, 4]],
    ['lstm_backwards_no_bias', () => L.lstm({units: 2, goBackwards: true, useBias: false}), [1, 5, 3]],
    ['lstm_one_step', () => L.lstm({units: 4, unitForgetBias: true}), [3, 1, 2]],
    // Initial states as extra inputs (apply([x, ...initialState])), gradients for them too.
    ['lstm_initial_state', () => L.lstm({units: 2}), [[2, 3, 4], [2, 2], [2, 2]]],
    ['gru_initial_state_sequences', () => L.gru({units: 3, returnSequences: true}), [[2, 4, 2], [2, 3]]],
    ['simple_rnn_initial_state_backwards', () => L.simpleRNN({units: 2, goBackwards: true}), [[3, 2, 2], [3, 2]]],
    ['bidirectional_lstm_initial_state', () => L.bidirectional({layer: L.lstm({units: 2})}),
      [[2, 3, 2], [2, 2], [2, 2], [2, 2], [2, 2]]],
    // Wrappers: both directions merged four ways; a layer applied at every time step.
    ['bidirectional_lstm_concat', () => L.bidirectional({layer: L.lstm({units: 2})}), [2, 4, 3]],
    ['bidirectional_gru_sum_sequences',
      () => L.bidirectional({layer: L.gru({units: 3, returnSequences: true}), mergeMode: 'sum'}), [2, 3, 2]],
    ['bidirectional_simple_rnn_ave', () => L.bidirectional({layer: L.simpleRNN({units: 2}), mergeMode: 'ave'}), [3, 2, 2]],
    ['bidirectional_lstm_mul_backwards',
      () => L.bidirectional({layer: L.lstm({units: 2, returnSequences: true, goBackwards: true}), mergeMode: 'mul'}),
      [1, 3, 2]],
    ['time_distributed_dense', () => L.timeDistributed({layer: L.dense({units: 3, activation: 'tanh'})}), [2, 4, 3]],
    ['time_distributed_conv2d',
      () => L.timeDistributed({layer: L.conv2d({filters: 2, kernelSize: 2, activation: 'relu'})}), [2, 3, 4, 4, 1]],
    ['time_distributed_flatten', () => L.timeDistributed({layer: L.flatten()}), [2, 3, 2, 2]],
    // Cells on their own: one step on [x, ...states], returning [output, ...states]. TF.js's cell
    // cannot build from a list of shapes, so it is built first.
    ['simple_rnn_cell', () => built(L.simpleRNNCell({units: 3}), [2, 4]), [[2, 4], [2, 3]]],
    ['gru_cell_sigmoid', () => built(L.gruCell({units: 2, recurrentActivation: 'sigmoid', implementation: 1}), [3, 2]),
      [[3, 2], [3, 2]]],
    ['lstm_cell_no_bias', () => built(L.lstmCell({units: 2, useBias: false}), [2, 3]), [[2, 3], [2, 2], [2, 2]]],
    ['lstm_cell_forget_bias', () => built(L.lstmCell({units: 3, unitForgetBias: true, implementation: 2}), [1, 2]),
      [[1, 2], [1, 3], [1, 3]]],
    ['stacked_cells', () => settable(L.stackedRNNCells({cells: [L.simpleRNNCell({units: 2}), L.gruCell({units: 3})]})),
      [[2, 3], [2, 3], [2, 2]]],
    // The generic RNN over one cell, and over a list of cells (a StackedRNNCells).
    ['rnn_simple_cell', () => L.rnn({cell: L.simpleRNNCell({units: 3})}), [2, 4, 3]],
    ['rnn_gru_cell_sequences_backwards',
      () => L.rnn({cell: L.gruCell({units: 2, activation: 'relu'}), returnSequences: true, goBackwards: true}),
      [2, 3, 2]],
    ['rnn_lstm_cell_state', () => L.rnn({cell: L.lstmCell({units: 2}), returnState: true}), [2, 3, 3]],
    ['rnn_lstm_cell_initial_state', () => L.rnn({cell: L.lstmCell({units: 2})}), [[2, 3, 4], [2, 2], [2, 2]]],
    ['rnn_stacked_sequences',
      () => L.rnn({cell: [L.lstmCell({units: 3}), L.simpleRNNCell({units: 2})], returnSequences: true}), [2, 4, 3]],
    ['rnn_stacked_state_backwards',
      () => L.rnn({cell: [L.gruCell({units: 2}), L.lstmCell({units: 3})], returnState: true, goBackwards: true}),
      [2, 3, 2]],
    ['rnn_stacked_initial_state', () => L.rnn({cell: [L.lstmCell({units: 2}), L.simpleRNNCell({units: 3})]}),
      [[2, 3, 2], [2, 3], [2, 2], [2, 2]]],
    ['rnn_stacked_one_cell', () => L.rnn({cell: [L.gruCell({units: 2})]}), [3, 2, 2]],
  ];
  // Masked steps (kwargs.mask, what Masking and Embedding's maskZero give): the output and states
  // stay those of the previous step.
  const mask = tf.tensor([[1, 0, 1, 1, 0], [0, 1, 1, 0, 1]], [2, 5], 'bool');
  const masked = [
    ['lstm_masked_state', () => L.lstm({units: 2, returnState: true}), [2, 5, 3]],
    ['gru_masked_sequences_backwards', () => L.gru({units: 3, returnSequences: true, goBackwards: true}), [2, 5, 2]],
    ['rnn_stacked_masked_initial_state', () => L.rnn({cell: [L.simpleRNNCell({units: 2}), L.lstmCell({units: 2})]}),
      [[2, 5, 2], [2, 2], [2, 2], [2, 2]]],
    ['bidirectional_masked_sequences', () => L.bidirectional({layer: L.simpleRNN({units: 2, returnSequences: true})}),
      [2, 5, 3]],
  ];
  return list.map(([name, make, shape]) => layerCase(tf, name, make, shape, rand)).concat(
    masked.map(([name, make, shape]) => layerCase(tf, name, make, shape, rand, {mask})));
}
