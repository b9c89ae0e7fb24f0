// Merge layers (tfjs-layers' layers/merge): elementwise Add, Multiply, Average, Maximum,
// Minimum, and Concatenate and Dot.
#include "edgeflow/layers/merge.h"

#include <algorithm>
#include <array>
#include <set>

#include "edgeflow/engine.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/matrix.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"
#include "edgeflow/train/losses.h"
#include "layers/common.h"
#include "layers/serialization.h"

namespace edgeflow {
namespace {

using namespace layers_internal;

std::string shapesToString(const std::vector<Shape>& shapes) {
  std::string s = "[";
  for (size_t i = 0; i < shapes.size(); ++i) s += (i ? "," : "") + shapeToJsonString(shapes[i]);
  return s + "]";
}

// The broadcast shape of two example shapes (Keras's computeElementwiseOpOutputShape).
Shape elementwiseShape(const Shape& a, const Shape& b) {
  if (a.size() < b.size()) return elementwiseShape(b, a);
  Shape out(a.begin(), a.end() - static_cast<std::ptrdiff_t>(b.size()));
  for (size_t k = 0; k < b.size(); ++k) {
    int64_t i = a[a.size() - b.size() + k], j = b[k];
    if (i < 0 || j < 0) out.push_back(-1);
    else if (i == 1) out.push_back(j);
    else if (j == 1) out.push_back(i);
    else if (i != j)
      throw Error("Operands could not be broadcast together with shapes " + shapeToJsonString(a) + " " +
                  shapeToJsonString(b));
    else out.push_back(i);
  }
  return out;
}

// Keras's Merge: an elementwise function of two or more inputs.
class MergeImpl : public LayerImpl {
 public:
  explicit MergeImpl(const LayerArgs& args) : LayerImpl(args) {}

  void build(const std::vector<Shape>& shapes) override {
    if (shapes.size() < 2)
      throw Error("A merge layer should be called on an Array of at least 2 inputs. Got " +
                  std::to_string(shapes.size()) + " input(s).");
    std::set<int64_t> batchSizes;
    for (auto& s : shapes)
      if (!s.empty() && s[0] >= 0) batchSizes.insert(s[0]);
    if (batchSizes.size() > 1)
      throw Error("Can not merge tensors with different batch sizes. Got tensors with shapes: " + shapesToString(shapes) +
                  ".");
    exampleShape(shapes);  // checks that they broadcast
    reshapeRequired_ = false;
    for (auto& s : shapes) reshapeRequired_ = reshapeRequired_ || s.size() != shapes[0].size();
    built_ = true;
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    return {tidy([&] {
      if (!reshapeRequired_) return merge(inputs);
      int maxRank = 0;
      for (auto& x : inputs) maxRank = std::max(maxRank, x.rank());
      std::vector<Tensor> expanded;
      for (Tensor x : inputs) {
        while (x.rank() < maxRank) x = expandDims(x, 1);
        expanded.push_back(x);
      }
      return merge(expanded);
    })};
  }

  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    Shape out = exampleShape(shapes);
    std::set<int64_t> batchSizes;
    for (auto& s : shapes)
      if (!s.empty() && s[0] >= 0) batchSizes.insert(s[0]);
    out.insert(out.begin(), batchSizes.size() == 1 ? *batchSizes.begin() : -1);
    return {out};
  }

 protected:
  virtual Tensor merge(const std::vector<Tensor>& inputs) const = 0;

 private:
  static Shape exampleShape(const std::vector<Shape>& shapes) {
    Shape out(shapes.at(0).begin() + (shapes[0].empty() ? 0 : 1), shapes[0].end());
    for (size_t i = 1; i < shapes.size(); ++i)
      out = elementwiseShape(out, Shape(shapes[i].begin() + (shapes[i].empty() ? 0 : 1), shapes[i].end()));
    return out;
  }
  bool reshapeRequired_ = false;
};

enum class Elementwise { Add, Multiply, Average, Maximum, Minimum };

class ElementwiseMergeImpl : public MergeImpl {
 public:
  ElementwiseMergeImpl(const layers::MergeLayerArgs& a, Elementwise kind) : MergeImpl(layerArgsOf(a)), kind_(kind) {}
  std::string getClassName() const override {
    switch (kind_) {
      case Elementwise::Add: return "Add";
      case Elementwise::Multiply: return "Multiply";
      case Elementwise::Average: return "Average";
      case Elementwise::Maximum: return "Maximum";
      case Elementwise::Minimum: return "Minimum";
    }
    return "";
  }

 protected:
  Tensor merge(const std::vector<Tensor>& inputs) const override {
    Tensor out = inputs[0];
    for (size_t i = 1; i < inputs.size(); ++i) {
      switch (kind_) {
        case Elementwise::Add:
        case Elementwise::Average: out = add(out, inputs[i]); break;
        case Elementwise::Multiply: out = mul(out, inputs[i]); break;
        case Elementwise::Maximum: out = maximum(out, inputs[i]); break;
        case Elementwise::Minimum: out = minimum(out, inputs[i]); break;
      }
    }
    if (kind_ == Elementwise::Average) out = mul(scalar(1.0 / double(inputs.size())), out);
    return out;
  }

 private:
  Elementwise kind_;
};

class ConcatenateImpl : public MergeImpl {
 public:
  explicit ConcatenateImpl(const layers::ConcatenateLayerArgs& a) : MergeImpl(layerArgsOf(a)), axis_(a.axis) {}
  std::string getClassName() const override { return "Concatenate"; }

  void build(const std::vector<Shape>& shapes) override {
    if (shapes.size() < 2) throw Error("A `Concatenate` layer should be called on a list of at least 2 inputs");
    std::vector<Shape> distinct;
    for (const Shape& s : shapes) {
      Shape rest = s;
      int64_t a = axis_ < 0 ? int64_t(rest.size()) + axis_ : axis_;
      if (a >= 0 && a < int64_t(rest.size())) rest.erase(rest.begin() + a);
      if (std::find(distinct.begin(), distinct.end(), rest) == distinct.end()) distinct.push_back(rest);
    }
    if (distinct.size() > 1)
      throw Error("A `Concatenate` layer requires inputs with matching shapes except for the concat axis. Got input "
                  "shapes: " + shapesToString(shapes));
    built_ = true;
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override { return {merge(inputs)}; }

  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    Shape out = shapes.at(0);
    int64_t a = axis_ < 0 ? int64_t(out.size()) + axis_ : axis_;
    if (a < 0 || a >= int64_t(out.size()))
      throw Error("Concatenate " + name_ + ": axis " + std::to_string(axis_) + " is out of range for input shape " +
                  shapeToJsonString(out));
    for (size_t i = 1; i < shapes.size(); ++i) {
      if (out[size_t(a)] < 0 || shapes[i][size_t(a)] < 0) {
        out[size_t(a)] = -1;
        break;
      }
      out[size_t(a)] += shapes[i][size_t(a)];
    }
    return {out};
  }

  ConfigDict getConfig() const override { return withBaseConfig(Json{{"axis", axis_}}, LayerImpl::getConfig()); }

 protected:
  // K.concatenate: any negative axis means the last one.
  Tensor merge(const std::vector<Tensor>& inputs) const override { return concat(inputs, axis_ < 0 ? -1 : axis_); }

 private:
  int axis_;
};

int interpretAxis(int axis, size_t rank) {
  while (axis < 0) axis += static_cast<int>(rank);
  return axis;
}

// K.batchDot for inputs of rank 2 or 3.
Tensor batchDot(Tensor x, Tensor y, std::array<int, 2> axes) {
  const int xRank = x.rank(), yRank = y.rank();
  int diff = 0;
  if (xRank > yRank) {
    diff = xRank - yRank;
    Shape s = y.shape();
    s.insert(s.end(), size_t(diff), 1);
    y = reshape(y, s);
  } else if (yRank > xRank) {
    diff = yRank - xRank;
    Shape s = x.shape();
    s.insert(s.end(), size_t(diff), 1);
    x = reshape(x, s);
  }
  Tensor out;
  if (x.rank() == 2 && y.rank() == 2) {
    out = axes[0] == axes[1] ? sum(mul(x, y), Axes(axes[0])) : sum(mul(transpose(x, {1, 0}), y), Axes(axes[1]));
  } else {
    out = matMul(x, y, axes[0] != x.rank() - 1, axes[1] == y.rank() - 1);
  }
  if (diff > 0) {
    int idx = xRank > yRank ? xRank + yRank - 3 : xRank - 1;
    std::vector<int64_t> squeezeAxes;
    for (int i = idx; i < idx + diff; ++i) squeezeAxes.push_back(i);
    out = squeeze(out, squeezeAxes);
  }
  if (out.rank() == 1) out = expandDims(out, 1);
  return out;
}

class DotImpl : public MergeImpl {
 public:
  explicit DotImpl(const layers::DotLayerArgs& a) : MergeImpl(layerArgsOf(a)), axes_(a.axes), normalize_(a.normalize) {
    if (axes_.empty() || axes_.size() > 2)
      throw Error("Dot: axes must be one axis or two (one per input), got " + std::to_string(axes_.size()));
  }
  std::string getClassName() const override { return "Dot"; }

  void build(const std::vector<Shape>& shapes) override {
    checkTwo(shapes);
    auto axes = interpretAxes(shapes[0].size(), shapes[1].size());
    int64_t d1 = shapes[0].at(size_t(axes[0])), d2 = shapes[1].at(size_t(axes[1]));
    if (d1 != d2) throw Error("Dimension incompatibility: " + std::to_string(d1) + " !== " + std::to_string(d2));
    built_ = true;
  }

  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    return {tidy([&] { return merge(inputs); })};
  }

  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override {
    checkTwo(shapes);
    Shape s1 = shapes[0], s2 = shapes[1];
    auto axes = interpretAxes(s1.size(), s2.size());
    s1.erase(s1.begin() + axes[0]);
    s2.erase(s2.begin() + axes[1]);
    s2.erase(s2.begin());
    s1.insert(s1.end(), s2.begin(), s2.end());
    if (s1.size() == 1) s1.push_back(1);
    return {s1};
  }

  ConfigDict getConfig() const override {
    Json axes = axes_.size() == 1 ? Json(axes_[0]) : Json(axes_);
    return withBaseConfig(Json{{"axes", axes}, {"normalize", normalize_}}, LayerImpl::getConfig());
  }

 protected:
  Tensor merge(const std::vector<Tensor>& inputs) const override {
    if (inputs.size() != 2)
      throw Error("A `Dot` layer must be called on exactly 2 inputs, but received " + std::to_string(inputs.size()) +
                  " input(s).");
    Tensor x1 = inputs[0], x2 = inputs[1];
    std::array<int, 2> axes{interpretAxis(axes_[0], x1.shape().size()),
                            interpretAxis(axes_.size() == 2 ? axes_[1] : axes_[0], x2.shape().size())};
    if (normalize_) {
      x1 = layers::losses::l2Normalize(x1, axes[0]);
      x2 = layers::losses::l2Normalize(x2, axes[1]);
    }
    return batchDot(x1, x2, axes);
  }

 private:
  void checkTwo(const std::vector<Shape>& shapes) const {
    if (shapes.size() != 2) throw Error("A `Dot` layer should be called on a list of exactly 2 inputs.");
    if (shapes[0].size() > 3 || shapes[1].size() > 3)
      throw Error("Dot layer does not support tensors of 4D or higher rank yet.");
    if (shapes[0].size() < 2 || shapes[1].size() < 2)
      throw Error("Dot " + name_ + ": inputs must have rank 2 or 3, got " + shapesToString(shapes));
  }
  // As TF.js: a single axis is interpreted per input; a pair is taken as given.
  std::array<int, 2> interpretAxes(size_t rank1, size_t rank2) const {
    if (axes_.size() == 1) return {interpretAxis(axes_[0], rank1), interpretAxis(axes_[0], rank2)};
    return {axes_[0], axes_[1]};
  }

  std::vector<int> axes_;
  bool normalize_;
};

}  // namespace

namespace layers {
Layer add(MergeLayerArgs args) { return Layer(std::make_shared<ElementwiseMergeImpl>(args, Elementwise::Add)); }
Layer multiply(MergeLayerArgs args) {
  return Layer(std::make_shared<ElementwiseMergeImpl>(args, Elementwise::Multiply));
}
Layer average(MergeLayerArgs args) { return Layer(std::make_shared<ElementwiseMergeImpl>(args, Elementwise::Average)); }
Layer maximum(MergeLayerArgs args) { return Layer(std::make_shared<ElementwiseMergeImpl>(args, Elementwise::Maximum)); }
Layer minimum(MergeLayerArgs args) { return Layer(std::make_shared<ElementwiseMergeImpl>(args, Elementwise::Minimum)); }
Layer concatenate(ConcatenateLayerArgs args) { return Layer(std::make_shared<ConcatenateImpl>(args)); }
Layer dot(DotLayerArgs args) { return Layer(std::make_shared<DotImpl>(args)); }
}  // namespace layers

EF_REGISTER_LAYER("Add", [](const ConfigDict& c) { return layers::add(withBaseFromConfig(layers::MergeLayerArgs{}, toJson(c))); });
EF_REGISTER_LAYER("Multiply",
                  [](const ConfigDict& c) { return layers::multiply(withBaseFromConfig(layers::MergeLayerArgs{}, toJson(c))); });
EF_REGISTER_LAYER("Average",
                  [](const ConfigDict& c) { return layers::average(withBaseFromConfig(layers::MergeLayerArgs{}, toJson(c))); });
EF_REGISTER_LAYER("Maximum",
                  [](const ConfigDict& c) { return layers::maximum(withBaseFromConfig(layers::MergeLayerArgs{}, toJson(c))); });
EF_REGISTER_LAYER("Minimum",
                  [](const ConfigDict& c) { return layers::minimum(withBaseFromConfig(layers::MergeLayerArgs{}, toJson(c))); });
EF_REGISTER_LAYER("Concatenate", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::ConcatenateLayerArgs a;
  if (c.contains("axis") && !c["axis"].is_null()) a.axis = c["axis"].get<int>();
  return layers::concatenate(withBaseFromConfig(a, c));
});
EF_REGISTER_LAYER("Dot", [](const ConfigDict& config) {
  const Json& c = toJson(config);
  layers::DotLayerArgs a;
  const Json& axes = c.at("axes");
  a.axes = axes.is_array() ? axes.get<std::vector<int>>() : std::vector<int>{axes.get<int>()};
  a.normalize = c.value("normalize", false);
  return layers::dot(withBaseFromConfig(a, c));
});

}  // namespace edgeflow
