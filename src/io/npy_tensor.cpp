// .npy files to and from tensors (the byte-level format is in npy.cpp).
#include <cstring>

#include "edgeflow/ops/creation.h"
#include "io/file_io.h"
#include "io/npy.h"

namespace edgeflow::io {

Tensor npyToTensor(const NpyArray& array) {
  const size_t n = size_t(sizeFromShape(array.shape));
  switch (array.dtype) {
    case DType::float32: {
      std::vector<float> v(n);
      if (n) std::memcpy(v.data(), array.data.data(), n * sizeof(float));  // stored little-endian, as the host
      return tensor(v, array.shape);
    }
    case DType::int32: {
      std::vector<int32_t> v(n);
      if (n) std::memcpy(v.data(), array.data.data(), n * sizeof(int32_t));
      return tensor(v, array.shape);
    }
    case DType::uint8:
      return tensor(std::vector<uint8_t>(array.data.begin(), array.data.end()), array.shape);
    case DType::bool_: {
      std::vector<bool> v(array.data.begin(), array.data.end());
      return tensor(v, array.shape);
    }
  }
  throw Error("npy: unsupported dtype");
}

NpyArray tensorToNpy(const Tensor& t) {
  NpyArray out;
  out.dtype = t.dtype();
  out.shape = t.shape();
  switch (t.dtype()) {
    case DType::float32: {
      auto v = t.dataSync<float>();
      out.data.resize(v.size() * 4);
      if (!v.empty()) std::memcpy(out.data.data(), v.data(), out.data.size());
      break;
    }
    case DType::int32: {
      auto v = t.dataSync<int32_t>();
      out.data.resize(v.size() * 4);
      if (!v.empty()) std::memcpy(out.data.data(), v.data(), out.data.size());
      break;
    }
    case DType::uint8:
    case DType::bool_: {
      auto v = t.dataSync<uint8_t>();
      out.data.assign(v.begin(), v.end());
      break;
    }
  }
  return out;
}

Tensor readNpy(const std::string& path) {
  auto bytes = detail::readFileBytes(path, ".npy file");
  return npyToTensor(parseNpy(bytes.data(), bytes.size(), path));
}

void writeNpy(const std::string& path, const Tensor& t) {
  auto bytes = encodeNpy(tensorToNpy(t));
  detail::AtomicFileSet files;
  files.add(path, bytes.data(), bytes.size());
  files.commit();
}

}  // namespace edgeflow::io
