// tf.layers.dense: output = activation(dot(input, kernel) + bias).
#include "edgeflow/engine.h"
#include "edgeflow/layers/activations.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/matrix.h"
#include "layers/common.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

class DenseImpl : public LayerImpl {
 public:
  explicit DenseImpl(const layers::DenseLayerArgs& a) : LayerImpl(layerArgsOf(a)) {
    supportsMasking_ = true;
    if (a.batchInputShape.empty() && a.inputShape.empty() && a.inputDim)
      batchInputShape_ = Shape{a.batchSize.value_or(-1), *a.inputDim};
    units_ = a.units;
    if (units_ < 1) throw Error("Expected units to be a positive integer, but got " + std::to_string(units_) + ".");
    activation_ = activations::getActivation(a.activation);
    useBias_ = a.useBias.value_or(true);
    kernelInitializer_ = initializers::getInitializer(
        a.kernelInitializer.empty() ? InitializerIdentifier("glorotNormal") : a.kernelInitializer);
    biasInitializer_ =
        initializers::getInitializer(a.biasInitializer.empty() ? InitializerIdentifier("zeros") : a.biasInitializer);
    kernelConstraint_ = constraints::getConstraint(a.kernelConstraint);
    biasConstraint_ = constraints::getConstraint(a.biasConstraint);
    kernelRegularizer_ = regularizers::getRegularizer(a.kernelRegularizer);
    biasRegularizer_ = regularizers::getRegularizer(a.biasRegularizer);
    activityRegularizer_ = regularizers::getRegularizer(a.activityRegularizer);
    InputSpec spec;
    spec.minNDim = 2;
    inputSpec_ = {spec};
  }

  std::string getClassName() const override { return "Dense"; }

  void build(const std::vector<Shape>& inputShapes) override {
    const Shape& s = exactlyOne(inputShapes);
    int64_t inputLastDim = s.back();
    if (!kernel_.defined()) {
      kernel_ = addWeight("kernel", {inputLastDim, units_}, std::nullopt, kernelInitializer_, kernelRegularizer_,
                          true, kernelConstraint_);
      if (useBias_)
        bias_ = addWeight("bias", {units_}, std::nullopt, biasInitializer_, biasRegularizer_, true, biasConstraint_);
    }
    InputSpec spec;
    spec.minNDim = 2;
    spec.axes[-1] = inputLastDim;
    inputSpec_ = {spec};
    built_ = true;
  }

  std::vector<Shape> computeOutputShape(const std::vector<Shape>& inputShapes) override {
    Shape out = exactlyOne(inputShapes);
    out.back() = units_;
    return {out};
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    if (inputs.size() != 1) throw Error("Layer " + name_ + " expects 1 input, got " + std::to_string(inputs.size()));
    return {tidy([&] {
      const Tensor& x = inputs[0];
      Tensor out;
      if (x.rank() == 2) {
        out = matMul(x, kernel_.read());
      } else {  // K.dot: fold the leading dimensions into one
        Shape outShape(x.shape().begin(), x.shape().end() - 1);
        outShape.push_back(units_);
        out = reshape(matMul(reshape(x, {-1, x.shape().back()}), kernel_.read()), outShape);
      }
      if (bias_.defined()) out = add(out, bias_.read());
      return activation_->apply(out);
    })};
  }

  ConfigDict getConfig() const override {
    Json c{{"units", units_},
           {"activation", activations::serializeActivation(activation_)},
           {"useBias", useBias_},
           {"kernelInitializer", toJson(initializers::serializeInitializer(kernelInitializer_))},
           {"biasInitializer", toJson(initializers::serializeInitializer(biasInitializer_))},
           {"kernelRegularizer", toJson(regularizers::serializeRegularizer(kernelRegularizer_))},
           {"biasRegularizer", toJson(regularizers::serializeRegularizer(biasRegularizer_))},
           {"activityRegularizer", toJson(regularizers::serializeRegularizer(activityRegularizer_))},
           {"kernelConstraint", toJson(constraints::serializeConstraint(kernelConstraint_))},
           {"biasConstraint", toJson(constraints::serializeConstraint(biasConstraint_))}};
    return withBaseConfig(std::move(c), LayerImpl::getConfig());
  }

 private:
  const Shape& exactlyOne(const std::vector<Shape>& shapes) const {
    if (shapes.size() != 1)
      throw Error("Layer " + name_ + " expects 1 input shape, got " + std::to_string(shapes.size()));
    return shapes[0];
  }

  int64_t units_ = 0;
  bool useBias_ = true;
  activations::ActivationPtr activation_;
  initializers::InitializerPtr kernelInitializer_, biasInitializer_;
  constraints::ConstraintPtr kernelConstraint_, biasConstraint_;
  regularizers::RegularizerPtr kernelRegularizer_, biasRegularizer_;
  LayerVariable kernel_, bias_;
};

}  // namespace

namespace layers {
Layer dense(DenseLayerArgs args) { return Layer(std::make_shared<DenseImpl>(args)); }
}  // namespace layers

EF_REGISTER_LAYER("Dense", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::DenseLayerArgs a;
  LayerArgs base = baseArgsFromConfig(c);
  a.name = base.name;
  a.trainable = base.trainable;
  a.batchInputShape = base.batchInputShape;
  a.dtype = base.dtype;
  a.units = c.at("units").get<int64_t>();
  a.activation = str(c, "activation");
  if (c.contains("useBias")) a.useBias = c["useBias"].get<bool>();
  if (c.contains("kernelInitializer") && !c["kernelInitializer"].is_null())
    a.kernelInitializer = initializers::deserializeInitializer(sub(c, "kernelInitializer"));
  if (c.contains("biasInitializer") && !c["biasInitializer"].is_null())
    a.biasInitializer = initializers::deserializeInitializer(sub(c, "biasInitializer"));
  a.kernelConstraint = constraints::deserializeConstraint(sub(c, "kernelConstraint"));
  a.biasConstraint = constraints::deserializeConstraint(sub(c, "biasConstraint"));
  a.kernelRegularizer = regularizers::deserializeRegularizer(sub(c, "kernelRegularizer"));
  a.biasRegularizer = regularizers::deserializeRegularizer(sub(c, "biasRegularizer"));
  a.activityRegularizer = regularizers::deserializeRegularizer(sub(c, "activityRegularizer"));
  return layers::dense(a);
});

}  // namespace edgeflow
