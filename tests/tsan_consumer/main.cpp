// A consumer built as users build one under ThreadSanitizer: the whole program
// with -fsanitize=thread and warnings as errors (GCC's -Wtsan rejects any
// std::atomic_thread_fence in the headers). Readers create while a writer adds
// and removes registrations, which makes the writer wait for the readers:
// TSan must see every hand-over, and report nothing.
#include <autoreg/autoreg.hpp>

#include <atomic>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace tsan_consumer {

struct Codec {
    virtual ~Codec() = default;
    virtual std::string name() const = 0;
};

struct ZstdCodec : autoreg::AutoRegister<Codec, ZstdCodec> {
    static constexpr std::string_view registry_key = "zstd";
    std::string name() const override { return "zstd"; }
};

/// Holds a string on the heap, so that a factory freed too early is a
/// use-after-free TSan reports as a race with the writer's free.
struct Named : Codec {
    explicit Named(std::string n) : name_(std::move(n)) {}
    std::string name() const override { return name_; }

private:
    std::string name_;
};

}  // namespace tsan_consumer

int main() {
    using Codecs = autoreg::Registry<tsan_consumer::Codec>;
    constexpr int readers = 3;
    constexpr int rounds = 300;
    std::atomic<bool> writing{true};
    std::atomic<int> wrong{0};
    std::atomic<long> created_by_hand{0};

    std::vector<std::thread> threads;
    for (int r = 0; r < readers; ++r) {
        threads.emplace_back([&] {
            do {
                const std::unique_ptr<tsan_consumer::Codec> zstd = Codecs::create("zstd");
                if (zstd->name() != "zstd") wrong.fetch_add(1);
                if (auto lz4 = Codecs::try_create("lz4")) {
                    if (lz4->name() != "lz4 by hand") wrong.fetch_add(1);
                    created_by_hand.fetch_add(1);
                }
            } while (writing.load());
        });
    }
    for (int round = 0; round < rounds; ++round) {
        const std::string text = "lz4 by hand";
        const autoreg::registration lz4 =
            Codecs::add("lz4", [text] { return std::make_unique<tsan_consumer::Named>(text); });
        std::this_thread::yield();
    }  // each registration's destructor waits until no reader can be in its factory
    writing.store(false);
    for (std::thread& t : threads) t.join();

    if (wrong.load() != 0 || Codecs::contains("lz4") || !Codecs::contains("zstd")) {
        std::fprintf(stderr, "tsan_consumer: %d wrong objects; lz4 %s\n", wrong.load(),
                     Codecs::contains("lz4") ? "still registered" : "removed");
        return 1;
    }
    std::printf("tsan_consumer: %ld objects from hand registrations, %d rounds, no race\n",
                created_by_hand.load(), rounds);
    return 0;
}
