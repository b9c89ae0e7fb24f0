// tf.layers.stackedRNNCells (tfjs-layers' StackedRNNCells): cells run one after the other at each
// time step, what tf.layers.rnn({cell: [a, b]}) makes of a list of cells.
#include "edgeflow/engine.h"
#include "layers/common.h"
#include "layers/conv_common.h"
#include "layers/rnn_cell.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

class StackedCellsImpl : public RNNCellImpl {
 public:
  explicit StackedCellsImpl(const layers::StackedRNNCellsArgs& a) : RNNCellImpl(layerArgsOf(a)) {
    if (a.cells.empty()) throw Error("StackedRNNCells: cells is empty; give at least one RNN cell");
    for (const Layer& c : a.cells) cells_.push_back(cellOf(c, "StackedRNNCells"));
  }

  std::string getClassName() const override { return "StackedRNNCells"; }

  // The cells' states in reverse order of the cells, so that the first one is the output's.
  std::vector<int64_t> stateSize() const override {
    std::vector<int64_t> out;
    for (auto it = cells_.rbegin(); it != cells_.rend(); ++it) {
      auto s = (*it)->stateSize();
      out.insert(out.end(), s.begin(), s.end());
    }
    return out;
  }

  // Weights <scope>/RNNCell_<i>/kernel, ... as TF.js names them.
  void build(const std::vector<Shape>& shapes) override {
    Shape s = shapes.at(0);
    for (size_t i = 0; i < cells_.size(); ++i) {
      NameScope scope("RNNCell_" + std::to_string(i));
      if (!cells_[i]->built_) {
        cells_[i]->build({s});
        cells_[i]->built_ = true;
      }
      s = {s.at(0), cells_[i]->stateSize().at(0)};
    }
    built_ = true;
  }

  std::vector<Tensor> step(const std::vector<Tensor>& inputs, bool training) override {
    // Each cell's slice of the flat states: the last cell's come first.
    std::vector<std::vector<Tensor>> nested(cells_.size());
    size_t next = 1;
    for (size_t i = cells_.size(); i-- > 0;) {
      const size_t n = cells_[i]->stateSize().size();
      nested[i].assign(inputs.begin() + long(next), inputs.begin() + long(next + n));
      next += n;
    }
    Tensor x = inputs.at(0);
    for (size_t i = 0; i < cells_.size(); ++i) {
      std::vector<Tensor> cellInputs{x};
      cellInputs.insert(cellInputs.end(), nested[i].begin(), nested[i].end());
      std::vector<Tensor> out = cells_[i]->step(cellInputs, training);
      x = out.at(0);
      nested[i].assign(out.begin() + 1, out.end());
    }
    std::vector<Tensor> result{x};
    for (size_t i = cells_.size(); i-- > 0;) result.insert(result.end(), nested[i].begin(), nested[i].end());
    return result;
  }

  void resetDropoutMasks() override {
    for (auto& c : cells_) c->resetDropoutMasks();
  }

  std::vector<LayerVariable> trainableWeights() const override {
    std::vector<LayerVariable> out;
    if (!trainable_) return out;
    for (auto& c : cells_) append(out, c->trainableWeights());
    return out;
  }
  std::vector<LayerVariable> nonTrainableWeights() const override {
    std::vector<LayerVariable> out;
    if (!trainable_)
      for (auto& c : cells_) append(out, c->trainableWeights());
    for (auto& c : cells_) append(out, c->nonTrainableWeights());
    return out;
  }
  std::vector<Tensor> calculateLosses() override {
    std::vector<Tensor> out;
    for (auto& c : cells_) append(out, c->calculateLosses());
    append(out, LayerImpl::calculateLosses());
    return out;
  }

  ConfigDict getConfig() const override {
    Json cells = Json::array();
    for (auto& c : cells_) cells.push_back(Json{{"className", c->getClassName()}, {"config", toJson(c->getConfig())}});
    ConfigDict out = LayerImpl::getConfig();  // TF.js: {...baseConfig, cells}
    toJson(out)["cells"] = std::move(cells);
    return out;
  }

 private:
  template <class T>
  static void append(std::vector<T>& to, const std::vector<T>& more) {
    to.insert(to.end(), more.begin(), more.end());
  }

  std::vector<std::shared_ptr<RNNCellImpl>> cells_;
};

}  // namespace

namespace layers {
Layer stackedRNNCells(StackedRNNCellsArgs args) { return Layer(std::make_shared<StackedCellsImpl>(args)); }
}  // namespace layers

// Unlike TF.js's fromConfig, the name in the config is kept (see docs/layers.md).
EF_REGISTER_LAYER("StackedRNNCells", [](const ConfigDict& c) {
  const Json j = toJson(c);
  if (!j.contains("cells") || !j["cells"].is_array())
    throw Error("StackedRNNCells: the config has no 'cells' ([{className, config}, ...])");
  layers::StackedRNNCellsArgs a = layers_internal::withBaseFromConfig(layers::StackedRNNCellsArgs{}, j);
  for (const Json& cell : j["cells"]) a.cells.push_back(layers::deserialize(fromJson(cell)));
  return layers::stackedRNNCells(a);
});

}  // namespace edgeflow
