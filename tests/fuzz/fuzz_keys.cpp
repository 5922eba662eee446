// libFuzzer target: arbitrary key bytes against a registry of a few hundred
// classes, plus hand registrations added and removed. Every answer is checked
// against a model of what is registered; every error message must start with
// "autoreg: ", be printable ASCII and stay under 8 KiB whatever the key. Any
// mismatch aborts, which libFuzzer reports as a crash with the input saved.
//
// Built with -DAUTOREG_FUZZ=ON and clang++ (tests/fuzz/CMakeLists.txt); ctest
// runs it for a fixed 20,000 inputs from the seeds in tests/fuzz/corpus/
// (autoreg.fuzz.keys; -DAUTOREG_FUZZ_RUNS=<n> changes the number). To fuzz
// for longer, here for an hour, from the top of the source tree:
//
//   cmake -S . -B build/fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DAUTOREG_FUZZ=ON
//   cmake --build build/fuzz --target autoreg_fuzz_keys
//   cd build/fuzz && mkdir -p corpus-long
//   tests/fuzz/autoreg_fuzz_keys corpus-long ../../tests/fuzz/corpus \
//       -max_len=8192 -timeout=10 -max_total_time=3600
//
// What it finds goes to corpus-long, which later runs start from; the seeds
// stay as they are. Add -jobs=2 to run two fuzzers on the one corpus. A crash
// leaves crash-<sha1> (or timeout-, leak-, oom-) in build/fuzz; run the target
// on that file alone to reproduce it. An input worth keeping as a seed goes
// into tests/fuzz/corpus/ (keep the seeds small).
//
// Input: the first byte chooses the operation, the rest is its payload.
//   0 create(key)          1 try_create(key)       2 contains(key)
//   3 require({...}): the payload split at '|' into up to four keys
//   4 shared(key)          5 add(key), check, remove, check
//   6 several hand registrations, then removed one by one: the payload split
//     at '|' into up to eight pieces, each a control byte (priority and
//     removal order) followed by the key
//   7 contains, try_create, create and shared of the key, one after another
#include <autoreg/autoreg.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>

namespace fuzz_keys {

struct FuzzBase {
    virtual ~FuzzBase() = default;
    /// The key the object was registered under, and who registered it.
    virtual std::string_view key() const = 0;
    virtual int origin() const = 0;
};

}  // namespace fuzz_keys

template <>
struct autoreg::registry_traits<fuzz_keys::FuzzBase> {
    static constexpr std::string_view name = "fuzz";
};

namespace fuzz_keys {

using registry = autoreg::Registry<FuzzBase>;

// ---- The static registrations: generated keys and a few special ones --------

/// Keys of two or three two-letter syllables ("alalal", "beal", ...): all
/// distinct, since the first two syllables spell the index; many near misses.
constexpr std::size_t generated_count = 256;
constexpr std::string_view syllables[] = {"al", "be", "ca", "do", "ex", "fi", "go", "hu",
                                          "io", "ja", "ka", "lu", "mo", "ne", "os", "pi"};

struct generated_keys {
    std::array<std::array<char, 6>, generated_count> text{};
    std::array<std::size_t, generated_count> size{};
};

constexpr generated_keys make_generated_keys() {
    generated_keys out{};
    for (std::size_t i = 0; i < generated_count; ++i) {
        std::size_t length = 0;
        const auto append = [&](std::string_view syllable) {
            for (char c : syllable) out.text[i][length++] = c;
        };
        append(syllables[i % 16]);
        append(syllables[i / 16 % 16]);
        if (i % 3 == 0) append(syllables[i * 7 % 16]);
        out.size[i] = length;
    }
    return out;
}

inline constexpr generated_keys generated = make_generated_keys();

constexpr std::string_view generated_key(std::size_t i) {
    return {generated.text[i].data(), generated.size[i]};
}

template <int I>
struct Entry : autoreg::AutoRegister<FuzzBase, Entry<I>> {
    static constexpr std::string_view registry_key = generated_key(I);
    std::string_view key() const override { return registry_key; }
    int origin() const override { return I; }
};

// Naming each class's size defines it, and so registers it. (A list, not a
// fold expression: a fold of hundreds of terms exceeds Clang's nesting limit.)
template <std::size_t... I>
constexpr std::size_t instantiate_entries(std::index_sequence<I...> /*indices*/) {
    const std::size_t sizes[] = {sizeof(Entry<static_cast<int>(I)>)...};
    return sizeof sizes / sizeof sizes[0];
}
static_assert(instantiate_entries(std::make_index_sequence<generated_count>()) == generated_count);

/// Keys with bytes a message must escape, a long key, a conflict and a
/// priority. Origins 1000 + index.
struct special_key {
    std::string_view key;
    int priority;
};
constexpr std::string_view long_key =
    "a-key-of-one-hundred-and-twenty-eight-bytes-which-is-longer-than-what-a-message-"
    "shows-of-a-key-so-it-gets-shortened.............";
static_assert(long_key.size() == 128);
constexpr special_key specials[] = {
    {"circle", 0},
    {"square", 0},
    {"x", 0},
    {std::string_view("nul\0key", 7), 0},
    {"\xff\xfe\x01\x7f", 0},
    {R"(say "hi"\)", 0},
    {long_key, 0},
    {"twin", 0},  // twice at the same priority: a conflict
    {"twin", 0},
    {"ranked", 0},  // the second wins without conflict
    {"ranked", 1},
    {"Circle", 0},  // differs from "circle" only in case
};
constexpr int special_count = static_cast<int>(sizeof specials / sizeof specials[0]);
constexpr int special_origin = 1000;

template <int I>
struct Special : autoreg::AutoRegister<FuzzBase, Special<I>> {
    static constexpr std::string_view registry_key = specials[I].key;
    static constexpr int registry_priority = specials[I].priority;
    std::string_view key() const override { return registry_key; }
    int origin() const override { return special_origin + I; }
};

template <int... I>
constexpr std::size_t instantiate_specials(std::integer_sequence<int, I...> /*indices*/) {
    return (0 + ... + sizeof(Special<I>));
}
static_assert(instantiate_specials(std::make_integer_sequence<int, special_count>()) > 0);

/// What add() registers. Origins from 100000 on.
class HandMade final : public FuzzBase {
public:
    HandMade(std::string key, int origin) : key_(std::move(key)), origin_(origin) {}
    std::string_view key() const override { return key_; }
    int origin() const override { return origin_; }

private:
    std::string key_;
    int origin_;
};
constexpr int hand_origin = 100000;

// ---- The model: what should be registered -----------------------------------

struct claim {
    int priority;
    int origin;
};

/// Every key's claims: the static ones for good, hand ones while they last.
std::map<std::string, std::vector<claim>, std::less<>>& model() {
    static std::map<std::string, std::vector<claim>, std::less<>> claims = [] {
        std::map<std::string, std::vector<claim>, std::less<>> out;
        for (std::size_t i = 0; i < generated_count; ++i) {
            out[std::string(generated_key(i))].push_back({0, static_cast<int>(i)});
        }
        for (int i = 0; i < special_count; ++i) {
            out[std::string(specials[i].key)].push_back({specials[i].priority, special_origin + i});
        }
        return out;
    }();
    return claims;
}

enum class outcome { unknown, conflict, made };

struct expected {
    outcome what;
    int origin;  // the winner, where made
};

expected expect(std::string_view key) {
    const auto& claims = model();
    const auto found = claims.find(key);
    if (found == claims.end() || found->second.empty()) return {outcome::unknown, -1};
    int top = found->second.front().priority;
    for (const claim& c : found->second) top = std::max(top, c.priority);
    int winners = 0;
    int origin = -1;
    for (const claim& c : found->second) {
        if (c.priority == top) {
            ++winners;
            origin = c.origin;
        }
    }
    return winners == 1 ? expected{outcome::made, origin} : expected{outcome::conflict, -1};
}

// ---- Checks ------------------------------------------------------------------

/// An error message may not grow with the key: 8 KiB is far above what the
/// longest message of this registry needs.
constexpr std::size_t message_limit = std::size_t{8} * 1024;

[[noreturn]] void fail(std::string_view what, std::string_view key, std::string_view detail = {}) {
    fmt::print(stderr, "autoreg_fuzz_keys: {} (key of {} bytes", what, key.size());
    if (!key.empty()) {
        fmt::print(stderr, ", starting");
        for (std::size_t i = 0; i < key.size() && i < 32; ++i) {
            fmt::print(stderr, " {:02x}",
                       static_cast<unsigned>(static_cast<unsigned char>(key[i])));
        }
    }
    fmt::print(stderr, ")\n");
    if (!detail.empty()) fmt::print(stderr, "  {}\n", detail.substr(0, 16384));
    std::abort();
}

void check_message(const autoreg::error& e, std::string_view key, std::string_view starts) {
    const std::string_view message = e.what();
    if (message.size() >= message_limit) fail("error message too long", key, message);
    if (message.substr(0, starts.size()) != starts)
        fail("error message starts wrongly", key, message);
    for (char c : message) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte > 0x7e) fail("error message not printable ASCII", key, message);
    }
    if (message.find("fuzz") == std::string_view::npos) {
        fail("error message does not name the registry", key, message);
    }
}

void check_made(const FuzzBase* made, std::string_view key, const expected& want,
                std::string_view call) {
    if (want.what != outcome::made) fail(call, key, "made an object where it should not");
    if (made == nullptr) fail(call, key, "returned null for a registered key");
    if (made->key() != key) fail(call, key, "made an object of another key");
    if (made->origin() != want.origin) fail(call, key, "made an object of the wrong class");
}

void check_create(std::string_view key) {
    const expected want = expect(key);
    try {
        const std::unique_ptr<FuzzBase> made = registry::create(key);
        check_made(made.get(), key, want, "create");
    } catch (const autoreg::unknown_key& e) {
        if (want.what != outcome::unknown) fail("create threw unknown_key", key, e.what());
        check_message(e, key, "autoreg: unknown key ");
    } catch (const autoreg::duplicate_key& e) {
        if (want.what != outcome::conflict) fail("create threw duplicate_key", key, e.what());
        check_message(e, key, "autoreg: key ");
    }
}

void check_try_create(std::string_view key) {
    const expected want = expect(key);
    const std::unique_ptr<FuzzBase> made = registry::try_create(key);
    if (made == nullptr) {
        if (want.what == outcome::made) fail("try_create returned null", key);
    } else {
        check_made(made.get(), key, want, "try_create");
    }
}

void check_contains(std::string_view key) {
    if (registry::contains(key) != (expect(key).what != outcome::unknown)) {
        fail("contains disagrees with the model", key);
    }
}

void check_shared(std::string_view key) {
    const expected want = expect(key);
    try {
        const std::shared_ptr<FuzzBase> first = registry::shared(key);
        check_made(first.get(), key, want, "shared");
        if (registry::shared(key) != first) fail("shared made a second instance", key);
    } catch (const autoreg::unknown_key& e) {
        if (want.what != outcome::unknown) fail("shared threw unknown_key", key, e.what());
        check_message(e, key, "autoreg: unknown key ");
    } catch (const autoreg::duplicate_key& e) {
        if (want.what != outcome::conflict) fail("shared threw duplicate_key", key, e.what());
        check_message(e, key, "autoreg: key ");
    }
}

/// Every lookup of `key`, error paths (and their messages) included.
void check_all(std::string_view key) {
    check_contains(key);
    check_try_create(key);
    check_create(key);
    check_shared(key);
}

/// The lookups that build no message (a message compares the key with each
/// of the registry's hundreds of keys, which would dominate the run time).
void check_quietly(std::string_view key) {
    check_contains(key);
    check_try_create(key);
    if (expect(key).what == outcome::made) {
        check_create(key);
        check_shared(key);
    }
}

std::vector<std::string_view> split(std::string_view text, std::size_t most) {
    std::vector<std::string_view> pieces;
    while (pieces.size() + 1 < most) {
        const std::size_t bar = text.find('|');
        if (bar == std::string_view::npos) break;
        pieces.push_back(text.substr(0, bar));
        text.remove_prefix(bar + 1);
    }
    pieces.push_back(text);
    return pieces;
}

void check_require(std::string_view payload) {
    const std::vector<std::string_view> keys = split(payload, 4);
    bool all_there = true;
    for (std::string_view key : keys) all_there = all_there && expect(key).what != outcome::unknown;
    try {
        switch (keys.size()) {
            case 1:
                registry::require({keys[0]});
                break;
            case 2:
                registry::require({keys[0], keys[1]});
                break;
            case 3:
                registry::require({keys[0], keys[1], keys[2]});
                break;
            default:
                registry::require({keys[0], keys[1], keys[2], keys[3]});
                break;
        }
        if (!all_there) fail("require passed with a key missing", payload);
    } catch (const autoreg::missing_keys& e) {
        if (all_there) fail("require threw with every key there", payload, e.what());
        check_message(e, payload, "autoreg: the fuzz registry lacks ");
    }
}

// ---- Hand registrations -------------------------------------------------------

int next_hand_origin = hand_origin;

/// A hand registration and its place in the model.
class hand_entry {
public:
    hand_entry(std::string_view key, int priority) : key_(key), origin_(next_hand_origin++) {
        try {
            registration_ = registry::add(
                key,
                [key = key_, origin = origin_] { return std::make_unique<HandMade>(key, origin); },
                autoreg::add_options{priority, "added by the fuzzer", {}});
        } catch (const autoreg::error& e) {
            if (!key.empty()) fail("add threw for a non-empty key", key, e.what());
            check_message(e, key, "autoreg: a registration by hand in the fuzz registry");
            return;
        }
        if (key.empty()) fail("add accepted the empty key", key);
        model()[key_].push_back({priority, origin_});
    }
    hand_entry(const hand_entry&) = delete;
    hand_entry& operator=(const hand_entry&) = delete;
    ~hand_entry() { remove(); }

    void remove() {
        if (!registration_) return;
        registration_.reset();
        if (registration_) fail("reset left the registration", key_);
        auto& claims = model()[key_];
        claims.erase(std::find_if(claims.begin(), claims.end(),
                                  [&](const claim& c) { return c.origin == origin_; }));
        if (claims.empty()) model().erase(key_);
    }

    const std::string& key() const { return key_; }

private:
    std::string key_;
    int origin_;
    autoreg::registration registration_;
};

void add_and_remove(std::string_view key) {
    const bool known_before = registry::contains(key);
    {
        hand_entry entry(key, 0);
        check_all(key);
        entry.remove();
        check_quietly(key);
        check_create(key);
    }
    if (registry::contains(key) != known_before) fail("removal changed contains", key);
}

void several_hand_registrations(std::string_view payload) {
    struct piece {
        std::string_view key;
        int priority;
        int removal_rank;
    };
    std::vector<piece> pieces;
    for (std::string_view text : split(payload, 8)) {
        if (text.empty()) continue;
        const auto control = static_cast<unsigned char>(text[0]);
        pieces.push_back({text.substr(1), control % 4 - 1, control / 4});
    }
    // Each step checks every key, but quietly: a message costs a comparison
    // with each of the registry's keys, and add_and_remove() checks them.
    std::vector<std::unique_ptr<hand_entry>> entries;
    for (const piece& p : pieces) {
        entries.push_back(std::make_unique<hand_entry>(p.key, p.priority));
        for (const piece& q : pieces) check_quietly(q.key);
    }

    std::vector<std::size_t> order(pieces.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return pieces[a].removal_rank < pieces[b].removal_rank;
    });
    for (std::size_t i : order) {
        entries[i]->remove();
        for (const piece& p : pieces) check_quietly(p.key);
    }
    if (!order.empty()) check_create(pieces[order.back()].key);
}

// ---- Once, before the first input: the static registrations are all there ----

void check_static_registrations() {
    if (registry::size() != model().size()) {
        fail("the registry's size differs from the model's", {},
             "not every static registration arrived");
    }
    for (const auto& [key, claims] : model()) check_all(key);
}

}  // namespace fuzz_keys

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
    fuzz_keys::check_static_registrations();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace fuzz_keys;
    if (size == 0) {
        check_all({});
        return 0;
    }
    const std::string_view payload(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 8) {
        case 0:
            check_create(payload);
            break;
        case 1:
            check_try_create(payload);
            break;
        case 2:
            check_contains(payload);
            break;
        case 3:
            check_require(payload);
            break;
        case 4:
            check_shared(payload);
            break;
        case 5:
            add_and_remove(payload);
            break;
        case 6:
            several_hand_registrations(payload);
            break;
        default:
            check_all(payload);
            break;
    }
    return 0;
}
