// Concurrency (CONTRACT section 10): every call is safe concurrently with
// every other. Worth running under ThreadSanitizer as well:
//   cmake -DCMAKE_CXX_FLAGS=-fsanitize=thread ...
//
// Each test case runs in a process of its own under ctest, so the first
// accesses to the registries happen here, from many threads at once.
#include <autoreg/autoreg.hpp>

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "support/concurrency.hpp"
#include "support/threads.hpp"

using autoreg::Registry;
using namespace concurrency_test;

namespace {

constexpr int thread_count = 8;

std::string job_key(int n) {
    return std::string("job-") + static_cast<char>('0' + n / 10) + static_cast<char>('0' + n % 10);
}

std::vector<std::string> all_job_keys() {
    std::vector<std::string> keys;
    for (int n = 0; n < job_count; ++n) keys.push_back(job_key(n));
    return keys;
}

/// The file's threads, released at once (see support/threads.hpp).
template <class Work>
int run_together(Work&& work) {
    return test::run_together(thread_count, std::forward<Work>(work));
}

}  // namespace

TEST_CASE("first accesses from many threads at once", "[concurrency]") {
    const std::vector<std::string> expected_keys = all_job_keys();
    const int mistakes = run_together([&](int t) {
        int wrong = 0;
        // Different threads begin with different calls.
        switch (t % 4) {
            case 0:
                wrong += Registry<Job>::create(job_key(t))->id() != t;
                break;
            case 1:
                wrong += !Registry<Job>::contains(job_key(t));
                break;
            case 2:
                wrong += Registry<Job>::keys() != expected_keys;
                break;
            default:
                wrong += Registry<Job>::size() != job_count;
                break;
        }
        wrong += Registry<Chore>::create(t, t)->id() != t;
        return wrong;
    });
    CHECK(mistakes == 0);
}

TEST_CASE("create, contains and keys from many threads", "[concurrency]") {
    const std::vector<std::string> expected_keys = all_job_keys();
    const int mistakes = run_together([&](int t) {
        int wrong = 0;
        for (int i = 0; i < 2000; ++i) {
            const int n = (i * 7 + t) % job_count;
            const std::string key = job_key(n);
            std::unique_ptr<Job> job = Registry<Job>::create(key);
            wrong += job == nullptr || job->id() != n;
            wrong += !Registry<Job>::contains(key);
            wrong += Registry<Job>::contains("job-99");
            wrong += Registry<Job>::try_create("job-99") != nullptr;

            std::unique_ptr<Chore> chore = Registry<Chore>::try_create(n, t);
            wrong += chore == nullptr || chore->id() != n || chore->maker() != t;
            if (i % 100 == 0) {
                wrong += Registry<Job>::keys() != expected_keys;
                wrong += Registry<Job>::entries().size() != job_count;
                wrong += Registry<Chore>::size() != job_count;
            }
        }
        return wrong;
    });
    CHECK(mistakes == 0);
}

TEST_CASE("unknown keys from many threads: each gets its own message", "[concurrency]") {
    const int mistakes = run_together([](int t) {
        int wrong = 0;
        for (int i = 0; i < 200; ++i) {
            const std::string key = "missing-" + std::to_string(t) + "-" + std::to_string(i);
            try {
                Registry<Job>::create(key);
                ++wrong;
            } catch (const autoreg::unknown_key& e) {
                wrong += std::string(e.what()).find("\"" + key + "\"") == std::string::npos;
            }
        }
        return wrong;
    });
    CHECK(mistakes == 0);
}

TEST_CASE("run_together counts mistakes", "[concurrency]") {
    // The harness itself must be able to fail.
    CHECK(run_together([](int t) { return t == 3 ? 2 : 0; }) == 2);
}
