// The registry of tests/header_budget, included before anything else checks
// what the autoreg header under test brings in.
#ifndef AUTOREG_TEST_HEADER_BUDGET_CODEC_HPP
#define AUTOREG_TEST_HEADER_BUDGET_CODEC_HPP

namespace header_budget {
struct Codec {
    virtual ~Codec() = default;
};
}  // namespace header_budget

#endif
