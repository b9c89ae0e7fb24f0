// Helpers shared by layers, models and training: TF.js's uids and tensor names, name scopes,
// JSON for shapes and numbers. Internal.
#pragma once
#include <string>
#include <vector>

#include "edgeflow/layers/config_json.h"
#include "edgeflow/tensor.h"
#include "edgeflow/types.h"

namespace edgeflow::layers_internal {

// TF.js's getUid: "Dense" -> "Dense1", "Dense2", ... (one counter per prefix).
std::string getUid(const std::string& prefix);
// "LayersModel" -> "layers_model" (TF.js's toSnakeCase).
std::string toSnakeCase(const std::string& name);
// "learning_rate" -> "learningRate" (tfjs-layers' toCamelCase).
std::string toCamelCase(const std::string& name);
// The current name scope ("outer/inner/") + name.
std::string getScopedTensorName(const std::string& name);
// name, or name_1, name_2, ... if it was handed out before (TF.js's getUniqueTensorName).
std::string getUniqueTensorName(const std::string& scopedName);
int64_t nextUniqueTensorId();

class NameScope {
 public:
  explicit NameScope(const std::string& name);
  ~NameScope();
  NameScope(const NameScope&) = delete;
  NameScope& operator=(const NameScope&) = delete;
};

// Shapes in JSON: -1 <-> null.
Json shapeToJson(const Shape& shape);
Shape shapeFromJson(const Json& j);
// A number as JSON.stringify writes it: integral values without a fraction.
Json jsonNumber(double v);
// "[null,3]" as JSON.stringify prints a shape.
std::string shapeToJsonString(const Shape& shape);
// "a, b, c"
std::string joinNames(const std::vector<std::string>& names);
// Whether a shape has no unknown (-1) dimension.
bool fullyDefined(const Shape& shape);
// The one input of a single-input layer; throws naming the layer otherwise.
const Tensor& onlyInput(const std::vector<Tensor>& inputs, const std::string& layer);

}  // namespace edgeflow::layers_internal
