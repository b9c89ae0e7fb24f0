#include "ops/pool/pool_util.h"

#include <cmath>

namespace edgeflow {

namespace pooling {

std::vector<int64_t> dims(Int2 v, const char* op, const char* what) { return checkPositive({v.h, v.w}, op, what); }
std::vector<int64_t> dims(Int3 v, const char* op, const char* what) { return checkPositive({v.d, v.h, v.w}, op, what); }
std::vector<int64_t> checkPositive(std::vector<int64_t> v, const char* op, const char* what) {
  for (int64_t d : v)
    if (d < 1) throw Error(std::string(op) + ": " + what + " must be >= 1, got " + shapeToString(v));
  return v;
}

namespace {

int64_t effectiveSize(int64_t filter, int64_t dilation) { return dilation <= 1 ? filter : filter + (filter - 1) * (dilation - 1); }

// TF.js's conv_util round(): truncation unless a rounding mode is given.
int64_t roundDim(double v, const std::string& mode) {
  if (mode.empty()) return static_cast<int64_t>(std::trunc(v));
  if (mode == "round") return static_cast<int64_t>(std::floor(v + 0.5));  // Math.round
  if (mode == "ceil") return static_cast<int64_t>(std::ceil(v));
  if (mode == "floor") return static_cast<int64_t>(std::floor(v));
  throw Error("Unknown roundingMode " + mode + " (expected 'floor', 'round' or 'ceil')");
}

int64_t ceilDiv(int64_t a, int64_t b) { return static_cast<int64_t>(std::ceil(static_cast<double>(a) / static_cast<double>(b))); }

void checkOutShape(const PoolInfo& info, const Shape& xShape, const Padding& pad, const char* op) {
  for (int64_t d : info.outShape)
    if (d < 0)
      throw Error(std::string(op) + ": the window (" + std::to_string(info.effD) + "x" + std::to_string(info.effH) + "x" +
                  std::to_string(info.effW) + ") does not fit the input " + shapeToString(xShape) + " with pad " +
                  pad.toString() + ": output shape " + shapeToString(info.outShape));
}

}  // namespace

PoolInfo computePool2DInfo(const Shape& xShape, const std::vector<int64_t>& filter, const std::vector<int64_t>& strides,
                           const std::vector<int64_t>& dilations, const Padding& pad,
                           const std::string& roundingMode, const char* op) {
  if (xShape.size() != 4) throw Error(std::string(op) + ": input must be rank 4, got shape " + shapeToString(xShape));
  PoolInfo p;
  p.batch = xShape[0], p.inH = xShape[1], p.inW = xShape[2], p.channels = xShape[3];
  p.filterH = filter[0], p.filterW = filter[1];
  p.strideH = strides[0], p.strideW = strides[1];
  p.dilationH = dilations[0], p.dilationW = dilations[1];
  p.effH = effectiveSize(p.filterH, p.dilationH), p.effW = effectiveSize(p.filterW, p.dilationW);
  switch (pad.kind()) {
    case Padding::Kind::number: {
      // As TF.js's computeOutputShape2D: both sides use the filter height and stride height.
      p.padTop = p.padLeft = pad.value();
      p.outH = roundDim(static_cast<double>(p.inH - p.effH + 2 * pad.value()) / p.strideH + 1, roundingMode);
      p.outW = roundDim(static_cast<double>(p.inW - p.effH + 2 * pad.value()) / p.strideH + 1, roundingMode);
      break;
    }
    case Padding::Kind::same: {
      p.outH = ceilDiv(p.inH, p.strideH), p.outW = ceilDiv(p.inW, p.strideW);
      int64_t alongH = std::max<int64_t>(0, (p.outH - 1) * p.strideH + p.effH - p.inH);
      int64_t alongW = std::max<int64_t>(0, (p.outW - 1) * p.strideW + p.effW - p.inW);
      p.padTop = alongH / 2, p.padLeft = alongW / 2;
      break;
    }
    case Padding::Kind::valid:
      p.outH = ceilDiv(p.inH - p.effH + 1, p.strideH), p.outW = ceilDiv(p.inW - p.effW + 1, p.strideW);
      break;
    case Padding::Kind::explicit_: {
      if (pad.pads().size() != 4)
        throw Error(std::string(op) + ": explicit pad must have 4 pairs [[0,0],[top,bottom],[left,right],[0,0]], got " +
                    pad.toString());
      p.padTop = pad.pads()[1].first, p.padLeft = pad.pads()[2].first;
      p.outH = roundDim(static_cast<double>(p.inH - p.effH + pad.pads()[1].first + pad.pads()[1].second) / p.strideH + 1,
                        roundingMode);
      p.outW = roundDim(static_cast<double>(p.inW - p.effW + pad.pads()[2].first + pad.pads()[2].second) / p.strideW + 1,
                        roundingMode);
      break;
    }
  }
  p.outShape = {p.batch, p.outH, p.outW, p.channels};
  checkOutShape(p, xShape, pad, op);
  return p;
}

PoolInfo computePool3DInfo(const Shape& xShape, const std::vector<int64_t>& filter, const std::vector<int64_t>& strides,
                           const Padding& pad, const std::string& roundingMode, const char* op) {
  if (xShape.size() != 5) throw Error(std::string(op) + ": input must be rank 5, got shape " + shapeToString(xShape));
  PoolInfo p;
  p.batch = xShape[0], p.inD = xShape[1], p.inH = xShape[2], p.inW = xShape[3], p.channels = xShape[4];
  p.filterD = p.effD = filter[0], p.filterH = p.effH = filter[1], p.filterW = p.effW = filter[2];
  p.strideD = strides[0], p.strideH = strides[1], p.strideW = strides[2];
  const int64_t in[3] = {p.inD, p.inH, p.inW}, f[3] = {p.filterD, p.filterH, p.filterW};
  int64_t out[3] = {0, 0, 0};
  if (pad.kind() == Padding::Kind::valid || pad.kind() == Padding::Kind::number) {
    int64_t n = pad.kind() == Padding::Kind::number ? pad.value() : 0;
    p.padFront = p.padTop = p.padLeft = n;
    for (int i = 0; i < 3; ++i)  // as TF.js's computeOutputShape4D: 0 where the window does not fit
      if (in[i] + 2 * n >= f[i]) out[i] = roundDim(static_cast<double>(in[i] - f[i] + 2 * n) / strides[i] + 1, roundingMode);
  } else if (pad.kind() == Padding::Kind::same) {
    int64_t before[3];
    for (int i = 0; i < 3; ++i) {
      out[i] = ceilDiv(in[i], strides[i]);
      // Unlike 2-D, TF.js does not clamp this at 0, so a stride larger than the window shifts it.
      int64_t along = (out[i] - 1) * strides[i] + f[i] - in[i];
      before[i] = static_cast<int64_t>(std::floor(static_cast<double>(along) / 2));
    }
    p.padFront = before[0], p.padTop = before[1], p.padLeft = before[2];
  } else {
    throw Error(std::string(op) + ": Unknown padding parameter: " + pad.toString() +
                " (3-D pooling takes 'same', 'valid' or a number)");
  }
  p.outD = out[0], p.outH = out[1], p.outW = out[2];
  p.outShape = {p.batch, p.outD, p.outH, p.outW, p.channels};
  checkOutShape(p, xShape, pad, op);
  return p;
}

void checkPadOnDimRoundingMode(const char* op, const Padding& pad, const std::string& roundingMode) {
  if (roundingMode.empty()) return;
  roundDim(0, roundingMode);  // rejects unknown modes
  if (pad.kind() == Padding::Kind::same || pad.kind() == Padding::Kind::valid)
    throw Error(std::string("Error in ") + op + ": pad must be an integer when using dimRoundingMode " + roundingMode +
                " but got pad " + pad.toString() + ".");
}

Attrs poolAttrs(const std::vector<int64_t>& filter, const std::vector<int64_t>& strides, const Padding& pad,
                const std::string& roundingMode) {
  Attrs a{{"filterSize", filter}, {"strides", strides}};
  switch (pad.kind()) {
    case Padding::Kind::same: a.set("pad", std::string("same")); break;
    case Padding::Kind::valid: a.set("pad", std::string("valid")); break;
    case Padding::Kind::number: a.set("pad", pad.value()); break;
    case Padding::Kind::explicit_: {
      std::vector<int64_t> flat;
      for (auto& [lo, hi] : pad.pads()) flat.push_back(lo), flat.push_back(hi);
      a.set("pad", flat);
      break;
    }
  }
  if (!roundingMode.empty()) a.set("dimRoundingMode", roundingMode);
  return a;
}

Padding padFromAttrs(const Attrs& attrs) {
  const AttrValue& v = attrs.get("pad");
  if (auto* s = std::get_if<std::string>(&v)) return Padding(*s);
  if (auto* n = std::get_if<int64_t>(&v)) return Padding(*n);
  const auto& flat = std::get<std::vector<int64_t>>(v);
  std::vector<std::pair<int64_t, int64_t>> pads;
  for (size_t i = 0; i + 1 < flat.size(); i += 2) pads.emplace_back(flat[i], flat[i + 1]);
  return Padding(std::move(pads));
}

std::string roundingFromAttrs(const Attrs& attrs) {
  return attrs.has("dimRoundingMode") ? attrs.getString("dimRoundingMode") : std::string();
}

PoolInfo pool2DInfoFromAttrs(const Shape& xShape, const Attrs& attrs, const char* kernel) {
  return computePool2DInfo(xShape, attrs.getInts("filterSize"), attrs.getInts("strides"), {1, 1}, padFromAttrs(attrs),
                           roundingFromAttrs(attrs), kernel);
}

PoolInfo pool3DInfoFromAttrs(const Shape& xShape, const Attrs& attrs, const char* kernel) {
  return computePool3DInfo(xShape, attrs.getInts("filterSize"), attrs.getInts("strides"), padFromAttrs(attrs),
                           roundingFromAttrs(attrs), kernel);
}

}  // namespace pooling
}  // namespace edgeflow
