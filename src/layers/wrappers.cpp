// tf.layers.timeDistributed and tf.layers.bidirectional (tfjs-layers' layers/wrappers).
#include "edgeflow/layers/wrappers.h"

#include <algorithm>

#include "edgeflow/engine.h"
#include "edgeflow/layers/core.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "layers/common.h"
#include "layers/conv_common.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

const std::shared_ptr<LayerImpl>& innerOf(const Layer& layer, const char* wrapper) {
  if (!layer.defined()) throw Error(std::string(wrapper) + ": the layer to wrap is missing (args.layer)");
  return layer.implPtr();
}

// {"className", "config"} of a layer, as TF.js's Wrapper.getConfig writes it.
Json classAndConfig(const LayerImpl& l) {
  return Json{{"className", l.getClassName()}, {"config", toJson(l.getConfig())}};
}

std::vector<LayerVariable> concatWeights(std::vector<LayerVariable> a, const std::vector<LayerVariable>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

class TimeDistributedImpl : public LayerImpl {
 public:
  explicit TimeDistributedImpl(const layers::WrapperLayerArgs& a)
      : LayerImpl(layerArgsOf(a)), layer_(innerOf(a.layer, "TimeDistributed")) {
    supportsMasking_ = true;
  }

  std::string getClassName() const override { return "TimeDistributed"; }

  void build(const std::vector<Shape>& shapes) override {
    const Shape& s = shapes.at(0);
    if (s.size() < 3)
      throw Error("TimeDistributed layer expects an input shape >= 3D, but received input shape " +
                  shapeToJsonString(s));
    InputSpec spec;
    spec.shape = s;
    inputSpec_ = {spec};
    if (!layer_->built_) {  // built in this wrapper's name scope: weights are <wrapper>/<weight>
      layer_->build({childShape(s)});
      layer_->built_ = true;
    }
    built_ = true;
  }

  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    const Shape& s = shapes.at(0);
    Shape child = layer_->computeOutputShape({childShape(s)}).at(0);
    Shape out{child[0], s[1]};
    out.insert(out.end(), child.begin() + 1, child.end());
    return {out};
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override {
    if (inputs.size() != 1) throw Error("Layer " + name_ + " expects 1 input, got " + std::to_string(inputs.size()));
    return {tidy([&] {
      // As TF.js: the layer runs once per time step and the outputs are stacked.
      std::vector<Tensor> outputs;
      for (const Tensor& xt : unstack(inputs[0], 1)) {
        std::vector<Tensor> y = layer_->call({xt}, kwargs);
        if (y.size() != 1) throw Error("TimeDistributed: the wrapped layer " + layer_->name() + " must have one output");
        outputs.push_back(y[0]);
      }
      return stack(outputs, 1);
    })};
  }

  bool trainable() const override { return layer_->trainable(); }
  void setTrainable(bool t) override { layer_->setTrainable(t); }
  std::vector<LayerVariable> trainableWeights() const override { return layer_->trainableWeights(); }
  std::vector<LayerVariable> nonTrainableWeights() const override { return layer_->nonTrainableWeights(); }
  std::vector<Tensor> calculateLosses() override { return layer_->calculateLosses(); }

  ConfigDict getConfig() const override {
    return withBaseConfig(Json{{"layer", classAndConfig(*layer_)}}, LayerImpl::getConfig());
  }

 private:
  static Shape childShape(const Shape& s) {
    Shape c{s[0]};
    c.insert(c.end(), s.begin() + 2, s.end());
    return c;
  }

  std::shared_ptr<LayerImpl> layer_;
};

class BidirectionalImpl : public LayerImpl {
 public:
  explicit BidirectionalImpl(const layers::BidirectionalLayerArgs& a)
      : LayerImpl(layerArgsOf(a)), mergeMode_(a.mergeMode) {
    const auto& inner = innerOf(a.layer, "Bidirectional");
    if (mergeMode_ != "concat" && mergeMode_ != "sum" && mergeMode_ != "mul" && mergeMode_ != "ave" &&
        mergeMode_ != "none")
      throw Error("Invalid BidirectionalMergeMode: '" + mergeMode_ + "'. Valid values are: sum, mul, concat, ave");
    if (!a.weights.empty()) throw Error("weights support is not implemented for Bidirectional layer yet.");
    // Two copies of the layer from its config (TF.js clones it so), the backward one reversed.
    layerConfig_ = classAndConfig(*inner);
    Json config = layerConfig_["config"];
    if (config.value("stateful", false)) throw Error("Bidirectional: stateful recurrent layers are not supported yet.");
    returnSequences_ = config.value("returnSequences", false);
    returnState_ = config.value("returnState", false);
    forward_ = layers::deserialize(fromJson(layerConfig_)).implPtr();
    config["goBackwards"] = !config.value("goBackwards", false);
    backward_ = layers::deserialize(fromJson(Json{{"className", layerConfig_["className"]}, {"config", config}})).implPtr();
    forward_->name_ = "forward_" + forward_->name_;
    backward_->name_ = "backward_" + backward_->name_;
    inputSpec_ = inner->inputSpec_;
    supportsMasking_ = true;
  }

  // The input's mask for each returned sequence (two with mergeMode "none"); none for states.
  std::vector<Tensor> computeMask(const std::vector<Tensor>&, const std::vector<Tensor>& masks) override {
    const Tensor mask = returnSequences_ && !masks.empty() ? masks[0] : Tensor();
    return std::vector<Tensor>(mergeMode_ == "none" ? 2 : 1, mask);
  }

  std::string getClassName() const override { return "Bidirectional"; }

  void build(const std::vector<Shape>& shapes) override {
    for (auto* l : {&forward_, &backward_}) {
      NameScope scope((*l)->name_);
      (*l)->build({shapes.at(0)});
      (*l)->built_ = true;
    }
    inputSpec_.resize(1);
    inputSpec_.resize(shapes.size());  // initial states, if given, are checked by the RNNs
    built_ = true;
  }

  std::vector<Tensor> apply(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override {
    inputSpec_.resize(inputs.size());
    return LayerImpl::apply(inputs, kwargs);
  }
  std::vector<SymbolicTensor> apply(const std::vector<SymbolicTensor>& inputs, const Kwargs& kwargs) override {
    inputSpec_.resize(inputs.size());
    return LayerImpl::apply(inputs, kwargs);
  }

  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    std::vector<Shape> layerShapes = forward_->computeOutputShape({shapes.at(0)});
    Shape out = layerShapes.at(0);
    std::vector<Shape> states(layerShapes.begin() + 1, layerShapes.end());
    std::vector<Shape> result;
    if (mergeMode_ == "concat") out.back() = out.back() < 0 ? -1 : out.back() * 2;
    result.push_back(out);
    if (mergeMode_ == "none") result.push_back(out);
    if (returnState_) {
      result.insert(result.end(), states.begin(), states.end());
      result.insert(result.end(), states.begin(), states.end());
    }
    return result;
  }

  // inputs: x, or x followed by the forward layer's initial states, then the backward one's.
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs& kwargs) override {
    if (inputs.size() % 2 == 0)
      throw Error("When passing initial states to a Bidirectional RNN (" + name_ +
                  "), give the states of both underlying RNNs: got " + std::to_string(inputs.size() - 1));
    const auto half = long(inputs.size() / 2);
    std::vector<Tensor> forwardIn(inputs.begin(), inputs.begin() + 1 + half), backwardIn{inputs[0]};
    backwardIn.insert(backwardIn.end(), inputs.begin() + 1 + half, inputs.end());
    return tidy([&] {
      std::vector<Tensor> y = forward_->call(forwardIn, kwargs);
      std::vector<Tensor> yRev = backward_->call(backwardIn, kwargs);
      std::vector<Tensor> states;
      if (returnState_) {
        states.insert(states.end(), y.begin() + 1, y.end());
        states.insert(states.end(), yRev.begin() + 1, yRev.end());
      }
      Tensor a = y.at(0), b = yRev.at(0);
      if (returnSequences_) b = reverse(b, std::vector<int64_t>{1});
      std::vector<Tensor> out;
      if (mergeMode_ == "concat") out = {concat({a, b}, -1)};
      else if (mergeMode_ == "sum") out = {add(a, b)};
      else if (mergeMode_ == "ave") out = {mul(scalar(0.5f), add(a, b))};
      else if (mergeMode_ == "mul") out = {mul(a, b)};
      else out = {a, b};
      out.insert(out.end(), states.begin(), states.end());
      return out;
    });
  }

  bool trainable() const override { return trainable_; }
  void setTrainable(bool t) override {
    trainable_ = t;
    forward_->setTrainable(t);
    backward_->setTrainable(t);
  }
  std::vector<LayerVariable> trainableWeights() const override {
    return concatWeights(forward_->trainableWeights(), backward_->trainableWeights());
  }
  std::vector<LayerVariable> nonTrainableWeights() const override {
    return concatWeights(forward_->nonTrainableWeights(), backward_->nonTrainableWeights());
  }
  void setWeights(const std::vector<Tensor>& weights) override {  // TF.js: the first half is forward's
    const size_t half = weights.size() / 2;
    forward_->setWeights(std::vector<Tensor>(weights.begin(), weights.begin() + long(half)));
    backward_->setWeights(std::vector<Tensor>(weights.begin() + long(half), weights.end()));
  }
  std::vector<Tensor> calculateLosses() override {
    std::vector<Tensor> out = forward_->calculateLosses(), more = backward_->calculateLosses();
    out.insert(out.end(), more.begin(), more.end());
    return out;
  }

  ConfigDict getConfig() const override {
    Json own{{"mergeMode", mergeMode_ == "none" ? Json(nullptr) : Json(mergeMode_)}, {"layer", layerConfig_}};
    return withBaseConfig(std::move(own), LayerImpl::getConfig());
  }

 private:
  std::string mergeMode_;
  Json layerConfig_;
  bool returnSequences_ = false, returnState_ = false;
  std::shared_ptr<LayerImpl> forward_, backward_;
};

}  // namespace

namespace layers {
Layer timeDistributed(WrapperLayerArgs args) { return Layer(std::make_shared<TimeDistributedImpl>(args)); }
Layer bidirectional(BidirectionalLayerArgs args) { return Layer(std::make_shared<BidirectionalImpl>(args)); }
}  // namespace layers

EF_REGISTER_LAYER("TimeDistributed", [](const ConfigDict& c) {
  Json j = toJson(c);
  if (!j.contains("layer") || !j["layer"].is_object())
    throw Error("TimeDistributed: the config has no 'layer' ({className, config}) to wrap");
  return layers::timeDistributed(
      withBaseArgs(layers::WrapperLayerArgs{.layer = layers::deserialize(fromJson(j["layer"]))}, baseArgsFromConfig(j)));
});
EF_REGISTER_LAYER("Bidirectional", [](const ConfigDict& c) {
  Json j = toJson(c);
  if (!j.contains("layer") || !j["layer"].is_object())
    throw Error("Bidirectional: the config has no 'layer' ({className, config}) to wrap");
  if (j.contains("numConstants") && !j["numConstants"].is_null())
    throw Error("Deserialization of a Bidirectional layer with numConstants present is not supported yet.");
  const Json& mm = j.contains("mergeMode") ? j["mergeMode"] : Json("concat");
  return layers::bidirectional(withBaseArgs(
      layers::BidirectionalLayerArgs{.layer = layers::deserialize(fromJson(j["layer"])),
                                     .mergeMode = mm.is_null() ? "none" : mm.get<std::string>()},
      baseArgsFromConfig(j)));
});

}  // namespace edgeflow
