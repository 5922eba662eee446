// Registered classes of the concurrency tests.
#include <autoreg/autoreg.hpp>

#include <string_view>
#include <utility>

#include "support/concurrency.hpp"

namespace concurrency_test {

constexpr std::string_view job_keys[job_count] = {
    "job-00", "job-01", "job-02", "job-03", "job-04", "job-05", "job-06", "job-07",
    "job-08", "job-09", "job-10", "job-11", "job-12", "job-13", "job-14", "job-15"};

template <int N>
struct NumberedJob : autoreg::AutoRegister<Job, NumberedJob<N>> {
    static constexpr std::string_view registry_key = job_keys[N];
    int id() const override { return N; }
};

template <int N>
struct NumberedChore : autoreg::AutoRegister<Chore, NumberedChore<N>> {
    static constexpr int registry_key = N;
    using autoreg::AutoRegister<Chore, NumberedChore<N>>::AutoRegister;
    int id() const override { return N; }
};

template <int... N>
constexpr std::size_t instantiate(std::integer_sequence<int, N...>) {
    return (std::size_t{0} + ... + (sizeof(NumberedJob<N>) + sizeof(NumberedChore<N>)));
}
static_assert(instantiate(std::make_integer_sequence<int, job_count>{}) > 0);

}  // namespace concurrency_test
