// Bases of the classes that tests/registrations/concurrency_jobs.cpp registers.
#ifndef AUTOREG_TESTS_SUPPORT_CONCURRENCY_HPP
#define AUTOREG_TESTS_SUPPORT_CONCURRENCY_HPP

#include <autoreg/autoreg.hpp>

#include <string>
#include <tuple>

namespace concurrency_test {

/// Keys "job-00" to "job-15"; id() is the number.
struct Job {
    virtual ~Job() = default;
    virtual int id() const = 0;
};

/// Keys 0 to 15; created with an argument, so each object says who made it.
struct Chore {
    explicit Chore(int maker) : maker_(maker) {}
    virtual ~Chore() = default;
    virtual int id() const = 0;
    int maker() const { return maker_; }

private:
    int maker_;
};

inline constexpr int job_count = 16;

}  // namespace concurrency_test

template <>
struct autoreg::registry_traits<concurrency_test::Chore> {
    using key_type = int;
    using constructor_args = std::tuple<int>;
};

#endif
