// Every model.json / weights manifest in the team's data set (and the copies in tests/data) loads
// through io::fileSystem and decodes to the right tensors. Counts and byte totals come from the
// files themselves (see shared/data/SOURCES.md); the value sums and spot values were computed by
// TF.js 4.22 (tf.io.decodeWeights on the same bytes, summed in spec order in a JS double).
#include <cmath>

#include "io_test_util.h"

using namespace edgeflow;
using namespace io_test;

namespace {

struct Facts {
  const char* path;  // relative to shared/data
  size_t groups, tensors;
  int64_t bytes;
  int int32Tensors, quantizedTensors;
  double sum, sumAbs;
  const char* firstName;
  double firstFront, firstBack;
  const char* lastName;
  double lastFront, lastBack;
};

const Facts kModels[] = {
    {"tiny_linear_layers/model.json", 1, 2, 8, 0, 0, 1.006335735321045, 2.987631320953369, "dense/kernel",
     1.996983528137207, 1.996983528137207, "dense/bias", -0.9906477928161621, -0.9906477928161621},
    {"keras_tiny_mnist/tfjs_layers/model.json", 1, 20, 1113640, 0, 0, -834.4083931586897, 7997.315247262551,
     "batch_normalization/gamma", 1.0311808586120605, 1.0561906099319458, "dense/bias", -0.003206751774996519,
     -0.004539402201771736},
    {"keras_tiny_mnist/tfjs_graph/model.json", 1, 17, 1111860, 3, 0, -1058.5232414148009, 7775.2003990064395,
     "StatefulPartitionedCall/model/conv2d/Conv2D/ReadVariableOp", -0.029907338321208954, -0.03707883134484291,
     "StatefulPartitionedCall/model/batch_normalization_1/FusedBatchNormV3/Offset", -0.04526517912745476,
     -0.04796941205859184},
    {"keras3_mnist/cnn/tfjs_graph/model.json", 1, 12, 150456, 4, 0, -487.2440544600745, 4846.272791133682,
     "StatefulPartitionedCall/sequential_1/conv2d_1/convolution/ReadVariableOp", -0.37921613454818726,
     -0.011873915791511536, "StatefulPartitionedCall/sequential_1/dense_1_2/BiasAdd/ReadVariableOp",
     0.06172962114214897, 0.037895567715168},
    {"keras3_mnist/mlp/tfjs_graph/model.json", 1, 10, 473144, 4, 0, 570.2920555318832, 2240.892388007327,
     "StatefulPartitionedCall/sequential_1/flatten_1/strided_slice/stack", 0, 0,
     "StatefulPartitionedCall/sequential_1/dense_2_1/BiasAdd/ReadVariableOp", -0.02699291706085205,
     0.06513866782188416},
    {"mobilenet_v1_0.25_224_graph/model.json", 1, 72, 1875348, 1, 0, 1298.868153862914, 85000.81813597049,
     "module_apply_default/hub_input/Mul/y", 2, 2, "module/MobilenetV1/Logits/Conv2d_1c_1x1/biases",
     -0.7359765768051147, 0.47956767678260803},
    {"mobilenet_v1_0.25_224_layers/model.json", 55, 137, 1902176, 0, 0, 52408.77724854404, 131099.0222271012,
     "conv1/kernel", 0.6565709710121155, -6.223226280003061e-14, "conv_pw_9_bn/moving_variance", 2.5681519508361816,
     1.1536930799484253},
    {"teachable_machine_image/model.json", 1, 263, 2155232, 0, 0, 57966.00957836659, 121945.33576228743,
     "Conv1/kernel", 0.05361931025981903, 0.003481862600892782, "Conv_1_bn/moving_variance", 1.9256514310836792,
     1.715842843055725},
    {"tfjs_examples_abalone/trainedModel/model.json", 1, 6, 12204, 0, 0, 22.386509503412526, 373.01323097007116,
     "dense_Dense1/kernel", -0.033046185970306396, 0.14063742756843567, "dense_Dense3/bias", 0.2586931884288788,
     0.2586931884288788},
    {"faceapi_quantized_weights/face_expression_model-weights_manifest.json", 1, 49, 329468, 0, 32,
     590.3570866738737, 85900.43158997307, "dense0/conv0/filters", -0.017379043623805046, -0.05213713273406029,
     "fc/bias", 0.21222099661827087, -0.12776115536689758},
    {"faceapi_quantized_weights/face_landmark_68_tiny_model-weights_manifest.json", 1, 28, 77224, 0, 28,
     653.3232889607316, 19496.317048588186, "dense0/conv0/filters", 0.3687397241592407, 0, "fc/bias",
     0.088760145008564, 0.6346054077148438},
    {"faceapi_quantized_weights/tiny_face_detector_model-weights_manifest.json", 1, 19, 193321, 0, 19,
     -164.74253104883246, 80661.1410729147, "conv0/filters", 0.2882254123687744, -0.1981549710035324, "conv8/bias",
     0.16557379066944122, 0.009072535671293736},
};

double valueAt(const Tensor& t, size_t i) { return t.dataSync<double>()[i]; }

void checkModel(const Facts& f, const fs::path& modelJson) {
  SCOPED_TRACE(modelJson.string());
  io::ModelJSON m = io::parseModelJSON(readText(modelJson), modelJson.string());
  ASSERT_TRUE(m.weightsManifest.has_value());
  EXPECT_EQ(m.weightsManifest->size(), f.groups);

  io::ModelArtifacts a = io::fileSystem(modelJson.string())->load();
  ASSERT_TRUE(a.weightSpecs && a.weightData);
  ASSERT_EQ(a.weightSpecs->size(), f.tensors);
  EXPECT_EQ(static_cast<int64_t>(a.weightData->size()), f.bytes);

  tidy([&] {
    auto weights = io::decodeWeights(*a.weightData, *a.weightSpecs);
    ASSERT_EQ(weights.size(), f.tensors);
    int int32s = 0, quantized = 0;
    double sum = 0, sumAbs = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
      const auto& spec = (*a.weightSpecs)[i];
      EXPECT_EQ(weights[i].name, spec.name);
      EXPECT_EQ(weights[i].tensor.shape(), spec.shape) << spec.name;
      EXPECT_EQ(dtypeName(weights[i].tensor.dtype()), spec.dtype) << spec.name;
      int32s += spec.dtype == "int32";
      quantized += spec.quantization.has_value();
      for (float v : weights[i].tensor.dataSync<float>()) {
        sum += v;
        sumAbs += std::fabs(v);
      }
    }
    EXPECT_EQ(int32s, f.int32Tensors);
    EXPECT_EQ(quantized, f.quantizedTensors);
    EXPECT_NEAR(sum, f.sum, 1e-9 * f.sumAbs);
    EXPECT_NEAR(sumAbs, f.sumAbs, 1e-9 * f.sumAbs);
    const Tensor& first = weights.front().tensor;
    const Tensor& last = weights.back().tensor;
    EXPECT_EQ(weights.front().name, f.firstName);
    EXPECT_EQ(weights.back().name, f.lastName);
    EXPECT_EQ(valueAt(first, 0), f.firstFront);
    EXPECT_EQ(valueAt(first, static_cast<size_t>(first.size() - 1)), f.firstBack);
    EXPECT_EQ(valueAt(last, 0), f.lastFront);
    EXPECT_EQ(valueAt(last, static_cast<size_t>(last.size() - 1)), f.lastBack);
  });
}

}  // namespace

TEST(IoModelFiles, EverySharedModelLoadsAndDecodes) {
  IO_REQUIRE_SHARED_DATA();
  for (const auto& f : kModels) checkModel(f, sharedData() / f.path);
}

TEST(IoModelFiles, CopiesInTestsDataLoad) {
  checkModel(kModels[0], testModels() / "tiny_linear_layers" / "model.json");
  checkModel(kModels[1], testModels() / "keras_tiny_mnist_layers" / "model.json");
  // A directory means its model.json; file:// URLs work too.
  auto a = io::fileSystem("file://" + (testModels() / "tiny_linear_layers").string())->load();
  EXPECT_EQ(a.weightSpecs->size(), 2u);
}

TEST(IoModelFiles, ConverterLayoutKeepsItsMetadata) {
  // tensorflowjs_converter: modelTopology = {keras_version, backend, model_config, training_config}.
  auto a = io::fileSystem((testModels() / "tiny_linear_layers" / "model.json").string())->load();
  EXPECT_EQ(a.format, "layers-model");
  EXPECT_EQ(a.generatedBy, "keras v2.2.4-tf");
  EXPECT_EQ(a.convertedBy, "TensorFlow.js Converter v1.3.1.1");
  EXPECT_EQ(a.modelTopology["keras_version"], "2.2.4-tf");
  EXPECT_EQ(a.modelTopology["training_config"]["loss"], "mean_squared_error");
  const io::Json& config = io::layersModelConfig(a.modelTopology);
  EXPECT_EQ(config["class_name"], "Sequential");
  EXPECT_EQ(config["config"]["layers"][0]["config"]["units"], 1);
  EXPECT_TRUE(a.trainingConfig.is_null());  // converter files keep it inside modelTopology
  // Key order is kept (ordered_json), as JSON.stringify would.
  EXPECT_EQ(a.modelTopology.begin().key(), "keras_version");
}

TEST(IoModelFiles, TfjsWrittenAndOldLayouts) {
  IO_REQUIRE_SHARED_DATA();
  // Saved by TF.js itself: modelTopology is the model config, convertedBy is null.
  auto abalone = io::fileSystem((sharedData() / "tfjs_examples_abalone/trainedModel").string())->load();
  EXPECT_EQ(abalone.format, "layers-model");
  EXPECT_EQ(abalone.generatedBy, "TensorFlow.js tfjs-layers v1.3.2");
  EXPECT_FALSE(abalone.convertedBy.has_value());
  EXPECT_EQ(&io::layersModelConfig(abalone.modelTopology), &abalone.modelTopology);
  EXPECT_EQ(abalone.modelTopology["class_name"], "Sequential");

  // Old converter: only modelTopology + weightsManifest, one group per layer, no ".bin".
  auto mobilenet = io::parseModelJSON(readText(sharedData() / "mobilenet_v1_0.25_224_layers/model.json"));
  EXPECT_FALSE(mobilenet.format.has_value());
  EXPECT_EQ((*mobilenet.weightsManifest)[0].paths, std::vector<std::string>{"group1-shard1of1"});
  EXPECT_EQ(io::layersModelConfig(mobilenet.modelTopology)["config"]["name"], "mobilenet_0.25_224");

  // Graph models: the artifacts load; the signature sits in userDefinedMetadata or at the top.
  auto graph = io::fileSystem((sharedData() / "keras_tiny_mnist/tfjs_graph").string())->load();
  EXPECT_EQ(graph.format, "graph-model");
  EXPECT_TRUE(graph.modelTopology.contains("node"));
  EXPECT_TRUE(graph.userDefinedMetadata["signature"]["inputs"].contains("input_1:0"));
  auto keras3 = io::fileSystem((sharedData() / "keras3_mnist/cnn/tfjs_graph").string())->load();
  EXPECT_EQ(keras3.signature["outputs"]["output_0"]["name"], "Identity:0");

  // A bare weights manifest loads as weights only.
  auto face = io::fileSystem((sharedData() / "faceapi_quantized_weights/tiny_face_detector_model-weights_manifest.json").string())->load();
  EXPECT_TRUE(face.modelTopology.is_null());
  const auto& q = (*face.weightSpecs)[0].quantization;
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(q->dtype, "uint8");
  EXPECT_DOUBLE_EQ(*q->scale, 0.009007044399485869);
  EXPECT_DOUBLE_EQ(*q->min, -1.2069439495311063);
}

TEST(IoModelFiles, FaceApiUint8DequantizesAsTfjs) {
  IO_REQUIRE_SHARED_DATA();
  // value = q * scale + min, computed in double and stored as float32; q read straight from the shard.
  const fs::path dir = sharedData() / "faceapi_quantized_weights";
  auto manifest = io::parseWeightsManifest(readText(dir / "tiny_face_detector_model-weights_manifest.json"));
  auto weights = io::loadWeights(manifest, dir.string(), {"conv0/bias"});
  ASSERT_EQ(weights.size(), 1u);
  EXPECT_EQ(weights[0].tensor.shape(), (Shape{16}));
  std::string shard = readText(dir / "tiny_face_detector_model-shard1");
  const size_t offset = 3 * 3 * 3 * 16;  // conv0/filters comes first, one byte per value
  auto values = weights[0].tensor.dataSync<float>();
  for (size_t i = 0; i < 16; ++i) {
    double q = static_cast<uint8_t>(shard[offset + i]);
    EXPECT_EQ(values[i], static_cast<float>(q * 0.005263455241334205 + -0.9211046672334858)) << i;
  }
  // Only the group holding the requested weight is read; unknown names are an error naming them.
  std::string e = errorOf([&] { io::loadWeights(manifest, dir.string(), {"conv0/bias", "nope"}); });
  EXPECT_NE(e.find("could not find weights in manifest with names: nope"), std::string::npos) << e;
}
