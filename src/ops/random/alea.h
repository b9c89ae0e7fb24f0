// The pseudo-random generators behind TF.js's seeded random ops, so that a seed gives the same
// values as TF.js 4.22. Internal.
#pragma once
#include <optional>
#include <string>

namespace edgeflow::random {

// Baagøe's Alea generator as seedrandom's `alea(seed)`: seeded from a string, next() is uniform
// in [0, 1) with 32 random bits.
class Alea {
 public:
  explicit Alea(const std::string& seed);
  double next();

 private:
  double s0_, s1_, s2_, c_;
};

// JavaScript's String(number): how TF.js turns numeric seeds into Alea seed strings.
std::string jsNumberToString(double v);
// A fresh non-deterministic number in (0, 1), standing in for JS's Math.random() when no seed
// (or, where TF.js tests a seed for truthiness, a zero/NaN seed) is given.
double freshSeed();

// The seed string TF.js uses: a given number as is, otherwise fresh. With `zeroIsUnset`, 0 and NaN
// count as unset, as in TF.js code that tests `seed ? seed : Math.random()`.
std::string seedString(std::optional<double> seed, bool zeroIsUnset);

// Stores a JS number into a typed array element: Int32Array wraps modulo 2^32 (NaN/Inf -> 0).
int32_t toInt32(double v);

}  // namespace edgeflow::random
