// The streaming CSV tokenizer and JavaScript-Number parsing. Every input is also read in tiny
// chunks, so records and quotes that straddle chunk boundaries are covered.
#include <gtest/gtest.h>

#include <cmath>

#include "edgeflow/data.h"

using namespace edgeflow;
using namespace edgeflow::data;

namespace {

using Records = std::vector<std::vector<std::string>>;

Records parse(const std::string& text, CsvDialect dialect = {}, size_t chunk = CsvParser::kDefaultChunkSize) {
  CsvParser p(std::make_unique<StringSource>(text), dialect, "test.csv", chunk);
  Records out;
  std::vector<std::string> fields;
  while (p.next(fields)) out.push_back(fields);
  return out;
}

// Parses with several chunk sizes and checks they agree.
Records parseAll(const std::string& text, CsvDialect dialect = {}) {
  Records expected = parse(text, dialect);
  for (size_t chunk : {1, 2, 3, 5, 7, 64}) EXPECT_EQ(parse(text, dialect, chunk), expected) << "chunk " << chunk;
  return expected;
}

std::string parseError(const std::string& text, size_t maxRecord = CsvParser::kDefaultMaxRecordBytes) {
  try {
    CsvParser p(std::make_unique<StringSource>(text), {}, "test.csv", 4, maxRecord);
    std::vector<std::string> f;
    while (p.next(f)) {
    }
  } catch (const Error& e) {
    return e.what();
  }
  return "<no error>";
}

}  // namespace

TEST(DataCsvParser, PlainRecordsAndLineEndings) {
  EXPECT_EQ(parseAll("a,b,c\n1,2,3\n"), (Records{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(parseAll("a,b\r\n1,2\r\n"), (Records{{"a", "b"}, {"1", "2"}}));  // CRLF
  EXPECT_EQ(parseAll("a,b\r1,2"), (Records{{"a", "b"}, {"1", "2"}}));        // lone CR, no final newline
  EXPECT_EQ(parseAll("a,b\n\n\r\n1,2\n\n"), (Records{{"a", "b"}, {"1", "2"}}));  // blank lines skipped
  EXPECT_EQ(parseAll("a,,\n,\n"), (Records{{"a", "", ""}, {"", ""}}));       // empty fields
  EXPECT_EQ(parseAll(""), Records{});
  EXPECT_EQ(parseAll("\n\r\n"), Records{});
  EXPECT_EQ(parseAll("x"), (Records{{"x"}}));
}

TEST(DataCsvParser, QuotedFieldsFollowRFC4180) {
  EXPECT_EQ(parseAll("\"a,b\",c\n"), (Records{{"a,b", "c"}}));
  EXPECT_EQ(parseAll("\"he said \"\"hi\"\"\",2\n"), (Records{{"he said \"hi\"", "2"}}));
  EXPECT_EQ(parseAll("\"line1\nline2\",x\r\n\"crlf\r\ninside\",y\n"),
            (Records{{"line1\nline2", "x"}, {"crlf\r\ninside", "y"}}));
  EXPECT_EQ(parseAll("\"\",\"\"\n"), (Records{{"", ""}}));
  EXPECT_EQ(parseAll("\"a\""), (Records{{"a"}}));
  // Lenient: a quote inside an unquoted field is literal; text after a closing quote is kept.
  EXPECT_EQ(parseAll("x\"y,\"ab\"cd,e\n"), (Records{{"x\"y", "abcd", "e"}}));
}

TEST(DataCsvParser, ByteOrderMarkIsDropped) {
  EXPECT_EQ(parseAll("\xEF\xBB\xBFname,v\nx,1\n"), (Records{{"name", "v"}, {"x", "1"}}));
  EXPECT_EQ(parseAll("\xEF\xBB\xBF"), Records{});
  EXPECT_EQ(parseAll("\xEF\xBB"), (Records{{"\xEF\xBB"}}));  // not a whole mark: data
  // UTF-8 text passes through untouched.
  EXPECT_EQ(parseAll("caf\xC3\xA9,\xE2\x82\xAC\n"), (Records{{"caf\xC3\xA9", "\xE2\x82\xAC"}}));
}

TEST(DataCsvParser, OtherDelimitersAndWhitespace) {
  EXPECT_EQ(parseAll("a;b;\"c;d\"\n", {';', false}), (Records{{"a", "b", "c;d"}}));
  EXPECT_EQ(parseAll("a\tb\n", {'\t', false}), (Records{{"a", "b"}}));
  CsvDialect ws{' ', true};
  EXPECT_EQ(parseAll("  1   2\t3  \n\n   \n4 \"x y\" 5\n", ws), (Records{{"1", "2", "3"}, {"4", "x y", "5"}}));
}

TEST(DataCsvParser, LineNumbersCountPhysicalLines) {
  CsvParser p(std::make_unique<StringSource>("h\n\n\"a\nb\"\r\nc\n"), {}, "t", 3);
  std::vector<std::string> f;
  ASSERT_TRUE(p.next(f));
  EXPECT_EQ(p.recordLine(), 1);
  ASSERT_TRUE(p.next(f));
  EXPECT_EQ(p.recordLine(), 3);
  ASSERT_TRUE(p.next(f));
  EXPECT_EQ(p.recordLine(), 5);
  EXPECT_FALSE(p.next(f));
}

TEST(DataCsvParser, ErrorsNameTheLine) {
  std::string e = parseError("a,b\n1,\"open\n2,3\n");
  EXPECT_NE(e.find("test.csv"), std::string::npos) << e;
  EXPECT_NE(e.find("unterminated quoted field starting on line 2"), std::string::npos) << e;
  e = parseError("a,b\n" + std::string(100, 'x') + "\n", 50);
  EXPECT_NE(e.find("line 2 is longer than 50 bytes"), std::string::npos) << e;
  e = parseError("\"" + std::string(100, 'x'), 50);  // an unterminated quote stops at the limit
  EXPECT_NE(e.find("longer than 50 bytes"), std::string::npos) << e;
  e = parseError(std::string(100, ','), 50);  // many empty fields count too
  EXPECT_NE(e.find("longer than 50 bytes"), std::string::npos) << e;
}

TEST(DataCsvParser, BufferStaysAtChunkSize) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += std::to_string(i) + ",\"q" + std::to_string(i) + "\",x\n";
  CsvParser p(std::make_unique<StringSource>(text), {}, "t", 1024);
  std::vector<std::string> f;
  int n = 0;
  while (p.next(f)) {
    ++n;
    EXPECT_LE(p.bufferedBytes(), 1024u);
  }
  EXPECT_EQ(n, 20000);
  EXPECT_EQ(f.size(), 0u);
}

TEST(DataCsvParser, ParseNumberFollowsJavaScriptNumber) {
  // Expected values from node: Number(s) (NaN -> not a number).
  const double inf = INFINITY;
  std::vector<std::pair<std::string, std::optional<double>>> cases = {
      {"0", 0}, {"-0", 0}, {"1", 1}, {"+1", 1}, {"-1.5", -1.5}, {" 42 ", 42}, {"\t7\n", 7},
      {"1e3", 1000}, {"1E-2", 0.01}, {".5", 0.5}, {"5.", 5}, {"-.5e1", -5}, {"0x1F", 31},
      {"0X1f", 31}, {"0o17", 15}, {"0b101", 5}, {"-0x10", {}}, {"0x", {}}, {"0b2", {}},
      {"Infinity", inf}, {"-Infinity", -inf}, {"+Infinity", inf}, {"infinity", {}}, {"inf", {}},
      {"NaN", {}}, {"nan", {}}, {"1_000", {}}, {"1e", {}}, {"e5", {}}, {".", {}}, {"+", {}},
      {"-", {}}, {"", 0}, {"   ", 0}, {"1 2", {}}, {"12abc", {}}, {"0.1.2", {}},
      {"\xC2\xA0" "5\xC2\xA0", 5}, {"\xEF\xBB\xBF" "3", 3}, {"\xE2\x80\x83" "8", 8}, {"1e400", inf},
      {"-1e400", -inf}, {"00012", 12}, {"1,5", {}}, {"\xD9\xA3", {}}};
  for (const auto& [text, expected] : cases) EXPECT_EQ(parseNumber(text), expected) << "'" << text << "'";
  EXPECT_TRUE(std::signbit(*parseNumber("-0")));
}
