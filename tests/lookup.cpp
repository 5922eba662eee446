// Lookup by string key (CONTRACT sections 3 and 10): a key is all of its
// bytes, whatever its length. The index keeps keys of up to
// autoreg::detail::inline_key_size bytes in its buckets as a few overlapping
// words and compares longer ones in full; these tests aim at the seams of
// that: every length around the word and inline sizes, keys that differ in
// one byte only, long keys whose sampled words agree, NUL and 0xff bytes.
// Keys are registered by hand, so that each test can make many.
#include <autoreg/autoreg.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catch.hpp"

using autoreg::Registry;

namespace lookup_test {

/// What every key of these tests makes: an object that knows its key.
struct Keyed {
    virtual ~Keyed() = default;
    virtual std::string key() const = 0;
};

struct Made : Keyed {
    explicit Made(std::string key) : key_(std::move(key)) {}
    std::string key() const override { return key_; }

private:
    std::string key_;
};

}  // namespace lookup_test

using lookup_test::Keyed;

namespace {

using Keys = Registry<Keyed>;

/// Registers each key (for the caller's scope) with a factory that makes an
/// object knowing that key.
std::vector<autoreg::registration> register_all(const std::vector<std::string>& keys) {
    std::vector<autoreg::registration> kept;
    kept.reserve(keys.size());
    for (const std::string& key : keys) {
        kept.push_back(Keys::add(key, [key] { return std::make_unique<lookup_test::Made>(key); }));
    }
    return kept;
}

/// The key as a view of a heap block of exactly its size, with nothing after
/// it: AddressSanitizer then reports a lookup that reads past the key.
class exact_copy {
public:
    explicit exact_copy(std::string_view key)
        : bytes_(new char[key.empty() ? 1 : key.size()]), size_(key.size()) {
        key.copy(bytes_.get(), key.size());
    }
    std::string_view view() const { return {bytes_.get(), size_}; }

private:
    std::unique_ptr<char[]> bytes_;
    std::size_t size_;
};

/// True where create(key) makes the object registered under exactly `key`.
bool makes_its_own(std::string_view key) {
    const exact_copy copy(key);
    std::unique_ptr<Keyed> made = Keys::try_create(copy.view());
    return made != nullptr && made->key() == key;
}

bool is_known(std::string_view key) {
    const exact_copy copy(key);
    return Keys::contains(copy.view());
}

/// A key of `length` bytes in which every byte differs from its neighbours.
std::string key_of_length(std::size_t length, char salt = 'a') {
    std::string key;
    for (std::size_t i = 0; i < length; ++i) {
        key.push_back(static_cast<char>(salt + static_cast<char>(i % 23)));
    }
    return key;
}

}  // namespace

TEST_CASE("keys of every length up to well past the inline size are found", "[lookup][inline]") {
    constexpr std::size_t longest = 3 * autoreg::detail::inline_key_size;
    std::vector<std::string> keys;
    for (std::size_t length = 1; length <= longest; ++length) keys.push_back(key_of_length(length));
    const auto kept = register_all(keys);

    // Every key is a prefix of the longer ones, so each lookup must tell
    // apart keys that agree in all the bytes the shorter one has.
    for (const std::string& key : keys) {
        INFO("length " << key.size());
        CHECK(makes_its_own(key));
    }
    CHECK_FALSE(is_known(key_of_length(longest + 1)));
    CHECK_FALSE(is_known(""));
    CHECK_FALSE(is_known(key_of_length(5, 'b')));
}

TEST_CASE("a key one byte longer or shorter than a registered one is another key",
          "[lookup][inline]") {
    const std::size_t boundary = autoreg::detail::inline_key_size;
    for (std::size_t length : {std::size_t{3}, std::size_t{4}, std::size_t{7}, std::size_t{8},
                               std::size_t{9}, boundary - 1, boundary, boundary + 1}) {
        const std::string key = key_of_length(length, 'k');
        const auto kept = register_all({key});
        INFO("length " << length);
        CHECK(makes_its_own(key));
        CHECK_FALSE(is_known(key.substr(0, length - 1)));
        CHECK_FALSE(is_known(key + key.back()));
        CHECK_FALSE(is_known(key + '\0'));
    }
}

TEST_CASE("keys that differ in one byte, at any position, are different keys", "[lookup][inline]") {
    const std::size_t boundary = autoreg::detail::inline_key_size;
    for (std::size_t length :
         {std::size_t{2}, std::size_t{5}, std::size_t{8}, std::size_t{13}, std::size_t{16},
          std::size_t{17}, boundary, boundary + 1, std::size_t{40}}) {
        const std::string original = key_of_length(length);
        std::vector<std::string> variants;
        for (std::size_t at = 0; at < length; ++at) {
            std::string variant = original;
            variant[at] = '#';
            variants.push_back(variant);
        }
        INFO("length " << length);
        {
            const auto kept = register_all({original});
            for (const std::string& variant : variants) {
                INFO("differs at " << variant.find('#'));
                CHECK_FALSE(is_known(variant));
            }
        }
        const auto kept = register_all(variants);
        CHECK_FALSE(is_known(original));
        for (const std::string& variant : variants) {
            INFO("differs at " << variant.find('#'));
            CHECK(makes_its_own(variant));
        }
    }
}

TEST_CASE("long keys that share their start, middle and end are told apart", "[lookup][long]") {
    // 40 bytes: the words the index samples of a long key are bytes 0-7,
    // 16-23 and 32-39, so these keys agree in all of them and differ
    // only in bytes the sampled words leave out.
    const std::string common = key_of_length(40);
    std::vector<std::string> keys;
    for (std::size_t at :
         {std::size_t{8}, std::size_t{12}, std::size_t{15}, std::size_t{24}, std::size_t{31}}) {
        std::string key = common;
        key[at] = '#';
        keys.push_back(key);
    }
    const auto kept = register_all(keys);
    for (const std::string& key : keys) {
        INFO(key);
        CHECK(makes_its_own(key));
    }
    CHECK_FALSE(is_known(common));
    CHECK_FALSE(is_known(common.substr(0, autoreg::detail::inline_key_size)));
}

TEST_CASE("keys sharing a long prefix spread over the index and are all found",
          "[lookup][collisions]") {
    // Many keys alike but for a few digits: at the index's load, many
    // of them start probing at an occupied bucket and must step past keys
    // that share most of their words.
    std::vector<std::string> keys;
    std::vector<std::string> absent;
    for (int i = 0; i < 2000; ++i) {
        const std::string digits = std::to_string(10000 + i);
        keys.push_back("plugin_" + digits + "_reader");
        keys.push_back("com.example.plugins.image_" + digits + ".reader");
        absent.push_back("plugin_" + digits + "_writer");
        absent.push_back("com.example.plugins.image_" + digits + ".writer");
    }
    const auto kept = register_all(keys);
    CHECK(Keys::size() == keys.size());
    std::size_t wrong = 0;
    for (const std::string& key : keys) wrong += makes_its_own(key) ? 0 : 1;
    for (const std::string& key : absent) wrong += is_known(key) ? 1 : 0;
    CHECK(wrong == 0);
}

TEST_CASE("NUL and 0xff bytes inside a short key are bytes like any other", "[lookup][hostile]") {
    using namespace std::string_literals;
    const std::vector<std::string> keys = {
        "\0"s,
        "\0\0"s,
        "\0\0\0\0\0\0\0\0"s,
        "\0\0\0\0\0\0\0\0\0"s,
        "a\0b"s,
        "a\0c"s,
        "ab\0\0cd\0\0ef"s,
        "ab\0\0cd\0\0eg"s,
        "\xff"s,
        "\xff\xff\xff\xff"s,
        std::string(24, '\xff'),
        std::string(25, '\xff'),
        std::string(24, '\0'),
        std::string(25, '\0'),
    };
    const auto kept = register_all(keys);
    for (const std::string& key : keys) {
        INFO("size " << key.size());
        CHECK(makes_its_own(key));
    }
    CHECK_FALSE(is_known("\0\0\0"s));
    CHECK_FALSE(is_known(std::string(23, '\0')));
    CHECK_FALSE(is_known(std::string(26, '\xff')));
    CHECK_FALSE(is_known("a\0d"s));
}

TEST_CASE("1 MiB keys that differ only in the middle or at the end are told apart",
          "[lookup][hostile]") {
    const std::size_t size = std::size_t{1} << 20;
    const std::string base(size, '\xff');
    std::string middle = base;
    middle[size / 2 + 3] = '\0';
    std::string end = base;
    end[size - 1] = 'x';
    const auto kept = register_all({middle, end});

    CHECK(makes_its_own(middle));
    CHECK(makes_its_own(end));
    CHECK_FALSE(is_known(base));
    CHECK_FALSE(is_known(base.substr(0, autoreg::detail::inline_key_size)));
}

TEST_CASE("a key need not be aligned in memory", "[lookup][hostile]") {
    const std::string key = key_of_length(21);
    const auto kept = register_all({key});
    const std::string padded = "xyz" + key + "xyz";
    for (std::size_t offset = 1; offset <= 3; ++offset) {
        const std::string shifted = std::string(offset, '-') + key;
        CHECK(Keys::create(std::string_view(shifted).substr(offset))->key() == key);
    }
    CHECK(Keys::contains(std::string_view(padded).substr(3, key.size())));
}
