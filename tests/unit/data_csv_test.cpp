// tf.data.csv on the TF.js course's iris.csv and on small files written here. Expected rows,
// column names and batch values come from TF.js 4.22's tf.data.csv('file://...') in node, or
// from the file contents.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include <unistd.h>

#include "edgeflow/data.h"
#include "edgeflow/edgeflow.h"
#include "unit/error_text.h"

using namespace edgeflow;
namespace fs = std::filesystem;

namespace {

std::string irisPath() { return (fs::path(EDGEFLOW_SOURCE_DIR) / "tests" / "data" / "iris.csv").string(); }

// A temporary file removed at the end of the test.
class TempCsv {
 public:
  explicit TempCsv(const std::string& contents) {
    static int counter = 0;
    path_ = (fs::temp_directory_path() /
             ("edgeflow_data_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".csv"))
                .string();
    std::ofstream(path_, std::ios::binary) << contents;
  }
  ~TempCsv() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

using edgeflow_test::errorOf;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

const data::CsvConfig kSpeciesLabel{.columnConfigs = {{"species", {.isLabel = true}}}};

}  // namespace

TEST(DataCsv, IrisRowsAndColumnNamesAsTFJS) {
  auto ds = data::csv(irisPath(), kSpeciesLabel);
  EXPECT_EQ(ds.columnNames(),
            (std::vector<std::string>{"sepal_length", "sepal_width", "petal_length", "petal_width", "species"}));
  EXPECT_EQ(ds.size(), std::nullopt);
  auto rows = ds.toArray();
  ASSERT_EQ(rows.size(), 150u);
  // TF.js: {"xs":{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2},
  //         "ys":{"species":"setosa"}} ... last {"xs":{5.9,3,5.1,1.8},"ys":{"species":"virginica"}}
  EXPECT_EQ(rows[0].xs, (data::Row{{"sepal_length", 5.1}, {"sepal_width", 3.5}, {"petal_length", 1.4},
                                   {"petal_width", 0.2}}));
  EXPECT_EQ(rows[0].ys, (data::Row{{"species", "setosa"}}));
  EXPECT_EQ(rows[149].xs.numbers(), (std::vector<double>{5.9, 3, 5.1, 1.8}));
  EXPECT_EQ(rows[149].ys["species"], "virginica");
  // Column sums and label counts from TF.js.
  std::map<std::string, double> sums;
  std::map<std::string, int> counts;
  for (const auto& r : rows) {
    for (const auto& [k, v] : r.xs) sums[k] += v.number();
    counts[r.ys["species"].string()]++;
  }
  EXPECT_NEAR(sums["sepal_length"], 876.5000000000002, 1e-9);
  EXPECT_NEAR(sums["sepal_width"], 458.10000000000014, 1e-9);
  EXPECT_NEAR(sums["petal_length"], 563.8000000000004, 1e-9);
  EXPECT_NEAR(sums["petal_width"], 179.8000000000001, 1e-9);
  EXPECT_EQ(counts, (std::map<std::string, int>{{"setosa", 50}, {"versicolor", 50}, {"virginica", 50}}));
  // Without a label the whole row is in xs.
  auto plain = data::csv("file://" + irisPath()).take(1).toArray();
  EXPECT_EQ(plain[0].xs.size(), 5u);
  EXPECT_TRUE(plain[0].ys.empty());
  EXPECT_EQ(plain[0].xs["species"], "setosa");
}

TEST(DataCsv, CourseIrisPipelineBatchesAsTFJS) {
  // The course: map(({xs, ys}) => ({xs: Object.values(xs), ys: one-hot species})).batch(10).
  auto before = memory().numTensors;
  {
    const std::vector<std::string> species{"setosa", "virginica", "versicolor"};
    auto converted = data::csv(irisPath(), kSpeciesLabel)
                         .map([&](const data::CsvRow& r) {
                           return data::Example{r.xs.toTensor(), data::oneHot(r.ys["species"], species)};
                         })
                         .batch(10);
    EXPECT_EQ(converted.size(), std::nullopt);
    auto batches = converted.toArray();
    ASSERT_EQ(batches.size(), 15u);
    EXPECT_EQ(batches[0].xs.shape(), (Shape{10, 4}));
    EXPECT_EQ(batches[0].ys.shape(), (Shape{10, 3}));
    // TF.js's batches[14].xs.dataSync() and ys.dataSync().
    std::vector<float> xs14{6.7f, 3.1f, 5.6f, 2.4f, 6.9f, 3.1f, 5.1f, 2.3f, 5.8f, 2.7f, 5.1f, 1.9f, 6.8f, 3.2f,
                            5.9f, 2.3f, 6.7f, 3.3f, 5.7f, 2.5f, 6.7f, 3.0f, 5.2f, 2.3f, 6.3f, 2.5f, 5.0f, 1.9f,
                            6.5f, 3.0f, 5.2f, 2.0f, 6.2f, 3.4f, 5.4f, 2.3f, 5.9f, 3.0f, 5.1f, 1.8f};
    EXPECT_EQ(batches[14].xs.dataSync(), xs14);
    std::vector<float> ys14;
    for (int i = 0; i < 10; ++i) ys14.insert(ys14.end(), {0, 1, 0});
    EXPECT_EQ(batches[14].ys.dataSync(), ys14);
    // The same with plain numbers instead of per-row tensors: batching makes the tensors.
    auto viaNumbers = data::csv(irisPath(), kSpeciesLabel)
                          .map([](const data::CsvRow& r) {
                            const auto& s = r.ys["species"];
                            return data::XY{r.xs.numbers(),
                                            std::vector<double>{s == "setosa" ? 1.0 : 0.0, s == "virginica" ? 1.0 : 0.0,
                                                                s == "versicolor" ? 1.0 : 0.0}};
                          })
                          .batch(10)
                          .toArray();
    ASSERT_EQ(viaNumbers.size(), 15u);
    EXPECT_EQ(viaNumbers[14].xs.dataSync(), xs14);
    EXPECT_EQ(viaNumbers[14].ys.dataSync(), ys14);
  }
  EXPECT_EQ(memory().numTensors, before);
}

TEST(DataCsv, BatchingRowsDirectly) {
  auto batches = data::csv(irisPath(), kSpeciesLabel).map([](data::CsvRow r) { return r.xs; }).batch(16).toArray();
  ASSERT_EQ(batches.size(), 10u);
  EXPECT_EQ(batches[0].size(), 4u);
  EXPECT_EQ(batches[0].at("petal_width").shape(), (Shape{16}));
  EXPECT_EQ(batches[9].at("sepal_length").shape(), (Shape{6}));
  EXPECT_FLOAT_EQ(batches[0].at("sepal_length").dataSync()[0], 5.1f);
  // Strings cannot become tensors: the error names the column and says what to do.
  std::string e = errorOf([] { data::csv(irisPath(), kSpeciesLabel).batch(4).toArray(); });
  EXPECT_TRUE(contains(e, "field 'ys.species'")) << e;
  EXPECT_TRUE(contains(e, "'setosa'")) << e;
  EXPECT_TRUE(contains(e, "no string tensors")) << e;
}

TEST(DataCsv, ConfiguredColumnsOnlyAsTFJS) {
  // TF.js: columnNames() -> ["petal_width","sepal_length"] (config order); rows keep file order:
  // [{"sepal_length":5.1,"petal_width":0.2},{"sepal_length":4.9,"petal_width":0.2}].
  auto ds = data::csv(irisPath(), {.columnConfigs = {{"petal_width", {}}, {"sepal_length", {.required = true}}},
                                   .configuredColumnsOnly = true});
  EXPECT_EQ(ds.columnNames(), (std::vector<std::string>{"petal_width", "sepal_length"}));
  auto rows = ds.take(2).toArray();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].xs, (data::Row{{"sepal_length", 4.9}, {"petal_width", 0.2}}));
}

TEST(DataCsv, FieldValuesFollowTFJSRules) {
  // The same file through TF.js (columnConfigs {c: {isLabel: true}}) gives
  // xs/ys: {a:1,b:"x,y"}/{c:3}, {a:2,b:"hello"}/{c:16}, {a:undefined,b:undefined}/{c:7},
  // {a:4,b:'he said ""hi""'}/{c:-Infinity}, {a:5,b:0}/{c:1000}, {a:6,b:"abcd"}/{c:0.5},
  // {a:7,b:'x"y'}/{c:5}, {a:8,b:"NaN"}/{c:3}, {a:9,b:"1_0"}/{c:12}.
  // Only row 4 differs on purpose: "" inside quotes is one quote here (RFC 4180); TF.js keeps both.
  TempCsv f(
      "a,b,c\n1,\"x,y\",3\n\" 2 \",hello,0x10\n,,7\n4,\"he said \"\"hi\"\"\",-Infinity\n5, ,1e3\n"
      "6,abcd,.5\r\n7,x\"y,+5\n8,NaN,0b11\n9,1_0,  12  \n");
  auto rows = data::csv(f.path(), {.columnConfigs = {{"c", {.isLabel = true}}}}).toArray();
  ASSERT_EQ(rows.size(), 9u);
  EXPECT_EQ(rows[0].xs, (data::Row{{"a", 1}, {"b", "x,y"}}));
  EXPECT_EQ(rows[0].ys, (data::Row{{"c", 3}}));
  EXPECT_EQ(rows[1].xs, (data::Row{{"a", 2}, {"b", "hello"}}));
  EXPECT_EQ(rows[1].ys["c"], 16);
  EXPECT_TRUE(rows[2].xs["a"].isMissing());
  EXPECT_TRUE(rows[2].xs["b"].isMissing());
  EXPECT_EQ(rows[3].xs["b"], "he said \"hi\"");
  EXPECT_EQ(rows[3].ys["c"], -INFINITY);
  EXPECT_EQ(rows[4].xs["b"], 0);
  EXPECT_EQ(rows[4].ys["c"], 1000);
  EXPECT_EQ(rows[5].xs["b"], "abcd");
  EXPECT_EQ(rows[5].ys["c"], 0.5);
  EXPECT_EQ(rows[6].xs["b"], "x\"y");
  EXPECT_EQ(rows[6].ys["c"], 5);
  EXPECT_EQ(rows[7].xs["b"], "NaN");
  EXPECT_EQ(rows[7].ys["c"], 3);
  EXPECT_EQ(rows[8].xs["b"], "1_0");
  EXPECT_EQ(rows[8].ys["c"], 12);
}

TEST(DataCsv, DtypesDefaultsAndDialects) {
  TempCsv f("\xEF\xBB\xBFn;flag;name;opt\r\n2.7;TRUE;\"a;b\";\r\n-1.5;0;\"multi\r\nline\";x\r\n");
  auto rows = data::csv(f.path(), {.columnConfigs = {{"n", {.dtype = DType::int32}},
                                                     {"flag", {.dtype = DType::bool_}},
                                                     {"opt", {.defaultValue = "none"}}},
                                   .delimiter = ";"})
                  .toArray();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].xs, (data::Row{{"n", 2}, {"flag", 1}, {"name", "a;b"}, {"opt", "none"}}));
  EXPECT_EQ(rows[1].xs, (data::Row{{"n", -2}, {"flag", 0}, {"name", "multi\r\nline"}, {"opt", "x"}}));

  TempCsv g("1  2\t3\n  4 5 6  \n");
  auto ws = data::csv(g.path(), {.hasHeader = false, .columnNames = {"x", "y", "z"}, .delimWhitespace = true});
  EXPECT_EQ(ws.columnNames(), (std::vector<std::string>{"x", "y", "z"}));
  auto wrows = ws.toArray();
  ASSERT_EQ(wrows.size(), 2u);
  EXPECT_EQ(wrows[1].xs.numbers(), (std::vector<double>{4, 5, 6}));
  // Renaming the header's columns.
  TempCsv h("a,b\n1,2\n");
  auto renamed = data::csv(h.path(), {.columnNames = {"p", "q"}}).toArray();
  EXPECT_EQ(renamed[0].xs, (data::Row{{"p", 1}, {"q", 2}}));
}

TEST(DataCsv, ConfigErrorsAreClear) {
  std::string e = errorOf([] { data::csv("/nonexistent/dir/missing.csv"); });
  EXPECT_TRUE(contains(e, "/nonexistent/dir/missing.csv")) << e;
  EXPECT_TRUE(contains(e, "No such file")) << e;
  TempCsv empty("");
  e = errorOf([&] { data::csv(empty.path()); });
  EXPECT_TRUE(contains(e, empty.path()) && contains(e, "No data was found")) << e;
  e = errorOf([] { data::csv(irisPath(), {.columnConfigs = {{"label", {.isLabel = true}}}}); });
  EXPECT_TRUE(contains(e, "The key \"label\" provided in columnConfigs does not match any of the column names "
                          "(sepal_length,sepal_width,petal_length,petal_width,species)"))
      << e;
  e = errorOf([] { data::csv(irisPath(), {.columnNames = {"a", "b"}}); });
  EXPECT_TRUE(contains(e, "The length of provided columnNames (2) does not match the length of the header line "
                          "read from file (5)"))
      << e;
  TempCsv dup("a,b,a\n1,2,3\n");
  e = errorOf([&] { data::csv(dup.path()); });
  EXPECT_TRUE(contains(e, "Duplicate column names found: a")) << e;
  e = errorOf([&] { data::csv(dup.path(), {.hasHeader = false}); });
  EXPECT_TRUE(contains(e, "Column names must be provided if there is no header line")) << e;
  e = errorOf([&] { data::csv(dup.path(), {.delimiter = "::"}); });
  EXPECT_TRUE(contains(e, "delimiter")) << e;
  e = errorOf([&] { data::csv(dup.path(), {.delimiter = ";", .delimWhitespace = true}); });
  EXPECT_TRUE(contains(e, "Delimiter should not be provided when delimWhitespace is true")) << e;
}

TEST(DataCsv, RowErrorsNameFileLineRowAndColumn) {
  TempCsv f("a,b,c\n1,2,3\n\n4,5\n");
  auto ds = data::csv(f.path());
  auto it = ds.iterator();
  EXPECT_TRUE(it->next().has_value());
  std::string e = errorOf([&] { it->next(); });
  EXPECT_TRUE(contains(e, f.path() + ": line 4 (data row 2): expected 3 fields but got 2: '4,5'")) << e;

  TempCsv g("a,b\n1,2\n3,\n");
  e = errorOf([&] { data::csv(g.path(), {.columnConfigs = {{"b", {.required = true}}}}).toArray(); });
  EXPECT_TRUE(contains(e, g.path() + ": line 3 (data row 2): required column 'b' is empty")) << e;
  e = errorOf([&] { data::csv(g.path(), {.columnConfigs = {{"b", {.isLabel = true}}}}).toArray(); });
  EXPECT_TRUE(contains(e, "required column 'b' is empty")) << e;
  // Not required: missing, and 0 once batched (as TF.js's tf.tensor makes of undefined).
  auto b = data::csv(g.path()).map([](data::CsvRow r) { return r.xs; }).batch(2).toArray();
  EXPECT_EQ(b[0].at("b").dataSync(), (std::vector<float>{2, 0}));

  TempCsv h("a,b\n1,2\n3,abc\n");
  e = errorOf([&] { data::csv(h.path(), {.columnConfigs = {{"b", {.dtype = DType::float32}}}}).toArray(); });
  EXPECT_TRUE(contains(e, h.path() + ": line 3 (data row 2): column 'b' is float32 but holds the non-numeric "
                                     "value 'abc'"))
      << e;

  TempCsv q("a,b\n1,\"open\n2,3\n");
  e = errorOf([&] { data::csv(q.path()).toArray(); });
  EXPECT_TRUE(contains(e, q.path()) && contains(e, "unterminated quoted field starting on line 2")) << e;
}

TEST(DataCsv, StreamsLargeFilesWithBoundedMemory) {
  // EDGEFLOW_CSV_STREAM_MB sets the generated file's size (default 16 MB; run with a few hundred
  // to check that memory stays flat).
  const char* env = std::getenv("EDGEFLOW_CSV_STREAM_MB");
  const int64_t targetBytes = (env ? std::atoll(env) : 16) << 20;
  std::string path = (fs::temp_directory_path() / ("edgeflow_stream_" + std::to_string(::getpid()) + ".csv")).string();
  int64_t rowsWritten = 0;
  double expectedSum = 0;
  {
    std::FILE* out = std::fopen(path.c_str(), "wb");
    ASSERT_NE(out, nullptr);
    std::fputs("id,value,label,note\n", out);
    int64_t bytes = 0;
    char line[160];
    while (bytes < targetBytes) {
      int n = std::snprintf(line, sizeof line, "%lld,%d.5,%s,\"note, with comma %lld\"\n",
                            static_cast<long long>(rowsWritten), static_cast<int>(rowsWritten % 1000),
                            rowsWritten % 3 ? "b" : "a", static_cast<long long>(rowsWritten));
      std::fwrite(line, 1, static_cast<size_t>(n), out);
      expectedSum += static_cast<double>(rowsWritten % 1000) + 0.5;
      bytes += n;
      ++rowsWritten;
    }
    std::fclose(out);
  }
  auto rss = [] {  // resident memory in KiB (Linux, no AddressSanitizer quarantine), 0 elsewhere
#if defined(__SANITIZE_ADDRESS__)
    return 0L;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return 0L;
#endif
#endif
    std::ifstream status("/proc/self/status");
    std::string key;
    long value = 0;
    while (status >> key)
      if (key == "VmRSS:" && status >> value) return value;
    return 0L;
  };
  long rssBefore = rss();
  long rssPeak = rssBefore;
  int64_t rows = 0;
  double sum = 0;
  data::csv(path, {.columnConfigs = {{"label", {.isLabel = true}}}})
      .map([](const data::CsvRow& r) { return r.xs["value"].number(); })
      .batch(1000)
      .forEach([&](const Tensor& t) {
        rows += t.shape()[0];
        for (float v : t.dataSync()) sum += v;
        if (rows % 100000 == 0) rssPeak = std::max(rssPeak, rss());
      });
  std::remove(path.c_str());
  EXPECT_EQ(rows, rowsWritten);
  EXPECT_DOUBLE_EQ(sum, expectedSum);
  if (rssBefore > 0) {
    EXPECT_LT(rssPeak - rssBefore, 32 * 1024) << "RSS grew by " << (rssPeak - rssBefore) << " KiB";
  }
  std::printf("[ streamed %lld rows, %lld MB; RSS growth %ld KiB ]\n", static_cast<long long>(rows),
              static_cast<long long>(targetBytes >> 20), rssPeak - rssBefore);
}
