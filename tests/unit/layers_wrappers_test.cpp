// Bidirectional and TimeDistributed: what the TF.js oracle (family recurrent) does not check:
// weight names, symbolic shapes, merge mode "none" and returned states, errors, a model round trip.
#include <gtest/gtest.h>

#include <string>

#include "edgeflow/edgeflow.h"
#include "unit/error_text.h"

using namespace edgeflow;

namespace {

using edgeflow_test::errorOf;
using edgeflow_test::has;

}  // namespace

TEST(LayersWrappers, WeightNamesAsTfjs) {
  // From TF.js 4.22: bidirectional_Bidirectional1/forward_lstm_LSTM1/kernel [4,8] ... and
  // time_distributed_TimeDistributed1/kernel [4,3] (the inner layer's name is not in the path).
  Layer lstm = layers::lstm({.units = 2});
  Layer bi = layers::bidirectional({.layer = lstm});
  bi.apply(input({.shape = {3, 4}}));
  auto w = bi.weights();
  ASSERT_EQ(w.size(), 6u);
  EXPECT_EQ(w[0].name(), bi.name() + "/forward_" + lstm.name() + "/kernel");
  EXPECT_EQ(w[0].shape(), (Shape{4, 8}));
  EXPECT_EQ(w[4].name(), bi.name() + "/backward_" + lstm.name() + "/recurrent_kernel");
  Layer dense = layers::dense({.units = 3});
  Layer td = layers::timeDistributed({.layer = dense});
  EXPECT_EQ(td.apply(input({.shape = {5, 4}})).shape(), (Shape{-1, 5, 3}));
  ASSERT_EQ(td.weights().size(), 2u);
  EXPECT_EQ(td.weights()[0].name(), td.name() + "/kernel");
  EXPECT_EQ(td.countParams(), 4 * 3 + 3);
}

TEST(LayersWrappers, ShapesMergeModesAndStates) {
  SymbolicTensor seq = input({.shape = {6, 3}});
  EXPECT_EQ(layers::bidirectional({.layer = layers::gru({.units = 4, .returnSequences = true})}).apply(seq).shape(),
            (Shape{-1, 6, 8}));
  EXPECT_EQ(layers::bidirectional({.layer = layers::gru({.units = 4}), .mergeMode = "sum"}).apply(seq).shape(),
            (Shape{-1, 4}));
  auto both = layers::bidirectional({.layer = layers::simpleRNN({.units = 2}), .mergeMode = "none"}).applyMulti({seq});
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[1].shape(), (Shape{-1, 2}));
  auto withStates =
      layers::bidirectional({.layer = layers::lstm({.units = 2, .returnState = true})}).applyMulti({seq});
  ASSERT_EQ(withStates.size(), 5u);  // output, forward h and c, backward h and c
  EXPECT_EQ(withStates[0].shape(), (Shape{-1, 4}));
  EXPECT_EQ(withStates[4].shape(), (Shape{-1, 2}));
  // On tensors: the backward half of "concat" equals an RNN run on the reversed sequence.
  Tensor x = randomNormal({2, 6, 3}, 0, 1, DType::float32, 5);
  Layer bi = layers::bidirectional({.layer = layers::simpleRNN({.units = 2, .returnSequences = true})});
  Tensor y = bi.apply(x);
  Layer back = layers::simpleRNN({.units = 2, .returnSequences = true, .goBackwards = true});
  back.apply(x);
  auto w = bi.getWeights();
  back.setWeights({w[3], w[4], w[5]});
  Tensor expected = reverse(back.apply(x), std::vector<int64_t>{1});
  Tensor got = slice(y, {0, 0, 2}, {2, 6, 2});
  EXPECT_LT(max(abs(sub(got, expected))).dataSync<float>()[0], 1e-6f);
}

TEST(LayersWrappers, ErrorsNameTheProblem) {
  EXPECT_TRUE(has(errorOf([] { layers::timeDistributed({}); }), "TimeDistributed: the layer to wrap is missing"));
  EXPECT_TRUE(has(errorOf([] { layers::bidirectional({.layer = layers::lstm({.units = 1}), .mergeMode = "max"}); }),
                  "Invalid BidirectionalMergeMode: 'max'"));
  EXPECT_TRUE(has(errorOf([] { layers::timeDistributed({.layer = layers::dense({.units = 1})}).apply(input({.shape = {3}})); }),
                  "TimeDistributed layer expects an input shape >= 3D"));
}

TEST(LayersWrappers, ModelJsonRoundTripPredictsTheSame) {
  auto model = sequential();
  model.add(layers::timeDistributed({.layer = layers::dense({.units = 4, .activation = "relu"}), .inputShape = {5, 3}}));
  model.add(layers::bidirectional({.layer = layers::lstm({.units = 3}), .mergeMode = "ave"}));
  model.add(layers::dense({.units = 2}));
  Tensor x = randomNormal({2, 5, 3}, 0, 1, DType::float32, 7);
  Tensor y = model.predict(x);
  LayersModel copy = modelFromJSON(model.toJSON());
  copy.setWeights(model.getWeights());
  EXPECT_LT(max(abs(sub(copy.predict(x), y))).dataSync<float>()[0], 1e-6f);
  EXPECT_TRUE(has(copy.toJSON().dump(), R"("class_name":"Bidirectional","config":{"merge_mode":"ave","layer":{"class_name":"LSTM")"))
      << copy.toJSON().dump();
}

TEST(LayersRecurrentInitialState, FunctionalEncoderDecoderAndErrors) {
  // A seq2seq-style graph: the encoder's final states start the decoder.
  SymbolicTensor enc = input({.shape = {4, 3}}), dec = input({.shape = {5, 2}});
  auto encoded = layers::lstm({.units = 6, .returnState = true}).applyMulti({enc});
  ASSERT_EQ(encoded.size(), 3u);
  Layer decoder = layers::lstm({.units = 6, .returnSequences = true});
  SymbolicTensor out = decoder.apply(std::vector<SymbolicTensor>{dec, encoded[1], encoded[2]});
  EXPECT_EQ(out.shape(), (Shape{-1, 5, 6}));
  LayersModel m = model({.inputs = {enc, dec}, .outputs = {out}});
  Tensor y = m.predict(std::vector<Tensor>{ones({2, 4, 3}), ones({2, 5, 2})});
  EXPECT_EQ(y.shape(), (Shape{2, 5, 6}));
  // The same decoder without states starts from zeros: a different result.
  Tensor fromZeros = decoder.apply(ones({2, 5, 2}));
  EXPECT_GT(max(abs(sub(fromZeros, y))).dataSync<float>()[0], 1e-4f);
  EXPECT_TRUE(has(errorOf([&] { decoder.apply(std::vector<Tensor>{ones({2, 5, 2}), ones({2, 6})}); }),
                  "expects the input alone or with its 2 initial state(s), got 2 inputs"));
  const std::string badShape = errorOf([&] { decoder.apply(std::vector<Tensor>{ones({2, 5, 2}), ones({2, 5}), ones({2, 6})}); });
  EXPECT_TRUE(has(badShape, "Input 1 is incompatible with layer " + decoder.name() + ": expected shape=[null,6], found shape=[2,5]"))
      << badShape;
}
