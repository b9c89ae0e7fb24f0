// Adapters for tests/oracle/gen/cases/losses.mjs. Inputs: labels, predictions, optional weights.
#include "oracle/oracle.h"

namespace edgeflow::oracle {
namespace {

using losses::Reduction;

Reduction reductionOf(const Call& c) {
  std::string r = c.s("reduction", "SUM_BY_NONZERO_WEIGHTS");
  if (r == "NONE") return Reduction::NONE;
  if (r == "MEAN") return Reduction::MEAN;
  if (r == "SUM") return Reduction::SUM;
  if (r == "SUM_BY_NONZERO_WEIGHTS") return Reduction::SUM_BY_NONZERO_WEIGHTS;
  throw Error("oracle: unknown reduction " + r);
}
Tensor weightsAt(const Call& c, size_t i) { return c.inputs.size() > i ? c.in(i) : Tensor(); }

}  // namespace

EF_ORACLE_OP("computeWeightedLoss", [](const Call& c) {
  return one(losses::computeWeightedLoss(c.in(0), weightsAt(c, 1), reductionOf(c)));
});
EF_ORACLE_OP("absoluteDifference", [](const Call& c) {
  return one(losses::absoluteDifference(c.in(0), c.in(1), weightsAt(c, 2), reductionOf(c)));
});
EF_ORACLE_OP("cosineDistance", [](const Call& c) {
  return one(losses::cosineDistance(c.in(0), c.in(1), c.i("axis"), weightsAt(c, 2), reductionOf(c)));
});
EF_ORACLE_OP("hingeLoss", [](const Call& c) {
  return one(losses::hingeLoss(c.in(0), c.in(1), weightsAt(c, 2), reductionOf(c)));
});
EF_ORACLE_OP("huberLoss", [](const Call& c) {
  return one(losses::huberLoss(c.in(0), c.in(1), weightsAt(c, 2), c.d("delta", 1.0), reductionOf(c)));
});
EF_ORACLE_OP("logLoss", [](const Call& c) {
  return one(losses::logLoss(c.in(0), c.in(1), weightsAt(c, 2), c.d("epsilon", 1e-7), reductionOf(c)));
});
EF_ORACLE_OP("meanSquaredError", [](const Call& c) {
  return one(losses::meanSquaredError(c.in(0), c.in(1), weightsAt(c, 2), reductionOf(c)));
});
EF_ORACLE_OP("sigmoidCrossEntropy", [](const Call& c) {
  return one(losses::sigmoidCrossEntropy(c.in(0), c.in(1), weightsAt(c, 2), c.d("labelSmoothing"), reductionOf(c)));
});
EF_ORACLE_OP("softmaxCrossEntropy", [](const Call& c) {
  return one(losses::softmaxCrossEntropy(c.in(0), c.in(1), weightsAt(c, 2), c.d("labelSmoothing"), reductionOf(c)));
});

}  // namespace edgeflow::oracle
