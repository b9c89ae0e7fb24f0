// toString()/print() against TF.js's format. The expected strings were produced by TF.js 4.22
// (@tensorflow/tfjs, cpu backend) in node with `t.toString()` and `t.toString(true)` on the same
// tensors, and pasted here verbatim.
#include <sstream>
#include <iostream>
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "edgeflow/edgeflow.h"

using namespace edgeflow;

namespace {

struct PrintCase {
  const char* name;
  std::function<Tensor()> make;
  const char* plain;    // TF.js t.toString()
  const char* verbose;  // TF.js t.toString(true)
};

const std::vector<PrintCase>& printCases() {
  static const std::vector<PrintCase> cases = {
    {"vec", [] { return tensor({1, 2, 3}); }, "Tensor\n    [1, 2, 3]",
     "Tensor\n  dtype: float32\n  rank: 1\n  shape: [3]\n  values:\n    [1, 2, 3]"},
    {"matPad", [] { return tensor2d({{1, 22, 3}, {4, 5, 666}}); }, "Tensor\n    [[1, 22, 3  ],\n     [4, 5 , 666]]",
     "Tensor\n  dtype: float32\n  rank: 2\n  shape: [2,3]\n  values:\n    [[1, 22, 3  ],\n     [4, 5 , 666]]"},
    {"floats", [] { return tensor({1.5, -2.25, 0.1}); }, "Tensor\n    [1.5, -2.25, 0.1]",
     "Tensor\n  dtype: float32\n  rank: 1\n  shape: [3]\n  values:\n    [1.5, -2.25, 0.1]"},
    {"scalarFloat", [] { return scalar(0.1); }, "Tensor\n    0.10000000149011612",
     "Tensor\n  dtype: float32\n  rank: 0\n  shape: []\n  values:\n    0.10000000149011612"},
    {"scalarInt", [] { return scalar(-5, DType::int32); }, "Tensor\n    -5",
     "Tensor\n  dtype: int32\n  rank: 0\n  shape: []\n  values:\n    -5"},
    {"scalarBool", [] { return scalar(1, DType::bool_); }, "Tensor\n    true",
     "Tensor\n  dtype: bool\n  rank: 0\n  shape: []\n  values:\n    true"},
    {"bools", [] { return tensor(std::vector<bool>{true, false, true}); }, "Tensor\n    [true, false, true]",
     "Tensor\n  dtype: bool\n  rank: 1\n  shape: [3]\n  values:\n    [true, false, true]"},
    {"boolMat", [] { return tensor2d({{1, 0}, {0, 1}}, DType::bool_); }, "Tensor\n    [[true , false],\n     [false, true ]]",
     "Tensor\n  dtype: bool\n  rank: 2\n  shape: [2,2]\n  values:\n    [[true , false],\n     [false, true ]]"},
    {"t3d", [] { return tensor({1, 2, 3, 4, 5, 6, 7, 8}, {2, 2, 2}); }, "Tensor\n    [[[1, 2],\n      [3, 4]],\n\n     [[5, 6],\n      [7, 8]]]",
     "Tensor\n  dtype: float32\n  rank: 3\n  shape: [2,2,2]\n  values:\n    [[[1, 2],\n      [3, 4]],\n\n     [[5, 6],\n      [7, 8]]]"},
    {"t4d", [] { return tensor({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, {2, 2, 2, 2}); }, "Tensor\n    [[[[1 , 2 ],\n       [3 , 4 ]],\n\n      [[5 , 6 ],\n       [7 , 8 ]]],\n\n\n     [[[9 , 10],\n       [11, 12]],\n\n      [[13, 14],\n       [15, 16]]]]",
     "Tensor\n  dtype: float32\n  rank: 4\n  shape: [2,2,2,2]\n  values:\n    [[[[1 , 2 ],\n       [3 , 4 ]],\n\n      [[5 , 6 ],\n       [7 , 8 ]]],\n\n\n     [[[9 , 10],\n       [11, 12]],\n\n      [[13, 14],\n       [15, 16]]]]"},
    {"long1d", [] { return range(0, 25); }, "Tensor\n    [0, 1, 2, ..., 22, 23, 24]",
     "Tensor\n  dtype: float32\n  rank: 1\n  shape: [25]\n  values:\n    [0, 1, 2, ..., 22, 23, 24]"},
    {"longRows", [] { return range(0, 50).reshape({25, 2}); }, "Tensor\n    [[0 , 1 ],\n     [2 , 3 ],\n     [4 , 5 ],\n     ...,\n     [44, 45],\n     [46, 47],\n     [48, 49]]",
     "Tensor\n  dtype: float32\n  rank: 2\n  shape: [25,2]\n  values:\n    [[0 , 1 ],\n     [2 , 3 ],\n     [4 , 5 ],\n     ...,\n     [44, 45],\n     [46, 47],\n     [48, 49]]"},
    {"longCols", [] { return range(0, 50).reshape({2, 25}); }, "Tensor\n    [[0 , 1 , 2 , ..., 22, 23, 24],\n     [25, 26, 27, ..., 47, 48, 49]]",
     "Tensor\n  dtype: float32\n  rank: 2\n  shape: [2,25]\n  values:\n    [[0 , 1 , 2 , ..., 22, 23, 24],\n     [25, 26, 27, ..., 47, 48, 49]]"},
    {"ties", [] { return tensor({0.00390625, -0.00390625, 1.0000000596046448}); }, "Tensor\n    [0.0039063, -0.0039063, 1]",
     "Tensor\n  dtype: float32\n  rank: 1\n  shape: [3]\n  values:\n    [0.0039063, -0.0039063, 1]"},
    {"special", [] { return tensor({NAN, INFINITY, -INFINITY, -0.0, 1e-8, -1e-9}); }, "Tensor\n    [NaN, Infinity, -Infinity, 0, 0, 0]",
     "Tensor\n  dtype: float32\n  rank: 1\n  shape: [6]\n  values:\n    [NaN, Infinity, -Infinity, 0, 0, 0]"},
    {"big", [] { return tensor({3e38, 1e21, 123456789, -1e20}); }, "Tensor\n    [3.0000000054977558e+38, 1.0000000200408773e+21, 123456792, -100000002004087730000]",
     "Tensor\n  dtype: float32\n  rank: 1\n  shape: [4]\n  values:\n    [3.0000000054977558e+38, 1.0000000200408773e+21, 123456792, -100000002004087730000]"},
    {"empty1d", [] { return tensor(std::vector<double>{}, {0}); }, "Tensor\n    []",
     "Tensor\n  dtype: float32\n  rank: 1\n  shape: [0]\n  values:\n    []"},
    {"empty2d", [] { return tensor(std::vector<double>{}, {0, 3}); }, "Tensor\n     []",
     "Tensor\n  dtype: float32\n  rank: 2\n  shape: [0,3]\n  values:\n     []"},
    {"empty2dCols", [] { return tensor(std::vector<double>{}, {2, 0}); }, "Tensor\n    [[],\n     []]",
     "Tensor\n  dtype: float32\n  rank: 2\n  shape: [2,0]\n  values:\n    [[],\n     []]"},
    {"intMat", [] { return tensor2d({{-1, 20}, {300, -4000}}, DType::int32); }, "Tensor\n    [[-1 , 20   ],\n     [300, -4000]]",
     "Tensor\n  dtype: int32\n  rank: 2\n  shape: [2,2]\n  values:\n    [[-1 , 20   ],\n     [300, -4000]]"},
    {"mixedMat", [] { return tensor2d({{0.5, -12.125}, {100, 3.3333333}}); }, "Tensor\n    [[0.5, -12.125  ],\n     [100, 3.3333333]]",
     "Tensor\n  dtype: float32\n  rank: 2\n  shape: [2,2]\n  values:\n    [[0.5, -12.125  ],\n     [100, 3.3333333]]"},
    {"single", [] { return tensor2d({{7}}); }, "Tensor\n     [[7],]",
     "Tensor\n  dtype: float32\n  rank: 2\n  shape: [1,1]\n  values:\n     [[7],]"},
  };
  return cases;
}

const PrintCase& find(const std::string& name) {
  for (auto& c : printCases())
    if (name == c.name) return c;
  throw std::runtime_error("no print case " + name);
}

void expectFormat(const std::string& name) {
  const PrintCase& c = find(name);
  Tensor t = c.make();
  EXPECT_EQ(t.toString(), c.plain) << name;
  EXPECT_EQ(t.toString(true), c.verbose) << name << " (verbose)";
}

}  // namespace

#define EF_PRINT_TEST(name) \
  TEST(Print, name) { expectFormat(#name); }
EF_PRINT_TEST(vec)
EF_PRINT_TEST(matPad)
EF_PRINT_TEST(floats)
EF_PRINT_TEST(scalarFloat)
EF_PRINT_TEST(scalarInt)
EF_PRINT_TEST(scalarBool)
EF_PRINT_TEST(bools)
EF_PRINT_TEST(boolMat)
EF_PRINT_TEST(t3d)
EF_PRINT_TEST(t4d)
EF_PRINT_TEST(long1d)
EF_PRINT_TEST(longRows)
EF_PRINT_TEST(longCols)
EF_PRINT_TEST(ties)
EF_PRINT_TEST(special)
EF_PRINT_TEST(big)
EF_PRINT_TEST(empty1d)
EF_PRINT_TEST(empty2d)
EF_PRINT_TEST(empty2dCols)
EF_PRINT_TEST(intMat)
EF_PRINT_TEST(mixedMat)
EF_PRINT_TEST(single)

TEST(Print, PrintWritesToStringToStdout) {
  Tensor t = tensor({1, 2, 3});
  // Swap std::cout's buffer rather than gtest's CaptureStdout, which needs fd redirection (not in wasm).
  std::ostringstream captured;
  std::streambuf* saved = std::cout.rdbuf(captured.rdbuf());
  t.print();
  t.print(true);
  std::cout.rdbuf(saved);
  std::string out = captured.str();
  EXPECT_EQ(out, t.toString() + "\n" + t.toString(true) + "\n");
}

TEST(Print, DisposedTensorThrows) {
  Tensor t = tensor({1, 2});
  t.dispose();
  EXPECT_THROW(t.toString(), Error);
}
