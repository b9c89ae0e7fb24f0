// Graph execution: each needed node is computed once, after its inputs.
#include "models/executor.h"

#include <set>

#include "core/tensor_impl.h"
#include "edgeflow/ops/unary.h"
#include "layers/input_layer.h"
#include "layers/node.h"
#include "models/inference_fold.h"

namespace edgeflow {

void FeedDict::add(const SymbolicTensor& key, const Tensor& value) {
  if (values_.count(key.data().get())) throw Error("Duplicate key: name=" + key.name() + ", id=" + std::to_string(key.id()));
  Tensor v = value;
  if (v.dtype() != key.dtype()) {
    try {
      v = cast(v, key.dtype());
    } catch (const Error&) {
      throw Error(std::string("The dtype of the feed (") + dtypeName(value.dtype()) +
                  ") can not be cast to the dtype of the key '" + key.name() + "' (" + dtypeName(key.dtype()) + ").");
    }
  }
  values_[key.data().get()] = v;
}

namespace {

struct Run {
  FeedDict& feeds;
  const Kwargs& kwargs;
  std::set<const SymbolicTensorData*> fetched;
  bool fold;  // inference outside gradient tapes: Conv → BatchNormalization → ReLU chains fold
};

const Tensor& compute(const std::shared_ptr<SymbolicTensorData>& t, Run& run);

// t computed by one fused convolution, if it ends a foldable chain (else false).
bool computeFolded(const std::shared_ptr<SymbolicTensorData>& t, Run& run) {
  auto chain = matchFoldedChain(t, run.fetched);
  if (!chain) return false;
  const Tensor& x = compute(chain->input, run);
  if (run.feeds.mask(chain->input.get()).defined()) return false;
  Tensor y = runFoldedChain(*chain, x);
  if (!y.defined()) return false;
  run.feeds.set(t.get(), y);
  return true;
}

const Tensor& compute(const std::shared_ptr<SymbolicTensorData>& t, Run& run) {
  FeedDict& feeds = run.feeds;
  const Kwargs& kwargs = run.kwargs;
  if (feeds.has(t.get())) return feeds.get(t.get());
  if (run.fold && computeFolded(t, run)) return feeds.get(t.get());
  auto layer = t->sourceLayer.lock();
  if (!layer) throw Error("execute: the layer producing " + t->name + " no longer exists");
  if (dynamic_cast<InputLayerImpl*>(layer.get()))
    throw Error("execute: no value was fed for the input " + t->name + " (layer " + layer->name() + ")");
  std::vector<Tensor> inputs, masks;
  bool masked = false;
  for (auto& x : t->inputs) {
    inputs.push_back(compute(x.data(), run));
    masks.push_back(feeds.mask(x.data().get()));
    masked = masked || masks.back().defined();
  }
  // As TF.js's executor: the layer gets its first input's mask, and a layer that does not
  // support masking drops the masks.
  Kwargs layerKwargs = kwargs;
  if (masked) layerKwargs.mask = masks[0];
  std::vector<Tensor> outputs = layer->apply(inputs, layerKwargs);
  std::vector<Tensor> outputMasks;
  if (layer->supportsMasking_ || !masked) outputMasks = layer->computeMask(inputs, masks);
  const Node& node = *layer->inboundNodes_.at(size_t(t->nodeIndex));
  if (outputs.size() != node.outputTensors.size())
    throw Error("execute: layer " + layer->name() + " returned " + std::to_string(outputs.size()) + " outputs, expected " +
                std::to_string(node.outputTensors.size()));
  for (size_t i = 0; i < outputs.size(); ++i) {
    const SymbolicTensorData* key = node.outputTensors[i].get();
    if (feeds.has(key)) continue;
    feeds.set(key, outputs[i]);
    if (i < outputMasks.size() && outputMasks[i].defined()) feeds.setMask(key, outputMasks[i]);
  }
  return feeds.get(t.get());
}

}  // namespace

std::vector<Tensor> execute(const std::vector<SymbolicTensor>& fetches, FeedDict& feeds, const Kwargs& kwargs) {
  Run run{feeds, kwargs, {}, !kwargs.training && !engine::recording()};
  for (auto& f : fetches) run.fetched.insert(f.data().get());
  std::vector<Tensor> out;
  for (auto& f : fetches) out.push_back(compute(f.data(), run));
  return out;
}

}  // namespace edgeflow
