// tf.layers.rescaling, resizing and centerCrop (tfjs-layers' preprocessing layers).
#include <cmath>

#include "edgeflow/engine.h"
#include "edgeflow/layers/preprocessing.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/image.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"
#include "layers/conv_common.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

class RescalingImpl : public LayerImpl {
 public:
  explicit RescalingImpl(const layers::RescalingLayerArgs& a)
      : LayerImpl(layerArgsOf(a)), scale_(a.scale), offset_(a.offset) {}
  std::string getClassName() const override { return "Rescaling"; }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    return {tidy([&] {
      Tensor x = onlyInput(inputs, name_);
      if (x.dtype() != DType::float32) x = cast(x, DType::float32);
      return add(mul(x, scale_), offset_);
    })};
  }
  ConfigDict getConfig() const override {
    return withBaseConfig(Json{{"scale", jsonNumber(scale_)}, {"offset", jsonNumber(offset_)}},
                          LayerImpl::getConfig());
  }

 private:
  double scale_, offset_;
};

void checkSize(int64_t height, int64_t width, const std::string& layer) {
  if (height < 1 || width < 1)
    throw Error(layer + ": height and width must be positive integers, got " + std::to_string(height) + " and " +
                std::to_string(width));
}

class ResizingImpl : public LayerImpl {
 public:
  explicit ResizingImpl(const layers::ResizingLayerArgs& a)
      : LayerImpl(layerArgsOf(a)),
        height_(a.height),
        width_(a.width),
        interpolation_(a.interpolation.empty() ? "bilinear" : a.interpolation),
        cropToAspectRatio_(a.cropToAspectRatio) {
    checkSize(height_, width_, "Resizing");
    if (interpolation_ != "bilinear" && interpolation_ != "nearest")
      throw Error("Invalid interpolation parameter: " + interpolation_ + " is not implemented");
  }
  std::string getClassName() const override { return "Resizing"; }
  // [..., height, width, channels]. (TF.js returns [height, width, inputShape[2]], which drops the
  // batch dimension of a batched input; the computed tensors agree.)
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    Shape s = shapes.at(0);
    if (s.size() < 3) throw Error("Resizing: expected an input of rank 3 or 4, got " + shapeToJsonString(s));
    s[s.size() - 3] = height_;
    s[s.size() - 2] = width_;
    return {s};
  }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    const Tensor& x = onlyInput(inputs, name_);
    std::vector<int64_t> size{height_, width_};
    return {interpolation_ == "bilinear" ? image::resizeBilinear(x, size, !cropToAspectRatio_)
                                         : image::resizeNearestNeighbor(x, size, !cropToAspectRatio_)};
  }
  ConfigDict getConfig() const override {
    return withBaseConfig(Json{{"height", height_},
                               {"width", width_},
                               {"interpolation", interpolation_},
                               {"cropToAspectRatio", cropToAspectRatio_}},
                          LayerImpl::getConfig());
  }

 private:
  int64_t height_, width_;
  std::string interpolation_;
  bool cropToAspectRatio_;
};

class CenterCropImpl : public LayerImpl {
 public:
  explicit CenterCropImpl(const layers::CenterCropLayerArgs& a)
      : LayerImpl(layerArgsOf(a)), height_(a.height), width_(a.width) {
    checkSize(height_, width_, "CenterCrop");
  }
  std::string getClassName() const override { return "CenterCrop"; }
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    Shape s = shapes.at(0);
    if (s.size() < 3) throw Error("CenterCrop: expected an input of rank 3 or 4, got " + shapeToJsonString(s));
    s[s.size() - 3] = height_;
    s[s.size() - 2] = width_;
    return {s};
  }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    const Tensor& x = onlyInput(inputs, name_);
    if (x.rank() != 3 && x.rank() != 4)
      throw Error("CenterCrop (layer " + name_ + "): expected an input of rank 3 or 4, got shape " +
                  shapeToJsonString(x.shape()));
    return {tidy([&] {
      const int64_t inH = x.shape()[size_t(x.rank() - 3)], inW = x.shape()[size_t(x.rank() - 2)];
      // TF.js's offsets, including its shift of a zero width offset to 1 when the widths differ.
      int64_t hBuffer = inH != height_ ? int64_t(std::floor(double(inH - height_) / 2)) : 0;
      int64_t wBuffer = 0;
      if (inW != width_) {
        wBuffer = int64_t(std::floor(double(inW - width_) / 2));
        if (wBuffer == 0) wBuffer = 1;
      }
      if (hBuffer < 0 || wBuffer < 0) return cast(image::resizeBilinear(x, {height_, width_}), x.dtype());
      Tensor batch = x.rank() == 3 ? expandDims(x, 0) : x;
      const int64_t n = batch.shape()[0];
      std::vector<double> boxes;
      for (int64_t i = 0; i < n; ++i)
        for (double v : {double(hBuffer) / double(inH), double(wBuffer) / double(inW),
                         double(height_ + hBuffer) / double(inH), double(width_ + wBuffer) / double(inW)})
          boxes.push_back(v);
      std::vector<int32_t> boxInd(static_cast<size_t>(n));
      for (int64_t i = 0; i < n; ++i) boxInd[size_t(i)] = int32_t(i);
      Tensor cropped = image::cropAndResize(batch, tensor(boxes, {n, 4}), tensor(boxInd, {n}), {height_, width_},
                                            "nearest");
      if (x.rank() == 3) cropped = squeeze(cropped, {0});
      return cast(cropped, x.dtype());
    })};
  }
  ConfigDict getConfig() const override {
    return withBaseConfig(Json{{"height", height_}, {"width", width_}}, LayerImpl::getConfig());
  }

 private:
  int64_t height_, width_;
};

}  // namespace

namespace layers {
Layer rescaling(RescalingLayerArgs args) { return Layer(std::make_shared<RescalingImpl>(args)); }
Layer resizing(ResizingLayerArgs args) { return Layer(std::make_shared<ResizingImpl>(args)); }
Layer centerCrop(CenterCropLayerArgs args) { return Layer(std::make_shared<CenterCropImpl>(args)); }
}  // namespace layers

EF_REGISTER_LAYER("Rescaling", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::RescalingLayerArgs a{.scale = optDouble(c, "scale").value_or(1), .offset = optDouble(c, "offset").value_or(0)};
  return layers::rescaling(withBaseFromConfig(a, c));
});
EF_REGISTER_LAYER("Resizing", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::ResizingLayerArgs a{.height = c.at("height").get<int64_t>(),
                              .width = c.at("width").get<int64_t>(),
                              .interpolation = str(c, "interpolation"),
                              .cropToAspectRatio = c.value("cropToAspectRatio", false)};
  return layers::resizing(withBaseFromConfig(a, c));
});
EF_REGISTER_LAYER("CenterCrop", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::CenterCropLayerArgs a{.height = c.at("height").get<int64_t>(), .width = c.at("width").get<int64_t>()};
  return layers::centerCrop(withBaseFromConfig(a, c));
});

}  // namespace edgeflow
