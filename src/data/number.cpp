// JavaScript's Number(text) for CSV fields. Depends on nothing else in edgeflow (the CSV fuzz
// target builds it on its own).
#include <cstdlib>
#include <limits>

#include "edgeflow/data/cell.h"

namespace edgeflow::data {

namespace {

// Byte length of the JS white space or line terminator starting at s[i] (UTF-8), or 0.
size_t jsSpaceAt(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  unsigned c = at(0);
  if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return 1;
  if (c == 0xC2 && at(1) == 0xA0) return 2;                                // U+00A0
  if (c == 0xE1 && at(1) == 0x9A && at(2) == 0x80) return 3;               // U+1680
  if (c == 0xE2 && at(1) == 0x80 && ((at(2) >= 0x80 && at(2) <= 0x8A) ||  // U+2000..200A
                                     at(2) == 0xA8 || at(2) == 0xA9 ||     // U+2028, U+2029
                                     at(2) == 0xAF))                       // U+202F
    return 3;
  if (c == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;  // U+3000
  if (c == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return 3;  // U+FEFF
  return 0;
}

std::string_view trimJsSpace(std::string_view s) {
  size_t n;
  while (!s.empty() && (n = jsSpaceAt(s, 0)) > 0) s.remove_prefix(n);
  while (!s.empty()) {
    size_t cut = 0;
    for (size_t k = 1; k <= 3 && k <= s.size() && !cut; ++k)
      if (jsSpaceAt(s, s.size() - k) == k) cut = k;
    if (!cut) break;
    s.remove_suffix(cut);
  }
  return s;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<double> parseNumber(std::string_view text) {
  std::string_view s = trimJsSpace(text);
  if (s.empty()) return 0.0;
  // 0x / 0o / 0b integers (no sign allowed, as in JS).
  if (s.size() > 2 && s[0] == '0') {
    int base = 0;
    switch (s[1]) {
      case 'x': case 'X': base = 16; break;
      case 'o': case 'O': base = 8; break;
      case 'b': case 'B': base = 2; break;
      default: break;
    }
    if (base) {
      double v = 0;
      for (char c : s.substr(2)) {
        int d = isDigit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : 99;
        if (d >= base) return std::nullopt;
        v = v * base + d;
      }
      return v;
    }
  }
  size_t i = 0;
  bool negative = false;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    i = 1;
  }
  if (s.substr(i) == "Infinity")
    return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  size_t digits = 0;
  while (i < s.size() && isDigit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && isDigit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t expDigits = 0;
    while (i < s.size() && isDigit(s[i])) ++i, ++expDigits;
    if (expDigits == 0) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  std::string copy(s);  // strtod needs a terminated string; the grammar is already checked
  return std::strtod(copy.c_str(), nullptr);
}

}  // namespace edgeflow::data
