// The .npy reader and writer (src/io/npy.{h,cpp}). Files are built by hand following the NumPy
// format specification (numpy.lib.format): magic, version, little-endian header length, a Python
// dict literal header padded with spaces to a multiple of 64 bytes and ending in '\n', then data.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <functional>
#include <limits>

#include "edgeflow/edgeflow.h"
#include "io/npy.h"

using namespace edgeflow;

namespace {

std::vector<uint8_t> npyFile(const std::string& header, const std::vector<uint8_t>& payload, int major = 1) {
  std::vector<uint8_t> out = {0x93, 'N', 'U', 'M', 'P', 'Y', uint8_t(major), 0};
  if (major == 1) {
    out.push_back(uint8_t(header.size() & 0xFF));
    out.push_back(uint8_t(header.size() >> 8));
  } else {
    for (int i = 0; i < 4; ++i) out.push_back(uint8_t(header.size() >> (8 * i)));
  }
  out.insert(out.end(), header.begin(), header.end());
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

template <class T>
std::vector<uint8_t> valueBytes(std::initializer_list<T> values) {
  std::vector<uint8_t> out(values.size() * sizeof(T));
  std::memcpy(out.data(), std::data(values), out.size());
  return out;
}

std::string npyError(const std::vector<uint8_t>& file) {
  try {
    io::parseNpy(file.data(), file.size(), "x.npy");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

std::vector<float> floats(const io::NpyArray& a) {
  std::vector<float> v(a.data.size() / 4);
  std::memcpy(v.data(), a.data.data(), a.data.size());
  return v;
}

std::vector<int32_t> ints(const io::NpyArray& a) {
  std::vector<int32_t> v(a.data.size() / 4);
  std::memcpy(v.data(), a.data.data(), a.data.size());
  return v;
}

}  // namespace

TEST(Npy, ReadsFloat32InCOrder) {
  auto file = npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }   \n",
                      valueBytes<float>({1, 2.5f, -3, 0, INFINITY, -0.f}));
  io::NpyArray a = io::parseNpy(file.data(), file.size());
  EXPECT_EQ(a.dtype, DType::float32);
  EXPECT_EQ(a.shape, (Shape{2, 3}));
  EXPECT_EQ(floats(a), (std::vector<float>{1, 2.5f, -3, 0, INFINITY, -0.f}));
}

TEST(Npy, ConvertsFloat64AndInt64AndBigEndian) {
  auto f8 = npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }\n", valueBytes<double>({0.1, -2, 1e300}));
  io::NpyArray a = io::parseNpy(f8.data(), f8.size());
  EXPECT_EQ(a.dtype, DType::float32);
  EXPECT_EQ(floats(a), (std::vector<float>{0.1f, -2.f, INFINITY}));

  // int64 [-7, 42] stored big-endian, format version 2.0 (4-byte header length), no trailing comma.
  std::vector<uint8_t> be = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xF9, 0, 0, 0, 0, 0, 0, 0, 42};
  auto i8 = npyFile("{'shape': (2, 1), 'descr': '>i8', 'fortran_order': False}\n", be, 2);
  io::NpyArray b = io::parseNpy(i8.data(), i8.size());
  EXPECT_EQ(b.dtype, DType::int32);
  EXPECT_EQ(b.shape, (Shape{2, 1}));
  EXPECT_EQ(ints(b), (std::vector<int32_t>{-7, 42}));

  auto big =
      npyFile("{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }\n", valueBytes<int64_t>({int64_t(1) << 40}));
  EXPECT_NE(npyError(big).find("does not fit int32"), std::string::npos) << npyError(big);
}

TEST(Npy, ReadsUint8ScalarsBoolsAndEmptyArrays) {
  auto u1 = npyFile("{'descr': '|u1', 'fortran_order': False, 'shape': (), }\n", {200});
  io::NpyArray a = io::parseNpy(u1.data(), u1.size());
  EXPECT_EQ(a.dtype, DType::uint8);
  EXPECT_EQ(a.shape, Shape{});
  EXPECT_EQ(a.data, std::vector<uint8_t>{200});

  auto b1 = npyFile("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }\n", {1, 0, 7});
  io::NpyArray b = io::parseNpy(b1.data(), b1.size());
  EXPECT_EQ(b.dtype, DType::bool_);
  EXPECT_EQ(b.data, (std::vector<uint8_t>{1, 0, 1}));

  auto empty = npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (0, 4), }\n", {});
  io::NpyArray c = io::parseNpy(empty.data(), empty.size());
  EXPECT_EQ(c.shape, (Shape{0, 4}));
  EXPECT_TRUE(c.data.empty());
}

TEST(Npy, RejectsBadFilesWithClearErrors) {
  const std::string good = "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }\n";
  auto payload = valueBytes<float>({1, 2});
  std::vector<uint8_t> notNpy = {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_NE(npyError(notNpy).find("not a .npy file"), std::string::npos);
  EXPECT_NE(npyError(notNpy).find("x.npy"), std::string::npos);
  EXPECT_NE(npyError(npyFile(good, payload, 4)).find("version 4.0"), std::string::npos);
  auto truncated = npyFile(good, payload);
  truncated.resize(20);
  EXPECT_NE(npyError(truncated).find("truncated header"), std::string::npos);
  EXPECT_NE(npyError(npyFile(good, valueBytes<float>({1}))).find("needs 8 data bytes, the file has 4"), std::string::npos);
  EXPECT_NE(npyError(npyFile(good, valueBytes<float>({1, 2, 3}))).find("needs 8 data bytes, the file has 12"),
            std::string::npos);
  EXPECT_NE(npyError(npyFile("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }\n", payload)).find("Fortran"),
            std::string::npos);
  EXPECT_NE(npyError(npyFile("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }\n", payload))
                .find("unsupported dtype '<c8'"),
            std::string::npos);
  EXPECT_NE(npyError(npyFile("{'descr': '<f4', 'shape': (2,), }\n", payload)).find("needs the keys"), std::string::npos);
  EXPECT_NE(npyError(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2,-1), }\n", payload))
                .find("non-negative integer"),
            std::string::npos);
  EXPECT_NE(npyError(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}\n", payload))
                .find("unknown header key 'x'"),
            std::string::npos);
  EXPECT_NE(npyError(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2,) } junk\n", payload))
                .find("after the header"),
            std::string::npos);
  // A shape whose byte count overflows is refused before any allocation.
  EXPECT_NE(npyError(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }\n", {}))
                .find("too large"),
            std::string::npos);
}

TEST(Npy, WritesWhatNumPyWrites) {
  // np.save of np.zeros((2, 3), np.float32): header length 118 (0x76), so magic + header = 128 bytes.
  io::NpyArray a{DType::float32, {2, 3}, std::vector<uint8_t>(24, 0)};
  std::vector<uint8_t> bytes = io::encodeNpy(a);
  ASSERT_EQ(bytes.size(), 128u + 24u);
  EXPECT_EQ(bytes[8], 0x76);
  EXPECT_EQ(bytes[9], 0);
  const std::string header(bytes.begin() + 10, bytes.begin() + 128);
  const std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
  EXPECT_EQ(header.substr(0, dict.size()), dict);
  EXPECT_EQ(header.find_first_not_of(' ', dict.size()), header.size() - 1);  // space padding
  EXPECT_EQ(header.back(), '\n');
  io::NpyArray v{DType::int32, {3}, std::vector<uint8_t>(12, 0)};
  auto vb = io::encodeNpy(v);
  EXPECT_NE(std::string(vb.begin(), vb.end()).find("'descr': '<i4', 'fortran_order': False, 'shape': (3,), }"),
            std::string::npos);
  EXPECT_EQ((vb.size() - 12) % 64, 0u);
}

TEST(Npy, TensorFilesRoundTrip) {
  auto dir = std::filesystem::temp_directory_path() / ("edgeflow_npy_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "t.npy").string();
  {
    Tensor f = tensor({1.5, -2, NAN, 4, 5, 6}, {3, 1, 2});
    io::writeNpy(path, f);
    Tensor g = io::readNpy(path);
    EXPECT_EQ(g.dtype(), DType::float32);
    EXPECT_EQ(g.shape(), (Shape{3, 1, 2}));
    auto v = g.dataSync();
    EXPECT_EQ(v[0], 1.5f);
    EXPECT_TRUE(std::isnan(v[2]));
    EXPECT_EQ(v[5], 6.f);
  }
  {
    Tensor i = tensor(std::vector<int32_t>{-1, 2147483647}, {2});
    io::writeNpy(path, i);
    Tensor j = io::readNpy(path);
    EXPECT_EQ(j.dtype(), DType::int32);
    EXPECT_EQ(j.dataSync<int32_t>(), (std::vector<int32_t>{-1, 2147483647}));
  }
  {
    io::writeNpy(path, tensor(std::vector<bool>{true, false, true}, {3}));
    Tensor b = io::readNpy(path);
    EXPECT_EQ(b.dtype(), DType::bool_);
    EXPECT_EQ(b.dataSync<int32_t>(), (std::vector<int32_t>{1, 0, 1}));
    io::writeNpy(path, tensor(std::vector<uint8_t>{0, 255}, {1, 2}));
    Tensor u = io::readNpy(path);
    EXPECT_EQ(u.dtype(), DType::uint8);
    EXPECT_EQ(u.shape(), (Shape{1, 2}));
    EXPECT_EQ(u.dataSync<int32_t>(), (std::vector<int32_t>{0, 255}));
  }
  try {
    io::readNpy((dir / "missing.npy").string());
    ADD_FAILURE() << "no error for a missing file";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("missing.npy"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}
