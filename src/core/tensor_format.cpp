// Printing as TF.js does (tensor_format.js): 7-decimal values, column padding, summarised long axes.
#include "core/tensor_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>


namespace edgeflow {

// JavaScript's String(number): shortest round-trip digits, JS's layout rules.
std::string jsNumberToString(double v) {
  if (std::isnan(v)) return "NaN";
  if (v == 0) return "0";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  std::string out = v < 0 ? "-" : "";
  v = std::fabs(v);
  char buf[40];
  for (int p = 1; p <= 17; ++p) {
    std::snprintf(buf, sizeof buf, "%.*e", p - 1, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  const char* e = std::strchr(buf, 'e');
  int n = std::atoi(e + 1) + 1;  // v = 0.digits * 10^n
  std::string digits;
  for (const char* c = buf; c < e; ++c)
    if (*c != '.') digits += *c;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int k = static_cast<int>(digits.size());
  if (k <= n && n <= 21) {
    out.append(digits).append(static_cast<size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out.append(digits, 0, static_cast<size_t>(n)).append(".").append(digits, static_cast<size_t>(n));
  } else if (-6 < n && n <= 0) {
    out.append("0.").append(static_cast<size_t>(-n), '0').append(digits);
  } else {
    out.append(digits, 0, 1);
    if (k > 1) out.append(".").append(digits, 1);
    out.append(n - 1 >= 0 ? "e+" : "e-").append(std::to_string(std::abs(n - 1)));
  }
  return out;
}

// JS's parseFloat(v.toFixed(7)).toString(): 7 decimals, halves away from zero, then shortest form.
static std::string fixed7(double v) {
  if (!std::isfinite(v) || std::fabs(v) >= 1e21) return jsNumberToString(v);
  double a = std::fabs(v);
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.7f", a);
  // An exact tie at the 8th decimal: printf rounds it to even, toFixed upwards.
  char exact[400];
  std::snprintf(exact, sizeof exact, "%.40f", a);
  const char* frac = std::strchr(exact, '.') + 1;
  bool tie = frac[7] == '5' && std::strspn(frac + 8, "0") == std::strlen(frac + 8);
  if (tie) {
    std::snprintf(buf, sizeof buf, "%.8f", a);
    buf[std::strlen(buf) - 1] = '\0';
    for (int i = static_cast<int>(std::strlen(buf)) - 1; i >= 0; --i) {  // add one unit in the 7th decimal
      if (buf[i] == '.') continue;
      if (buf[i] != '9') {
        ++buf[i];
        break;
      }
      buf[i] = '0';
      if (i == 0) std::memmove(buf + 1, buf, std::strlen(buf) + 1), buf[0] = '1';
    }
  }
  double r = std::strtod(buf, nullptr);
  return jsNumberToString(v < 0 ? -r : r);
}

static std::string valueString(double v, DType d) {
  if (d == DType::bool_) return v != 0 ? "true" : "false";
  return fixed7(v);
}

static std::string rightPad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

constexpr int64_t kLimit = 20;   // more values than this along an axis are summarised
constexpr int64_t kFirstLast = 3;  // values shown at each end of a summarised axis

static std::vector<std::string> subTensorToString(const std::vector<double>& v, int64_t off, const Shape& shape,
                                                  size_t dim, DType d, const std::vector<size_t>& pad, bool isLast) {
  int64_t size = shape[dim];
  size_t rank = shape.size() - dim;
  if (rank == 1) {
    auto item = [&](int64_t i) { return rightPad(valueString(v[static_cast<size_t>(off + i)], d), pad[static_cast<size_t>(i)]); };
    std::string s = "[";
    if (size > kLimit) {
      for (int64_t i = 0; i < kFirstLast; ++i) s += (i ? ", " : "") + item(i);
      s += ", ...";
      for (int64_t i = size - kFirstLast; i < size; ++i) s += ", " + item(i);
    } else {
      for (int64_t i = 0; i < size; ++i) s += (i ? ", " : "") + item(i);
    }
    return {s + "]"};
  }
  int64_t stride = 1;
  for (size_t i = dim + 1; i < shape.size(); ++i) stride *= shape[i];
  std::vector<std::string> lines;
  auto child = [&](int64_t i) {
    auto sub = subTensorToString(v, off + i * stride, shape, dim + 1, d, pad, i == size - 1);
    lines.insert(lines.end(), sub.begin(), sub.end());
  };
  if (size > kLimit) {
    for (int64_t i = 0; i < kFirstLast; ++i) child(i);
    lines.push_back("...");
    for (int64_t i = size - kFirstLast; i < size; ++i) child(i);
  } else {
    for (int64_t i = 0; i < size; ++i) child(i);
  }
  std::string sep = rank == 2 ? "," : "";
  if (lines.empty()) lines.push_back("");
  lines[0] = "[" + (size > 0 ? lines[0] + sep : "");
  for (size_t i = 1; i + 1 < lines.size(); ++i) lines[i] = " " + lines[i] + sep;
  std::string newLineSep = ",\n" + std::string(rank - 2, '\n');
  lines.back() = " " + lines.back() + "]" + (isLast ? "" : newLineSep);
  return lines;
}

std::string formatTensor(const std::vector<double>& v, const Shape& shape, DType d, bool verbose) {
  std::string out = "Tensor";
  if (verbose) {
    out += std::string("\n  dtype: ") + dtypeName(d) + "\n  rank: " + std::to_string(shape.size()) +
           "\n  shape: " + shapeToString(shape) + "\n  values:";
  }
  std::vector<std::string> lines;
  if (shape.empty()) {
    // A scalar prints its full value (JS's String(v)), not the 7-decimal form.
    lines.push_back(d == DType::bool_ ? valueString(v[0], d) : jsNumberToString(v[0]));
  } else {
    // Column widths (rank >= 2 only): the widest value in each position of the last axis.
    int64_t cols = shape.back();
    std::vector<size_t> pad(static_cast<size_t>(std::max<int64_t>(cols, 1)), 0);
    if (shape.size() > 1 && cols > 0)
      for (size_t i = 0; i < v.size(); ++i)
        pad[i % static_cast<size_t>(cols)] = std::max(pad[i % static_cast<size_t>(cols)], valueString(v[i], d).size());
    lines = subTensorToString(v, 0, shape, 0, d, pad, true);
  }
  std::string body;
  for (size_t i = 0; i < lines.size(); ++i) body += (i ? "\n    " : "    ") + lines[i];
  return out + "\n" + body;
}

double storeAsDType(double v, DType d) {
  switch (d) {
    case DType::float32: return static_cast<float>(v);
    case DType::int32:
    case DType::bool_:
    case DType::uint8: {
      // ECMAScript ToInt32 / ToUint8: truncate, wrap modulo 2^32 or 2^8, NaN and infinities to 0.
      if (!std::isfinite(v)) return 0;
      double t = std::trunc(v);
      if (d == DType::int32) {
        double m = std::fmod(t, 4294967296.0);
        if (m < 0) m += 4294967296.0;
        return m >= 2147483648.0 ? m - 4294967296.0 : m;
      }
      double m = std::fmod(t, 256.0);
      return m < 0 ? m + 256 : m;
    }
  }
  return v;
}

}  // namespace edgeflow
