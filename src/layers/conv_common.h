// Helpers shared by the convolution and pooling layers (tfjs-layers' conv_utils and common). Internal.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "edgeflow/layers/config_json.h"
#include "edgeflow/layers/conv.h"
#include "edgeflow/tensor.h"

namespace edgeflow::layers_internal {

// One value per spatial dimension (a single value is repeated); throws naming the layer and field.
std::vector<int64_t> normalizeSize(const layers::SizeArg& arg, int rank, const std::string& field,
                                   const std::string& layer, int64_t def);
// TF.js's convOutputLength / deconvLength; -1 (unknown) stays -1.
int64_t convOutputLength(int64_t input, int64_t filter, const std::string& padding, int64_t stride,
                         int64_t dilation = 1);
int64_t deconvLength(int64_t dim, int64_t stride, int64_t kernel, const std::string& padding);
// Defaults and checks: "channelsLast" / "valid" when empty; throws like TF.js on unknown values.
std::string checkedDataFormat(const std::string& dataFormat);
std::string checkedPadding(const std::string& padding, bool allowCausal = true);
// x + bias along the channel axis (the last one, or axis 1 for channelsFirst).
Tensor biasAdd(const Tensor& x, const Tensor& bias, const std::string& dataFormat);
// channelsFirst <-> channelsLast for a rank-(n+2) tensor.
Tensor toChannelsLast(const Tensor& x);
Tensor toChannelsFirst(const Tensor& x);
// f computed in channelsLast order: x and f's result transposed around it for channelsFirst.
Tensor inChannelsLast(const Tensor& x, const std::string& dataFormat, const std::function<Tensor(const Tensor&)>& f);
// The ops' padding for a layer's padding setting: "same", else "valid".
inline const char* opPadding(const std::string& padding) { return padding == "same" ? "same" : "valid"; }
// A size field of a config: a number or an array of numbers.
layers::SizeArg sizeFromJson(const Json& c, const char* key);

}  // namespace edgeflow::layers_internal
