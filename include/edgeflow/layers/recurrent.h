// tf.layers recurrent layers: simpleRNN, gru, lstm. Input [batch, timeSteps, features]; output
// the last step's [batch, units], or every step's [batch, timeSteps, units] with returnSequences.
// With returnState the final states follow the output (use applyMulti).
#pragma once
#include <optional>
#include <string>

#include "edgeflow/layers/layer.h"

namespace edgeflow::layers {

struct RecurrentLayerArgs {
  int64_t units = 0;
  std::optional<std::string> activation{};           // default "tanh"
  std::optional<std::string> recurrentActivation{};  // GRU and LSTM; default "hardSigmoid"
  std::optional<bool> useBias{};                     // default true
  InitializerIdentifier kernelInitializer{};         // default "glorotNormal"
  InitializerIdentifier recurrentInitializer{};      // default "orthogonal"
  InitializerIdentifier biasInitializer{};           // default "zeros"
  std::optional<bool> unitForgetBias{};              // LSTM: the forget gate's bias starts at 1
  RegularizerIdentifier kernelRegularizer{};
  RegularizerIdentifier recurrentRegularizer{};
  RegularizerIdentifier biasRegularizer{};
  RegularizerIdentifier activityRegularizer{};
  ConstraintIdentifier kernelConstraint{};
  ConstraintIdentifier recurrentConstraint{};
  ConstraintIdentifier biasConstraint{};
  double dropout = 0;           // of the inputs, while training (one mask per call)
  double recurrentDropout = 0;  // of the previous output, while training
  std::optional<int> implementation{};
  bool returnSequences = false;
  bool returnState = false;
  bool goBackwards = false;  // process the sequence last step first
  bool stateful = false;     // not supported yet (throws)
  bool unroll = false;       // no effect, as in TF.js
  EDGEFLOW_LAYER_ARGS
};
using SimpleRNNLayerArgs = RecurrentLayerArgs;
using GRULayerArgs = RecurrentLayerArgs;
using LSTMLayerArgs = RecurrentLayerArgs;

Layer simpleRNN(SimpleRNNLayerArgs args);  // h = activation(x W + h' U + b)
Layer gru(GRULayerArgs args);              // Keras's GRU with resetAfter = false
Layer lstm(LSTMLayerArgs args);

}  // namespace edgeflow::layers
