#include "ops/random/alea.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>

// Alea is chaotic in its state: a fused multiply-add rounding differently from JS's separate
// multiply and add would change every later value, so contraction is off in this file.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace edgeflow::random {
namespace {

constexpr double kTwo32 = 4294967296.0;
constexpr double kTwoMinus32 = 2.3283064365386963e-10;

// JS's `x >>> 0`.
double toUint32(double x) {
  if (!std::isfinite(x)) return 0;
  double m = std::fmod(std::trunc(x), kTwo32);
  return m < 0 ? m + kTwo32 : m;
}

// Baagøe's Mash hash; its state carries over between calls, as in seedrandom.
class Mash {
 public:
  double operator()(const std::string& data) {
    // Seeds are ASCII (numbers' JS strings), so bytes are UTF-16 code units.
    for (unsigned char ch : data) {
      n_ += ch;
      double h = 0.02519603282416938 * n_;
      n_ = toUint32(h);
      h -= n_;
      h *= n_;
      n_ = toUint32(h);
      h -= n_;
      n_ += h * kTwo32;
    }
    return toUint32(n_) * kTwoMinus32;
  }

 private:
  double n_ = 4022871197.0;  // 0xefc8249d
};

}  // namespace

Alea::Alea(const std::string& seed) {
  Mash mash;
  c_ = 1;
  s0_ = mash(" ");
  s1_ = mash(" ");
  s2_ = mash(" ");
  s0_ -= mash(seed);
  if (s0_ < 0) s0_ += 1;
  s1_ -= mash(seed);
  if (s1_ < 0) s1_ += 1;
  s2_ -= mash(seed);
  if (s2_ < 0) s2_ += 1;
}

double Alea::next() {
  double t = 2091639 * s0_ + c_ * kTwoMinus32;
  s0_ = s1_;
  s1_ = s2_;
  c_ = std::trunc(t);  // t | 0 (t is in [0, 2091640))
  s2_ = t - c_;
  return s2_;
}

int32_t toInt32(double v) {
  double u = toUint32(v);
  return static_cast<int32_t>(static_cast<uint32_t>(u));
}

std::string jsNumberToString(double v) {
  if (std::isnan(v)) return "NaN";
  if (v == 0) return "0";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  std::string sign = v < 0 ? "-" : "";
  v = std::fabs(v);
  // The shortest decimal that reads back as v (ties to even, as the JS spec asks).
  char buf[40];
  for (int p = 1; p <= 17; ++p) {
    std::snprintf(buf, sizeof buf, "%.*e", p - 1, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  std::string s = buf;
  size_t e = s.find('e');
  int exp10 = std::atoi(s.c_str() + e + 1);
  std::string digits;
  for (size_t i = 0; i < e; ++i)
    if (s[i] != '.') digits += s[i];
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int k = static_cast<int>(digits.size());
  int n = exp10 + 1;  // v = 0.digits * 10^n
  std::string out = sign;
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

double freshSeed() {
  static std::mutex m;
  static std::mt19937_64 gen{std::random_device{}()};
  std::lock_guard<std::mutex> lock(m);
  double u;
  do {
    u = static_cast<double>(gen() >> 11) * 0x1.0p-53;
  } while (u == 0);
  return u;
}

std::string seedString(std::optional<double> seed, bool zeroIsUnset) {
  bool unset = !seed || (zeroIsUnset && (*seed == 0 || std::isnan(*seed)));
  return jsNumberToString(unset ? freshSeed() : *seed);
}

}  // namespace edgeflow::random
