#include <cmath>

#include "api.h"
#include "edgeflow/engine.h"
#include "edgeflow/kernel.h"
#include "handles.h"
#include "js_error.h"
#include "layer_handles.h"
#include "op_table.h"

namespace edgeflow::web {

using emscripten::typed_memory_view;

val describe(const Tensor& t) {
  val out = val::object();
  out.set("id", handles().add(t));
  out.set("dtype", std::string(dtypeName(t.dtype())));
  out.set("shape", shapeToJs(t.shape()));
  return out;
}

std::vector<Tensor> tensorsOf(const val& ids, const std::string& what) {
  std::vector<Tensor> out;
  auto n = ids["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    double id = ids[i].as<double>();
    out.push_back(id < 0 ? Tensor() : handles().get(id, what + " input " + std::to_string(i)));
  }
  return out;
}

namespace {
DType jsDType(const std::string& name) {
  if (name == "float32") return DType::float32;
  if (name == "int32") return DType::int32;
  if (name == "bool") return DType::bool_;
  throw Error("Unsupported dtype '" + name + "': the wasm package supports float32, int32 and bool");
}

Shape shapeOf(const val& shape) {
  Shape out;
  auto n = shape["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    double d = shape[i].as<double>();
    if (!(d >= 0) || d != std::floor(d))
      throw Error("Tensor shape must contain non-negative integers, got " + std::to_string(d) + " at index " +
                  std::to_string(i));
    out.push_back(static_cast<int64_t>(d));
  }
  return out;
}
}  // namespace

val tensorFromArray(const val& values, const val& shape, const std::string& dtype) {
  return guarded([&] {
    Shape s = shapeOf(shape);
    DType d = jsDType(dtype);
    auto n = values["length"].as<double>();
    if (n != static_cast<double>(sizeFromShape(s)))
      throw Error("Based on the provided shape, " + shapeToString(s) + ", the tensor should have " +
                  std::to_string(sizeFromShape(s)) + " values but has " + std::to_string(static_cast<int64_t>(n)));
    Tensor t = makeTensor(s, d);
    size_t size = static_cast<size_t>(t.size());
    if (d == DType::float32)
      val(typed_memory_view(size, t.mutableData<float>())).call<void>("set", values);
    else if (d == DType::int32)
      val(typed_memory_view(size, t.mutableData<int32_t>())).call<void>("set", values);
    else
      val(typed_memory_view(size, t.mutableData<uint8_t>())).call<void>("set", values);
    return describe(t);
  });
}

val readData(double id) {
  return guarded([&] {
    Tensor t = handles().get(id, "dataSync");
    size_t n = static_cast<size_t>(t.size());
    switch (t.dtype()) {
      case DType::float32: return val(typed_memory_view(n, t.dataPtr<float>())).call<val>("slice");
      case DType::int32: return val(typed_memory_view(n, t.dataPtr<int32_t>())).call<val>("slice");
      default: return val(typed_memory_view(n, t.dataPtr<uint8_t>())).call<val>("slice");
    }
  });
}

bool hasTensor(double id) { return handles().has(id); }

void disposeTensor(double id) {
  guarded([&] { handles().release(id); });
}

void keepTensor(double id) {
  guarded([&] {
    if (handles().has(id)) keep(handles().get(id, "keep"));
  });
}

std::string tensorToString(double id, bool verbose) {
  return guarded([&] { return handles().get(id, "toString").toString(verbose); });
}

val runOp(const std::string& name, const val& inputIds, const std::string& attrsJson) {
  return guarded([&] {
    std::vector<Tensor> outputs = opTable().run(name, tensorsOf(inputIds, name), attrsJson);
    val out = val::array();
    for (size_t i = 0; i < outputs.size(); ++i) out.set(i, describe(outputs[i]));
    return out;
  });
}

val opNames() {
  val out = val::array();
  auto names = opTable().names();
  for (size_t i = 0; i < names.size(); ++i) out.set(i, names[i]);
  return out;
}

void startScope(const std::string& name) {
  guarded([&] {
    detail::startScope(name);
    handles().openLevel();
  });
}

void endScope(const val& keepIds) {
  guarded([&] {
    std::vector<Tensor> keepers;
    auto n = keepIds["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) {
      double id = keepIds[i].as<double>();
      if (handles().has(id)) keepers.push_back(handles().get(id, "tidy result"));
    }
    detail::endScope(keepers);
    handles().closeLevel();
  });
}

void abortScope() {
  guarded([&] {
    detail::abortScope();
    handles().closeLevel();
  });
}

val memoryInfo() {
  MemoryInfo m = memory();
  val out = val::object();
  out.set("numTensors", static_cast<double>(m.numTensors));
  out.set("numDataBuffers", static_cast<double>(m.numDataBuffers));
  out.set("numBytes", static_cast<double>(m.numBytes));
  out.set("unreliable", m.unreliable);
  return out;
}

void startProfile() { edgeflow::startProfile(); }

namespace {
val shapesOf(const std::vector<Shape>& shapes) {
  val out = val::array();
  for (size_t i = 0; i < shapes.size(); ++i) out.set(i, shapeToJs(shapes[i]));
  return out;
}
}  // namespace

// TF.js's ProfileInfo, without `result` (the JS side adds it).
val endProfile() {
  ProfileInfo info = edgeflow::endProfile();
  val out = val::object();
  out.set("newBytes", static_cast<double>(info.newBytes));
  out.set("newTensors", static_cast<double>(info.newTensors));
  out.set("peakBytes", static_cast<double>(info.peakBytes));
  val kernels = val::array(), names = val::array();
  for (size_t i = 0; i < info.kernels.size(); ++i) {
    const KernelProfile& k = info.kernels[i];
    val e = val::object();
    e.set("name", k.name);
    e.set("bytesAdded", static_cast<double>(k.bytesAdded));
    e.set("totalBytesSnapshot", static_cast<double>(k.totalBytesSnapshot));
    e.set("tensorsAdded", static_cast<double>(k.tensorsAdded));
    e.set("totalTensorsSnapshot", static_cast<double>(k.totalTensorsSnapshot));
    e.set("inputShapes", shapesOf(k.inputShapes));
    e.set("outputShapes", shapesOf(k.outputShapes));
    e.set("kernelTimeMs", k.kernelTimeMs);
    e.set("extraInfo", std::string());
    kernels.set(i, e);
  }
  for (size_t i = 0; i < info.kernelNames.size(); ++i) names.set(i, info.kernelNames[i]);
  out.set("kernels", kernels);
  out.set("kernelNames", names);
  return out;
}

std::string backendName() { return getBackend(); }

}  // namespace edgeflow::web
