// The engine: kernel registry, backends, scopes (tidy), memory accounting, variables, taping.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <unordered_map>

#include "core/buffer_cache.h"
#include "core/tape.h"
#include "core/tensor_impl.h"
#include "edgeflow/engine.h"
#include "edgeflow/kernel.h"

namespace edgeflow {
namespace {

struct BackendInfo {
  std::string parent;
  int priority = 0;
};

struct Scope {
  std::string name;
  std::vector<std::weak_ptr<TensorImpl>> tracked;
};

struct EngineState {
  // Registry.
  std::map<std::string, BackendInfo> backends;
  std::unordered_map<std::string, std::unordered_map<std::string, KernelFunc>> kernels;
  std::unordered_map<std::string, GradFunc> gradients;
  std::string activeBackend;
  // Memory.
  int64_t numTensors = 0;
  int64_t numDataBuffers = 0;
  int64_t numBytes = 0;
  int64_t nextId = 0;
  // Scopes, tapes, variables.
  std::vector<Scope> scopes;
  std::vector<Tape*> tapes;
  int kernelDepth = 0;
  std::map<std::string, std::weak_ptr<TensorImpl>> variables;
  struct OpenProfile {
    ProfileInfo info;
    int64_t bytesAtStart = 0, tensorsAtStart = 0;
  };
  std::vector<OpenProfile> profiles;  // open profile() calls, innermost last
};

EngineState& state() {
  static EngineState* s = new EngineState();  // never destroyed: tensors may outlive main()
  return *s;
}

const KernelFunc* findKernel(const std::string& name, std::string backend) {
  auto& s = state();
  auto it = s.kernels.find(name);
  if (it == s.kernels.end()) return nullptr;
  for (int hops = 0; !backend.empty() && hops < 16; ++hops) {
    auto k = it->second.find(backend);
    if (k != it->second.end()) return &k->second;
    auto b = s.backends.find(backend);
    backend = b == s.backends.end() ? "" : b->second.parent;
  }
  return nullptr;
}

}  // namespace

// ---- Data buffers and tensor lifetime ----

DataBuffer::DataBuffer(size_t n) : bytes(n) {
  // 64-byte alignment for AVX-512 loads; never a null pointer, even for empty tensors.
  ptr = buffer_cache::acquire(n, capacity);
  state().numDataBuffers++;
}

DataBuffer::~DataBuffer() {
  buffer_cache::release(ptr, capacity);
  if (!hidden) state().numDataBuffers--;
}

TensorImpl::TensorImpl(Shape s, DType d, std::shared_ptr<DataBuffer> buf)
    : id(engine::nextTensorId()), shape(std::move(s)), dtype(d), size(sizeFromShape(shape)),
      data(std::move(buf)) {
  engine::onTensorCreated(*this);
}

TensorImpl::~TensorImpl() {
  if (!disposed) {
    if (isVariable) engine::unregisterVariable(this);
    if (!hidden) engine::onTensorReleased(*this);
  }
}

void TensorImpl::checkAlive(const char* what) const {
  if (disposed) throw Error(std::string("Tensor is disposed.") + (what ? std::string(" (") + what + ")" : ""));
}

namespace engine {

int64_t nextTensorId() { return state().nextId++; }
// As TF.js, numBytes counts every live tensor's bytes, also when tensors share a buffer (reshape).
int64_t tensorBytes(const TensorImpl& t) { return t.size * static_cast<int64_t>(dtypeSize(t.dtype)); }
void onTensorCreated(const TensorImpl& t) {
  auto& s = state();
  s.numTensors++;
  s.numBytes += tensorBytes(t);
  if (!s.profiles.empty()) s.profiles.back().info.peakBytes = std::max(s.profiles.back().info.peakBytes, s.numBytes);
}
void onTensorReleased(const TensorImpl& t) {
  state().numTensors--;
  state().numBytes -= tensorBytes(t);
}
void hideFromMemory(const Tensor& t) {
  TensorImpl* impl = t.impl();
  if (!impl || impl->hidden || impl->disposed) return;
  impl->hidden = true;
  onTensorReleased(*impl);
  if (impl->data && !impl->data->hidden) {
    impl->data->hidden = true;
    state().numDataBuffers--;
  }
}
bool recording() { return !state().tapes.empty(); }

void disposeImpl(TensorImpl* impl) {
  if (!impl || impl->disposed) return;
  if (impl->tapeHolds > 0) {
    impl->disposeDeferred = true;
    return;
  }
  impl->disposed = true;
  if (impl->isVariable) unregisterVariable(impl);
  impl->data.reset();
  if (!impl->hidden) onTensorReleased(*impl);
}

void trackInScope(const std::shared_ptr<TensorImpl>& impl) {
  auto& s = state();
  if (!s.scopes.empty()) s.scopes.back().tracked.push_back(impl);
}

void registerVariable(const std::shared_ptr<TensorImpl>& impl) {
  auto& vars = state().variables;
  auto it = vars.find(impl->name);
  if (it != vars.end() && !it->second.expired())
    throw Error("Variable with name " + impl->name + " was already registered");
  vars[impl->name] = impl;
}

void unregisterVariable(TensorImpl* impl) {
  auto& vars = state().variables;
  auto it = vars.find(impl->name);
  if (it != vars.end()) {
    auto p = it->second.lock();
    if (!p || p.get() == impl) vars.erase(it);
  }
}

std::vector<Variable> trainableVariables() {
  std::vector<Variable> out;
  for (auto& [name, w] : state().variables)
    if (auto p = w.lock(); p && !p->disposed && p->trainable) out.emplace_back(p);
  return out;
}

void swapTapes(std::vector<Tape*>& tapes) { std::swap(state().tapes, tapes); }

void pushTape(Tape* tape) { state().tapes.push_back(tape); }
void popTape(Tape* tape) {
  auto& t = state().tapes;
  t.erase(std::remove(t.begin(), t.end(), tape), t.end());
}

void recordNode(const std::string& kernelName, const std::vector<Tensor>& inputs,
                const std::vector<Tensor>& outputs, const Attrs& attrs, const GradFunc& customGrad) {
  for (Tape* tape : state().tapes) {
    auto node = std::make_unique<TapeNode>();
    node->kernelName = kernelName;
    for (auto& t : inputs) node->inputs.push_back(std::make_unique<TapeRef>(t));
    for (auto& t : outputs) node->outputs.push_back(std::make_unique<TapeRef>(t));
    node->attrs = attrs;
    node->customGrad = customGrad;
    tape->nodes.push_back(std::move(node));
  }
}

const GradFunc* findGradient(const std::string& kernelName) {
  auto& g = state().gradients;
  auto it = g.find(kernelName);
  return it == g.end() ? nullptr : &it->second;
}

}  // namespace engine

TapeRef::TapeRef(const Tensor& t) : t_(t) {
  if (t_.impl()) t_.impl()->tapeHolds++;
}
TapeRef::~TapeRef() {
  if (auto* impl = t_.impl()) {
    if (--impl->tapeHolds == 0 && impl->disposeDeferred) engine::disposeImpl(impl);
  }
}

// ---- Registry ----

void registerBackend(const std::string& name, const std::string& parent, int priority) {
  auto& s = state();
  s.backends[name] = BackendInfo{parent, priority};
  // The highest-priority backend is active unless the user chose one.
  if (s.activeBackend.empty() || s.backends[s.activeBackend].priority < priority) s.activeBackend = name;
}

void registerKernel(const std::string& kernelName, const std::string& backend, KernelFunc fn) {
  state().kernels[kernelName][backend] = std::move(fn);
}

void registerGradient(const std::string& kernelName, GradFunc fn) {
  state().gradients[kernelName] = std::move(fn);
}

bool hasKernel(const std::string& kernelName, const std::string& backend) {
  auto& k = state().kernels;
  auto it = k.find(kernelName);
  return it != k.end() && it->second.count(backend);
}

const KernelFunc& getKernel(const std::string& kernelName, const std::string& backend) {
  auto& k = state().kernels;
  auto it = k.find(kernelName);
  if (it != k.end()) {
    auto b = it->second.find(backend);
    if (b != it->second.end()) return b->second;
  }
  throw Error("getKernel: no kernel '" + kernelName + "' registered for backend '" + backend + "'");
}

bool hasGradient(const std::string& kernelName) { return engine::findGradient(kernelName) != nullptr; }

std::vector<std::string> registeredKernelNames() {
  std::vector<std::string> names;
  for (auto& kv : state().kernels) names.push_back(kv.first);
  std::sort(names.begin(), names.end());
  return names;
}

void setBackend(const std::string& name) {
  auto& s = state();
  if (!s.backends.count(name)) {
    std::string known;
    for (auto& kv : s.backends) known += (known.empty() ? "" : ", ") + kv.first;
    throw Error("setBackend: unknown backend '" + name + "' (registered: " + known + ")");
  }
  s.activeBackend = name;
}

std::string getBackend() { return state().activeBackend; }

std::vector<std::string> listBackends() {
  std::vector<std::string> out;
  for (auto& kv : state().backends) out.push_back(kv.first);
  return out;
}

std::vector<Tensor> runKernel(const std::string& kernelName, const std::vector<Tensor>& inputs,
                              const Attrs& attrs) {
  auto& s = state();
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (!inputs[i].defined()) throw Error(kernelName + ": input " + std::to_string(i) + " is undefined");
    inputs[i].impl()->checkAlive(kernelName.c_str());
  }
  const KernelFunc* k = findKernel(kernelName, s.activeBackend);
  if (!k) throw Error("Kernel '" + kernelName + "' not registered for backend '" + s.activeBackend + "'");
  const bool profiled = s.kernelDepth == 0 && !s.profiles.empty();
  const int64_t bytesBefore = s.numBytes, tensorsBefore = s.numTensors;
  const auto startedAt = profiled ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
  s.kernelDepth++;
  std::vector<Tensor> outputs;
  try {
    outputs = (*k)(KernelContext{inputs, attrs, s.activeBackend});
  } catch (...) {
    s.kernelDepth--;
    throw;
  }
  s.kernelDepth--;
  if (profiled && !s.profiles.empty()) {
    ProfileInfo& profiling = s.profiles.back().info;
    KernelProfile kp;
    kp.kernelTimeMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - startedAt).count();
    kp.name = kernelName;
    for (const Tensor& t : inputs) kp.inputShapes.push_back(t.shape());
    for (const Tensor& t : outputs) kp.outputShapes.push_back(t.shape());
    kp.bytesAdded = s.numBytes - bytesBefore, kp.tensorsAdded = s.numTensors - tensorsBefore;
    kp.totalBytesSnapshot = s.numBytes, kp.totalTensorsSnapshot = s.numTensors;
    if (std::find(profiling.kernelNames.begin(), profiling.kernelNames.end(), kernelName) == profiling.kernelNames.end())
      profiling.kernelNames.push_back(kernelName);
    profiling.kernels.push_back(std::move(kp));
  }
  if (s.kernelDepth == 0 && !s.tapes.empty()) engine::recordNode(kernelName, inputs, outputs, attrs, nullptr);
  return outputs;
}

static Tensor newTensor(const Shape& shape, DType dtype, std::shared_ptr<DataBuffer> buf) {
  for (int64_t d : shape)
    if (d < 0) throw Error("tensor shape " + shapeToString(shape) + " has a negative dimension");
  auto impl = std::make_shared<TensorImpl>(shape, dtype, std::move(buf));
  engine::trackInScope(impl);
  return Tensor(impl);
}

Tensor makeTensor(const Shape& shape, DType dtype) {
  for (int64_t d : shape)
    if (d < 0) throw Error("tensor shape " + shapeToString(shape) + " has a negative dimension");
  size_t bytes = static_cast<size_t>(sizeFromShape(shape)) * dtypeSize(dtype);
  return newTensor(shape, dtype, std::make_shared<DataBuffer>(bytes));
}

Tensor makeTensorSharingData(const Tensor& x, const Shape& shape) {
  x.impl()->checkAlive();
  if (sizeFromShape(shape) != x.size())
    throw Error("makeTensorSharingData: size of " + shapeToString(shape) + " differs from " +
                shapeToString(x.shape()));
  return newTensor(shape, x.dtype(), x.impl()->data);
}

// ---- Memory and scopes ----

void startProfile() {
  auto& s = state();
  auto& open = s.profiles.emplace_back();
  open.info.peakBytes = open.bytesAtStart = s.numBytes;
  open.tensorsAtStart = s.numTensors;
}

ProfileInfo endProfile() {
  auto& s = state();
  if (s.profiles.empty()) throw Error("endProfile: no profile was started");
  EngineState::OpenProfile open = std::move(s.profiles.back());
  s.profiles.pop_back();
  ProfileInfo& info = open.info;
  if (!s.profiles.empty()) s.profiles.back().info.peakBytes = std::max(s.profiles.back().info.peakBytes, info.peakBytes);
  info.newBytes = s.numBytes - open.bytesAtStart, info.newTensors = s.numTensors - open.tensorsAtStart;
  return std::move(info);
}

ProfileInfo profile(const std::function<void()>& f) {
  startProfile();
  try {
    f();
  } catch (...) {
    endProfile();
    throw;
  }
  return endProfile();
}

MemoryInfo memory() {
  auto& s = state();
  return MemoryInfo{s.numTensors, s.numDataBuffers, s.numBytes, false};
}

Tensor keep(const Tensor& t) {
  if (t.impl()) t.impl()->kept = true;
  return t;
}

void dispose(const Tensor& t) { engine::disposeImpl(t.impl()); }
void dispose(const std::vector<Tensor>& ts) {
  for (auto& t : ts) dispose(t);
}

void disposeVariables() {
  auto vars = state().variables;  // copy: disposing unregisters
  for (auto& [name, w] : vars)
    if (auto p = w.lock()) engine::disposeImpl(p.get());
}

namespace detail {

void startScope(const std::string& name) { state().scopes.push_back(Scope{name, {}}); }

void endScope(const std::vector<Tensor>& results) {
  auto& s = state();
  if (s.scopes.empty()) throw Error("tidy: endScope without a scope");
  Scope scope = std::move(s.scopes.back());
  s.scopes.pop_back();
  std::vector<TensorImpl*> keepers;
  for (auto& r : results)
    if (r.impl()) keepers.push_back(r.impl());
  for (auto& w : scope.tracked) {
    auto p = w.lock();
    if (!p || p->disposed || p->kept || p->isVariable) continue;
    if (std::find(keepers.begin(), keepers.end(), p.get()) != keepers.end()) {
      engine::trackInScope(p);  // results belong to the enclosing scope
      continue;
    }
    engine::disposeImpl(p.get());
  }
}

void abortScope() {
  // On an exception everything the scope created is released, nothing is returned.
  if (!state().scopes.empty()) endScope({});
}

}  // namespace detail
}  // namespace edgeflow
