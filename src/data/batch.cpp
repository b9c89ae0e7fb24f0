// Stacking of batch elements into tensors (the non-template half of batch.h).
#include "edgeflow/data/batch.h"

#include "edgeflow/ops/creation.h"
#include "edgeflow/ops/manipulation.h"

namespace edgeflow::data::detail {

std::string fieldPath(const std::string& path, const std::string& key) {
  if (path.empty()) return key;
  return !key.empty() && key[0] == '[' ? path + key : path + "." + key;
}

std::string indexKey(size_t i) {
  std::string key = "[";
  key += std::to_string(i);
  key += ']';
  return key;
}

void batchError(const std::string& path, const std::string& message) {
  throw Error("batch: " + (path.empty() ? std::string() : "field '" + path + "': ") + message);
}

Tensor stackTensors(const std::vector<const Tensor*>& rows, const std::string& path) {
  std::vector<Tensor> tensors;
  tensors.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const Tensor& t = *rows[i];
    if (!t.defined() || t.isDisposed())
      batchError(path, "element " + std::to_string(i) + " is " + (t.defined() ? "disposed" : "an undefined tensor"));
    const Tensor& first = *rows[0];
    if (t.shape() != first.shape() || t.dtype() != first.dtype())
      batchError(path, "element " + std::to_string(i) + " is " + dtypeName(t.dtype()) + " " +
                           shapeToString(t.shape()) + " but element 0 is " + dtypeName(first.dtype()) +
                           " " + shapeToString(first.shape()) + ": batched tensors must match");
    tensors.push_back(t);
  }
  return stack(tensors, 0);
}

Tensor valuesToTensor(const std::vector<double>& values, Shape shape, DType dtype) {
  return tensor(values, shape, dtype);
}

Tensor cellsToTensor(const std::vector<const Cell*>& cells, const std::string& path) {
  std::vector<double> values;
  values.reserve(cells.size());
  for (size_t i = 0; i < cells.size(); ++i) {
    const Cell& c = *cells[i];
    if (c.isString())
      batchError(path, "element " + std::to_string(i) + " is the string '" + c.string() +
                           "': edgeflow has no string tensors, so map string columns to numbers "
                           "before batching (e.g. with data::oneHot)");
    values.push_back(c.isNumber() ? c.number() : 0.0);  // missing: 0, as TF.js's tf.tensor
  }
  return tensor(values, {static_cast<int64_t>(values.size())});
}

}  // namespace edgeflow::data::detail
