// LayersModel: compile, fit, evaluate, predict, trainOnBatch (tfjs-layers' engine/training and
// training_tensors).
#include <algorithm>
#include <numeric>
#include <random>

#include "edgeflow/engine.h"
#include "edgeflow/ops/binary.h"
#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"
#include "edgeflow/ops/reduction.h"
#include "edgeflow/ops/unary.h"
#include "layers/common.h"
#include "models/executor.h"
#include "models/model_impl.h"
#include "models/training_loop.h"

namespace edgeflow {

using namespace layers_internal;

namespace {

// "1,2" as JavaScript prints an array (null as empty).
std::string jsList(const Shape& s, size_t from = 0) {
  std::string out;
  for (size_t i = from; i < s.size(); ++i) {
    if (i > from) out += ',';
    if (s[i] >= 0) out += std::to_string(s[i]);
  }
  return out;
}

void checkBatchSize(int64_t batchSize) {
  if (batchSize <= 0)
    throw Error("batchSize is required to be a positive integer, but got " + std::to_string(batchSize));
}

std::vector<Tensor> ensureRank2OrHigher(const std::vector<Tensor>& ts) {
  std::vector<Tensor> out;
  for (auto& t : ts) {
    if (!t.defined()) {
      out.push_back(t);
    } else if (t.rank() == 1) {
      out.push_back(expandDims(t, 1));
    } else if (t.rank() == 0) {
      throw Error("Expected tensor to be at least 1D, but received a 0D tensor (scalar).");
    } else {
      out.push_back(t);
    }
  }
  return out;
}

// Orders the data as names (TF.js's standardizeInputData).
std::vector<Tensor> standardizeInputData(const ModelData& data, const std::vector<std::string>& names,
                                         const std::vector<Shape>* shapes, bool checkBatchAxis,
                                         const std::string& prefix) {
  if (names.empty()) {
    if (!data.empty()) throw Error("Error when checking model " + prefix + " expected no data, but got some");
    return {};
  }
  if (data.empty()) return std::vector<Tensor>(names.size());
  std::vector<Tensor> arrays;
  if (data.isNamed()) {
    for (auto& n : names) {
      auto it = data.named().find(n);
      if (it == data.named().end())
        throw Error("No data provided for \"" + n + "\". Need data for each key in: " + joinNames(names));
      arrays.push_back(it->second);
    }
  } else if (data.isList()) {
    if (data.list().size() != names.size())
      throw Error("Error when checking model " + prefix +
                  ": the Array of Tensors that you are passing to your model is not the size the model expected. "
                  "Expected to see " +
                  std::to_string(names.size()) + " Tensor(s), but instead got " + std::to_string(data.list().size()) +
                  " Tensor(s).");
    arrays = data.list();
  } else {
    if (names.size() > 1)
      throw Error("The model " + prefix + " expects " + std::to_string(names.size()) +
                  " Tensor(s), but only received one Tensor. Found: Tensor with shape " +
                  shapeToString(data.list()[0].shape()));
    arrays = data.list();
  }
  arrays = ensureRank2OrHigher(arrays);
  if (shapes)
    for (size_t i = 0; i < names.size(); ++i) {
      const Shape& ref = (*shapes)[i];
      if (ref.empty()) continue;
      const Shape& s = arrays[i].shape();
      if (s.size() != ref.size())
        throw Error("Error when checking " + prefix + ": expected " + names[i] + " to have " +
                    std::to_string(ref.size()) + " dimension(s). but got array with shape " + shapeToString(s));
      for (size_t j = 0; j < ref.size(); ++j) {
        if (j == 0 && !checkBatchAxis) continue;
        if (ref[j] >= 0 && s[j] != ref[j])
          throw Error(prefix + " expected a batch of elements where each example has shape [" + jsList(ref, 1) +
                      "] (i.e.,tensor shape [*," + jsList(ref, 1) + "]) but the " + prefix + " received an input with " +
                      std::to_string(s[0]) + " examples, each with shape [" + jsList(s, 1) + "] (tensor shape [" +
                      jsList(s) + "])");
      }
    }
  return arrays;
}

// TF.js's checkInputData (predict): names the input and both shapes.
void checkInputData(const std::vector<Tensor>& arrays, const std::vector<std::string>& names,
                    const std::vector<Shape>& shapes, bool checkBatchAxis) {
  for (size_t i = 0; i < names.size() && i < arrays.size(); ++i) {
    const Shape& ref = shapes[i];
    const Shape& s = arrays[i].shape();
    if (s.size() != ref.size())
      throw Error("Error when checking : expected " + names[i] + " to have " + std::to_string(ref.size()) +
                  " dimension(s), but got array with shape " + shapeToJsonString(s));
    for (size_t j = 0; j < ref.size(); ++j) {
      if (j == 0 && !checkBatchAxis) continue;
      if (ref[j] >= 0 && ref[j] != s[j])
        throw Error("Error when checking : expected " + names[i] + " to have shape " + shapeToJsonString(ref) +
                    " but got array with shape " + shapeToJsonString(s) + ".");
    }
  }
}

std::vector<Tensor> toInputList(const ModelData& x, const std::vector<std::string>& names) {
  if (x.isNamed()) {
    std::vector<Tensor> out;
    for (auto& n : names) {
      auto it = x.named().find(n);
      if (it == x.named().end()) throw Error("No value is provided for the model's input " + n);
      out.push_back(it->second);
    }
    return out;
  }
  if (x.empty()) throw Error("predict: no input data given");
  if (x.isList() && x.list().size() != names.size())
    throw Error("Error when checking model : the Array of Tensors that you are passing to your model is not the size "
                "the the model expected. Expected to see " +
                std::to_string(names.size()) + " Tensor(s), but instead got " + std::to_string(x.list().size()) +
                " Tensors(s).");
  if (!x.isList() && names.size() > 1)
    throw Error("The model expects " + std::to_string(names.size()) +
                "  Tensors, but only received one Tensor. Found: array with shape " +
                shapeToJsonString(x.list()[0].shape()) + ".");
  return x.list();
}

std::vector<std::pair<int64_t, int64_t>> makeBatches(int64_t size, int64_t batchSize) {
  std::vector<std::pair<int64_t, int64_t>> out;
  for (int64_t start = 0; start < size; start += batchSize) out.emplace_back(start, std::min(start + batchSize, size));
  return out;
}

Tensor sliceAlongFirstAxis(const Tensor& t, int64_t start, int64_t size) {
  std::vector<int64_t> begin(size_t(t.rank()), 0);
  std::vector<int64_t> sizes = t.shape();
  begin[0] = start;
  sizes[0] = size;
  return slice(t, begin, sizes);
}

std::vector<Tensor> sliceAll(const std::vector<Tensor>& ts, int64_t start, int64_t end) {
  std::vector<Tensor> out;
  for (auto& t : ts) out.push_back(t.defined() ? sliceAlongFirstAxis(t, start, end - start) : Tensor());
  return out;
}

std::vector<Tensor> gatherAll(const std::vector<Tensor>& ts, const Tensor& indices) {
  std::vector<Tensor> out;
  for (auto& t : ts) out.push_back(t.defined() ? gather(t, indices) : Tensor());
  return out;
}

bool isBuiltin(const ResolvedFn& f, const char* name) { return f.name == name; }

std::mt19937& shuffleEngine() {
  static std::mt19937 engine(std::random_device{}());
  return engine;
}

struct TrainingFlag {
  explicit TrainingFlag(bool& f) : flag(f) { flag = true; }
  ~TrainingFlag() { flag = false; }
  bool& flag;
};

}  // namespace

// ---- compile ----

void LayersModelImpl::compile(const ModelCompileArgs& args) {
  if (!args.optimizer.name().empty()) {
    optimizer_ = train::getOptimizer(args.optimizer.name());
    isOptimizerOwned_ = true;
  } else if (args.optimizer.object()) {
    optimizer_ = args.optimizer.object();
    isOptimizerOwned_ = false;
  } else {
    throw Error("User-defined optimizer must be an instance of tf.Optimizer.");
  }

  auto resolveLoss = [](const LossOrMetric& l) {
    if (l.isName()) return ResolvedFn{layers::losses::get(l.name()), l.name()};
    return ResolvedFn{l.fn(), ""};
  };
  std::vector<ResolvedFn> lossFunctions;
  if (args.loss.isNamed()) {
    for (auto& [name, l] : args.loss.named())
      if (std::find(outputNames_.begin(), outputNames_.end(), name) == outputNames_.end())
        throw Error("Unknown entry in loss dictionary: \"" + name + "\". Only expected the following keys: " +
                    joinNames(outputNames_));
    for (auto& name : outputNames_) {
      auto it = args.loss.named().find(name);
      if (it == args.loss.named().end())
        throw Error("Output \"" + name + "\" is missing from loss dictionary.");
      lossFunctions.push_back(resolveLoss(it->second));
    }
  } else if (args.loss.isList() || args.loss.empty()) {
    if (args.loss.list().size() != outputs_.size())
      throw Error("When passing an Array as loss, it should have one entry per model output. The model has " +
                  std::to_string(outputs_.size()) + " output(s), but you passed " +
                  std::to_string(args.loss.list().size()) + " loss(es).");
    for (auto& l : args.loss.list()) lossFunctions.push_back(resolveLoss(l));
  } else {
    ResolvedFn f = resolveLoss(args.loss.list()[0]);
    for (size_t i = 0; i < outputs_.size(); ++i) lossFunctions.push_back(f);
  }
  lossFunctions_ = lossFunctions;
  feedOutputNames_ = outputNames_;
  feedOutputShapes_ = internalOutputShapes_;

  metricsNames_ = {"loss"};
  metricsTensors_.clear();
  if (outputs_.size() > 1)
    for (size_t i = 0; i < outputs_.size(); ++i) {
      metricsTensors_.push_back({lossFunctions_[i], static_cast<int>(i)});
      metricsNames_.push_back(outputNames_[i] + "_loss");
    }

  for (size_t i = 0; i < outputs_.size(); ++i) {
    std::vector<LossOrMetric> outputMetrics;
    if (args.metrics.isNamed()) {
      auto it = args.metrics.named().find(outputNames_[i]);
      if (it != args.metrics.named().end()) outputMetrics = it->second;
    } else {
      outputMetrics = args.metrics.list();
    }
    for (auto& metric : outputMetrics) {
      ResolvedFn fn;
      std::string metricName;
      const std::string& m = metric.name();
      if (metric.isName() && (m == "accuracy" || m == "acc" || m == "crossentropy" || m == "ce")) {
        bool acc = m == "accuracy" || m == "acc";
        const Shape& outShape = internalOutputShapes_[i];
        if ((!outShape.empty() && outShape.back() == 1) || isBuiltin(lossFunctions_[i], "binaryCrossentropy"))
          fn = {metrics::get(acc ? "binaryAccuracy" : "binaryCrossentropy"), acc ? "binaryAccuracy" : "binaryCrossentropy"};
        else if (isBuiltin(lossFunctions_[i], "sparseCategoricalCrossentropy"))
          fn = {metrics::get(acc ? "sparseCategoricalAccuracy" : "sparseCategoricalCrossentropy"), ""};
        else
          fn = {metrics::get(acc ? "categoricalAccuracy" : "categoricalCrossentropy"), ""};
        metricName = acc ? "acc" : "ce";
      } else if (metric.isName()) {
        fn = {metrics::get(m), m};
        metricName = m;
      } else {
        fn = {metric.fn(), ""};
        metricName = m.empty() ? "metric" : m;
      }
      if (outputNames_.size() > 1) metricName = outputNames_[i] + "_" + metricName;
      metricsNames_.push_back(metricName);
      metricsTensors_.push_back({fn, static_cast<int>(i)});
    }
  }
  collectedTrainableWeights_ = trainableWeights();
  compileArgs_ = args;
}

void LayersModelImpl::setOptimizer(const train::OptimizerPtr& optimizer) {
  if (optimizer_ != optimizer) {
    optimizer_ = optimizer;
    isOptimizerOwned_ = false;
  }
}

void LayersModelImpl::checkTrainableWeightsConsistency() const {
  if (trainableWeights().size() != collectedTrainableWeights_.value().size())
    std::fprintf(stderr,
                 "Discrepancy between trainableweights and collected trainable weights. Did you set "
                 "`model.trainable` without calling `model.compile()` afterwards?\n");
}

std::vector<std::string> LayersModelImpl::getDedupedMetricsNames() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < metricsNames_.size(); ++i) {
    const std::string& label = metricsNames_[i];
    std::string newLabel = label;
    if (std::count(metricsNames_.begin(), metricsNames_.end(), label) > 1)
      newLabel += "_" + std::to_string(std::count(metricsNames_.begin(), metricsNames_.begin() + long(i), label));
    out.push_back(newLabel);
  }
  return out;
}

// ---- data ----

LayersModelImpl::Data LayersModelImpl::standardizeUserData(const ModelData& x, const ModelData& y,
                                                           const ModelData& sampleWeight, const ModelFitArgs* fitArgs,
                                                           bool checkBatchAxis, std::optional<int64_t> batchSize) {
  if (!optimizer_)
    throw Error("You must compile a model before training/testing. Use LayersModel.compile(modelCompileArgs).");
  std::vector<Shape> outputShapes;
  for (size_t i = 0; i < feedOutputShapes_.size(); ++i) {
    Shape s = feedOutputShapes_[i];
    if (isBuiltin(lossFunctions_[i], "sparseCategoricalCrossentropy") && !s.empty()) s.back() = 1;
    outputShapes.push_back(s);
  }
  Data d;
  d.inputs = standardizeInputData(x, feedInputNames_, &feedInputShapes_, false, "input");
  d.targets = standardizeInputData(y, feedOutputNames_, &outputShapes, false, "target");

  // checkArrayLengths
  auto firstDims = [](const std::vector<Tensor>& ts) {
    std::vector<int64_t> dims;
    for (auto& t : ts)
      if (t.defined() && std::find(dims.begin(), dims.end(), t.shape()[0]) == dims.end()) dims.push_back(t.shape()[0]);
    return dims;
  };
  auto setX = firstDims(d.inputs), setY = firstDims(d.targets);
  auto shapesOf = [](const std::vector<Tensor>& ts) {
    std::string s = "[";
    for (size_t i = 0; i < ts.size(); ++i) {
      if (i) s += ',';
      s += ts[i].defined() ? shapeToJsonString(ts[i].shape()) : "null";
    }
    return s + "]";
  };
  if (setX.size() > 1)
    throw Error("All input Tensors (x) should have the same number of samples. Got array shapes: " + shapesOf(d.inputs));
  if (setY.size() > 1)
    throw Error("All target Tensors (y) should have the same number of samples. Got array shapes: " +
                shapesOf(d.targets));
  if (!setX.empty() && !setY.empty() && setX[0] != setY[0])
    throw Error("Input Tensors should have the same number of samples as target Tensors. Found " +
                std::to_string(setX[0]) + " input sample(s) and " + std::to_string(setY[0]) + " target sample(s).");

  // checkLossAndTargetCompatibility
  for (size_t i = 0; i < d.targets.size(); ++i) {
    const Tensor& t = d.targets[i];
    if (!t.defined()) continue;
    const ResolvedFn& loss = lossFunctions_[i];
    if (isBuiltin(loss, "categoricalCrossentropy") && t.shape().back() == 1)
      throw Error("You are passing a target array of shape " + jsList(t.shape()) +
                  " while using a loss 'categorical_crossentropy'. 'categorical_crossentropy'expects targets to be "
                  "binary matrices (1s and 0s) of shape [samples, classes].");
    if (isBuiltin(loss, "meanSquaredError") || isBuiltin(loss, "binaryCrossentropy") ||
        isBuiltin(loss, "categoricalCrossentropy")) {
      const Shape& out = feedOutputShapes_[i];
      for (size_t j = 1; j < t.shape().size() && j < out.size(); ++j)
        if (out[j] >= 0 && t.shape()[j] != out[j])
          throw Error("A target Tensor with shape " + jsList(t.shape()) + " was passed for an output of shape " +
                      jsList(out) + ", while using a loss function that expects targets to have the same shape as "
                                    "the output.");
    }
  }
  if (stateful() && batchSize && *batchSize > 0 && !d.inputs.empty() && d.inputs[0].shape()[0] % *batchSize != 0)
    throw Error("In a stateful network, you should only pass inputs with a number of samples that is divisible by the "
                "batch size " +
                std::to_string(*batchSize) + ". Found: " + std::to_string(d.inputs[0].shape()[0]) + " sample(s).");

  // Sample weights: given per example, or from class weights (TF.js's standardizeWeights).
  d.sampleWeights.assign(outputs_.size(), Tensor());
  if (!sampleWeight.empty()) {
    auto sw = standardizeInputData(sampleWeight, feedOutputNames_, nullptr, false, "sample weight");
    for (size_t i = 0; i < sw.size(); ++i)
      if (sw[i].defined()) d.sampleWeights[i] = reshape(cast(sw[i], DType::float32), {sw[i].shape()[0]});
  }
  if (fitArgs && (!fitArgs->classWeight.empty() || !fitArgs->classWeightByOutput.empty())) {
    for (size_t i = 0; i < outputs_.size(); ++i) {
      const ClassWeight* cw = nullptr;
      if (!fitArgs->classWeightByOutput.empty()) {
        auto it = fitArgs->classWeightByOutput.find(outputNames_[i]);
        if (it != fitArgs->classWeightByOutput.end()) cw = &it->second;
      } else if (outputs_.size() == 1) {
        cw = &fitArgs->classWeight;
      } else {
        throw Error("The model has multiple (" + std::to_string(outputs_.size()) +
                    ") outputs, so classWeight must be given by output name (classWeightByOutput).");
      }
      if (!cw) continue;
      const Tensor& yt = d.targets[i];
      std::vector<double> classes = tidy([&] {
        if (yt.rank() == 1) return yt.dataSync<double>();
        if (yt.rank() == 2) {
          if (yt.shape()[1] > 1) return argMax(yt, 1).dataSync<double>();
          if (yt.shape()[1] == 1) return reshape(yt, {yt.shape()[0]}).dataSync<double>();
          throw Error("Encountered unexpected last-dimension size (" + std::to_string(yt.shape()[1]) +
                      ") during handling of class weights. The size is expected to be >= 1.");
        }
        throw Error("Unexpected rank of target (y) tensor (" + std::to_string(yt.rank()) +
                    ") during handling of class weights. The rank is expected to be 1 or 2.");
      });
      std::vector<double> w;
      for (double c : classes) {
        auto it = cw->find(static_cast<int64_t>(c));
        if (it == cw->end())
          throw Error("classWeight must contain all classes in the training data. The class " +
                      std::to_string(static_cast<int64_t>(c)) + " exists in the data but not in classWeight");
        w.push_back(it->second);
      }
      Tensor cwTensor = tensor1d(w);
      d.sampleWeights[i] = d.sampleWeights[i].defined() ? mul(d.sampleWeights[i], cwTensor) : cwTensor;
    }
  }
  return d;
}

// ---- train / test functions ----

std::vector<Tensor> LayersModelImpl::trainFunction(const std::vector<Tensor>& inputs, const std::vector<Tensor>& targets,
                                                   const std::vector<Tensor>& sampleWeights) {
  std::vector<Tensor> metricsValues;
  auto totalLossFunction = [&]() -> Tensor {
    metricsValues.clear();
    FeedDict feeds;
    for (size_t i = 0; i < inputs_.size(); ++i) feeds.add(inputs_[i], inputs[i]);
    std::vector<Tensor> outputs = execute(outputs_, feeds, Kwargs{.training = true});
    std::vector<Tensor> lossValues;
    Tensor totalLoss;
    for (size_t i = 0; i < lossFunctions_.size(); ++i) {
      Tensor loss = lossFunctions_[i].fn(targets[i], outputs[i]);
      if (i < sampleWeights.size() && sampleWeights[i].defined()) loss = mul(loss, sampleWeights[i]);
      lossValues.push_back(mean(loss));
      totalLoss = i == 0 ? loss : add(totalLoss, loss);
    }
    for (size_t i = 0; i < metricsTensors_.size(); ++i) {
      Tensor weighted;
      if (outputs_.size() > 1 && i < outputs_.size()) {
        weighted = lossValues[i];
      } else {
        auto& [metric, outputIndex] = metricsTensors_[i];
        weighted = mean(metric.fn(targets[size_t(outputIndex)], outputs[size_t(outputIndex)]));
      }
      metricsValues.push_back(keep(weighted));
    }
    totalLoss = mean(totalLoss);
    for (auto& reg : calculateLosses()) totalLoss = add(totalLoss, reg);
    return totalLoss;
  };
  std::vector<Variable> variables;
  for (auto& w : collectedTrainableWeights_.value()) variables.push_back(w.read());
  Tensor total = optimizer_->minimize(totalLossFunction, true, variables);
  // Keras applies weight constraints after every update. (TF.js's optimizers assign the variables
  // directly, so its constraints only act in setWeights; this is a deliberate difference.)
  for (auto& w : *collectedTrainableWeights_)
    if (w.constraint()) tidy([&] { w.read().assign(w.constraint()->apply(w.read())); });
  std::vector<Tensor> out{total};
  out.insert(out.end(), metricsValues.begin(), metricsValues.end());
  return out;
}

std::vector<Tensor> LayersModelImpl::testFunction(const std::vector<Tensor>& inputs, const std::vector<Tensor>& targets,
                                                  const std::vector<Tensor>& sampleWeights) {
  return tidy([&] {
    FeedDict feeds;
    for (size_t i = 0; i < inputs_.size(); ++i) feeds.add(inputs_[i], inputs[i]);
    std::vector<Tensor> outputs = execute(outputs_, feeds);
    // [total loss, metrics...]. (For several outputs TF.js reports running sums here instead; this
    // reports the total, then the per-output losses and metrics, as training does and as Keras.)
    Tensor totalLoss;
    for (size_t i = 0; i < lossFunctions_.size(); ++i) {
      Tensor loss = lossFunctions_[i].fn(targets[i], outputs[i]);
      if (i < sampleWeights.size() && sampleWeights[i].defined()) loss = mul(loss, sampleWeights[i]);
      loss = mean(loss);
      totalLoss = i == 0 ? loss : add(totalLoss, loss);
    }
    std::vector<Tensor> out{totalLoss};
    for (auto& [metric, outputIndex] : metricsTensors_)
      out.push_back(mean(metric.fn(targets[size_t(outputIndex)], outputs[size_t(outputIndex)])));
    return out;
  });
}

std::vector<Tensor> LayersModelImpl::testLoop(const Data& data, int64_t batchSize) {
  return tidy([&] {
    int64_t numSamples = data.inputs.empty() ? 0 : data.inputs[0].shape()[0];
    std::vector<Tensor> outs;
    auto batches = makeBatches(numSamples, batchSize);
    Tensor indexArray = range(0, double(numSamples), 1, DType::int32);
    for (size_t b = 0; b < batches.size(); ++b) {
      auto [start, end] = batches[b];
      Tensor batchIds = sliceAlongFirstAxis(indexArray, start, end - start);
      auto batchOuts = testFunction(gatherAll(data.inputs, batchIds), gatherAll(data.targets, batchIds),
                                    gatherAll(data.sampleWeights, batchIds));
      if (b == 0)
        for (size_t i = 0; i < batchOuts.size(); ++i) outs.push_back(scalar(0));
      for (size_t i = 0; i < batchOuts.size(); ++i) outs[i] = add(outs[i], mul(double(end - start), batchOuts[i]));
    }
    for (auto& o : outs) o = div(o, double(numSamples));
    return outs;
  });
}

std::vector<Tensor> LayersModelImpl::predictLoop(const std::vector<Tensor>& ins, int64_t batchSize) {
  return tidy([&] {
    int64_t numSamples = ins.empty() ? 0 : ins[0].shape()[0];
    std::vector<std::vector<Tensor>> outsBatches(outputs_.size());
    for (auto batchRange : makeBatches(numSamples, batchSize)) {
      int64_t start = batchRange.first, end = batchRange.second;
      std::vector<Tensor> batchOuts = tidy([&] {
        FeedDict feeds;
        // One batch covering the data feeds the inputs themselves (no copy of a large image).
        auto batch = start == 0 && end == numSamples ? ins : sliceAll(ins, start, end);
        for (size_t i = 0; i < inputs_.size(); ++i) feeds.add(inputs_[i], batch[i]);
        return execute(outputs_, feeds);
      });
      for (size_t i = 0; i < batchOuts.size(); ++i) outsBatches[i].push_back(batchOuts[i]);
    }
    std::vector<Tensor> out;
    for (auto& bs : outsBatches) out.push_back(concat(bs, 0));
    return out;
  });
}

// ---- fit ----

History LayersModelImpl::fit(const ModelData& x, const ModelData& y, const ModelFitArgs& args) {
  if (isTraining_) throw Error("Cannot start training because another fit() call is ongoing.");
  TrainingFlag training(isTraining_);
  int64_t batchSize = args.batchSize.value_or(32);
  checkBatchSize(batchSize);
  Data train = standardizeUserData(x, y, args.sampleWeight, &args, false, batchSize);
  int64_t total = train.inputs.empty() ? 0 : train.inputs[0].shape()[0];
  if (total == 0) throw Error("fit: the training data is empty (0 samples); x and y need at least one example");

  bool doValidation = false;
  Data val;
  if (!args.validationData.x.empty() || !args.validationData.y.empty()) {
    doValidation = true;
    val = standardizeUserData(args.validationData.x, args.validationData.y, {}, nullptr, true, batchSize);
  } else if (args.validationSplit > 0 && args.validationSplit < 1) {
    doValidation = true;
    int64_t splitAt = static_cast<int64_t>(std::floor(double(total) * (1 - args.validationSplit)));
    if (splitAt == 0)
      throw Error("fit: validationSplit=" + std::to_string(args.validationSplit) + " of " + std::to_string(total) +
                  " sample(s) leaves no training data");
    val.inputs = sliceAll(train.inputs, splitAt, total);
    val.targets = sliceAll(train.targets, splitAt, total);
    val.sampleWeights = sliceAll(train.sampleWeights, splitAt, total);
    train.inputs = sliceAll(train.inputs, 0, splitAt);
    train.targets = sliceAll(train.targets, 0, splitAt);
    train.sampleWeights = sliceAll(train.sampleWeights, 0, splitAt);
  } else if (args.validationSteps) {
    throw Error("fit: validationSteps needs validationData or validationSplit");
  }
  int64_t numTrainSamples = train.inputs[0].shape()[0];

  checkTrainableWeightsConsistency();
  auto outLabels = getDedupedMetricsNames();
  TrainingLoop loop(*this, TrainingLoopArgs{.epochs = args.epochs,
                                            .initialEpoch = args.initialEpoch,
                                            .verbose = args.verbose,
                                            .samples = args.stepsPerEpoch ? std::nullopt : std::optional(numTrainSamples),
                                            .steps = args.stepsPerEpoch,
                                            .batchSize = batchSize,
                                            .doValidation = doValidation,
                                            .outLabels = outLabels,
                                            .callbacks = args.callbacks});
  auto validate = [&](Logs& epochLogs) {
    Data v = val;
    if (args.validationSteps) {  // only the first validationSteps batches
      int64_t n = std::min<int64_t>(*args.validationSteps * batchSize, v.inputs[0].shape()[0]);
      v.inputs = sliceAll(v.inputs, 0, n);
      v.targets = sliceAll(v.targets, 0, n);
      v.sampleWeights = sliceAll(v.sampleWeights, 0, n);
    }
    scalarsToLogs(outLabels, testLoop(v, batchSize), epochLogs, "val_");
  };

  std::vector<int32_t> indexArray(static_cast<size_t>(numTrainSamples));
  std::iota(indexArray.begin(), indexArray.end(), 0);
  size_t cursor = indexArray.size();  // stepsPerEpoch: position in the current pass over the data
  loop.trainBegin();
  stopTraining_ = false;
  for (int epoch = args.initialEpoch; epoch < args.epochs; ++epoch) {
    loop.epochBegin(epoch);
    Logs epochLogs;
    std::vector<std::pair<int64_t, int64_t>> batches;
    std::vector<int32_t> order;
    if (args.stepsPerEpoch) {  // stepsPerEpoch batches, continuing through (reshuffled) passes
      for (int64_t s = 0; s < *args.stepsPerEpoch; ++s) {
        if (cursor >= indexArray.size()) {
          if (args.shuffle) std::shuffle(indexArray.begin(), indexArray.end(), shuffleEngine());
          cursor = 0;
        }
        size_t end = std::min(indexArray.size(), cursor + size_t(batchSize));
        batches.emplace_back(int64_t(order.size()), int64_t(order.size() + (end - cursor)));
        order.insert(order.end(), indexArray.begin() + long(cursor), indexArray.begin() + long(end));
        cursor = end;
      }
    } else {
      if (args.shuffle) std::shuffle(indexArray.begin(), indexArray.end(), shuffleEngine());
      order = indexArray;
      batches = makeBatches(numTrainSamples, batchSize);
    }
    Tensor epochIndexArray = tensor(order, {int64_t(order.size())});
    for (size_t b = 0; b < batches.size(); ++b) {
      int64_t start = batches[b].first, end = batches[b].second;
      loop.runBatch(static_cast<int>(b), end - start, [&] {
        Tensor batchIds = sliceAlongFirstAxis(epochIndexArray, start, end - start);
        auto outs = trainFunction(gatherAll(train.inputs, batchIds), gatherAll(train.targets, batchIds),
                                  gatherAll(train.sampleWeights, batchIds));
        if (b + 1 == batches.size() && doValidation) validate(epochLogs);
        return outs;
      });
      if (stopTraining_) break;
    }
    loop.epochEnd(epoch, epochLogs);
    if (stopTraining_) break;
  }
  return loop.trainEnd();
}

// ---- evaluate / predict / trainOnBatch ----

std::vector<Tensor> LayersModelImpl::evaluate(const ModelData& x, const ModelData& y, const ModelEvaluateArgs& args) {
  int64_t batchSize = args.batchSize.value_or(32);
  checkBatchSize(batchSize);
  Data d = standardizeUserData(x, y, args.sampleWeight, nullptr, true, batchSize);
  if (args.steps) {
    int64_t n = std::min<int64_t>(*args.steps * batchSize, d.inputs[0].shape()[0]);
    d.inputs = sliceAll(d.inputs, 0, n);
    d.targets = sliceAll(d.targets, 0, n);
    d.sampleWeights = sliceAll(d.sampleWeights, 0, n);
  }
  if (d.inputs.empty() || d.inputs[0].shape()[0] == 0) throw Error("evaluate: the data is empty (0 samples)");
  return testLoop(d, batchSize);
}

std::vector<Tensor> LayersModelImpl::predict(const ModelData& x, const ModelPredictArgs& args) {
  auto xs = ensureRank2OrHigher(toInputList(x, inputNames_));
  checkInputData(xs, inputNames_, feedInputShapes_, false);
  int64_t batchSize = args.batchSize.value_or(32);
  checkBatchSize(batchSize);
  if (args.verbose) throw Error("Verbose predictLoop() is not implemented yet.");
  return predictLoop(xs, batchSize);
}

std::vector<Tensor> LayersModelImpl::predictOnBatch(const ModelData& x) {
  auto xs = toInputList(x, inputNames_);
  checkInputData(xs, inputNames_, feedInputShapes_, true);
  return predictLoop(xs, xs[0].shape()[0]);
}

std::vector<double> LayersModelImpl::trainOnBatch(const ModelData& x, const ModelData& y) {
  Data d = standardizeUserData(x, y, {}, nullptr, true, std::nullopt);
  auto losses = trainFunction(d.inputs, d.targets, d.sampleWeights);
  std::vector<double> out;
  for (auto& l : losses) {
    out.push_back(l.dataSync<double>()[0]);
    l.dispose();
  }
  return out;
}

DisposeResult LayersModelImpl::dispose() {
  DisposeResult r = ContainerImpl::dispose();
  auto opt = optimizer();
  if (r.refCountAfterDispose == 0 && opt && isOptimizerOwned_) {
    int64_t before = memory().numTensors;
    opt->dispose();
    r.numDisposedVariables += static_cast<int>(before - memory().numTensors);
  }
  return r;
}

// ---- TrainingLoop ----

void scalarsToLogs(const std::vector<std::string>& labels, const std::vector<Tensor>& values, Logs& logs,
                   const std::string& prefix) {
  for (size_t i = 0; i < labels.size() && i < values.size(); ++i) {
    logs[prefix + labels[i]] = values[i].dataSync<double>()[0];
    values[i].dispose();
  }
}

TrainingLoop::TrainingLoop(LayersModelImpl& model, const TrainingLoopArgs& args)
    : model_(model), args_(args), handle_(model.self()), history_(std::make_shared<History>()) {
  runner_.callbacks.push_back(std::make_shared<BaseLogger>());
  if (args.verbose >= 1) runner_.callbacks.push_back(std::make_shared<ProgbarLogger>());
  for (auto& c : args.callbacks.objects) runner_.callbacks.push_back(c);
  const auto& cb = args.callbacks;
  if (cb.onTrainBegin || cb.onTrainEnd || cb.onEpochBegin || cb.onEpochEnd || cb.onBatchBegin || cb.onBatchEnd)
    runner_.callbacks.push_back(std::make_shared<CustomCallback>(cb));
  runner_.callbacks.push_back(history_);
  CallbackParams params;
  params.epochs = args.epochs;
  params.initialEpoch = args.initialEpoch;
  params.samples = args.samples;
  params.steps = args.steps;
  params.batchSize = args.batchSize;
  params.verbose = args.verbose;
  params.doValidation = args.doValidation;
  params.metrics = args.outLabels;
  if (args.doValidation)
    for (auto& l : args.outLabels) params.metrics.push_back("val_" + l);
  runner_.setParams(params);
  runner_.setModel(&handle_);
}

TrainingLoop::~TrainingLoop() { runner_.setModel(nullptr); }

void TrainingLoop::trainBegin() {
  Logs logs;
  runner_.onTrainBegin(logs);
}

void TrainingLoop::epochBegin(int epoch) {
  Logs logs;
  runner_.onEpochBegin(epoch, logs);
}

void TrainingLoop::runBatch(int batchIndex, int64_t size, const std::function<std::vector<Tensor>()>& step) {
  Logs batchLogs;
  runner_.onBatchBegin(batchIndex, batchLogs);
  batchLogs["batch"] = batchIndex;
  batchLogs["size"] = double(size);
  tidy([&] { scalarsToLogs(args_.outLabels, step(), batchLogs); });
  runner_.onBatchEnd(batchIndex, batchLogs);
}

void TrainingLoop::epochEnd(int epoch, Logs& epochLogs) { runner_.onEpochEnd(epoch, epochLogs); }

bool TrainingLoop::stopRequested() const { return model_.stopTraining_; }

History TrainingLoop::trainEnd() {
  Logs logs;
  runner_.onTrainEnd(logs);
  History h = *history_;
  h.setModel(nullptr);
  h.params = history_->params;
  return h;
}

}  // namespace edgeflow
