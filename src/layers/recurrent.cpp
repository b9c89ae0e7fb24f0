// SimpleRNN, GRU and LSTM (tfjs-layers' layers/recurrent): the RNN layer (rnn.cpp) over a
// SimpleRNNCell, GRUCell or LSTMCell (recurrent_cells.cpp) made from the layer's own args. The
// weights are the cell's, named <layer>/kernel, recurrent_kernel, bias as in TF.js.
#include "edgeflow/layers/recurrent.h"

#include "layers/conv_common.h"
#include "layers/rnn_cell.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

using CellFactory = Layer (*)(layers::RNNCellLayerArgs);

Layer recurrentLayer(const std::string& className, CellFactory makeCell, const layers::RecurrentLayerArgs& a) {
  // TF.js: args.cell = new SimpleRNNCell(args), so the cell shares the layer's name and shapes.
  layers::RNNCellLayerArgs cellArgs = withCellFields(layers::RNNCellLayerArgs{}, a);
  cellArgs.inputShape = a.inputShape;
  cellArgs.batchInputShape = a.batchInputShape;
  cellArgs.batchSize = a.batchSize;
  cellArgs.dtype = a.dtype;
  cellArgs.name = a.name;
  cellArgs.trainable = a.trainable;
  cellArgs.inputDType = a.inputDType;
  Layer cell = makeCell(cellArgs);
  auto layer = std::make_shared<RNNImpl>(className, layerArgsOf(a), cellOf(cell, className), rnnOptionsOf(a));
  layer->activityRegularizer_ = regularizers::getRegularizer(a.activityRegularizer);
  return Layer(layer);
}

layers::RecurrentLayerArgs recurrentArgsFromConfig(const Json& c) {
  layers::RecurrentLayerArgs a = withCellFields(layers::RecurrentLayerArgs{}, cellArgsFromConfig(c));
  return withRNNOptions(withBaseFromConfig(a, c), c);
}

}  // namespace

namespace layers {
Layer simpleRNN(SimpleRNNLayerArgs args) { return recurrentLayer("SimpleRNN", simpleRNNCell, args); }
Layer gru(GRULayerArgs args) { return recurrentLayer("GRU", gruCell, args); }
Layer lstm(LSTMLayerArgs args) { return recurrentLayer("LSTM", lstmCell, args); }
}  // namespace layers

EF_REGISTER_LAYER("SimpleRNN", [](const ConfigDict& c) { return layers::simpleRNN(recurrentArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("GRU", [](const ConfigDict& c) { return layers::gru(recurrentArgsFromConfig(toJson(c))); });
EF_REGISTER_LAYER("LSTM", [](const ConfigDict& c) { return layers::lstm(recurrentArgsFromConfig(toJson(c))); });

}  // namespace edgeflow
