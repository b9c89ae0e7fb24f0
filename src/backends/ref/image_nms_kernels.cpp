// Reference kernels of NonMaxSuppressionV3 / V4 (padded) / V5 (with scores, soft-NMS): TF.js's
// greedy algorithm. Candidates above scoreThreshold are visited best first (ties: lower index
// first); a candidate overlapping a selected box by iouThreshold or more is dropped, and with
// soft-NMS each overlap below it decays the score by exp(-0.5 * iou^2 / sigma).
#include <algorithm>
#include <cmath>

#include "edgeflow/kernel.h"

namespace edgeflow::ref {
namespace {

struct Candidate {
  double score;
  int64_t boxIndex;
  int64_t suppressBeginIndex;
};
// Ascending by score, then descending by index, so that the back is popped first.
bool before(const Candidate& a, const Candidate& b) {
  if (a.score != b.score) return a.score < b.score;
  return a.boxIndex > b.boxIndex;
}

double iou(const float* boxes, int64_t i, int64_t j) {
  const float *a = boxes + i * 4, *b = boxes + j * 4;
  double yminI = std::min(a[0], a[2]), xminI = std::min(a[1], a[3]), ymaxI = std::max(a[0], a[2]), xmaxI = std::max(a[1], a[3]);
  double yminJ = std::min(b[0], b[2]), xminJ = std::min(b[1], b[3]), ymaxJ = std::max(b[0], b[2]), xmaxJ = std::max(b[1], b[3]);
  double areaI = (ymaxI - yminI) * (xmaxI - xminI), areaJ = (ymaxJ - yminJ) * (xmaxJ - xminJ);
  if (areaI <= 0 || areaJ <= 0) return 0.0;
  double ih = std::max(std::min(ymaxI, ymaxJ) - std::max(yminI, yminJ), 0.0);
  double iw = std::max(std::min(xmaxI, xmaxJ) - std::max(xminI, xminJ), 0.0);
  double inter = ih * iw;
  return inter / (areaI + areaJ - inter);
}

struct NmsResult {
  std::vector<int32_t> indices;
  std::vector<float> scores;
};

NmsResult nms(const Tensor& boxesT, const Tensor& scoresT, const Attrs& attrs, double softNmsSigma) {
  int64_t maxOutputSize = attrs.getInt("maxOutputSize");
  double iouThreshold = attrs.getDouble("iouThreshold"), scoreThreshold = attrs.getDouble("scoreThreshold");
  const float *boxes = boxesT.dataPtr<float>(), *scores = scoresT.dataPtr<float>();
  std::vector<Candidate> candidates;
  for (int64_t i = 0; i < scoresT.size(); ++i)
    if (scores[i] > scoreThreshold) candidates.push_back({scores[i], i, 0});
  std::stable_sort(candidates.begin(), candidates.end(), before);
  double scale = softNmsSigma > 0 ? -0.5 / softNmsSigma : 0.0;
  NmsResult r;
  while (static_cast<int64_t>(r.indices.size()) < maxOutputSize && !candidates.empty()) {
    Candidate cand = candidates.back();
    candidates.pop_back();
    double original = cand.score;
    if (original < scoreThreshold) break;
    bool ignore = false;
    for (int64_t j = static_cast<int64_t>(r.indices.size()) - 1; j >= cand.suppressBeginIndex; --j) {
      double v = iou(boxes, cand.boxIndex, r.indices[static_cast<size_t>(j)]);
      if (v >= iouThreshold) {
        ignore = true;
        break;
      }
      cand.score *= v <= iouThreshold ? std::exp(scale * v * v) : 0.0;
      if (cand.score <= scoreThreshold) break;
    }
    cand.suppressBeginIndex = static_cast<int64_t>(r.indices.size());
    if (ignore) continue;
    if (cand.score == original) {
      r.indices.push_back(static_cast<int32_t>(cand.boxIndex));
      r.scores.push_back(static_cast<float>(cand.score));
    } else if (cand.score > scoreThreshold) {
      candidates.insert(std::lower_bound(candidates.begin(), candidates.end(), cand, before), cand);
    }
  }
  return r;
}

template <class T>
Tensor vectorTensor(const std::vector<T>& v, DType dtype) {
  Tensor t = makeTensor({static_cast<int64_t>(v.size())}, dtype);
  std::copy(v.begin(), v.end(), t.mutableData<T>());
  return t;
}

std::vector<Tensor> nmsV3(const KernelContext& c) {
  return {vectorTensor(nms(c.inputs[0], c.inputs[1], c.attrs, 0).indices, DType::int32)};
}

std::vector<Tensor> nmsV4(const KernelContext& c) {
  NmsResult r = nms(c.inputs[0], c.inputs[1], c.attrs, 0);
  auto valid = static_cast<int32_t>(r.indices.size());
  int64_t maxOutputSize = c.attrs.getInt("maxOutputSize");
  if (c.attrs.getBool("padToMaxOutputSize") && maxOutputSize > valid) r.indices.resize(static_cast<size_t>(maxOutputSize), 0);
  Tensor validOutputs = makeTensor({}, DType::int32);
  *validOutputs.mutableData<int32_t>() = valid;
  return {vectorTensor(r.indices, DType::int32), validOutputs};
}

std::vector<Tensor> nmsV5(const KernelContext& c) {
  NmsResult r = nms(c.inputs[0], c.inputs[1], c.attrs, c.attrs.getDouble("softNmsSigma"));
  return {vectorTensor(r.indices, DType::int32), vectorTensor(r.scores, DType::float32)};
}

}  // namespace

EF_REGISTER_KERNEL("NonMaxSuppressionV3", "ref", nmsV3);
EF_REGISTER_KERNEL("NonMaxSuppressionV4", "ref", nmsV4);
EF_REGISTER_KERNEL("NonMaxSuppressionV5", "ref", nmsV5);

}  // namespace edgeflow::ref
