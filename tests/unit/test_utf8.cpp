// UTF-8 validation, the Latin-1 heuristic and character columns (src/io/utf8.cpp).
#include "delight/utf8.hpp"

#include <catch2/catch.hpp>

#include <string>

using delight::char_column;
using delight::first_invalid_utf8;
using delight::looks_like_latin1;

TEST_CASE("utf8: well-formed text has no invalid offset", "[utf8]") {
    CHECK_FALSE(first_invalid_utf8("").has_value());
    CHECK_FALSE(first_invalid_utf8("plain ASCII text that is longer than eight bytes").has_value());
    CHECK_FALSE(first_invalid_utf8("é 日本 😀 \xEF\xBF\xBF \xF4\x8F\xBF\xBF").has_value());
    CHECK_FALSE(first_invalid_utf8(std::string("a\0b", 3)).has_value()); // NUL is well-formed
}

TEST_CASE("utf8: the offset of the first ill-formed sequence", "[utf8]") {
    CHECK(first_invalid_utf8("abcdefghij\xFF") == 10u);
    // Past the 16-byte fast path, after a multi-byte character.
    CHECK(first_invalid_utf8(std::string(37, 'a') + "é" + std::string(20, 'b') + "\xFF") == 59u);
    CHECK(first_invalid_utf8("h\xE9llo") == 1u);         // Latin-1 é
    CHECK(first_invalid_utf8("\x80") == 0u);             // stray continuation
    CHECK(first_invalid_utf8("ok\xC0\xAF") == 2u);       // overlong '/'
    CHECK(first_invalid_utf8("\xE0\x80\xAF") == 0u);     // overlong, 3 bytes
    CHECK(first_invalid_utf8("é\xED\xA0\x80") == 2u);    // surrogate U+D800
    CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u); // above U+10FFFF
    CHECK(first_invalid_utf8("\xF5\x80\x80\x80") == 0u); // F5 never starts one
    CHECK(first_invalid_utf8("日本\xE6\x97") == 6u);     // cut short at the end
    CHECK(first_invalid_utf8("\xE6\x97z") == 0u);        // cut short by ASCII
}

TEST_CASE("utf8: Latin-1 / Windows-1252 text is recognised", "[utf8]") {
    CHECK(looks_like_latin1("M\xFCller, h\xE9l\xE8ne\r\n"));
    CHECK(looks_like_latin1("it\x92s \x93quoted\x94\t")); // Windows-1252 quotes
    CHECK_FALSE(looks_like_latin1("M\xC3\xBCller"));      // valid UTF-8
    CHECK_FALSE(looks_like_latin1("plain"));              // nothing to re-save
    CHECK_FALSE(looks_like_latin1("a\x81z"));             // undefined in Windows-1252
    CHECK_FALSE(looks_like_latin1("\xE9\x01"));           // control byte: binary
    CHECK_FALSE(looks_like_latin1(std::string("\xE9\0", 2)));
}

TEST_CASE("utf8: columns count characters", "[utf8]") {
    CHECK(char_column("abc", 0) == 1);
    CHECK(char_column("abc", 2) == 3);
    CHECK(char_column("日本,x", 7) == 4); // after two 3-byte characters and a comma
    CHECK(char_column("é😀x", 6) == 3);
    CHECK(char_column("abc", 99) == 4);      // clamped to the end of the line
    CHECK(char_column("\xFF\xFEx", 2) == 3); // each ill-formed byte is one character
}
