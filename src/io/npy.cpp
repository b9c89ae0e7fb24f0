// The byte-level .npy reader and writer (see npy.h). No tensors here: the fuzzer links this alone.
#include "io/npy.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>

namespace edgeflow::io {
namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicSize = 6;
constexpr int64_t kMaxElements = int64_t(1) << 40;

[[noreturn]] void fail(const std::string& name, const std::string& what) { throw Error("npy: " + name + ": " + what); }

// The header is a Python dict literal, e.g. {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }.
struct Header {
  std::optional<std::string> descr;
  std::optional<bool> fortranOrder;
  std::optional<Shape> shape;
};

class HeaderParser {
 public:
  HeaderParser(std::string_view text, const std::string& name) : s_(text), name_(name) {}

  Header parse() {
    Header h;
    expect('{');
    while (true) {
      skipSpace();
      if (peek() == '}') break;
      std::string key = parseString();
      expect(':');
      skipSpace();
      if (key == "descr") {
        set(h.descr, parseString(), key);
      } else if (key == "fortran_order") {
        set(h.fortranOrder, parseBool(), key);
      } else if (key == "shape") {
        set(h.shape, parseTuple(), key);
      } else {
        bad("unknown header key '" + key + "' (expected descr, fortran_order and shape)");
      }
      skipSpace();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() != '}') bad("expected ',' or '}'");
    }
    ++pos_;
    skipSpace();
    if (pos_ != s_.size()) bad("unexpected text after the header dictionary");
    if (!h.descr || !h.fortranOrder || !h.shape) bad("the header needs the keys descr, fortran_order and shape");
    return h;
  }

 private:
  template <class T>
  void set(std::optional<T>& slot, T value, const std::string& key) {
    if (slot) bad("header key '" + key + "' is repeated");
    slot = std::move(value);
  }
  [[noreturn]] void bad(const std::string& what) const {
    fail(name_, "bad header at character " + std::to_string(pos_) + ": " + what + " in " + std::string(s_));
  }
  char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  void skipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }
  void expect(char c) {
    skipSpace();
    if (peek() != c) bad(std::string("expected '") + c + "'");
    ++pos_;
  }
  std::string parseString() {
    skipSpace();
    char quote = peek();
    if (quote != '\'' && quote != '"') bad("expected a quoted string");
    size_t end = s_.find(quote, pos_ + 1);
    if (end == std::string_view::npos) bad("unterminated string");
    std::string out(s_.substr(pos_ + 1, end - pos_ - 1));
    pos_ = end + 1;
    return out;
  }
  bool parseBool() {
    if (s_.substr(pos_, 4) == "True") {
      pos_ += 4;
      return true;
    }
    if (s_.substr(pos_, 5) == "False") {
      pos_ += 5;
      return false;
    }
    bad("expected True or False");
  }
  Shape parseTuple() {
    if (peek() != '(') bad("expected a shape tuple");
    ++pos_;
    Shape shape;
    while (true) {
      skipSpace();
      if (peek() == ')') break;
      if (peek() < '0' || peek() > '9') bad("expected a non-negative integer dimension");
      int64_t v = 0;
      while (peek() >= '0' && peek() <= '9') {
        if (v > (kMaxElements - 9) / 10) bad("dimension too large");
        v = v * 10 + (peek() - '0');
        ++pos_;
      }
      if (peek() == 'L') ++pos_;  // Python 2 long literal
      shape.push_back(v);
      if (shape.size() > 32) bad("more than 32 dimensions");
      skipSpace();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() != ')') bad("expected ',' or ')' in the shape");
    }
    ++pos_;
    return shape;
  }

  std::string_view s_;
  const std::string& name_;
  size_t pos_ = 0;
};

// What a descr such as '<f4' reads as.
struct Element {
  char kind;    // 'f', 'i', 'u', 'b'
  size_t size;  // bytes in the file
  bool bigEndian;
  DType dtype;  // what it becomes
};

Element parseDescr(const std::string& descr, const std::string& name) {
  const std::string supported =
      "supported: float32 (<f4), float64 (<f8), int32 (<i4), int64 (<i8), uint8 (|u1), bool (|b1)";
  if (descr.size() != 3 || std::string_view("<>|=").find(descr[0]) == std::string_view::npos)
    fail(name, "unsupported dtype '" + descr + "'; " + supported);
  Element e{descr[1], size_t(descr[2] - '0'), descr[0] == '>', DType::float32};
  if ((e.kind == 'f' && (e.size == 4 || e.size == 8)))
    e.dtype = DType::float32;
  else if (e.kind == 'i' && (e.size == 4 || e.size == 8))
    e.dtype = DType::int32;
  else if (e.kind == 'u' && e.size == 1)
    e.dtype = DType::uint8;
  else if (e.kind == 'b' && e.size == 1)
    e.dtype = DType::bool_;
  else
    fail(name, "unsupported dtype '" + descr + "'; " + supported);
  return e;
}

uint64_t loadUint(const uint8_t* p, size_t n, bool bigEndian) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= uint64_t(p[bigEndian ? n - 1 - i : i]) << (8 * i);
  return v;
}

// std::bit_cast is missing from emscripten 3.1.6's libc++.
template <class To, class From>
To bitCast(From from) {
  static_assert(sizeof(To) == sizeof(From));
  To to;
  std::memcpy(&to, &from, sizeof to);
  return to;
}

void storeLE(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = uint8_t(v >> (8 * i));
}

}  // namespace

NpyArray parseNpy(const uint8_t* data, size_t size, const std::string& name) {
  if (size < kMagicSize + 4 || std::memcmp(data, kMagic, kMagicSize) != 0)
    fail(name, "not a .npy file (it does not start with \\x93NUMPY)");
  const int major = data[6];
  if (major < 1 || major > 3)
    fail(name, "unsupported .npy format version " + std::to_string(major) + "." + std::to_string(data[7]));
  const size_t lenBytes = major == 1 ? 2 : 4;
  if (size < 8 + lenBytes) fail(name, "truncated header");
  const uint64_t headerLen = loadUint(data + 8, lenBytes, false);
  const size_t offset = 8 + lenBytes;
  if (headerLen > size - offset)
    fail(name, "truncated header: it says " + std::to_string(headerLen) + " bytes, the file has " +
                   std::to_string(size - offset));
  const std::string_view text(reinterpret_cast<const char*>(data + offset), headerLen);
  Header h = HeaderParser(text, name).parse();
  if (*h.fortranOrder) fail(name, "Fortran-order arrays are not supported; save np.ascontiguousarray(a)");
  Element e = parseDescr(*h.descr, name);

  int64_t count = 1;
  for (int64_t d : *h.shape) {
    if (d != 0 && count > kMaxElements / d) fail(name, "shape " + shapeToString(*h.shape) + " is too large");
    count *= d;
  }
  const size_t dataOffset = offset + headerLen;
  const uint64_t expected = uint64_t(count) * e.size;
  if (size - dataOffset != expected)
    fail(name, "shape " + shapeToString(*h.shape) + " of " + *h.descr + " needs " + std::to_string(expected) +
                   " data bytes, the file has " + std::to_string(size - dataOffset));

  NpyArray out;
  out.dtype = e.dtype;
  out.shape = *h.shape;
  const size_t outSize = e.dtype == DType::float32 || e.dtype == DType::int32 ? 4 : 1;
  out.data.resize(size_t(count) * outSize);
  const uint8_t* src = data + dataOffset;
  for (int64_t i = 0; i < count; ++i, src += e.size) {
    uint64_t bits = loadUint(src, e.size, e.bigEndian);
    uint8_t* dst = out.data.data() + size_t(i) * outSize;
    if (e.kind == 'f') {
      float f = e.size == 4 ? bitCast<float>(uint32_t(bits)) : float(bitCast<double>(bits));
      storeLE(dst, bitCast<uint32_t>(f));
    } else if (e.kind == 'i') {
      int64_t v = e.size == 4 ? int64_t(int32_t(uint32_t(bits))) : bitCast<int64_t>(bits);
      if (v < std::numeric_limits<int32_t>::min() || v > std::numeric_limits<int32_t>::max())
        fail(name, "int64 value " + std::to_string(v) + " at element " + std::to_string(i) + " does not fit int32");
      storeLE(dst, uint32_t(int32_t(v)));
    } else if (e.kind == 'b') {
      *dst = bits != 0;
    } else {
      *dst = uint8_t(bits);
    }
  }
  return out;
}

std::vector<uint8_t> encodeNpy(const NpyArray& array) {
  const char* descr = array.dtype == DType::float32 ? "<f4"
                      : array.dtype == DType::int32 ? "<i4"
                      : array.dtype == DType::uint8 ? "|u1"
                                                    : "|b1";
  // Python's repr of the shape tuple: (), (3,), (2, 3).
  std::string shape = "(";
  for (size_t i = 0; i < array.shape.size(); ++i) shape += (i ? ", " : "") + std::to_string(array.shape[i]);
  shape += array.shape.size() == 1 ? ",)" : ")";
  std::string header = std::string("{'descr': '") + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
  // Magic (6) + version (2) + length (2) + header + '\n' is a multiple of 64, as NumPy writes it.
  const size_t total = (10 + header.size() + 1 + 63) / 64 * 64;
  header.append(total - 10 - header.size() - 1, ' ');
  header += '\n';
  if (header.size() > 0xFFFF) throw Error("npy: shape " + shapeToString(array.shape) + " makes too long a header");
  std::vector<uint8_t> out(kMagic, kMagic + kMagicSize);
  out.push_back(1);
  out.push_back(0);
  out.push_back(uint8_t(header.size() & 0xFF));
  out.push_back(uint8_t(header.size() >> 8));
  out.insert(out.end(), header.begin(), header.end());
  out.insert(out.end(), array.data.begin(), array.data.end());
  return out;
}

}  // namespace edgeflow::io
