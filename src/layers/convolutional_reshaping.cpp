// tf.layers.zeroPadding2d, cropping2D and upSampling2d (tfjs-layers' padding and convolutional).
#include "edgeflow/engine.h"
#include "edgeflow/layers/conv.h"
#include "edgeflow/ops/image.h"
#include "edgeflow/ops/manipulation.h"
#include "layers/common.h"
#include "layers/conv_common.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;
using Pairs = std::vector<std::pair<int64_t, int64_t>>;

// TF.js's forms: n (everywhere), [h, w] (symmetric per dimension) or [[top, bottom], [left, right]].
Pairs normalizePairs(const Pairs& p, int64_t def, const std::string& layer, const std::string& field) {
  if (p.empty()) return {{def, def}, {def, def}};
  if (p.size() == 1) return {{p[0].first, p[0].first}, {p[0].second, p[0].second}};
  if (p.size() != 2)
    throw Error(layer + " expects " + field + " to be a length-2 array, but received a length-" +
                std::to_string(p.size()) + " array.");
  for (auto [a, b] : p)
    if (a < 0 || b < 0) throw Error(layer + ": " + field + " must not be negative");
  return p;
}

Json pairsToJson(const Pairs& p) { return Json::array({{p[0].first, p[0].second}, {p[1].first, p[1].second}}); }

Pairs pairsFromJson(const Json& c, const char* key) {
  if (!c.contains(key) || c[key].is_null()) return {};
  const Json& v = c[key];
  if (v.is_number()) return {{v.get<int64_t>(), v.get<int64_t>()}};
  if (v.size() == 2 && v[0].is_number()) return {{v[0].get<int64_t>(), v[1].get<int64_t>()}};
  Pairs out;
  for (const Json& e : v) {
    if (!e.is_array() || e.size() != 2) throw Error(std::string("Invalid ") + key + " in config: " + v.dump());
    out.emplace_back(e[0].get<int64_t>(), e[1].get<int64_t>());
  }
  return out;
}

const Tensor& only4dInput(const std::vector<Tensor>& inputs, const std::string& layer) {
  onlyInput(inputs, layer);
  if (inputs[0].rank() != 4)
    throw Error("Layer " + layer + " expects a 4-D input, but received shape " + shapeToJsonString(inputs[0].shape()));
  return inputs[0];
}

int64_t plus(int64_t d, int64_t delta) { return d < 0 ? -1 : d + delta; }

class ZeroPadding2DImpl : public LayerImpl {
 public:
  explicit ZeroPadding2DImpl(const layers::ZeroPadding2DLayerArgs& a)
      : LayerImpl(layerArgsOf(a)),
        padding_(normalizePairs(a.padding, 1, "ZeroPadding2D", "padding")),
        dataFormat_(checkedDataFormat(a.dataFormat)) {
    InputSpec spec;
    spec.ndim = 4;
    inputSpec_ = {spec};
  }
  std::string getClassName() const override { return "ZeroPadding2D"; }
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    Shape s = shapes.at(0);
    const size_t h = dataFormat_ == "channelsFirst" ? 2 : 1;
    s.at(h) = plus(s.at(h), padding_[0].first + padding_[0].second);
    s.at(h + 1) = plus(s.at(h + 1), padding_[1].first + padding_[1].second);
    return {s};
  }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    const Tensor& x = only4dInput(inputs, name_);
    Paddings p = dataFormat_ == "channelsFirst" ? Paddings{{0, 0}, {0, 0}, padding_[0], padding_[1]}
                                                : Paddings{{0, 0}, padding_[0], padding_[1], {0, 0}};
    return {pad(x, p)};
  }
  ConfigDict getConfig() const override {
    return withBaseConfig(Json{{"padding", pairsToJson(padding_)}, {"dataFormat", dataFormat_}},
                          LayerImpl::getConfig());
  }

 private:
  Pairs padding_;
  std::string dataFormat_;
};

class Cropping2DImpl : public LayerImpl {
 public:
  explicit Cropping2DImpl(const layers::Cropping2DLayerArgs& a)
      : LayerImpl(layerArgsOf(a)),
        cropping_(normalizePairs(a.cropping, 0, "Cropping2D", "cropping")),
        dataFormat_(checkedDataFormat(a.dataFormat)) {
    InputSpec spec;
    spec.ndim = 4;
    inputSpec_ = {spec};
  }
  std::string getClassName() const override { return "Cropping2D"; }
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    Shape s = shapes.at(0);
    const size_t h = dataFormat_ == "channelsFirst" ? 2 : 1;
    s.at(h) = plus(s.at(h), -(cropping_[0].first + cropping_[0].second));
    s.at(h + 1) = plus(s.at(h + 1), -(cropping_[1].first + cropping_[1].second));
    return {s};
  }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    const Tensor& x = only4dInput(inputs, name_);
    const size_t h = dataFormat_ == "channelsFirst" ? 2 : 1;
    const Shape& s = x.shape();
    const int64_t height = s[h] - cropping_[0].first - cropping_[0].second;
    const int64_t width = s[h + 1] - cropping_[1].first - cropping_[1].second;
    if (height < 0 || width < 0)
      throw Error("Cropping2D (layer " + name_ + "): cropping " + pairsToJson(cropping_).dump() +
                  " is larger than the input " + shapeToJsonString(s));
    std::vector<int64_t> begin(4, 0), size(s.begin(), s.end());
    begin[h] = cropping_[0].first;
    begin[h + 1] = cropping_[1].first;
    size[h] = height;
    size[h + 1] = width;
    return {slice(x, begin, size)};
  }
  ConfigDict getConfig() const override {
    return withBaseConfig(Json{{"cropping", pairsToJson(cropping_)}, {"dataFormat", dataFormat_}},
                          LayerImpl::getConfig());
  }

 private:
  Pairs cropping_;
  std::string dataFormat_;
};

class UpSampling2DImpl : public LayerImpl {
 public:
  explicit UpSampling2DImpl(const layers::UpSampling2DLayerArgs& a)
      : LayerImpl(layerArgsOf(a)),
        size_(a.size.empty() ? std::vector<int64_t>{2, 2} : a.size),
        dataFormat_(checkedDataFormat(a.dataFormat)),
        interpolation_(a.interpolation.empty() ? "nearest" : a.interpolation) {
    if (size_.size() != 2 || size_[0] < 1 || size_[1] < 1)
      throw Error("UpSampling2D: size must be two positive integers, got " + Json(size_).dump());
    if (interpolation_ != "nearest" && interpolation_ != "bilinear")
      throw Error("Invalid InterpolationFormat: '" + interpolation_ + "'. Valid values are: bilinear, nearest");
    InputSpec spec;
    spec.ndim = 4;
    inputSpec_ = {spec};
  }
  std::string getClassName() const override { return "UpSampling2D"; }
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    Shape s = shapes.at(0);
    const size_t h = dataFormat_ == "channelsFirst" ? 2 : 1;
    if (s.at(h) >= 0) s[h] *= size_[0];
    if (s.at(h + 1) >= 0) s[h + 1] *= size_[1];
    return {s};
  }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    const Tensor& input = only4dInput(inputs, name_);
    return {tidy([&] {
      const bool first = dataFormat_ == "channelsFirst";
      Tensor x = first ? toChannelsLast(input) : input;
      std::vector<int64_t> out{x.shape()[1] * size_[0], x.shape()[2] * size_[1]};
      Tensor y = interpolation_ == "nearest" ? image::resizeNearestNeighbor(x, out) : image::resizeBilinear(x, out);
      return first ? toChannelsFirst(y) : y;
    })};
  }
  ConfigDict getConfig() const override {
    return withBaseConfig(Json{{"size", size_}, {"dataFormat", dataFormat_}, {"interpolation", interpolation_}},
                          LayerImpl::getConfig());
  }

 private:
  std::vector<int64_t> size_;
  std::string dataFormat_, interpolation_;
};

}  // namespace

namespace layers {
Layer zeroPadding2d(ZeroPadding2DLayerArgs args) { return Layer(std::make_shared<ZeroPadding2DImpl>(args)); }
Layer cropping2D(Cropping2DLayerArgs args) { return Layer(std::make_shared<Cropping2DImpl>(args)); }
Layer upSampling2d(UpSampling2DLayerArgs args) { return Layer(std::make_shared<UpSampling2DImpl>(args)); }
}  // namespace layers

EF_REGISTER_LAYER("ZeroPadding2D", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::ZeroPadding2DLayerArgs a{.padding = pairsFromJson(c, "padding"), .dataFormat = str(c, "dataFormat")};
  return layers::zeroPadding2d(withBaseFromConfig(a, c));
});
EF_REGISTER_LAYER("Cropping2D", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::Cropping2DLayerArgs a{.cropping = pairsFromJson(c, "cropping"), .dataFormat = str(c, "dataFormat")};
  return layers::cropping2D(withBaseFromConfig(a, c));
});
EF_REGISTER_LAYER("UpSampling2D", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::UpSampling2DLayerArgs a;
  if (c.contains("size") && c["size"].is_array()) a.size = c["size"].get<std::vector<int64_t>>();
  if (c.contains("size") && c["size"].is_number()) a.size = {c["size"].get<int64_t>(), c["size"].get<int64_t>()};
  a.dataFormat = str(c, "dataFormat");
  a.interpolation = str(c, "interpolation");
  return layers::upSampling2d(withBaseFromConfig(a, c));
});

}  // namespace edgeflow
