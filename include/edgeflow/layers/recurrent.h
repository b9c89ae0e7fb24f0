// tf.layers recurrent layers: simpleRNN, gru, lstm, the cells they run (simpleRNNCell, gruCell,
// lstmCell, stackedRNNCells) and the generic rnn over any of those cells. Input [batch,
// timeSteps, features]; output the last step's [batch, units], or every step's [batch,
// timeSteps, units] with returnSequences. With returnState the final states follow the output
// (use applyMulti). Initial states are extra inputs: apply({x, h0, c0}).
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "edgeflow/layers/layer.h"

// The fields of a cell (TF.js's SimpleRNNCellLayerArgs, GRUCellLayerArgs, LSTMCellLayerArgs),
// repeated by the layers that run one.
#define EDGEFLOW_RNN_CELL_ARGS                                                                          \
  int64_t units = 0;                                                                                    \
  std::optional<std::string> activation{};          /* default "tanh" */                               \
  std::optional<std::string> recurrentActivation{}; /* GRU and LSTM; default "hardSigmoid" */          \
  std::optional<bool> useBias{};                    /* default true */                                 \
  InitializerIdentifier kernelInitializer{};        /* default "glorotNormal" */                       \
  InitializerIdentifier recurrentInitializer{};     /* default "orthogonal" */                         \
  InitializerIdentifier biasInitializer{};          /* default "zeros" */                              \
  std::optional<bool> unitForgetBias{};             /* LSTM: the forget gate's bias starts at 1 */     \
  RegularizerIdentifier kernelRegularizer{};                                                            \
  RegularizerIdentifier recurrentRegularizer{};                                                         \
  RegularizerIdentifier biasRegularizer{};                                                              \
  RegularizerIdentifier activityRegularizer{};                                                          \
  ConstraintIdentifier kernelConstraint{};                                                              \
  ConstraintIdentifier recurrentConstraint{};                                                           \
  ConstraintIdentifier biasConstraint{};                                                                \
  double dropout = 0;          /* of the inputs, while training (one mask per sequence) */             \
  double recurrentDropout = 0; /* of the previous output, while training */                            \
  std::optional<int> implementation{};

namespace edgeflow::layers {

struct RNNCellLayerArgs {
  EDGEFLOW_RNN_CELL_ARGS
  EDGEFLOW_LAYER_ARGS
};
using SimpleRNNCellLayerArgs = RNNCellLayerArgs;
using GRUCellLayerArgs = RNNCellLayerArgs;
using LSTMCellLayerArgs = RNNCellLayerArgs;

// The fields of the RNN layer itself (TF.js's BaseRNNLayerArgs).
#define EDGEFLOW_RNN_ARGS                                                         \
  bool returnSequences = false;                                                   \
  bool returnState = false;                                                       \
  bool goBackwards = false; /* process the sequence last step first */           \
  bool stateful = false;    /* not supported yet (throws) */                      \
  bool unroll = false;      /* no effect, as in TF.js */

struct RecurrentLayerArgs {
  EDGEFLOW_RNN_CELL_ARGS
  EDGEFLOW_RNN_ARGS
  EDGEFLOW_LAYER_ARGS
};
using SimpleRNNLayerArgs = RecurrentLayerArgs;
using GRULayerArgs = RecurrentLayerArgs;
using LSTMLayerArgs = RecurrentLayerArgs;

// rnn's cell: one cell layer (.cell = layers::lstmCell(...)), or a list of them
// (.cell = {a, b}), which becomes a StackedRNNCells as in TF.js.
struct RNNCellList {
  RNNCellList() = default;
  RNNCellList(Layer cell) : cells{std::move(cell)} {}
  RNNCellList(std::initializer_list<Layer> list) : cells(list), isList(true) {}
  RNNCellList(std::vector<Layer> list) : cells(std::move(list)), isList(true) {}
  std::vector<Layer> cells;
  bool isList = false;
};

struct RNNLayerArgs {
  RNNCellList cell{};
  EDGEFLOW_RNN_ARGS
  EDGEFLOW_LAYER_ARGS
};

struct StackedRNNCellsArgs {
  std::vector<Layer> cells{};  // run in order at every step; the last one's output is the output
  EDGEFLOW_LAYER_ARGS
};

Layer simpleRNN(SimpleRNNLayerArgs args);  // h = activation(x W + h' U + b)
Layer gru(GRULayerArgs args);              // Keras's GRU with resetAfter = false
Layer lstm(LSTMLayerArgs args);

// Cells: one time step, applied to {x, ...states} ([batch, features], [batch, units] each);
// they return {output, ...newStates}. LSTMCell has the states h and c, the others h.
Layer simpleRNNCell(SimpleRNNCellLayerArgs args);
Layer gruCell(GRUCellLayerArgs args);
Layer lstmCell(LSTMCellLayerArgs args);
// Cells run one after the other at each step; the states are the cells' states in reverse
// order of the cells (a stack of two LSTMCells has [h2, c2, h1, c1]).
Layer stackedRNNCells(StackedRNNCellsArgs args);
// The generic recurrent layer: runs its cell over the time steps.
Layer rnn(RNNLayerArgs args);

}  // namespace edgeflow::layers
