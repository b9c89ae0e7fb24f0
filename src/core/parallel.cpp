// A persistent worker pool. parallelFor cuts [0, n) into one chunk per thread; the caller and the
// workers claim chunks from a shared counter, so a worker that wakes late finds its chunk already
// done by the caller instead of holding it up.
//
// Hand-off cost decides MobileNet's speed on two cores (~28 parallel kernels per predict, each
// ~0.1 ms): a worker that sleeps on a condition variable takes tens of microseconds to wake. So
// between kernels a worker first polls for the next job for a short while, and the caller polls
// for the last chunk before it sleeps. Polling only pays while the cores are ours: when a thread is
// seen losing its core (a long gap between two clock reads of a poll, or a caller waiting long for
// workers that were all polling), the machine is oversubscribed and the pool stops polling for a
// while (docs/performance.md has the measurements).
#include "edgeflow/parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
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

using Clock = std::chrono::steady_clock;
constexpr auto kPollFor = std::chrono::microseconds(50);       // how long an idle thread polls
constexpr auto kPreempted = std::chrono::microseconds(500);    // a wait this long: a thread lost its core
constexpr auto kQuietAfterPreemption = std::chrono::milliseconds(50);

inline void cpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

// Until when polling is off (nanoseconds on the clock), after a thread was seen losing its core.
std::atomic<int64_t> noPollUntil{0};

int64_t ticks(Clock::time_point t) { return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count(); }

void backOff(Clock::time_point now) {
  noPollUntil.store(ticks(now + kQuietAfterPreemption), std::memory_order_relaxed);
}

// Polls done() for up to kPollFor; false when it gave up (time out, or the core was taken away).
template <class Done>
bool poll(Done done) {
  Clock::time_point start = Clock::now(), last = start;
  if (ticks(start) < noPollUntil.load(std::memory_order_relaxed)) return done();
  for (;;) {
    bool ready = false;
    for (int i = 0; i < 32 && !(ready = done()); ++i) cpuRelax();
    Clock::time_point now = Clock::now();
    if (now - last > kPreempted) {
      backOff(now);
      return ready || done();
    }
    if (ready) return true;
    if (now - start > kPollFor) return done();
    last = now;
  }
}

// The job: generation in the high 32 bits, next unclaimed chunk in the low 32. A claim is a CAS on
// both, so a worker can never take a chunk of a newer job with an older job's task.
constexpr uint64_t pack(uint64_t generation, uint64_t next) { return generation << 32 | next; }
constexpr uint32_t generationOf(uint64_t s) { return static_cast<uint32_t>(s >> 32); }
constexpr uint32_t nextOf(uint64_t s) { return static_cast<uint32_t>(s); }

class Pool {
 public:
  explicit Pool(int n) { resize(n); }
  ~Pool() { stop(); }

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  void resize(int n) {
    stop();
    stopping_ = false;
    // Read here, not when a thread first runs: a job published before a slow thread starts is
    // then still new to it (the caller would do its chunks anyway, but alone).
    const uint32_t current = generationOf(state_.load(std::memory_order_acquire));
    for (int i = 1; i < n; ++i) workers_.emplace_back([this, current] { loop(current); });
  }

  void run(int chunks, const std::function<void(int)>& task) {
    // Relaxed: the release store of the new state below publishes them.
    task_.store(&task, std::memory_order_relaxed);
    chunks_.store(static_cast<uint32_t>(chunks), std::memory_order_relaxed);
    finished_.store(0, std::memory_order_relaxed);
    uint32_t generation = generationOf(state_.load(std::memory_order_relaxed)) + 1;
    {
      std::lock_guard<std::mutex> lock(mu_);  // a worker checking the state under mu_ sees it change or is woken
      state_.store(pack(generation, 0), std::memory_order_release);
    }
    const bool noneAsleep = sleepers_.load(std::memory_order_acquire) == 0;
    if (!noneAsleep) wake_.notify_all();
    work(generation, false);
    auto finished = [&] { return finished_.load(std::memory_order_acquire) == static_cast<uint32_t>(chunks); };
    const Clock::time_point waitFrom = Clock::now();
    if (poll(finished)) return;
    {
      std::unique_lock<std::mutex> lock(mu_);
      callerWaits_ = true;
      done_.wait(lock, finished);
      callerWaits_ = false;
    }
    // A worker that was polling finishes its chunk close to the caller; one that took this long
    // lost its core: the machine is busy, stop polling for a while.
    if (noneAsleep && Clock::now() - waitFrom > kPreempted) backOff(Clock::now());
  }

 private:
  // Claims and runs chunks of the given job until none are left.
  void work(uint32_t generation, bool onPool) {
    uint64_t s = state_.load(std::memory_order_acquire);
    for (;;) {
      const uint32_t chunks = chunks_.load(std::memory_order_relaxed);
      if (generationOf(s) != generation || nextOf(s) >= chunks) return;
      // Read before the claim: if the claim succeeds, this job was still the current one.
      const std::function<void(int)>* task = task_.load(std::memory_order_relaxed);
      if (!state_.compare_exchange_weak(s, s + 1, std::memory_order_acq_rel, std::memory_order_acquire)) continue;
      (*task)(static_cast<int>(nextOf(s)));
      if (onPool) poolChunks.fetch_add(1, std::memory_order_relaxed);
      if (finished_.fetch_add(1, std::memory_order_acq_rel) + 1 == chunks) {
        std::lock_guard<std::mutex> lock(mu_);
        if (callerWaits_) done_.notify_one();
      }
      s = state_.load(std::memory_order_acquire);
    }
  }

  void loop(uint32_t seen) {
    for (;;) {
      auto fresh = [&] { return generationOf(state_.load(std::memory_order_acquire)) != seen; };
      if (!poll(fresh)) {
        std::unique_lock<std::mutex> lock(mu_);
        sleepers_.fetch_add(1, std::memory_order_acq_rel);
        wake_.wait(lock, [&] { return stopping_ || fresh(); });
        sleepers_.fetch_sub(1, std::memory_order_acq_rel);
        if (stopping_) return;
      }
      seen = generationOf(state_.load(std::memory_order_acquire));
      work(seen, true);
    }
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
      // Pollers see a new generation and go to sleep, where they find stopping_.
      state_.store(pack(generationOf(state_.load()) + 1, 0xffffffffu), std::memory_order_release);
    }
    wake_.notify_all();
    for (auto& t : workers_) t.join();
    workers_.clear();
  }

  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable wake_, done_;
  std::atomic<uint64_t> state_{0};
  std::atomic<uint32_t> finished_{0};
  std::atomic<int> sleepers_{0};
  std::atomic<const std::function<void(int)>*> task_{nullptr};
  std::atomic<uint32_t> chunks_{0};
  bool stopping_ = false, callerWaits_ = false;
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
