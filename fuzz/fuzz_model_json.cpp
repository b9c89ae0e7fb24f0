// libFuzzer target for model.json / weights-manifest parsing and weight decoding (tensor-free).
// Input: model.json text, a NUL byte, then the bytes served as the first weight file of every
// group (the other files of a group are empty). Besides "no crash, no sanitizer report, only
// edgeflow::Error", it checks that every weight path accepted stays inside the model's folder
// and that the manifest written back parses to the same JSON. The topology checks of
// loadLayersModel (dangling inbound nodes, cycles) run on every topology.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "io/io_internal.h"
#include "io/weights_codec.h"

using namespace edgeflow;
using namespace edgeflow::io;

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void checkPathStaysInside(const std::string& p) {
  check(!p.empty() && p[0] != '/' && p.find('\\') == std::string::npos);
  check(p.substr(0, p.find('/')).find(':') == std::string::npos);
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find('/', start);
    if (end == std::string::npos) end = p.size();
    std::string_view seg(p.data() + start, end - start);
    check(!seg.empty() && seg != "." && seg != "..");
    start = end + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  size_t nul = all.find('\0');
  std::string_view text = all.substr(0, nul);
  std::vector<uint8_t> weights;
  if (nul != std::string_view::npos) weights.assign(data + nul + 1, data + size);

  ModelJSON m;
  try {
    m = parseModelJSON(text, "fuzz");
  } catch (const Error&) {
    return 0;
  }
  // Writing the manifest back and parsing it again gives the same manifest.
  if (m.weightsManifest) {
    Json once = toJson(*m.weightsManifest);
    std::string dumped = once.dump(-1, ' ', false, Json::error_handler_t::replace);
    try {
      check(toJson(weightsManifestFromJson(Json::parse(dumped), "again")) == once);
    } catch (const Error&) {
      // Only numbers JSON cannot hold (overflowing to Infinity, written as null) may fail here.
      check(dumped.find("null") != std::string::npos);
    }
  }
  if (!m.modelTopology.is_null()) {
    try {
      detail::checkLayersTopology(layersModelConfig(m.modelTopology), "fuzz");
    } catch (const Error&) {
    }
  }
  if (!m.weightsManifest) return 0;

  for (size_t g = 0; g < m.weightsManifest->size(); ++g)
    for (const auto& p : (*m.weightsManifest)[g].paths) {
      try {
        checkPathStaysInside(detail::checkWeightPath(p, g, "fuzz"));
      } catch (const Error&) {
      }
    }

  std::vector<std::string> served;
  auto fetch = [&](const std::string& path) {
    bool first = true;
    for (const auto& s : served) first = first && s != path;
    served.push_back(path);
    return first ? weights : std::vector<uint8_t>{};
  };
  try {
    auto loaded = detail::fetchWeights(*m.weightsManifest, fetch, "fuzz");
    size_t offset = 0;
    for (const auto& spec : loaded.specs) {
      int64_t len = weightByteLength(spec, loaded.data.data() + offset, loaded.data.size() - offset);
      check(len >= 0 && static_cast<uint64_t>(len) <= loaded.data.size() - offset);
      detail::DecodedValues values;
      try {
        detail::decodeWeightValues(spec, loaded.data.data() + offset, len, values);
        check(values.f32.size() + values.i32.size() + values.u8.size() ==
              static_cast<size_t>(detail::elementCount(spec.shape, spec.name)));
      } catch (const Error&) {
        check(spec.dtype == "string" || spec.dtype == "complex64");
      }
      offset += static_cast<size_t>(len);
    }
    check(offset == loaded.data.size());
  } catch (const Error&) {
  }
  return 0;
}
