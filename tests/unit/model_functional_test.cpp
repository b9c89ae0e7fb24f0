// Functional models: input(), apply on symbolic tensors, several inputs/outputs, shared layers,
// nested models, custom layers, getLayer, configs and rebuilding from JSON.
#include <gtest/gtest.h>

#include "edgeflow/edgeflow.h"

using namespace edgeflow;

namespace {

// A custom layer: the sum of its inputs.
class AddLayer : public LayerImpl {
 public:
  using LayerImpl::LayerImpl;
  std::string getClassName() const override { return "AddLayer"; }
  std::vector<Tensor> call(const std::vector<Tensor>& inputs, const Kwargs&) override {
    return {addN(inputs)};
  }
  std::vector<Shape> computeOutputShape(const std::vector<Shape>& shapes) override { return {shapes[0]}; }
};

LayersModel sharedModel() {
  SymbolicTensor a = input({.shape = {3}, .name = "a"}), b = input({.shape = {3}, .name = "b"});
  Layer shared = layers::dense({.units = 2, .kernelInitializer = "ones", .name = "shared"});
  SymbolicTensor ya = shared.apply(a), yb = shared.apply(b);
  SymbolicTensor out = layers::dense({.units = 1, .activation = "sigmoid", .name = "head"}).apply(ya);
  return model({.inputs = {a, b}, .outputs = {out, yb}, .name = "fm"});
}

}  // namespace

TEST(ModelFunctional, GraphStructureMatchesTfjs) {
  auto m = sharedModel();
  std::vector<std::string> names;
  for (auto& l : m.layers()) names.push_back(l.name());
  EXPECT_EQ(names, (std::vector<std::string>{"a", "shared", "b", "head"}));
  EXPECT_EQ(m.inputNames(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(m.outputNames(), (std::vector<std::string>{"head", "shared"}));
  EXPECT_EQ(m.getLayer("head").name(), "head");
  EXPECT_EQ(m.getLayer(1).name(), "shared");
  EXPECT_THROW(m.getLayer("nope"), Error);
  EXPECT_THROW(m.getLayer(9), Error);
  // TF.js 4.22's getConfig() for the same model (head's initializer left at its default).
  std::string config = m.getConfig().dump();
  EXPECT_NE(config.find(R"("inboundNodes":[[["a",0,0,{}]],[["b",0,0,{}]]])"), std::string::npos) << config;
  EXPECT_NE(config.find(R"("inputLayers":[["a",0,0],["b",0,0]],"outputLayers":[["head",0,0],["shared",1,0]]})"),
            std::string::npos)
      << config;
  EXPECT_EQ(config.rfind(R"({"name":"fm","layers":[{"name":"a","className":"InputLayer","config":{"batchInputShape":)"
                         R"([null,3],"dtype":"float32","sparse":false,"name":"a"},"inboundNodes":[]},)",
                         0),
            0u)
      << config;
}

TEST(ModelFunctional, SummaryWithConnectionsMatchesTfjs) {
  auto m = sharedModel();
  std::vector<std::string> lines;
  m.summary(std::nullopt, {}, [&](const std::string& l) { lines.push_back(l); });
  std::vector<std::string> expected = {
      std::string(115, '_'),
      "Layer (type)               Input Shape                 Output shape             Param #     Receives inputs        ",
      std::string(115, '='),
      "a (InputLayer)             [[null,3]]                  [null,3]                 0                                  ",
      std::string(115, '_'),
      "shared (Dense)             [[null,3]],[[null,3]]       [null,2]                 8           a[0][0]                ",
      "                                                                                            b[0][0]                ",
      std::string(115, '_'),
      "b (InputLayer)             [[null,3]]                  [null,3]                 0                                  ",
      std::string(115, '_'),
      "head (Dense)               [[null,2]]                  [null,1]                 3           shared[0][0]           ",
      std::string(115, '='),
      "Total params: 11",
      "Trainable params: 11",
      "Non-trainable params: 0",
      std::string(115, '_')};
  EXPECT_EQ(lines, expected);
}

TEST(ModelFunctional, SeveralInputsAndOutputsTrain) {
  auto m = sharedModel();
  m.compile({.optimizer = train::sgd(0.1), .loss = {"binaryCrossentropy", "meanSquaredError"}, .metrics = {"accuracy"}});
  EXPECT_EQ(m.metricsNames(),
            (std::vector<std::string>{"loss", "head_loss", "shared_loss", "head_acc", "shared_acc"}));
  Tensor a = tensor2d({1, 0, 0, 0, 1, 0}, {2, 3}), b = tensor2d({0, 0, 1, 1, 1, 1}, {2, 3});
  Tensor yHead = tensor2d({1, 0}, {2, 1}), yShared = tensor2d({1, 1, 3, 3}, {2, 2});
  auto h = m.fit({a, b}, {yHead, yShared}, {.epochs = 3, .verbose = 0});
  for (auto& key : {"loss", "head_loss", "shared_loss", "head_acc", "shared_acc"}) EXPECT_EQ(h.history.at(key).size(), 3u) << key;
  // the total is the sum of the per-output losses (logged before the update of the same batch)
  EXPECT_NEAR(h.history.at("loss")[0], h.history.at("head_loss")[0] + h.history.at("shared_loss")[0], 1e-5);
  auto outs = m.predictMulti({a, b});
  ASSERT_EQ(outs.size(), 2u);
  EXPECT_EQ(outs[0].shape(), (Shape{2, 1}));
  EXPECT_EQ(outs[1].shape(), (Shape{2, 2}));
  EXPECT_THROW(m.predict({a, b}), Error);  // two outputs: predictMulti
  // by name
  auto named = m.predictMulti(std::map<std::string, Tensor>{{"a", a}, {"b", b}});
  EXPECT_EQ(named[1].dataSync(), outs[1].dataSync());
  auto ev = m.evaluate({a, b}, std::map<std::string, Tensor>{{"head", yHead}, {"shared", yShared}});
  EXPECT_EQ(ev.size(), 5u);
  EXPECT_NEAR(ev[0].dataSync()[0], ev[1].dataSync()[0] + ev[2].dataSync()[0], 1e-5);
  EXPECT_THROW(m.fit(a, yHead, {.verbose = 0}), Error);  // needs both inputs
}

TEST(ModelFunctional, CustomLayerMergesInputs) {
  SymbolicTensor a = input({.shape = {2}}), b = input({.shape = {2}});
  Layer add(std::make_shared<AddLayer>());
  EXPECT_EQ(add.getClassName(), "AddLayer");
  SymbolicTensor sum = add.apply({a, b});
  SymbolicTensor out = layers::dense({.units = 1, .useBias = false, .kernelInitializer = "ones"}).apply(sum);
  auto m = model({.inputs = {a, b}, .outputs = {out}});
  Tensor y = m.predict({tensor2d({1, 2}, {1, 2}), tensor2d({3, 4}, {1, 2})});
  EXPECT_FLOAT_EQ(y.dataSync()[0], 10);
}

TEST(ModelFunctional, NestedModels) {
  auto inner = sequential({.name = "inner"});
  inner.add(layers::dense({.units = 3, .kernelInitializer = "ones", .inputShape = {2}}));
  SymbolicTensor x = input({.shape = {2}});
  SymbolicTensor h = inner.apply(x);
  SymbolicTensor y = layers::dense({.units = 1, .useBias = false, .kernelInitializer = "ones"}).apply(h);
  auto outer = model({.inputs = {x}, .outputs = {y}});
  EXPECT_EQ(outer.layers()[1].name(), "inner");
  EXPECT_EQ(outer.weights().size(), 3u);  // inner kernel, bias; outer kernel
  EXPECT_FLOAT_EQ(outer.predict(tensor2d({1, 2}, {1, 2})).dataSync()[0], 9);
  // a functional model inside a Sequential
  auto seq = sequential();
  seq.add(outer);
  seq.add(layers::dense({.units = 2}));
  EXPECT_EQ(seq.predict(ones({4, 2})).shape(), (Shape{4, 2}));
  seq.compile({.optimizer = "adam", .loss = "meanSquaredError"});
  auto hist = seq.fit(ones({4, 2}), zeros({4, 2}), {.epochs = 2, .verbose = 0});
  EXPECT_LE(hist.history.at("loss")[1], hist.history.at("loss")[0]);
}

TEST(ModelFunctional, ErrorsNameTheProblem) {
  SymbolicTensor a = input({.shape = {2}}), b = input({.shape = {2}});
  SymbolicTensor y = layers::dense({.units = 1}).apply(a);
  try {
    model({.inputs = {b}, .outputs = {y}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("Graph disconnected"), std::string::npos) << e.what();
  }
  EXPECT_THROW(model({.inputs = {a, a}, .outputs = {y}}), Error);
  EXPECT_THROW(model({.inputs = {y}, .outputs = {y}}), Error);  // not an InputLayer
}

TEST(ModelFunctional, RebuildsFromJson) {
  auto m = sharedModel();
  ConfigDict json = m.toJSON();
  EXPECT_NE(json.dump().find(R"("class_name":"Model")"), std::string::npos);
  EXPECT_NE(json.dump().find(R"("mode":"fan_avg")"), std::string::npos);
  EXPECT_NE(json.dump().find(R"("backend":"tensor_flow.js")"), std::string::npos);
  LayersModel copy = modelFromJSON(json);
  EXPECT_EQ(copy.getConfig(), m.getConfig());
  copy.setWeights(m.getWeights());
  Tensor a = tensor2d({1, 2, 3}, {1, 3}), b = tensor2d({4, 5, 6}, {1, 3});
  auto x = m.predictMulti({a, b}), y = copy.predictMulti({a, b});
  EXPECT_EQ(x[0].dataSync(), y[0].dataSync());
  EXPECT_EQ(x[1].dataSync(), y[1].dataSync());

  auto seq = sequential({.name = "sq"});
  seq.add(layers::dense({.units = 2, .inputShape = {3}, .name = "s1"}));
  seq.add(layers::dropout({.rate = 0.5, .name = "s2"}));
  std::string seqJson = seq.toJSON().dump();
  EXPECT_EQ(seqJson.rfind(R"({"class_name":"Sequential","config":{"name":"sq","layers":[{"class_name":"Dense",)"
                          R"("config":{"units":2,"activation":"linear","use_bias":true,)",
                          0),
            0u)
      << seqJson;
  auto seqCopy = modelFromJSON(seq.toJSON());
  EXPECT_EQ(seqCopy.getClassName(), "Sequential");
  EXPECT_EQ(seqCopy.getConfig(), seq.getConfig());
}

TEST(ModelFunctional, GraphsHaveNoOwnershipCycles) {
  auto before = memory();
  {
    auto m = sharedModel();
    m.compile({.optimizer = "adam", .loss = "meanSquaredError"});
    m.fit({ones({2, 3}), ones({2, 3})}, {ones({2, 1}), ones({2, 2})}, {.verbose = 0});
  }
  // Dropping the last handle frees the layers and their weights.
  EXPECT_EQ(memory().numTensors, before.numTensors);
  EXPECT_EQ(memory().numBytes, before.numBytes);
}
