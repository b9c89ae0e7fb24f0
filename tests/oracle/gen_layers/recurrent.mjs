// Recurrent layers and the wrappers (bidirectional, timeDistributed): outputs, returned sequences,
// backwards processing, and the gradients through time for the input and every weight.
import {layerCase} from './layers.mjs';
import {rng} from './util.mjs';

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
  ];
  return list.map(([name, make, shape]) => layerCase(tf, name, make, shape, rand));
}
