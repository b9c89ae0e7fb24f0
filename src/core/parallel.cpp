// A persistent worker pool. parallelFor gives each thread one contiguous chunk; the caller works too.
#include "edgeflow/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace edgeflow {
namespace {

constexpr double kMinParallelWork = 64 * 1024;  // below this, thread hand-off costs more than it saves
std::atomic<int64_t> poolChunks{0};

#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
constexpr bool kHaveThreads = false;
#else
constexpr bool kHaveThreads = true;
#endif

class Pool {
 public:
  explicit Pool(int n) { resize(n); }
  ~Pool() { stop(); }

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  void resize(int n) {
    stop();
    stopping_ = false;
    // The generation is read here, not when the thread first runs: a run() that starts before a
    // slow thread does would otherwise look finished to it, and run() would wait for it forever.
    uint64_t current;
    {
      std::lock_guard<std::mutex> lock(mu_);
      current = generation_;
    }
    for (int i = 1; i < n; ++i) workers_.emplace_back([this, i, current] { loop(i, current); });
  }

  void run(int chunks, const std::function<void(int)>& task) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      task_ = &task;
      chunks_ = chunks;
      pending_ = chunks - 1;
      ++generation_;
    }
    cv_.notify_all();
    task(0);
    std::unique_lock<std::mutex> lock(mu_);
    done_.wait(lock, [this] { return pending_ == 0; });
    task_ = nullptr;
  }

 private:
  void loop(int index, uint64_t seen) {
    for (;;) {
      const std::function<void(int)>* task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [&] { return stopping_ || generation_ != seen; });
        if (stopping_) return;
        seen = generation_;
        if (index >= chunks_) continue;
        task = task_;
      }
      (*task)(index);
      poolChunks.fetch_add(1, std::memory_order_relaxed);
      std::lock_guard<std::mutex> lock(mu_);
      if (--pending_ == 0) done_.notify_one();
    }
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (auto& t : workers_) t.join();
    workers_.clear();
  }

  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable cv_, done_;
  const std::function<void(int)>* task_ = nullptr;
  int chunks_ = 0, pending_ = 0;
  uint64_t generation_ = 0;
  bool stopping_ = false;
};

int defaultThreads() {
  if (!kHaveThreads) return 1;
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

Pool& pool() {
  static Pool* p = new Pool(defaultThreads());  // leaked on purpose: no join at static destruction
  return *p;
}

std::atomic<bool> inParallel{false};

}  // namespace

void setNumThreads(int n) {
  if (!kHaveThreads) return;
  pool().resize(n <= 0 ? defaultThreads() : n);
}

int numThreads() { return pool().size(); }

int64_t chunksRunOnPoolThreads() { return poolChunks.load(std::memory_order_relaxed); }

void parallelFor(int64_t n, double costPerItem, const std::function<void(int64_t, int64_t)>& fn) {
  if (n <= 0) return;
  int threads = numThreads();
  double work = static_cast<double>(n) * costPerItem;
  // Nested calls run serially: the pool has one job at a time.
  if (threads <= 1 || work < kMinParallelWork || inParallel.exchange(true)) {
    fn(0, n);
    return;
  }
  int chunks = static_cast<int>(std::min<int64_t>(threads, n));
  std::exception_ptr error;
  std::mutex errorMu;
  std::function<void(int)> task = [&](int c) {
    int64_t b = n * c / chunks, e = n * (c + 1) / chunks;
    try {
      if (b < e) fn(b, e);
    } catch (...) {
      std::lock_guard<std::mutex> lock(errorMu);
      if (!error) error = std::current_exception();
    }
  };
  pool().run(chunks, task);
  inParallel = false;
  if (error) std::rethrow_exception(error);
}

}  // namespace edgeflow
