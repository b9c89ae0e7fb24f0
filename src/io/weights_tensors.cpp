// tf.io.encodeWeights / decodeWeights (tensors <-> bytes + specs) and weight quantization of
// whole artifacts.
#include <cstring>

#include "edgeflow/kernel.h"
#include "io/io_internal.h"
#include "io/weights_codec.h"

namespace edgeflow::io {

using detail::quote;

NamedTensorMap toNamedTensorMap(const std::vector<NamedTensor>& tensors) {
  NamedTensorMap map;
  for (const auto& t : tensors) map[t.name] = t.tensor;  // a later duplicate wins, as in TF.js
  return map;
}

EncodedWeights encodeWeights(const std::vector<NamedTensor>& tensors, const std::optional<std::string>& group) {
  EncodedWeights out;
  for (const auto& [name, t] : tensors) {
    if (!t.defined()) throw Error("io.encodeWeights: weight " + quote(name) + " is an undefined tensor");
    const DType d = t.dtype();
    if (d != DType::float32 && d != DType::int32 && d != DType::bool_)
      throw Error("io.encodeWeights: unsupported dtype in weight " + quote(name) + ": " + dtypeName(d) +
                  " (TF.js weights are float32, int32 or bool)");
    WeightsManifestEntry spec{.name = name, .shape = t.shape(), .dtype = dtypeName(d), .group = group};
    const auto bytes = static_cast<size_t>(t.size()) * dtypeSize(d);
    const auto* src = static_cast<const uint8_t*>(t.rawData());
    out.data.insert(out.data.end(), src, src + bytes);
    out.specs.push_back(std::move(spec));
  }
  return out;
}

std::vector<NamedTensor> decodeWeights(const uint8_t* data, size_t size, const std::vector<WeightsManifestEntry>& specs) {
  std::vector<NamedTensor> out;
  out.reserve(specs.size());
  size_t offset = 0;
  for (const auto& spec : specs) {
    const int64_t len = weightByteLength(spec, data ? data + offset : nullptr, size - offset);
    if (static_cast<uint64_t>(len) > size - offset)
      throw Error("io.decodeWeights: weight data too short: weight " + quote(spec.name) + " needs bytes " +
                  std::to_string(offset) + ".." + std::to_string(offset + static_cast<size_t>(len)) +
                  " but there are only " + std::to_string(size));
    detail::DecodedValues values;
    detail::decodeWeightValues(spec, data + offset, len, values);
    const DType dtype = spec.dtype == "float32" ? DType::float32 : spec.dtype == "int32" ? DType::int32 : DType::bool_;
    Tensor t = makeTensor(spec.shape, dtype);
    if (t.size() > 0) {
      const void* src = dtype == DType::float32 ? static_cast<const void*>(values.f32.data())
                        : dtype == DType::int32 ? static_cast<const void*>(values.i32.data())
                                                : static_cast<const void*>(values.u8.data());
      std::memcpy(t.mutableRawData(), src, static_cast<size_t>(t.size()) * dtypeSize(dtype));
    }
    out.push_back({spec.name, t});
    offset += static_cast<size_t>(len);
  }
  if (offset != size)
    throw Error("io.decodeWeights: the weight data has " + std::to_string(size) + " bytes but the " +
                std::to_string(specs.size()) + " weight specs need " + std::to_string(offset));
  return out;
}

std::vector<NamedTensor> decodeWeights(const std::vector<uint8_t>& data, const std::vector<WeightsManifestEntry>& specs) {
  return decodeWeights(data.data(), data.size(), specs);
}

ModelArtifacts quantizeArtifacts(const ModelArtifacts& artifacts, const QuantizeOptions& options) {
  const std::string& qd = options.dtype;
  if (qd != "uint8" && qd != "uint16" && qd != "float16")
    throw Error("io.quantize: unknown quantization dtype " + quote(qd) + " (supported: uint8, uint16, float16)");
  ModelArtifacts out = artifacts;
  if (!artifacts.weightSpecs) return out;
  const std::vector<uint8_t> empty;
  const std::vector<uint8_t>& data = artifacts.weightData ? *artifacts.weightData : empty;
  std::vector<uint8_t> newData;
  newData.reserve(data.size() / (qd == "uint8" ? 4 : 2));
  std::vector<WeightsManifestEntry> newSpecs;
  size_t offset = 0;
  for (const auto& spec : *artifacts.weightSpecs) {
    const int64_t len = weightByteLength(spec, data.data() + offset, data.size() - offset);
    if (static_cast<uint64_t>(len) > data.size() - offset)
      throw Error("io.quantize: weight data too short for weight " + quote(spec.name));
    const uint8_t* bytes = data.data() + offset;
    bool matches = false;
    for (const auto& p : options.weights) matches = matches || detail::matchesPattern(p, spec.name);
    const int64_t n = detail::elementCount(spec.shape, spec.name);
    WeightsManifestEntry s = spec;
    if (matches && spec.dtype == "float32" && !spec.quantization && n > 0) {
      std::vector<float> values(static_cast<size_t>(n));
      std::memcpy(values.data(), bytes, static_cast<size_t>(len));
      s.quantization = detail::quantizeFloat32(values.data(), n, qd, spec.name, newData);
    } else {  // other dtypes, already-quantized and empty weights are kept as they are
      newData.insert(newData.end(), bytes, bytes + len);
    }
    newSpecs.push_back(std::move(s));
    offset += static_cast<size_t>(len);
  }
  if (offset != data.size())
    throw Error("io.quantize: the weight data has " + std::to_string(data.size()) + " bytes but the specs need " +
                std::to_string(offset));
  out.weightSpecs = std::move(newSpecs);
  out.weightData = std::move(newData);
  return out;
}

}  // namespace edgeflow::io
