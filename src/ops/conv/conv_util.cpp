// Convolution geometry as TF.js's conv_util computes it, plus the Padding argument type.
#include "ops/conv/conv_util.h"

#include <cmath>

namespace edgeflow {

// ---- Padding --------------------------------------------------------------------------------

Padding::Padding(const char* type) : Padding(std::string(type ? type : "")) {}
Padding::Padding(const std::string& type) {
  if (type == "same")
    kind_ = Kind::same;
  else if (type == "valid")
    kind_ = Kind::valid;
  else
    throw Error("Unknown padding parameter: " + type + " (expected 'same', 'valid', a number or explicit pairs)");
}
Padding::Padding(int value) : Padding(static_cast<int64_t>(value)) {}
Padding::Padding(int64_t value) : kind_(Kind::number), value_(value) {}
Padding::Padding(std::initializer_list<std::pair<int64_t, int64_t>> pads)
    : Padding(std::vector<std::pair<int64_t, int64_t>>(pads)) {}
Padding::Padding(std::vector<std::pair<int64_t, int64_t>> pads) : kind_(Kind::explicit_), pads_(std::move(pads)) {}

std::string Padding::toString() const {
  switch (kind_) {
    case Kind::same: return "same";
    case Kind::valid: return "valid";
    case Kind::number: return std::to_string(value_);
    case Kind::explicit_: break;
  }
  std::string s = "[";
  for (size_t i = 0; i < pads_.size(); ++i)
    s += (i ? ",[" : "[") + std::to_string(pads_[i].first) + "," + std::to_string(pads_[i].second) + "]";
  return s + "]";
}

namespace conv {
namespace {

// TF.js's round(value, roundingMode): truncation by default; Math.round rounds halves up.
int64_t roundDim(double v, const std::string& mode) {
  if (mode.empty()) return static_cast<int64_t>(std::trunc(v));
  if (mode == "floor") return static_cast<int64_t>(std::floor(v));
  if (mode == "ceil") return static_cast<int64_t>(std::ceil(v));
  if (mode == "round") return static_cast<int64_t>(std::floor(v + 0.5));
  throw Error("Unknown roundingMode " + mode);
}

int64_t ceilDiv(int64_t a, int64_t b) { return static_cast<int64_t>(std::ceil(static_cast<double>(a) / b)); }

// One spatial dimension: output size and padding before, for 2-D padding rules.
struct Dim {
  int64_t out = 0, before = 0;
};

std::string geometry(const Shape& in, const Shape& filter, const Padding& pad) {
  return "x " + shapeToString(in) + ", filter " + shapeToString(filter) + ", pad " + pad.toString();
}

void checkFits(const char* op, int64_t in, int64_t before, int64_t after, int64_t eff, const char* dim,
               const Shape& inShape, const Shape& filterShape, const Padding& pad) {
  if (before < 0 || after < 0)
    throw Error(std::string(op) + ": padding must be non-negative, got " + pad.toString());
  if (in > 0 && in + before + after < eff)
    throw Error(std::string(op) + ": the filter window (" + dim + " " + std::to_string(eff) +
                " with dilation) is larger than the padded input (" + std::to_string(in + before + after) +
                "): " + geometry(inShape, filterShape, pad));
}

Dim dim2D(const char* op, int64_t in, int64_t stride, int64_t eff, const Padding& pad, int64_t expBefore,
          int64_t expAfter, const std::string& rounding, const char* name, const Shape& inShape,
          const Shape& filterShape) {
  Dim d;
  switch (pad.kind()) {
    case Padding::Kind::same: {
      d.out = ceilDiv(in, stride);
      int64_t along = std::max<int64_t>(0, (d.out - 1) * stride + eff - in);
      d.before = along / 2;
      checkFits(op, in, d.before, along - d.before, eff, name, inShape, filterShape, pad);
      break;
    }
    case Padding::Kind::valid:
      checkFits(op, in, 0, 0, eff, name, inShape, filterShape, pad);
      d.out = ceilDiv(in - eff + 1, stride);
      break;
    case Padding::Kind::number:
      // TF.js uses the filter height and stride for the width too here (a bug); edgeflow uses each
      // dimension's own.
      checkFits(op, in, pad.value(), pad.value(), eff, name, inShape, filterShape, pad);
      d.before = pad.value();
      d.out = roundDim(static_cast<double>(in - eff + 2 * pad.value()) / stride + 1, rounding);
      break;
    case Padding::Kind::explicit_:
      checkFits(op, in, expBefore, expAfter, eff, name, inShape, filterShape, pad);
      d.before = expBefore;
      d.out = roundDim(static_cast<double>(in - eff + expBefore + expAfter) / stride + 1, rounding);
      break;
  }
  if (d.out < 0) d.out = 0;  // only for empty inputs
  return d;
}

// 3-D padding rules (TF.js's get3DPadAndOutInfo: 'same' pads are not clamped at zero).
Dim dim3D(const char* op, int64_t in, int64_t stride, int64_t eff, const Padding& pad, const char* name,
          const Shape& inShape, const Shape& filterShape) {
  Dim d;
  if (pad.kind() == Padding::Kind::same) {
    d.out = ceilDiv(in, stride);
    int64_t along = (d.out - 1) * stride + eff - in;
    d.before = static_cast<int64_t>(std::floor(along / 2.0));
    return d;
  }
  if (pad.kind() == Padding::Kind::explicit_)
    throw Error(std::string(op) + ": Unknown padding parameter: " + pad.toString() +
                " (explicit padding is not supported for 3-D convolutions)");
  int64_t p = pad.kind() == Padding::Kind::number ? pad.value() : 0;
  checkFits(op, in, p, p, eff, name, inShape, filterShape, pad);
  d.before = p;
  d.out = in + 2 * p >= eff ? static_cast<int64_t>(std::trunc(static_cast<double>(in - eff + 2 * p) / stride + 1)) : 0;
  return d;
}

}  // namespace

ConvInfo conv2DInfo(const char* op, const Shape& inShape, const Shape& filterShape, Int2 strides, Int2 dilations,
                    const Padding& pad, const std::string& roundingMode, bool depthwise, bool channelsLast) {
  ConvInfo c;
  c.channelsLast = channelsLast;
  c.depthwise = depthwise;
  c.batch = inShape[0];
  if (channelsLast) {
    c.inH = inShape[1], c.inW = inShape[2], c.inC = inShape[3];
  } else {
    c.inC = inShape[1], c.inH = inShape[2], c.inW = inShape[3];
  }
  c.filterH = filterShape[0], c.filterW = filterShape[1];
  c.strideH = strides.h, c.strideW = strides.w;
  c.dilH = dilations.h, c.dilW = dilations.w;
  c.outC = depthwise ? filterShape[3] * c.inC : filterShape[3];
  int64_t top = 0, bottom = 0, left = 0, right = 0;
  if (pad.kind() == Padding::Kind::explicit_) {
    if (pad.pads().size() != 4)
      throw Error(std::string(op) + ": explicit padding needs 4 [before, after] pairs (one per dimension of x), got " +
                  pad.toString());
    size_t hi = channelsLast ? 1 : 2;
    top = pad.pads()[hi].first, bottom = pad.pads()[hi].second;
    left = pad.pads()[hi + 1].first, right = pad.pads()[hi + 1].second;
  }
  Dim h = dim2D(op, c.inH, c.strideH, c.effH(), pad, top, bottom, roundingMode, "height", inShape, filterShape);
  Dim w = dim2D(op, c.inW, c.strideW, c.effW(), pad, left, right, roundingMode, "width", inShape, filterShape);
  c.outH = h.out, c.padTop = h.before;
  c.outW = w.out, c.padLeft = w.before;
  c.inShape = inShape;
  c.filterShape = filterShape;
  c.outShape = channelsLast ? Shape{c.batch, c.outH, c.outW, c.outC} : Shape{c.batch, c.outC, c.outH, c.outW};
  return c;
}

ConvInfo conv3DInfo(const char* op, const Shape& inShape, const Shape& filterShape, Int3 strides, Int3 dilations,
                    const Padding& pad) {
  ConvInfo c;
  c.batch = inShape[0];
  c.inD = inShape[1], c.inH = inShape[2], c.inW = inShape[3], c.inC = inShape[4];
  c.filterD = filterShape[0], c.filterH = filterShape[1], c.filterW = filterShape[2];
  c.outC = filterShape[4];
  c.strideD = strides.d, c.strideH = strides.h, c.strideW = strides.w;
  c.dilD = dilations.d, c.dilH = dilations.h, c.dilW = dilations.w;
  Dim d = dim3D(op, c.inD, c.strideD, c.effD(), pad, "depth", inShape, filterShape);
  Dim h = dim3D(op, c.inH, c.strideH, c.effH(), pad, "height", inShape, filterShape);
  Dim w = dim3D(op, c.inW, c.strideW, c.effW(), pad, "width", inShape, filterShape);
  c.outD = d.out, c.padFront = d.before;
  c.outH = h.out, c.padTop = h.before;
  c.outW = w.out, c.padLeft = w.before;
  c.inShape = inShape;
  c.filterShape = filterShape;
  c.outShape = {c.batch, c.outD, c.outH, c.outW, c.outC};
  return c;
}

Activation parseActivation(const std::string& name) {
  if (name == "linear" || name.empty()) return Activation::linear;
  if (name == "relu") return Activation::relu;
  if (name == "relu6") return Activation::relu6;
  if (name == "elu") return Activation::elu;
  if (name == "prelu") return Activation::prelu;
  if (name == "leakyrelu") return Activation::leakyrelu;
  if (name == "sigmoid") return Activation::sigmoid;
  throw Error("Unknown fused activation " + name + ".");
}

// ---- argument checks ------------------------------------------------------------------------

bool parseDataFormat(const char* op, const std::string& dataFormat) {
  if (dataFormat == "NHWC" || dataFormat == "NDHWC" || dataFormat == "NWC") return true;
  if (dataFormat == "NCHW") return false;
  throw Error(std::string(op) + ": Unknown dataFormat " + dataFormat);
}

void checkRank(const char* op, const char* arg, const Shape& shape, int rank) {
  if (static_cast<int>(shape.size()) != rank)
    throw Error(std::string("Error in ") + op + ": " + arg + " must be rank " + std::to_string(rank) + ", but got rank " +
                std::to_string(shape.size()) + " (shape " + shapeToString(shape) + ").");
}

std::string str(Int2 v) { return std::to_string(v.h) + "," + std::to_string(v.w); }
std::string str(Int3 v) { return std::to_string(v.d) + "," + std::to_string(v.h) + "," + std::to_string(v.w); }

void checkPositive(const char* op, Int2 strides, Int2 dilations) {
  if (dilations.h <= 0 || dilations.w <= 0)
    throw Error(std::string("Error in ") + op + ": Dilated rates should be larger than 0, got " + str(dilations) + ".");
  if (strides.h <= 0 || strides.w <= 0)
    throw Error(std::string("Error in ") + op + ": Strides should be larger than 0, got " + str(strides) + ".");
}
void checkPositive(const char* op, Int3 strides, Int3 dilations) {
  if (dilations.d <= 0 || dilations.h <= 0 || dilations.w <= 0)
    throw Error(std::string("Error in ") + op + ": Dilated rates should be larger than 0, got " + str(dilations) + ".");
  if (strides.d <= 0 || strides.h <= 0 || strides.w <= 0)
    throw Error(std::string("Error in ") + op + ": Strides should be larger than 0, got " + str(strides) + ".");
}

void checkStridesOrDilationsOne(const char* op, Int2 strides, Int2 dilations) {
  bool ones = (strides.h == 1 && strides.w == 1) || (dilations.h == 1 && dilations.w == 1);
  if (!ones)
    throw Error(std::string("Error in ") + op + ": Either strides or dilations must be 1. Got strides " + str(strides) +
                " and dilations '" + str(dilations) + "'");
}
void checkStridesOrDilationsOne(const char* op, Int3 strides, Int3 dilations) {
  bool ones = (strides.d == 1 && strides.h == 1 && strides.w == 1) ||
              (dilations.d == 1 && dilations.h == 1 && dilations.w == 1);
  if (!ones)
    throw Error(std::string("Error in ") + op + ": Either strides or dilations must be 1. Got strides " + str(strides) +
                " and dilations '" + str(dilations) + "'");
}

void checkPadOnDimRoundingMode(const char* op, const Padding& pad, const std::string& dimRoundingMode) {
  if (dimRoundingMode.empty()) return;
  if (dimRoundingMode != "floor" && dimRoundingMode != "round" && dimRoundingMode != "ceil")
    throw Error(std::string("Error in ") + op + ": Unknown roundingMode " + dimRoundingMode);
  if (pad.kind() == Padding::Kind::same || pad.kind() == Padding::Kind::valid)
    throw Error(std::string("Error in ") + op + ": pad must be an integer when using dimRoundingMode " +
                dimRoundingMode + " but got pad " + pad.toString() + ".");
}

// ---- attributes ---------------------------------------------------------------------------

std::vector<int64_t> ints(Int2 v) { return {v.h, v.w}; }
std::vector<int64_t> ints(Int3 v) { return {v.d, v.h, v.w}; }

AttrValue padAttr(const Padding& pad) {
  switch (pad.kind()) {
    case Padding::Kind::same: return std::string("same");
    case Padding::Kind::valid: return std::string("valid");
    case Padding::Kind::number: return pad.value();
    case Padding::Kind::explicit_: break;
  }
  std::vector<int64_t> flat;
  for (auto& [before, after] : pad.pads()) {
    flat.push_back(before);
    flat.push_back(after);
  }
  return flat;
}

Padding padFromAttrs(const Attrs& a) {
  const AttrValue& v = a.get("pad");
  if (auto* s = std::get_if<std::string>(&v)) return Padding(*s);
  if (auto* n = std::get_if<int64_t>(&v)) return Padding(*n);
  if (auto* d = std::get_if<double>(&v)) return Padding(static_cast<int64_t>(*d));
  const auto& flat = std::get<std::vector<int64_t>>(v);
  std::vector<std::pair<int64_t, int64_t>> pairs;
  for (size_t i = 0; i + 1 < flat.size(); i += 2) pairs.emplace_back(flat[i], flat[i + 1]);
  return Padding(std::move(pairs));
}

Int2 int2Attr(const Attrs& a, const char* name) {
  if (!a.has(name)) return Int2(1);
  const auto& v = a.getInts(name);
  return v.size() == 1 ? Int2(v[0]) : Int2(v[0], v[1]);
}
Int3 int3Attr(const Attrs& a, const char* name) {
  if (!a.has(name)) return Int3(1);
  const auto& v = a.getInts(name);
  return v.size() == 1 ? Int3(v[0]) : Int3(v[0], v[1], v[2]);
}
std::string stringAttr(const Attrs& a, const char* name, const std::string& def) {
  return a.has(name) ? a.getString(name) : def;
}

Attrs conv2DAttrs(Int2 strides, const Padding& pad, const std::string& dataFormat, Int2 dilations,
                  const std::string& dimRoundingMode) {
  return Attrs{{"strides", ints(strides)},
               {"pad", padAttr(pad)},
               {"dataFormat", dataFormat},
               {"dilations", ints(dilations)},
               {"dimRoundingMode", dimRoundingMode}};
}

Attrs conv3DAttrs(Int3 strides, const Padding& pad, Int3 dilations) {
  return Attrs{{"strides", ints(strides)},
               {"pad", padAttr(pad)},
               {"dataFormat", std::string("NDHWC")},
               {"dilations", ints(dilations)}};
}

ConvInfo conv2DInfoFromAttrs(const Shape& inShape, const Shape& filterShape, const Attrs& a, bool depthwise) {
  bool channelsLast = stringAttr(a, "dataFormat", "NHWC") != "NCHW";
  return conv2DInfo("conv2d", inShape, filterShape, int2Attr(a, "strides"), int2Attr(a, "dilations"), padFromAttrs(a),
                    stringAttr(a, "dimRoundingMode", ""), depthwise, channelsLast);
}

ConvInfo conv3DInfoFromAttrs(const Shape& inShape, const Shape& filterShape, const Attrs& a) {
  return conv3DInfo("conv3d", inShape, filterShape, int3Attr(a, "strides"), int3Attr(a, "dilations"), padFromAttrs(a));
}

}  // namespace conv
}  // namespace edgeflow
