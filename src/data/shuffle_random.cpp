// The seeded generator behind Dataset::shuffle: seedrandom's alea, as in TF.js.
#include <cmath>

#include "edgeflow/data/iterators.h"
#include "ops/random/alea.h"

namespace edgeflow::data::detail {

struct ShuffleRandom::State {
  random::Alea alea;
};

ShuffleRandom::ShuffleRandom(const std::string& seed) : state_(new State{random::Alea(seed)}) {}
ShuffleRandom::~ShuffleRandom() = default;

double ShuffleRandom::next() { return state_->alea.next(); }

int32_t ShuffleRandom::int32() { return random::toInt32(state_->alea.next() * 4294967296.0); }

std::string freshSeedString() { return random::jsNumberToString(random::freshSeed()); }

std::optional<std::string> seedFromNumber(double seed) {
  if (seed == 0 || std::isnan(seed)) return std::nullopt;
  return random::jsNumberToString(seed);
}

}  // namespace edgeflow::data::detail
