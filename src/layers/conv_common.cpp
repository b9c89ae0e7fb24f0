// Helpers shared by the convolution and pooling layers.
#include "layers/conv_common.h"

#include <algorithm>
#include <numeric>

#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/matrix.h"

namespace edgeflow::layers_internal {

std::vector<int64_t> normalizeSize(const layers::SizeArg& arg, int rank, const std::string& field,
                                   const std::string& layer, int64_t def) {
  std::vector<int64_t> v = arg.values;
  if (v.empty()) v.assign(size_t(rank), def);
  // assign(n, v[0]) would read the element it is replacing (UB; libc++ in wasm frees first).
  if (v.size() == 1 && rank > 1) v = std::vector<int64_t>(size_t(rank), v[0]);
  if (v.size() != size_t(rank))
    throw Error(layer + ": the " + field + " argument must be a number or an array of " + std::to_string(rank) +
                " numbers, but received " + Json(arg.values).dump());
  for (int64_t x : v)
    if (x <= 0)
      throw Error(layer + ": expected " + field + " to be positive integers, but got " + Json(arg.values).dump() +
                  ".");
  return v;
}

int64_t convOutputLength(int64_t input, int64_t filter, const std::string& padding, int64_t stride,
                         int64_t dilation) {
  if (input < 0) return -1;
  const int64_t dilated = filter + (filter - 1) * (dilation - 1);
  int64_t out = input;
  if (padding == "valid") out = input - dilated + 1;
  // JS's Math.floor on a possibly negative numerator.
  const int64_t num = out + stride - 1;
  return num >= 0 ? num / stride : -((-num + stride - 1) / stride);
}

int64_t deconvLength(int64_t dim, int64_t stride, int64_t kernel, const std::string& padding) {
  if (dim < 0) return -1;
  if (padding == "valid") return dim * stride + std::max<int64_t>(kernel - stride, 0);
  return dim * stride;
}

std::string checkedDataFormat(const std::string& dataFormat) {
  if (dataFormat.empty()) return "channelsLast";
  if (dataFormat != "channelsLast" && dataFormat != "channelsFirst")
    throw Error("Invalid DataFormat: '" + dataFormat + "'. Valid values are: channelsFirst, channelsLast");
  return dataFormat;
}

std::string checkedPadding(const std::string& padding, bool allowCausal) {
  if (padding.empty()) return "valid";
  if (padding != "valid" && padding != "same" && !(allowCausal && padding == "causal"))
    throw Error("Invalid PaddingMode: '" + padding + "'. Valid values are: valid, same, causal");
  return padding;
}

Tensor biasAdd(const Tensor& x, const Tensor& bias, const std::string& dataFormat) {
  if (dataFormat != "channelsFirst" || x.rank() < 3) return add(x, bias);
  Shape s(size_t(x.rank() - 1), 1);
  s[0] = bias.shape()[0];
  return add(x, reshape(bias, s));
}

Tensor toChannelsLast(const Tensor& x) {
  std::vector<int64_t> perm{0};
  for (int i = 2; i < x.rank(); ++i) perm.push_back(i);
  perm.push_back(1);
  return transpose(x, perm);
}

Tensor toChannelsFirst(const Tensor& x) {
  std::vector<int64_t> perm{0, x.rank() - 1};
  for (int i = 1; i < x.rank() - 1; ++i) perm.push_back(i);
  return transpose(x, perm);
}

Tensor inChannelsLast(const Tensor& x, const std::string& dataFormat, const std::function<Tensor(const Tensor&)>& f) {
  if (dataFormat != "channelsFirst") return f(x);
  return toChannelsFirst(f(toChannelsLast(x)));
}

layers::SizeArg sizeFromJson(const Json& c, const char* key) {
  if (!c.contains(key) || c[key].is_null()) return {};
  const Json& v = c[key];
  if (v.is_number()) return layers::SizeArg(v.get<int64_t>());
  return layers::SizeArg(v.get<std::vector<int64_t>>());
}

}  // namespace edgeflow::layers_internal
