#include "ops/random/rand_util.h"

#include <cmath>

// Same arithmetic as TF.js, operation by operation (see alea.cpp).
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace edgeflow::random {

UniformRandom::UniformRandom(double min, double max, const std::string& seed)
    : min_(min), range_(max - min), alea_(seed) {}

double UniformRandom::next() { return min_ + range_ * alea_.next(); }

GaussRandom::GaussRandom(double mean, double stdDev, bool truncated, bool roundToInt, const std::string& seed)
    : mean_(mean), stdDev_(stdDev), truncated_(truncated), roundToInt_(roundToInt), pending_(NAN), alea_(seed) {
  if (truncated_) {
    upper_ = mean_ + stdDev_ * 2;
    lower_ = mean_ - stdDev_ * 2;
  }
}

double jsRound(double v) {
  if (!std::isfinite(v)) return v;
  double f = std::floor(v);
  return v - f >= 0.5 ? f + 1 : f;
}

double GaussRandom::convert(double v) const { return roundToInt_ ? jsRound(v) : v; }

double GaussRandom::next() {
  if (!std::isnan(pending_)) {
    double v = pending_;
    pending_ = NAN;
    return v;
  }
  double x, y;
  do {
    double v1, v2, s;
    do {
      v1 = 2 * alea_.next() - 1;
      v2 = 2 * alea_.next() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s == 0);
    double m = std::sqrt(-2.0 * std::log(s) / s);
    x = mean_ + stdDev_ * v1 * m;
    y = mean_ + stdDev_ * v2 * m;
  } while (!valid(x));
  if (valid(y)) pending_ = convert(y);
  return convert(x);
}

void checkShape(const Shape& shape, const char* op) {
  for (int64_t d : shape)
    if (d < 0)
      throw Error(std::string(op) + ": the shape must be comprised of non-negative integers, got " +
                  shapeToString(shape));
}

}  // namespace edgeflow::random
