// Conv → BatchNormalization → ReLU folding at inference (see inference_fold.h).
#include "models/inference_fold.h"

#include <cmath>
#include <vector>

#include "core/tensor_impl.h"
#include "edgeflow/engine.h"
#include "edgeflow/ops/creation.h"

namespace edgeflow {
namespace {

using layers_internal::BatchNormFoldableConv;
using layers_internal::BatchNormFoldSource;
using layers_internal::BatchNormParams;
using layers_internal::FusableActivationLayer;

// Whether t is used only by one call of `consumer` and not fetched: then nobody needs its value.
bool feedsOnly(const std::shared_ptr<SymbolicTensorData>& t, const LayerImpl* consumer,
               const std::set<const SymbolicTensorData*>& fetched) {
  auto source = t->sourceLayer.lock();
  if (!source || fetched.count(t.get())) return false;
  int uses = 0;
  for (auto& weak : source->outboundNodes_) {
    auto node = weak.lock();
    if (!node) continue;
    for (auto& in : node->inputTensors)
      if (in == t) {
        if (node->outboundLayer != consumer) return false;
        ++uses;
      }
  }
  return uses == 1;
}

// The single input of the call that produced t, if the call had one input and one output.
std::shared_ptr<SymbolicTensorData> onlyInput(const SymbolicTensorData& t) {
  if (t.inputs.size() != 1 || t.outputTensorIndex != -1) return nullptr;
  return t.inputs[0].data();
}

// The data buffer behind a variable (null if undefined): its identity changes on every write.
std::shared_ptr<DataBuffer> bufferOf(const LayerVariable& v) {
  return v.defined() ? v.read().impl()->data : nullptr;
}

struct FoldedWeights {
  const LayerImpl* batchNormLayer = nullptr;
  double epsilon = 0;
  std::vector<std::weak_ptr<DataBuffer>> sources;  // kernel, bias, gamma, beta, mean, variance
  Tensor filter, bias;                             // hidden from memory()

  bool matches(const LayerImpl* bn, double eps, const std::vector<std::shared_ptr<DataBuffer>>& current) const {
    if (bn != batchNormLayer || eps != epsilon || current.size() != sources.size()) return false;
    for (size_t i = 0; i < current.size(); ++i)
      if (sources[i].lock() != current[i]) return false;
    return true;
  }
};

bool allFloat32(const std::vector<LayerVariable>& vars) {
  for (auto& v : vars)
    if (v.defined() && v.dtype() != DType::float32) return false;
  return true;
}

// The per-channel values of v, or `fallback` everywhere if v is undefined (center/scale off).
std::vector<double> channelValues(const LayerVariable& v, int64_t channels, double fallback) {
  std::vector<double> out(static_cast<size_t>(channels), fallback);
  if (v.defined()) {
    const float* p = v.read().dataPtr<float>();
    for (int64_t c = 0; c < channels; ++c) out[static_cast<size_t>(c)] = p[c];
  }
  return out;
}

// filter · s and (bias − mean) · s + beta per output channel, s = gamma / sqrt(variance + epsilon)
// computed in double as the FusedBatchNorm kernels do.
std::shared_ptr<FoldedWeights> fold(const BatchNormFoldableConv& conv, const BatchNormParams& bn, int64_t channels) {
  const Tensor& kernel = conv.foldKernel().read();
  auto gamma = channelValues(bn.gamma, channels, 1), beta = channelValues(bn.beta, channels, 0);
  auto mean = channelValues(bn.movingMean, channels, 0), variance = channelValues(bn.movingVariance, channels, 1);
  auto bias = channelValues(conv.foldBias(), channels, 0);
  std::vector<double> scale(static_cast<size_t>(channels));
  std::vector<float> foldedBias(static_cast<size_t>(channels));
  for (size_t c = 0; c < scale.size(); ++c) {
    scale[c] = gamma[c] / std::sqrt(variance[c] + bn.epsilon);
    foldedBias[c] = static_cast<float>((bias[c] - mean[c]) * scale[c] + beta[c]);
  }
  const float* w = kernel.dataPtr<float>();
  std::vector<float> foldedFilter(static_cast<size_t>(kernel.size()));
  for (int64_t i = 0; i < kernel.size(); ++i)
    foldedFilter[static_cast<size_t>(i)] = static_cast<float>(w[i] * scale[static_cast<size_t>(i % channels)]);

  auto f = std::make_shared<FoldedWeights>();
  f->filter = keep(tensor(foldedFilter, kernel.shape()));
  f->bias = keep(tensor(foldedBias, {channels}));
  engine::hideFromMemory(f->filter);
  engine::hideFromMemory(f->bias);
  return f;
}

}  // namespace

std::optional<FoldedChain> matchFoldedChain(const std::shared_ptr<SymbolicTensorData>& t,
                                            const std::set<const SymbolicTensorData*>& fetched) {
  FoldedChain chain;
  auto bnOut = t;
  auto last = t->sourceLayer.lock();
  if (auto act = dynamic_cast<FusableActivationLayer*>(last.get())) {
    chain.activation = act->fusedActivation();
    bnOut = onlyInput(*t);
    if (chain.activation.empty() || !bnOut || !feedsOnly(bnOut, last.get(), fetched)) return std::nullopt;
  } else {
    chain.activation = "linear";
  }
  chain.batchNormLayer = bnOut->sourceLayer.lock();
  chain.batchNorm = dynamic_cast<BatchNormFoldSource*>(chain.batchNormLayer.get());
  auto convOut = chain.batchNorm ? onlyInput(*bnOut) : nullptr;
  if (!convOut || !feedsOnly(convOut, chain.batchNormLayer.get(), fetched)) return std::nullopt;
  chain.convLayer = convOut->sourceLayer.lock();
  chain.conv = dynamic_cast<BatchNormFoldableConv*>(chain.convLayer.get());
  chain.input = chain.conv ? onlyInput(*convOut) : nullptr;
  if (!chain.input || !chain.convLayer->built_ || !chain.batchNormLayer->built_) return std::nullopt;
  const int rank = static_cast<int>(convOut->shape.size());
  auto channelAxis = chain.conv->foldableChannelAxis(rank);
  int bnAxis = chain.batchNorm->batchNormParams().axis;
  if (bnAxis < 0) bnAxis += rank;
  if (!channelAxis || *channelAxis != bnAxis) return std::nullopt;
  return chain;
}

Tensor runFoldedChain(const FoldedChain& chain, const Tensor& x) {
  BatchNormParams bn = chain.batchNorm->batchNormParams();
  const LayerVariable& kernel = chain.conv->foldKernel();
  std::vector<LayerVariable> vars{kernel, chain.conv->foldBias(), bn.gamma, bn.beta, bn.movingMean, bn.movingVariance};
  if (!kernel.defined() || !bn.movingMean.defined() || !allFloat32(vars)) return Tensor();
  const int64_t channels = bn.movingMean.shape().at(0);
  const Shape& ks = kernel.shape();  // output channels: the last axis, or the last two for depthwise
  if (ks.size() < 2 || (ks.back() != channels && ks.back() * ks[ks.size() - 2] != channels)) return Tensor();
  std::vector<std::shared_ptr<DataBuffer>> current;
  for (auto& v : vars) current.push_back(bufferOf(v));

  auto cached = std::static_pointer_cast<FoldedWeights>(chain.conv->foldCache);
  if (!cached || !cached->matches(chain.batchNormLayer.get(), bn.epsilon, current)) {
    chain.conv->foldCache.reset();  // the old folded weights go before the new ones are made
    cached = fold(*chain.conv, bn, channels);
    cached->batchNormLayer = chain.batchNormLayer.get();
    cached->epsilon = bn.epsilon;
    cached->sources.assign(current.begin(), current.end());
    chain.conv->foldCache = cached;
  }
  chain.convLayer->assertNotDisposed();
  chain.convLayer->assertInputCompatibility({x.shape()}, {x.dtype()});
  return chain.conv->callFused(x, cached->filter, cached->bias, chain.activation);
}

}  // namespace edgeflow
