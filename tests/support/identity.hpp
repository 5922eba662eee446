// A base in an anonymous namespace: every translation unit that includes
// this header has a Part of its own, spelled the same in all of them, and so
// a Registry<Part> of its own. tests/registrations/identity_*.cpp register
// classes in theirs and report what they see through the functions below.
#ifndef AUTOREG_TESTS_SUPPORT_IDENTITY_HPP
#define AUTOREG_TESTS_SUPPORT_IDENTITY_HPP

#include <autoreg/autoreg.hpp>

#include <string>
#include <vector>

namespace identity_test {

/// What one translation unit's Registry<Part> holds.
struct seen {
    std::vector<std::string> keys;
    std::size_t conflicts;
    /// The maker of the part create("part") made, or "none".
    std::string part_maker;
};

seen seen_by_unit_a();
seen seen_by_unit_b();

}  // namespace identity_test

namespace {

struct Part {
    virtual ~Part() = default;
    virtual std::string maker() const = 0;
};

/// This translation unit's view of its own Registry<Part>.
[[maybe_unused]] identity_test::seen seen_here() {
    using parts = autoreg::Registry<Part>;
    const auto part = parts::try_create("part");
    return {parts::keys(), parts::conflicts().size(), part ? part->maker() : "none"};
}

}  // namespace

#endif
