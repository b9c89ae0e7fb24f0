// tf.layers.embedding (tfjs-layers' layers/embeddings).
#include "edgeflow/layers/embedding.h"

#include "edgeflow/engine.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/logical.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

class EmbeddingImpl : public LayerImpl {
 public:
  explicit EmbeddingImpl(const layers::EmbeddingLayerArgs& a)
      : LayerImpl(layerArgsOf(a)),
        inputDim_(a.inputDim),
        outputDim_(a.outputDim),
        initializer_(initializers::getInitializer(
            a.embeddingsInitializer.empty() ? InitializerIdentifier("randomUniform") : a.embeddingsInitializer)),
        regularizer_(regularizers::getRegularizer(a.embeddingsRegularizer)),
        constraint_(constraints::getConstraint(a.embeddingsConstraint)),
        maskZero_(a.maskZero),
        inputLength_(a.inputLength) {
    if (a.batchInputShape.empty() && a.inputShape.empty()) {
      Shape s{a.batchSize.value_or(-1)};
      if (inputLength_.empty()) s.push_back(-1);
      else s.insert(s.end(), inputLength_.begin(), inputLength_.end());
      batchInputShape_ = s;
    }
    if (inputDim_ < 1) throw Error("Expected inputDim to be a positive integer, but got " + std::to_string(inputDim_) + ".");
    if (outputDim_ < 1)
      throw Error("Expected outputDim to be a positive integer, but got " + std::to_string(outputDim_) + ".");
    activityRegularizer_ = regularizers::getRegularizer(a.activityRegularizer);
  }
  std::string getClassName() const override { return "Embedding"; }

  // With maskZero, index 0 is padding: the mask is input != 0.
  std::vector<Tensor> computeMask(const std::vector<Tensor>& inputs, const std::vector<Tensor>&) override {
    if (!maskZero_.value_or(false)) return {};
    return {notEqual(inputs.at(0), zerosLike(inputs.at(0)))};
  }

  void build(const std::vector<Shape>&) override {
    embeddings_ = addWeight("embeddings", {inputDim_, outputDim_}, dtype_, initializer_, regularizer_, true, constraint_);
    built_ = true;
  }

  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    if (shapes.size() != 1) throw Error("Layer " + name_ + " expects 1 input shape, got " + std::to_string(shapes.size()));
    const Shape& s = shapes[0];
    Shape out = s;
    if (!inputLength_.empty()) {
      if (inputLength_.size() + 1 != s.size())
        throw Error("\"inputLength\" is " + Json(inputLength_).dump() + ", but received input has shape " +
                    shapeToJsonString(s));
      out = {s[0]};
      for (size_t k = 0; k < inputLength_.size(); ++k) {
        int64_t want = inputLength_[k], got = s[k + 1];
        if (want >= 0 && got >= 0 && want != got)
          throw Error("\"inputLength\" is " + Json(inputLength_).dump() + ", but received input has shape " +
                      shapeToJsonString(s));
        out.push_back(want >= 0 ? want : got);
      }
    }
    out.push_back(outputDim_);
    return {out};
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    if (inputs.size() != 1) throw Error("Layer " + name_ + " expects 1 input, got " + std::to_string(inputs.size()));
    return {tidy([&] {
      Tensor x = inputs[0].dtype() == DType::int32 ? inputs[0] : cast(inputs[0], DType::int32);
      Tensor rows = gather(embeddings_.read(), reshape(x, {x.size()}));
      return reshape(rows, computeOutputShape({x.shape()})[0]);
    })};
  }

  ConfigDict getConfig() const override {
    Json c{{"inputDim", inputDim_},
           {"outputDim", outputDim_},
           {"embeddingsInitializer", toJson(initializers::serializeInitializer(initializer_))},
           {"embeddingsRegularizer", toJson(regularizers::serializeRegularizer(regularizer_))},
           {"activityRegularizer", toJson(regularizers::serializeRegularizer(activityRegularizer_))},
           {"embeddingsConstraint", toJson(constraints::serializeConstraint(constraint_))}};
    if (maskZero_) c["maskZero"] = *maskZero_;
    if (!inputLength_.empty()) c["inputLength"] = inputLength_.size() == 1 ? jsonNumber(double(inputLength_[0]))
                                                                           : shapeToJson(inputLength_);
    return withBaseConfig(std::move(c), LayerImpl::getConfig());
  }

 private:
  int64_t inputDim_, outputDim_;
  initializers::InitializerPtr initializer_;
  regularizers::RegularizerPtr regularizer_;
  constraints::ConstraintPtr constraint_;
  std::optional<bool> maskZero_;
  std::vector<int64_t> inputLength_;
  LayerVariable embeddings_;
};

}  // namespace

namespace layers {
Layer embedding(EmbeddingLayerArgs args) { return Layer(std::make_shared<EmbeddingImpl>(args)); }
}  // namespace layers

EF_REGISTER_LAYER("Embedding", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::EmbeddingLayerArgs a;
  LayerArgs base = baseArgsFromConfig(c);
  a.name = base.name;
  a.trainable = base.trainable;
  a.dtype = base.dtype;
  a.inputDim = c.at("inputDim").get<int64_t>();
  a.outputDim = c.at("outputDim").get<int64_t>();
  if (c.contains("embeddingsInitializer") && !c["embeddingsInitializer"].is_null())
    a.embeddingsInitializer = initializers::deserializeInitializer(sub(c, "embeddingsInitializer"));
  a.embeddingsRegularizer = regularizers::deserializeRegularizer(sub(c, "embeddingsRegularizer"));
  a.activityRegularizer = regularizers::deserializeRegularizer(sub(c, "activityRegularizer"));
  a.embeddingsConstraint = constraints::deserializeConstraint(sub(c, "embeddingsConstraint"));
  if (c.contains("maskZero") && c["maskZero"].is_boolean()) a.maskZero = c["maskZero"].get<bool>();
  if (c.contains("inputLength") && !c["inputLength"].is_null())
    a.inputLength = c["inputLength"].is_array() ? shapeFromJson(c["inputLength"])
                                                : std::vector<int64_t>{c["inputLength"].get<int64_t>()};
  // A batchInputShape that the constructor derives from inputLength is left to it, so that the
  // config comes back as TF.js wrote it (without a dtype).
  Shape derived{-1};
  if (a.inputLength.empty()) derived.push_back(-1);
  else derived.insert(derived.end(), a.inputLength.begin(), a.inputLength.end());
  if (base.batchInputShape != derived) a.batchInputShape = base.batchInputShape;
  return layers::embedding(a);
});

}  // namespace edgeflow
