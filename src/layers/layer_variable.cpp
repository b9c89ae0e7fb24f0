// LayerVariable: a tf.Variable with a layer-scoped unique name and a constraint.
#include "edgeflow/engine.h"
#include "edgeflow/layers/layer.h"
#include "layers/common.h"

namespace edgeflow {

using namespace layers_internal;

struct LayerVariable::Data {
  int64_t id = 0;
  DType dtype = DType::float32;
  Shape shape;
  std::string name;
  std::string originalName;
  bool trainable = true;
  constraints::ConstraintPtr constraint;
  Variable val;
};

LayerVariable::LayerVariable(const Tensor& initialValue, DType dtype, const std::string& name, bool trainable,
                             constraints::ConstraintPtr constraint)
    : data_(std::make_shared<Data>()) {
  Data& d = *data_;
  d.dtype = dtype;
  d.shape = initialValue.shape();
  d.id = nextUniqueTensorId();
  d.originalName = getScopedTensorName(name.empty() ? "Variable" : name);
  d.name = getUniqueTensorName(d.originalName);
  d.trainable = trainable;
  d.constraint = std::move(constraint);
  d.val = variable(initialValue, trainable, d.name, dtype);
}

static LayerVariable::Data& alive(const std::shared_ptr<LayerVariable::Data>& d) {
  if (!d) throw Error("LayerVariable: the handle is empty");
  return *d;
}

const std::string& LayerVariable::name() const { return alive(data_).name; }
const std::string& LayerVariable::originalName() const { return alive(data_).originalName; }
int64_t LayerVariable::id() const { return alive(data_).id; }
const Shape& LayerVariable::shape() const { return alive(data_).shape; }
DType LayerVariable::dtype() const { return alive(data_).dtype; }
bool LayerVariable::trainable() const { return alive(data_).trainable; }
void LayerVariable::setTrainable(bool trainable) const {
  Data& d = alive(data_);
  d.trainable = trainable;
  if (!d.val.isDisposed()) d.val.setTrainable(trainable);
}
const constraints::ConstraintPtr& LayerVariable::constraint() const { return alive(data_).constraint; }

const Variable& LayerVariable::read() const {
  const Data& d = alive(data_);
  if (d.val.isDisposed()) throw Error("LayersVariable " + d.name + " is already disposed.");
  return d.val;
}

void LayerVariable::write(const Tensor& value) const {
  const Variable& v = read();
  if (v.shape() != value.shape())
    throw Error("Shape mismatch: " + shapeToJsonString(v.shape()) + " vs. " + shapeToJsonString(value.shape()));
  if (v.id() == value.id()) return;
  v.assign(value);
  if (data_->constraint) {
    Tensor constrained = tidy([&] { return data_->constraint->apply(v); });
    v.assign(constrained);
  }
}

void LayerVariable::dispose() const { read().dispose(); }
bool LayerVariable::isDisposed() const { return alive(data_).val.isDisposed(); }

}  // namespace edgeflow
