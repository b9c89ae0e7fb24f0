// libFuzzer target for the IDX reader and the MNIST sprite conversion (src/data/idx.cpp). Besides
// "no crash, no sanitizer report, only edgeflow::Error", it checks that an accepted file holds
// exactly its shape's bytes, that its header written back and parsed again gives the same array,
// and that a sprite built from it has 784 pixels and one one-hot label row per image.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "data/idx.h"
#include "edgeflow/types.h"

using namespace edgeflow;
using namespace edgeflow::data;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  IdxArray a;
  try {
    a = parseIdx(data, size, "fuzz.idx");
  } catch (const Error&) {
    return 0;
  }
  size_t count = 1;
  for (int64_t d : a.dims) count *= size_t(d);
  if (a.data.size() != count * idxElementSize(a.type)) std::abort();

  std::vector<uint8_t> again{0, 0, uint8_t(a.type), uint8_t(a.dims.size())};
  for (int64_t d : a.dims)
    for (int shift = 24; shift >= 0; shift -= 8) again.push_back(uint8_t(uint64_t(d) >> shift));
  again.insert(again.end(), a.data.begin(), a.data.end());
  IdxArray b = parseIdx(again.data(), again.size(), "again.idx");  // must not throw
  if (b.type != a.type || b.dims != a.dims || b.data != a.data) std::abort();

  // The file as images (then its size bounds their count), labels from its first bytes (some > 9).
  if (a.type == IdxType::uint8 && a.dims.size() == 3 && a.dims[1] == 28 && a.dims[2] == 28) {
    IdxArray labels{IdxType::uint8, {a.dims[0]}, std::vector<uint8_t>(size_t(a.dims[0]))};
    for (size_t i = 0; i < labels.data.size() && i < a.data.size(); ++i) labels.data[i] = a.data[i] % 11;
    try {
      MnistSprite s = mnistSpriteFromIdx(a, labels);
      if (s.pixels.size() != size_t(s.count) * 784 || s.labels.size() != size_t(s.count) * 10) std::abort();
      for (int64_t i = 0; i < s.count; ++i) {
        int ones = 0;
        for (int k = 0; k < 10; ++k) ones += s.labels[size_t(i * 10 + k)];
        if (ones != 1) std::abort();
      }
    } catch (const Error&) {
    }
  }
  return 0;
}
