// The cpu backend's SGEMM. Large products take the packed path (BLIS-style): B is packed once per
// (NC columns × KC depth) block into NR-wide panels shared by all threads (or once for good by
// packB, for weights used again and again), each task packs its MC rows of A into MR-high panels
// (kept in L2; A with few columns to meet is read in place) and sweeps them with the
// register-blocked micro-kernel (the KC×NR panel of B stays in L1), which also applies the
// epilogue (bias, relu/relu6) on the last pass over K. Small or thin products take the direct
// path, which packs nothing. Transposed operands are absorbed by the packing (strided reads),
// never copied whole.
#include "backends/cpu/gemm.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "backends/cpu/gemm_kernel.h"
#include "edgeflow/parallel.h"

namespace edgeflow::cpu {
namespace {

constexpr int W = kVecFloats;
using V = Vec;
constexpr int MR = Tile<W>::MR, NV = Tile<W>::NV, NR = NV * W;
// Cache blocking (L1d 32-48 KiB, L2 1 MiB per core on Zen 4/5): KC×NR floats of B stay in L1,
// MC×KC of A in L2. The measured optimum is flat around these values (docs/performance.md).
constexpr int64_t KC = 256;
constexpr int64_t MC = W == 16 ? 192 : 120;
constexpr int64_t NC = 2048;
static_assert(MC % MR == 0 && NC % NR == 0, "blocks must hold whole panels");

constexpr double kParallelFlops = 1 << 21;  // below ~2 MFLOP thread hand-off costs more than it saves
constexpr int64_t kTinyMacs = 4096;

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }
int64_t roundUp(int64_t a, int64_t b) { return ceilDiv(a, b) * b; }

// A growable 64-byte-aligned buffer; one per thread and purpose, kept between calls.
class Scratch {
 public:
  float* get(int64_t n) {
    if (n > size_) {
      buf_.reset(static_cast<float*>(std::aligned_alloc(64, static_cast<size_t>(roundUp(n, 16)) * sizeof(float))));
      size_ = roundUp(n, 16);
    }
    return buf_.get();
  }

 private:
  struct Free {
    void operator()(float* p) const { std::free(p); }
  };
  std::unique_ptr<float, Free> buf_;
  int64_t size_ = 0;
};
float* scratchA(int64_t n) {
  thread_local Scratch s;
  return s.get(n);
}
float* scratchB(int64_t n) {
  thread_local Scratch s;
  return s.get(n);
}
float* scratchCopy(int which, int64_t n) {
  thread_local Scratch s[2];
  return s[which].get(n);
}

// ---- packing -------------------------------------------------------------------------------

// A's rows [0, mc) × depth [0, kc) (a already offset) into MR-row panels: per k, MR consecutive
// values; rows past mc are zero.
void packA(int64_t mc, int64_t kc, MatrixRef a, float* out) {
  for (int64_t p = 0; p < mc; p += MR, out += MR * kc) {
    int64_t rows = std::min<int64_t>(MR, mc - p);
    const float* src = a.data + p * a.rowStride;
    if (rows < MR) std::memset(out, 0, sizeof(float) * static_cast<size_t>(MR * kc));
    if (a.rowStride == 1) {  // A transposed: the MR values of one k are contiguous
      for (int64_t k = 0; k < kc; ++k) std::memcpy(out + k * MR, src + k * a.colStride, sizeof(float) * static_cast<size_t>(rows));
    } else if (a.colStride == 1 && rows == MR) {
      // Depth outer: the MR values of each k are stored together (one contiguous write per k).
      const float* row[MR];
      for (int r = 0; r < MR; ++r) row[r] = src + r * a.rowStride;
      for (int64_t k = 0; k < kc; ++k)
#pragma GCC unroll 16
        for (int r = 0; r < MR; ++r) out[k * MR + r] = row[r][k];
    } else if (a.colStride == 1) {
      for (int64_t r = 0; r < rows; ++r) {
        const float* row = src + r * a.rowStride;
        for (int64_t k = 0; k < kc; ++k) out[k * MR + r] = row[k];
      }
    } else {
      for (int64_t r = 0; r < rows; ++r)
        for (int64_t k = 0; k < kc; ++k) out[k * MR + r] = src[r * a.rowStride + k * a.colStride];
    }
  }
}

// NR-column panels [p0, p1) of B's depth [0, kc) × columns [0, nc) (b already offset): per k, NR
// consecutive values; columns past nc are zero.
void packBPanels(int64_t kc, int64_t nc, MatrixRef b, float* out, int64_t p0, int64_t p1) {
  for (int64_t p = p0; p < p1; ++p) {
    float* o = out + p * NR * kc;
    int64_t j0 = p * NR, cols = std::min<int64_t>(NR, nc - j0);
    if (cols < NR) std::memset(o, 0, sizeof(float) * static_cast<size_t>(NR * kc));
    if (b.colStride == 1) {
      for (int64_t k = 0; k < kc; ++k)
        std::memcpy(o + k * NR, b.data + k * b.rowStride + j0, sizeof(float) * static_cast<size_t>(cols));
    } else {
      for (int64_t c = 0; c < cols; ++c) {
        const float* col = b.data + (j0 + c) * b.colStride;
        for (int64_t k = 0; k < kc; ++k) o[k * NR + c] = col[k * b.rowStride];
      }
    }
  }
}

}  // namespace

// Depth and width of the blocks of B. They depend on K and N only, so a B packed once serves any A.
// (Outside the anonymous namespace: PackedB, declared in gemm.h, holds one.)
struct Blocking {
  int64_t kc, nc;
};

namespace {

Blocking blocking(int64_t N, int64_t K) {
  // Balanced sizes (multiples of the tile) so that no block is a thin remainder.
  return {ceilDiv(K, ceilDiv(K, KC)), roundUp(ceilDiv(N, ceilDiv(N, NC)), NR)};
}

// One block of B packed into `out` (panels spread over threads when the product is parallel).
void packBBlock(int64_t kc, int64_t nc, MatrixRef bBlock, float* out, bool parallel) {
  parallelFor(ceilDiv(nc, NR), parallel ? static_cast<double>(kc * NR) : 0,
              [&](int64_t p0, int64_t p1) { packBPanels(kc, nc, bBlock, out, p0, p1); });
}

// ---- packed path ---------------------------------------------------------------------------

inline float epilogueOf(const GemmEpilogue& ep, float v, int64_t col) {
  if (ep.bias) v += ep.bias[col];
  v = v < ep.lo ? ep.lo : v;
  return v > ep.hi ? ep.hi : v;
}

// One MR×NR tile from a (packed, or A's rows lda apart) and a packed panel of B; the epilogue (on
// the last pass over K) uses the bias from column col0. Edge tiles go through a local buffer so
// the micro-kernel is always full size.
inline void tile(int64_t kc, const float* a, int64_t lda, bool packedA, const float* bp, float* c, int64_t ldc,
                 int64_t rows, int64_t cols, bool accumulate, const GemmEpilogue* ep, int64_t col0) {
  if (rows == MR && cols == NR) {
    GemmEpilogue te;
    if (ep) te = {ep->bias ? ep->bias + col0 : nullptr, ep->lo, ep->hi};
    if (packedA)
      microKernel<W, MR, NV, true>(kc, a, 0, bp, c, ldc, accumulate, ep ? &te : nullptr);
    else
      microKernel<W, MR, NV, false>(kc, a, lda, bp, c, ldc, accumulate, ep ? &te : nullptr);
    return;
  }
  if (!packedA && rows < MR) {  // reading MR rows in place would run past A: pack the few there are
    float* panel = scratchA(MR * kc);
    packA(rows, kc, MatrixRef{a, lda, 1}, panel);
    a = panel;
    packedA = true;
  }
  alignas(64) float t[MR * NR];
  if (packedA) {  // as few rows as cover the tile's (a 49-row product has a 1-row last tile)
    if (rows <= 1)
      microKernel<W, 1, NV, true, MR>(kc, a, 0, bp, t, NR, false, nullptr);
    else if (rows <= 2)
      microKernel<W, 2, NV, true, MR>(kc, a, 0, bp, t, NR, false, nullptr);
    else if (rows <= MR / 2)
      microKernel<W, MR / 2, NV, true, MR>(kc, a, 0, bp, t, NR, false, nullptr);
    else
      microKernel<W, MR, NV, true>(kc, a, 0, bp, t, NR, false, nullptr);
  } else {
    microKernel<W, MR, NV, false>(kc, a, lda, bp, t, NR, false, nullptr);
  }
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < cols; ++j) {
      float v = accumulate ? c[i * ldc + j] + t[i * NR + j] : t[i * NR + j];
      c[i * ldc + j] = ep ? epilogueOf(*ep, v, col0 + j) : v;
    }
}

}  // namespace

// B's blocks in gemmPacked's order (column blocks, then depth blocks), each a run of NR-wide panels.
struct PackedB {
  int64_t K = 0, N = 0;
  Blocking blk{};
  int64_t depthBlocks = 0;
  std::vector<int64_t> offsets;  // of block (column block, depth block)
  std::unique_ptr<float, decltype(&std::free)> data{nullptr, &std::free};
  const float* block(int64_t columnBlock, int64_t depthBlock) const {
    return data.get() + offsets[static_cast<size_t>(columnBlock * depthBlocks + depthBlock)];
  }
};

namespace {

// A is packed unless it has unit column stride and meets few column panels of B per row block:
// then each value is read about as often as packing would read it, and packing doubles the traffic
// (measured with MobileNet's 1×1 convolutions: N = 64 went from 132 to 155 GFLOP/s; from N = 256
// on, packing was 4 % faster).
constexpr int64_t kNoPackAColumns = 4 * NR;

void gemmPacked(int64_t M, int64_t N, int64_t K, MatrixRef a, MatrixRef b, const PackedB* pre, float* c,
                int64_t ldc, const GemmEpilogue* ep) {
  int threads = numThreads();
  bool parallel = threads > 1 && 2.0 * M * N * K >= kParallelFlops;
  const Blocking blk = pre ? pre->blk : blocking(N, K);
  const int64_t kc = blk.kc, ncMax = blk.nc;
  int64_t rowBlocks = ceilDiv(M, MC);
  int64_t mb = roundUp(ceilDiv(M, rowBlocks), MR);
  rowBlocks = ceilDiv(M, mb);
  const bool packedA = a.colStride != 1 || N > kNoPackAColumns;
  float* bp = pre ? nullptr : scratchB(ncMax * kc);

  for (int64_t jc = 0, jb = 0; jc < N; jc += ncMax, ++jb) {
    int64_t nc = std::min(ncMax, N - jc);
    int64_t panels = ceilDiv(nc, NR);
    // Column chunks so there are a few tasks per thread (dynamic balance on a shared machine).
    int64_t colChunks = 1;
    if (parallel) colChunks = std::clamp<int64_t>(ceilDiv(3 * threads, rowBlocks), 1, std::max<int64_t>(1, panels / 2));
    int64_t chunkPanels = ceilDiv(panels, colChunks);
    colChunks = ceilDiv(panels, chunkPanels);
    int64_t tasks = rowBlocks * colChunks;

    // The tasks' tiles over depth blocks [pb0, pb1), whose packed B blockOf(pb) gives.
    auto sweep = [&](int64_t pb0, int64_t pb1, auto blockOf) {
      std::atomic<int64_t> next{0};
      auto worker = [&](int64_t, int64_t) {
        float* ap = packedA ? scratchA(mb * kc) : nullptr;
        int64_t packedRow = -1, packedDepth = -1;
        for (int64_t t; (t = next.fetch_add(1)) < tasks;) {
          int64_t rb = t / colChunks, cb = t % colChunks;
          int64_t i0 = rb * mb, rows = std::min(mb, M - i0);
          for (int64_t pb = pb0; pb < pb1; ++pb) {
            int64_t pc = pb * kc, kcur = std::min(kc, K - pc);
            const GemmEpilogue* tileEp = pc + kcur == K ? ep : nullptr;
            const float* bBlock = blockOf(pb);
            if (packedA && (packedRow != rb || packedDepth != pb)) {
              packA(rows, kcur, MatrixRef{a.data + i0 * a.rowStride + pc * a.colStride, a.rowStride, a.colStride}, ap);
              packedRow = rb, packedDepth = pb;
            }
            int64_t pEnd = std::min(panels, (cb + 1) * chunkPanels);
            for (int64_t p = cb * chunkPanels; p < pEnd; ++p) {
              const float* bpp = bBlock + p * NR * kcur;
              int64_t j = jc + p * NR, cols = std::min<int64_t>(NR, N - j);
              for (int64_t ir = 0; ir < rows; ir += MR) {
                const float* at = packedA ? ap + ir * kcur : a.data + (i0 + ir) * a.rowStride + pc;
                tile(kcur, at, a.rowStride, packedA, bpp, c + (i0 + ir) * ldc + j, ldc, std::min<int64_t>(MR, rows - ir),
                     cols, pc > 0, tileEp, j);
              }
            }
          }
        }
      };
      if (parallel)
        parallelFor(threads, 1e12, worker);
      else
        worker(0, 1);
    };
    const int64_t depthBlocks = ceilDiv(K, kc);
    if (pre) {  // every depth block in one parallel region: one thread hand-off per product
      sweep(0, depthBlocks, [&](int64_t pb) { return pre->block(jb, pb); });
      continue;
    }
    for (int64_t pb = 0; pb < depthBlocks; ++pb) {
      int64_t pc = pb * kc;
      packBBlock(std::min(kc, K - pc), nc, MatrixRef{b.data + pc * b.rowStride + jc * b.colStride, b.rowStride, b.colStride},
                 bp, parallel);
      sweep(pb, pb + 1, [&](int64_t) -> const float* { return bp; });
    }
  }
}

// ---- direct path ---------------------------------------------------------------------------

// R rows of C from row i, columns [j, j + NVC·W): R×NVC accumulators over k, B read in place.
template <int R, int NVC>
inline void axpyBlock(int64_t i, int64_t j, int64_t K, MatrixRef a, MatrixRef b, float* c, int64_t ldc) {
  V acc[R][NVC] = {};
  const float* arow = a.data + i * a.rowStride;
  for (int64_t k = 0; k < K; ++k) {
    const float* bk = b.data + k * b.rowStride + j;
    V bv[NVC];
    for (int v = 0; v < NVC; ++v) bv[v] = loadu<V>(bk + v * W);
    for (int r = 0; r < R; ++r) {
      float av = arow[r * a.rowStride + k * a.colStride];
      for (int v = 0; v < NVC; ++v) acc[r][v] += bv[v] * av;
    }
  }
  for (int r = 0; r < R; ++r)
    for (int v = 0; v < NVC; ++v) storeu(c + (i + r) * ldc + j + v * W, acc[r][v]);
}

// About eight accumulators whatever R, for enough independent FMA chains.
template <int R>
void axpyRows(int64_t i, int64_t j0, int64_t j1, int64_t K, MatrixRef a, MatrixRef b, float* c, int64_t ldc) {
  constexpr int NVC = R == 1 ? 8 : R == 2 ? 4 : 2;
  int64_t j = j0;
  for (; j + NVC * W <= j1; j += NVC * W) axpyBlock<R, NVC>(i, j, K, a, b, c, ldc);
  for (; j + W <= j1; j += W) axpyBlock<R, 1>(i, j, K, a, b, c, ldc);
  for (; j < j1; ++j)
    for (int r = 0; r < R; ++r) {
      float s = 0;
      for (int64_t k = 0; k < K; ++k) s += a.data[(i + r) * a.rowStride + k * a.colStride] * b.data[k * b.rowStride + j];
      c[(i + r) * ldc + j] = s;
    }
}

// Rows [i0, i1) × columns [j0, j1) of C, for B with unit column stride: up to four C rows at a
// time accumulate rows of B scaled by A(i, k), so each loaded B vector serves several rows.
void directAxpy(int64_t i0, int64_t i1, int64_t j0, int64_t j1, int64_t K, MatrixRef a, MatrixRef b, float* c,
                int64_t ldc) {
  int64_t i = i0;
  for (; i + 4 <= i1; i += 4) axpyRows<4>(i, j0, j1, K, a, b, c, ldc);
  switch (i1 - i) {
    case 3: axpyRows<3>(i, j0, j1, K, a, b, c, ldc); break;
    case 2: axpyRows<2>(i, j0, j1, K, a, b, c, ldc); break;
    case 1: axpyRows<1>(i, j0, j1, K, a, b, c, ldc); break;
    default: break;
  }
}

// Rows [i0, i1) × columns [j0, j1) of C as dot products, for A with unit column stride and B with
// unit row stride (both contiguous along k).
void directDot(int64_t i0, int64_t i1, int64_t j0, int64_t j1, int64_t K, MatrixRef a, MatrixRef b, float* c,
               int64_t ldc) {
  for (int64_t i = i0; i < i1; ++i) {
    const float* arow = a.data + i * a.rowStride;
    for (int64_t j = j0; j < j1; j += 4) {
      int n = static_cast<int>(std::min<int64_t>(4, j1 - j));
      const float* bcol[4];
      for (int u = 0; u < 4; ++u) bcol[u] = b.data + (j + std::min(u, n - 1)) * b.colStride;
      V acc[4] = {};
      int64_t k = 0;
      for (; k + W <= K; k += W) {
        V av = loadu<V>(arow + k);
        for (int u = 0; u < 4; ++u) acc[u] += av * loadu<V>(bcol[u] + k);
      }
      for (int u = 0; u < n; ++u) {
        float s = hsum(acc[u]);
        for (int64_t kk = k; kk < K; ++kk) s += arow[kk] * bcol[u][kk];
        c[i * ldc + j + u] = s;
      }
    }
  }
}

// A strided copy of a matrix into row-major (or, with transpose, column-major) contiguous scratch.
MatrixRef contiguous(MatrixRef m, int64_t rows, int64_t cols, bool columnMajor) {
  float* t = scratchCopy(columnMajor ? 1 : 0, rows * cols);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t q = 0; q < cols; ++q)
      t[columnMajor ? q * rows + r : r * cols + q] = m.data[r * m.rowStride + q * m.colStride];
  return columnMajor ? MatrixRef{t, 1, rows} : MatrixRef{t, cols, 1};
}

// Tiny products: B copied into zero-padded rows of whole vectors, then up to four C rows at a time
// as sums of those rows scaled by A(i, k); only the last partial vector of a row goes via a buffer.
template <int R>
void tinyRows(int64_t i, int64_t N, int64_t np, int64_t K, MatrixRef a, const float* bp, float* c, int64_t ldc) {
  for (int64_t j = 0; j < np; j += W) {
    V acc[R] = {};
    for (int64_t k = 0; k < K; ++k) {
      V bv = *reinterpret_cast<const V*>(bp + k * np + j);
      for (int r = 0; r < R; ++r) acc[r] += bv * a.data[(i + r) * a.rowStride + k * a.colStride];
    }
    for (int r = 0; r < R; ++r) {
      float* dst = c + (i + r) * ldc + j;
      if (j + W <= N) {
        storeu(dst, acc[r]);
      } else {
        alignas(64) float t[W];
        storeu(t, acc[r]);
        std::memcpy(dst, t, sizeof(float) * static_cast<size_t>(N - j));
      }
    }
  }
}

void gemmTiny(int64_t M, int64_t N, int64_t K, MatrixRef a, MatrixRef b, float* c, int64_t ldc,
              const GemmEpilogue* ep) {
  int64_t np = roundUp(N, W);
  float* bp = scratchCopy(1, K * np);
  for (int64_t k = 0; k < K; ++k) {
    for (int64_t j = 0; j < N; ++j) bp[k * np + j] = b.data[k * b.rowStride + j * b.colStride];
    std::fill(bp + k * np + N, bp + (k + 1) * np, 0.0f);
  }
  int64_t i = 0;
  for (; i + 4 <= M; i += 4) tinyRows<4>(i, N, np, K, a, bp, c, ldc);
  switch (M - i) {
    case 3: tinyRows<3>(i, N, np, K, a, bp, c, ldc); break;
    case 2: tinyRows<2>(i, N, np, K, a, bp, c, ldc); break;
    case 1: tinyRows<1>(i, N, np, K, a, bp, c, ldc); break;
    default: break;
  }
  if (ep) applyEpilogue(*ep, c, ldc, M, N);
}

void gemmDirect(int64_t M, int64_t N, int64_t K, MatrixRef a, MatrixRef b, float* c, int64_t ldc,
                const GemmEpilogue* ep) {
  bool axpy = b.colStride == 1 && N >= W;
  if (!axpy) {
    // The dot form needs A along k and B along k contiguous; copy whichever is not (small here).
    if (a.colStride != 1) a = contiguous(a, M, K, false);
    if (b.rowStride != 1) b = contiguous(b, K, N, true);
  }
  auto run = [&](int64_t i0, int64_t i1, int64_t j0, int64_t j1) {
    (axpy ? directAxpy : directDot)(i0, i1, j0, j1, K, a, b, c, ldc);
    if (ep) applyEpilogue(*ep, c + i0 * ldc + j0, ldc, i1 - i0, j1 - j0, j0);
  };
  double flops = 2.0 * M * N * K;
  int threads = numThreads();
  if (threads <= 1 || flops < kParallelFlops) {
    run(0, M, 0, N);
  } else if (M >= 2 * threads) {
    parallelFor(M, 1e12, [&](int64_t i0, int64_t i1) { run(i0, i1, 0, N); });
  } else {
    int64_t step = axpy ? 8 * W : 4;
    parallelFor(ceilDiv(N, step), 1e12,
                [&](int64_t p0, int64_t p1) { run(0, M, p0 * step, std::min(N, p1 * step)); });
  }
}

}  // namespace

GemmPath gemmPath(int64_t M, int64_t N, int64_t K) {
  // Packing pays off once each packed value is reused enough; thin shapes would mostly multiply
  // the zero padding of a tile (thresholds measured on Zen 5, AVX-512).
  if (M * N * K <= kTinyMacs) return GemmPath::tiny;
  if (M < MR / 2 || N < W) return GemmPath::direct;
  return GemmPath::packed;
}

void applyEpilogue(const GemmEpilogue& ep, float* c, int64_t ldc, int64_t rows, int64_t cols, int64_t col0) {
  const float* bias = ep.bias ? ep.bias + col0 : nullptr;
  for (int64_t i = 0; i < rows; ++i) {
    float* row = c + i * ldc;
    int64_t j = 0;
    for (; j + W <= cols; j += W) {
      V v = loadu<V>(row + j);
      if (bias) v += loadu<V>(bias + j);
      storeu(row + j, clampLanes(v, ep.lo, ep.hi));
    }
    for (; j < cols; ++j) row[j] = epilogueOf(ep, row[j], col0 + j);
  }
}

namespace {
// An empty product: zeros, then the epilogue.
void gemmEmpty(int64_t M, int64_t N, float* c, int64_t ldc, const GemmEpilogue* ep) {
  for (int64_t i = 0; i < M; ++i) std::fill(c + i * ldc, c + i * ldc + N, 0.0f);
  if (ep) applyEpilogue(*ep, c, ldc, M, N);
}
}  // namespace

void gemm(int64_t M, int64_t N, int64_t K, MatrixRef a, MatrixRef b, float* c, int64_t ldc, const GemmEpilogue* ep) {
  if (M <= 0 || N <= 0) return;
  if (K <= 0) return gemmEmpty(M, N, c, ldc, ep);
  switch (gemmPath(M, N, K)) {
    case GemmPath::tiny: gemmTiny(M, N, K, a, b, c, ldc, ep); break;
    case GemmPath::direct: gemmDirect(M, N, K, a, b, c, ldc, ep); break;
    case GemmPath::packed: gemmPacked(M, N, K, a, b, nullptr, c, ldc, ep); break;
  }
}

std::shared_ptr<const PackedB> packB(int64_t K, int64_t N, MatrixRef b) {
  auto packed = std::make_shared<PackedB>();
  packed->K = K;
  packed->N = N;
  packed->blk = blocking(N, K);
  const int64_t kc = packed->blk.kc, ncMax = packed->blk.nc;
  packed->depthBlocks = ceilDiv(K, kc);
  int64_t total = 0;
  for (int64_t jc = 0; jc < N; jc += ncMax)
    for (int64_t pc = 0; pc < K; pc += kc) {
      packed->offsets.push_back(total);
      total += roundUp(std::min(ncMax, N - jc), NR) * std::min(kc, K - pc);
    }
  packed->data.reset(static_cast<float*>(std::aligned_alloc(64, static_cast<size_t>(roundUp(total, 16)) * sizeof(float))));
  const bool parallel = numThreads() > 1 && 2.0 * N * K >= kParallelFlops / 8;
  size_t blockIndex = 0;
  for (int64_t jc = 0; jc < N; jc += ncMax)
    for (int64_t pc = 0; pc < K; pc += kc)
      packBBlock(std::min(kc, K - pc), std::min(ncMax, N - jc),
                 MatrixRef{b.data + pc * b.rowStride + jc * b.colStride, b.rowStride, b.colStride},
                 packed->data.get() + packed->offsets[blockIndex++], parallel);
  return packed;
}

void gemm(int64_t M, int64_t N, int64_t K, MatrixRef a, const PackedB& b, float* c, int64_t ldc,
          const GemmEpilogue* ep) {
  if (M <= 0 || N <= 0) return;
  if (K <= 0) return gemmEmpty(M, N, c, ldc, ep);
  gemmPacked(M, N, K, a, MatrixRef{nullptr, 0, 0}, &b, c, ldc, ep);
}

}  // namespace edgeflow::cpu
