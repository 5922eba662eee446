// read_domain (include/autoreg/detail/read_domain.hpp): the read-copy-update
// domain that create() reads through and that rebuilds, removals and library
// unloads wait on. synchronize() must not return while a read section that
// began before it is still open, whichever way the section was counted (the
// thread's slot, or the shared stripes when the slots are taken or the
// thread's slot belongs to another domain).
//
// A thread keeps a pointer to the domain it read through in thread-local
// storage, so every domain here is static: it outlives every thread that used
// it. Each test case has domains of its own and does its reading on threads
// it starts, so that the cases also hold when they share one process. Worth
// running under ThreadSanitizer and AddressSanitizer, which catch a reader
// that touches what a writer freed too early.
//
// Where a test checks that synchronize() is still waiting, it looks after a
// pause: a correct domain passes however long the pause, a broken one fails
// unless it is slow enough to still be on its way. No test passes only
// because something was fast.
#include <autoreg/detail/read_domain.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#if defined(__linux__)
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#endif

#include "catch.hpp"

// ThreadSanitizer does not support starting threads in the child of a
// process that had threads before fork(); the test that does is left to the
// other builds.
#if defined(__SANITIZE_THREAD__)
#define AUTOREG_TEST_THREADS_AFTER_FORK 0
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define AUTOREG_TEST_THREADS_AFTER_FORK 0
#endif
#endif
#ifndef AUTOREG_TEST_THREADS_AFTER_FORK
#define AUTOREG_TEST_THREADS_AFTER_FORK 1
#endif

using autoreg::detail::read_domain;
using autoreg::detail::read_section;
using autoreg::detail::reader_slots;
using namespace std::chrono_literals;

namespace {

// How long a waiting synchronize() is watched before it is said to wait.
constexpr auto pause = 50ms;
// How long a synchronize() that should return may take before it is said to
// hang (and is abandoned, so that the test fails rather than sticks).
constexpr auto hang_limit = 10s;

/// Stays shut until opened; any number of threads wait on it.
class gate {
public:
    void open() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            open_ = true;
        }
        changed_.notify_all();
    }
    void wait() {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return open_; });
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool open_ = false;
};

/// Counts arrivals; wait_for(n) returns once n have arrived.
class arrivals {
public:
    void arrive() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            ++count_;
        }
        changed_.notify_all();
    }
    void wait_for(int n) {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this, n] { return count_ >= n; });
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    int count_ = 0;
};

/// domain.synchronize() on a thread of its own, and whether it has returned.
class background_synchronize {
public:
    explicit background_synchronize(read_domain& domain)
        : thread_([this, &domain] {
              started_.store(true);
              domain.synchronize();
              done_.store(true);
          }) {
        // Not a guarantee that the writer is already waiting, only that it
        // is on its way: a check made too early can pass, never fail.
        while (!started_.load()) std::this_thread::yield();
    }
    background_synchronize(const background_synchronize&) = delete;
    background_synchronize& operator=(const background_synchronize&) = delete;
    ~background_synchronize() {
        // A writer that hangs is abandoned (its domain is static), so that
        // the test reports the failure instead of never ending.
        if (done_.load()) {
            thread_.join();
        } else {
            thread_.detach();
        }
    }

    bool done() const { return done_.load(); }

    /// Whether synchronize() is still waiting after a pause.
    bool still_waiting() const {
        std::this_thread::sleep_for(pause);
        return !done();
    }

    /// Whether synchronize() returns within hang_limit.
    bool returns() const {
        const auto deadline = std::chrono::steady_clock::now() + hang_limit;
        while (!done()) {
            if (std::chrono::steady_clock::now() > deadline) return false;
            std::this_thread::sleep_for(1ms);
        }
        return true;
    }

private:
    std::atomic<bool> started_{false};
    std::atomic<bool> done_{false};
    std::thread thread_;
};

/// Whether a ticket was counted on the thread's own slot.
bool on_slot(const read_domain::ticket& ticket) { return ticket.slot != nullptr; }

// ---- Publish and retire under readers --------------------------------------------

/// What the writer publishes. A reader checks it from the section's start to
/// its end; the writer marks it dead where it would free it, so a reader that
/// can still see it after synchronize() returned sees the mark. Under
/// ThreadSanitizer the marking races the reader's loads; under
/// AddressSanitizer a reader that still holds it when it is really freed,
/// 64 payloads later, reads freed memory.
struct payload {
    static constexpr std::uint64_t alive = 0xA11FEA11FEA11FEull;
    static constexpr std::uint64_t dead = 0xDEADDEADDEADDEADull;

    explicit payload(std::uint64_t number) : serial(number), twice(2 * number) {}

    std::atomic<std::uint64_t> magic{alive};
    // Plain fields: a reader's load racing the writer's kill is a data race
    // that ThreadSanitizer reports.
    std::uint64_t serial;
    std::uint64_t twice;

    bool intact() const { return magic.load(std::memory_order_relaxed) == alive; }

    /// Marks it dead at once; frees it later, so that the allocator does not
    /// hand its memory straight back to the writer as a live payload, which
    /// would hide a reader that still holds it.
    static void kill(payload* p, std::vector<payload*>& graveyard) {
        p->magic.store(dead, std::memory_order_relaxed);
        p->serial = 1;
        p->twice = 0;
        graveyard.push_back(p);
        if (graveyard.size() >= 2 * graveyard_size) {
            for (std::size_t i = 0; i < graveyard_size; ++i) delete graveyard[i];
            graveyard.erase(graveyard.begin(), graveyard.begin() + graveyard_size);
        }
    }
    static constexpr std::size_t graveyard_size = 64;
};

enum class reclaim {
    /// Free each old payload after synchronize().
    synchronize,
    /// Retire old payloads; free them all whenever quiescent_now() says so.
    when_quiescent,
};

struct stress_result {
    int mistakes = 0;
    long swaps = 0;
    long reads = 0;
    /// Times quiescent_now() let the writer free, and times it did not
    /// (reclaim::when_quiescent): both must happen for the test to mean much.
    long quiescent_frees = 0;
    long quiescent_refusals = 0;
    /// Readers whose sections were counted on the stripes.
    int striped_readers = 0;
    /// Times the writer's retired list grew too long and it synchronized.
    long fallbacks = 0;
    /// Whether quiescent_now() was true once every reader had ended.
    bool quiescent_after = false;
};

constexpr int stress_readers = 4;
constexpr auto stress_time = 300ms;
// Lower bounds the writer keeps going for, past stress_time if need be (up to
// stress_limit), so that a slow machine makes the test longer, not failing.
constexpr long stress_min_swaps = 200;
constexpr long stress_min_quiescent = 20;
// Retired payloads the writer keeps waiting for quiescent_now() to be true.
constexpr std::size_t max_retired = 4096;
constexpr auto stress_limit = 20s;

/// Readers check the current payload in read sections while a writer
/// replaces it and frees the old one. Half the readers have first read
/// through `decoy`, so that their slot is there and they count themselves on
/// the stripes of `domain`. Uses no Catch2 macros (a forked child runs it).
stress_result stress(read_domain& domain, read_domain& decoy, reclaim how) {
    std::atomic<payload*> current{new payload(0)};
    std::atomic<bool> stop{false};
    std::atomic<int> mistakes{0};
    std::atomic<long> reads{0};
    std::atomic<int> striped{0};
    arrivals started;

    std::vector<std::thread> readers;
    for (int r = 0; r < stress_readers; ++r) {
        readers.emplace_back([&, r] {
            if (r % 2 == 1) decoy.exit(decoy.enter());
            int wrong = 0;
            long count = 0;
            bool striped_here = false;
            for (; count == 0 || !stop.load(std::memory_order_relaxed); ++count) {
                const read_domain::ticket ticket = domain.enter();
                striped_here = striped_here || !on_slot(ticket);
                const payload* p = current.load(std::memory_order_acquire);
                // Checked over and over, so that a reader is inside for a
                // while and a writer that frees too early meets it; now and
                // then it gives way inside, as a preempted reader does, and
                // the writer runs meanwhile.
                for (int check = 0; check < 64; ++check) {
                    if (check == 32 && count % 16 == 0) std::this_thread::yield();
                    wrong += !p->intact();
                    wrong += p->twice != 2 * p->serial;
                }
                domain.exit(ticket);
                if (count == 0) started.arrive();
                // Outside more often than inside, so that readers waiting
                // for a processor are mostly outside, all of them at times,
                // and quiescent_now() can say so.
                if (count % 4 == 0) std::this_thread::yield();
            }
            mistakes.fetch_add(wrong);
            reads.fetch_add(count);
            striped.fetch_add(striped_here ? 1 : 0);
        });
    }

    stress_result result;
    std::thread writer([&] {
        started.wait_for(stress_readers);
        std::vector<payload*> retired;
        std::vector<payload*> graveyard;
        const auto start = std::chrono::steady_clock::now();
        for (std::uint64_t serial = 1;; ++serial) {
            const auto elapsed = std::chrono::steady_clock::now() - start;
            const bool enough = result.swaps >= stress_min_swaps &&
                                (how != reclaim::when_quiescent ||
                                 (result.quiescent_frees >= stress_min_quiescent &&
                                  result.quiescent_refusals >= stress_min_quiescent));
            if ((elapsed >= stress_time && enough) || elapsed >= stress_limit) break;
            payload* old = current.exchange(new payload(serial), std::memory_order_acq_rel);
            ++result.swaps;
            if (how == reclaim::synchronize) {
                domain.synchronize();
                payload::kill(old, graveyard);
            } else {
                retired.push_back(old);
                if (domain.quiescent_now()) {
                    for (payload* p : retired) payload::kill(p, graveyard);
                    retired.clear();
                    ++result.quiescent_frees;
                } else {
                    ++result.quiescent_refusals;
                    // As a writer would: let the readers get on.
                    std::this_thread::yield();
                    if (retired.size() >= max_retired) {
                        domain.synchronize();
                        for (payload* p : retired) payload::kill(p, graveyard);
                        retired.clear();
                        ++result.fallbacks;
                    }
                }
            }
        }
        domain.synchronize();
        for (payload* p : retired) payload::kill(p, graveyard);
        for (payload* p : graveyard) delete p;
    });

    writer.join();
    stop.store(true);
    for (std::thread& reader : readers) reader.join();
    delete current.load();
    result.mistakes = mistakes.load();
    result.reads = reads.load();
    result.striped_readers = striped.load();
    result.quiescent_after = domain.quiescent_now();
    return result;
}

/// What stress() must have done.
bool stress_passed(const stress_result& result, reclaim how) {
    return result.mistakes == 0 && result.swaps >= stress_min_swaps &&
           result.reads >= stress_readers &&
           (how != reclaim::when_quiescent ||
            (result.quiescent_frees > 0 && result.quiescent_refusals > 0)) &&
           result.striped_readers == (AUTOREG_READER_SLOTS ? stress_readers / 2 : stress_readers) &&
           result.quiescent_after;
}

// stress_passed() holds every criterion, shared with the forked child that
// cannot report through Catch2; INFO shows what failed.
void check_stress(const stress_result& result, reclaim how) {
    INFO("mistakes " << result.mistakes << ", swaps " << result.swaps << ", reads " << result.reads
                     << ", quiescent frees " << result.quiescent_frees << ", refusals "
                     << result.quiescent_refusals << ", fallbacks " << result.fallbacks
                     << ", striped readers " << result.striped_readers << ", quiescent after "
                     << result.quiescent_after);
    CHECK(stress_passed(result, how));
}

}  // namespace

TEST_CASE("synchronize waits for a reader that entered before it", "[read_domain]") {
    static read_domain domain;
    gate leave;
    arrivals inside;
    bool counted_on_slot = false;
    std::thread reader([&] {
        const read_domain::ticket ticket = domain.enter();
        counted_on_slot = on_slot(ticket);
        inside.arrive();
        leave.wait();
        domain.exit(ticket);
    });
    inside.wait_for(1);
    // A fresh thread reading through one domain gets a slot of it.
    CHECK(counted_on_slot == bool(AUTOREG_READER_SLOTS));
    CHECK_FALSE(domain.quiescent_now());

    background_synchronize writer(domain);
    CHECK(writer.still_waiting());
    leave.open();
    reader.join();
    CHECK(writer.returns());
    CHECK(domain.quiescent_now());
}

TEST_CASE("synchronize returns at once when nobody reads", "[read_domain]") {
    static read_domain domain;
    // Never used: no slot claimed, nothing counted.
    CHECK(domain.quiescent_now());
    domain.synchronize();

    // Used, then left: the slot stays claimed but even.
    std::thread([] { read_section reading(domain); }).join();
    CHECK(domain.quiescent_now());
    domain.synchronize();
    domain.synchronize();
    CHECK(domain.quiescent_now());
}

TEST_CASE("nested sections: synchronize waits for the outermost to end", "[read_domain]") {
    static read_domain domain;
    gate leave_inner;
    gate leave_outer;
    arrivals steps;
    read_domain::ticket outer_ticket{};
    read_domain::ticket inner_ticket{};
    std::thread reader([&] {
        outer_ticket = domain.enter();
        inner_ticket = domain.enter();
        steps.arrive();
        leave_inner.wait();
        domain.exit(inner_ticket);
        steps.arrive();
        leave_outer.wait();
        domain.exit(outer_ticket);
    });
    steps.wait_for(1);
    CHECK(outer_ticket.slot == inner_ticket.slot);

    background_synchronize writer(domain);
    CHECK(writer.still_waiting());
    leave_inner.open();
    steps.wait_for(2);
    // Still inside the outer section.
    CHECK(writer.still_waiting());
    CHECK_FALSE(domain.quiescent_now());
    leave_outer.open();
    reader.join();
    CHECK(writer.returns());
    CHECK(domain.quiescent_now());
}

TEST_CASE("readers never see a payload that synchronize let the writer free", "[read_domain]") {
    static read_domain domain;
    static read_domain decoy;
    const stress_result result = stress(domain, decoy, reclaim::synchronize);
    INFO("asymmetric " << domain.asymmetric());
    check_stress(result, reclaim::synchronize);
}

TEST_CASE("readers never see a payload that quiescent_now let the writer free", "[read_domain]") {
    static read_domain domain;
    static read_domain decoy;
    check_stress(stress(domain, decoy, reclaim::when_quiescent), reclaim::when_quiescent);
}

TEST_CASE("quiescent_now fails inside a read section", "[read_domain]") {
    static read_domain domain;
    static read_domain other;
    bool inside_quiescent = true;
    bool other_quiescent = false;
    bool after_quiescent = false;
    std::thread([&] {
        {
            read_section reading(domain);
            inside_quiescent = domain.quiescent_now();
            other_quiescent = other.quiescent_now();
        }
        after_quiescent = domain.quiescent_now();
    }).join();
    CHECK_FALSE(inside_quiescent);
    // A thread that reads through one domain is no reader of another.
    CHECK(other_quiescent);
    CHECK(after_quiescent);
}

TEST_CASE("slots of ended threads are claimed again", "[read_domain]") {
    static read_domain domain;
    // One thread at a time, each ended before the next starts: three times
    // as many threads as slots get a slot only if the slots are reclaimed.
    constexpr int threads = 3 * static_cast<int>(reader_slots);
    int on_slots = 0;
    for (int t = 0; t < threads; ++t) {
        read_domain::ticket ticket{};
        std::thread([&] {
            ticket = domain.enter();
            domain.exit(ticket);
        }).join();
        on_slots += on_slot(ticket);
    }
#if AUTOREG_READER_SLOTS
    CHECK(on_slots == threads);
#else
    CHECK(on_slots == 0);
#endif
    CHECK(domain.quiescent_now());
}

TEST_CASE("threads beyond the slots count on the stripes, and writers wait for them",
          "[read_domain]") {
    static read_domain domain;
    constexpr int extra = 8;
    constexpr int threads = static_cast<int>(reader_slots) + extra;
    std::vector<char> striped(threads, 0);
    std::vector<char> striped_again(threads, 0);
    arrivals inside;
    gate leave_slots;
    gate leave_stripes;
    gate slot_owners_gone;
    std::vector<std::thread> readers;
    for (int t = 0; t < threads; ++t) {
        readers.emplace_back([&, t] {
            const auto index = static_cast<std::size_t>(t);
            const read_domain::ticket ticket = domain.enter();
            striped[index] = !on_slot(ticket);
            inside.arrive();
            if (on_slot(ticket)) {
                leave_slots.wait();
                domain.exit(ticket);
                return;
            }
            leave_stripes.wait();
            domain.exit(ticket);
            // Free slots now, but a thread does not look for one again: that
            // would scan every slot, a system call each, in every section.
            slot_owners_gone.wait();
            const read_domain::ticket again = domain.enter();
            striped_again[index] = !on_slot(again);
            domain.exit(again);
        });
    }
    inside.wait_for(threads);
    int on_stripes = 0;
    for (char s : striped) on_stripes += s;
#if AUTOREG_READER_SLOTS
    CHECK(on_stripes >= extra);
#else
    CHECK(on_stripes == threads);
#endif

    background_synchronize writer(domain);
    CHECK(writer.still_waiting());
    // The slots are empty now; the stripes still hold the writer.
    leave_slots.open();
    CHECK(writer.still_waiting());
    CHECK_FALSE(domain.quiescent_now());
    leave_stripes.open();
    for (std::size_t t = 0; t < readers.size(); ++t) {
        if (striped[t] == 0) readers[t].join();
    }
    CHECK(writer.returns());
    slot_owners_gone.open();
    for (std::size_t t = 0; t < readers.size(); ++t) {
        if (striped[t] != 0) readers[t].join();
    }
    CHECK(striped_again == striped);
    CHECK(domain.quiescent_now());
}

TEST_CASE("a thread whose slot is in another domain counts on the stripes", "[read_domain]") {
    static read_domain first;
    static read_domain second;
    gate leave;
    arrivals inside;
    read_domain::ticket first_ticket{};
    read_domain::ticket second_ticket{};
    std::thread reader([&] {
        first.exit(first.enter());
        // Inside both at once: a slot in the first, stripes in the second.
        first_ticket = first.enter();
        second_ticket = second.enter();
        inside.arrive();
        leave.wait();
        second.exit(second_ticket);
        first.exit(first_ticket);
    });
    inside.wait_for(1);
    CHECK(on_slot(first_ticket) == bool(AUTOREG_READER_SLOTS));
    CHECK_FALSE(on_slot(second_ticket));
    CHECK_FALSE(first.quiescent_now());
    CHECK_FALSE(second.quiescent_now());

    background_synchronize writer(second);
    CHECK(writer.still_waiting());
    leave.open();
    reader.join();
    CHECK(writer.returns());
    CHECK(first.quiescent_now());
    CHECK(second.quiescent_now());
}

TEST_CASE("a reader of one domain does not hold up the writers of another", "[read_domain]") {
    static read_domain first;
    static read_domain second;
    gate leave;
    arrivals inside;
    std::thread reader([&] {
        // Nested in the domain it has no slot in, too.
        first.exit(first.enter());
        read_section outer(second);
        read_section inner(second);
        inside.arrive();
        leave.wait();
    });
    inside.wait_for(1);
    {
        background_synchronize writer(first);
        CHECK(writer.returns());
    }
    CHECK(first.quiescent_now());
    CHECK_FALSE(second.quiescent_now());
    background_synchronize writer(second);
    CHECK(writer.still_waiting());
    leave.open();
    reader.join();
    CHECK(writer.returns());
}

#if AUTOREG_READER_SLOTS

TEST_CASE("a thread that ended inside its section does not hold up writers forever",
          "[read_domain]") {
    static read_domain domain;
    read_domain::ticket abandoned{};
    std::thread([&] { abandoned = domain.enter(); }).join();
    REQUIRE(on_slot(abandoned));
    {
        background_synchronize writer(domain);
        CHECK(writer.returns());
    }
    // Its slot goes to a later thread, which leaves it even on claiming it.
    int on_slots = 0;
    for (unsigned t = 0; t < reader_slots; ++t) {
        std::thread([&] {
            const read_domain::ticket ticket = domain.enter();
            on_slots += on_slot(ticket);
            domain.exit(ticket);
        }).join();
    }
    CHECK(on_slots == static_cast<int>(reader_slots));
    CHECK(domain.quiescent_now());
}

#endif  // AUTOREG_READER_SLOTS

#if defined(__linux__)

namespace {

/// Waits for the child and returns its exit status, or -signal if a signal
/// ended it (-SIGALRM: it hung, and its alarm() went off).
int wait_for_child(pid_t child) {
    int status = 0;
    while (::waitpid(child, &status, 0) == -1) {
        if (errno != EINTR) return -1000;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return -WTERMSIG(status);
    return -1001;
}

}  // namespace

TEST_CASE("after fork the child reads and writes through the parent's domain", "[read_domain]") {
    static read_domain domain;
    // Used by this thread (which keeps its slot) and by one that has ended.
    domain.exit(domain.enter());
    std::thread([] { read_section reading(domain); }).join();
    const bool asymmetric = domain.asymmetric();
    INFO("writers use membarrier: " << asymmetric);

    const pid_t child = ::fork();
    REQUIRE(child != -1);
    if (child == 0) {
        ::alarm(10);
        bool ok = true;
        const read_domain::ticket outer = domain.enter();
        const read_domain::ticket inner = domain.enter();
        ok = ok && !domain.quiescent_now();
        domain.exit(inner);
        domain.exit(outer);
        domain.synchronize();
        ok = ok && domain.quiescent_now();
        ok = ok && domain.asymmetric() == asymmetric;
        ::_exit(ok ? 0 : 1);
    }
    CHECK(wait_for_child(child) == 0);
    // The parent's domain is as it was.
    domain.synchronize();
    CHECK(domain.quiescent_now());
}

#if AUTOREG_TEST_THREADS_AFTER_FORK

TEST_CASE("where membarrier is refused, readers fence and writers still wait for them",
          "[read_domain]") {
    // Run in a child that refuses membarrier(2) with seccomp, as some
    // sandboxes and old kernels do; both domains are new to it.
    static read_domain domain;
    static read_domain decoy;
    // What the child exits with when it cannot refuse membarrier.
    constexpr int child_skipped = 77;
    const pid_t child = ::fork();
    REQUIRE(child != -1);
    if (child == 0) {
        ::alarm(60);
        sock_filter filter[] = {
            BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
            BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<std::uint32_t>(SYS_membarrier), 0, 1),
            BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (ENOSYS & SECCOMP_RET_DATA)),
            BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        };
        sock_fprog program{};
        program.len = static_cast<unsigned short>(sizeof(filter) / sizeof(filter[0]));
        program.filter = filter;
        if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
            ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0 ||
            ::syscall(SYS_membarrier, 0, 0u, 0) != -1 || errno != ENOSYS) {
            ::_exit(child_skipped);
        }
        bool ok = true;
        for (const reclaim how : {reclaim::synchronize, reclaim::when_quiescent}) {
            const stress_result result = stress(domain, decoy, how);
            if (!stress_passed(result, how)) {
                std::fprintf(stderr,
                             "fenced stress failed: mistakes %d, swaps %ld, reads %ld, quiescent "
                             "frees %ld, refusals %ld, fallbacks %ld, striped readers %d, "
                             "quiescent after %d\n",
                             result.mistakes, result.swaps, result.reads, result.quiescent_frees,
                             result.quiescent_refusals, result.fallbacks, result.striped_readers,
                             int(result.quiescent_after));
                ok = false;
            }
        }
        ok = ok && !domain.asymmetric();
        ::_exit(ok ? 0 : 1);
    }
    const int status = wait_for_child(child);
    if (status == child_skipped) {
        WARN("seccomp is not available here: the fenced readers were not tested");
    } else {
        CHECK(status == 0);
    }
}

// The child's copy of the forking thread's slot named the parent's thread as
// its owner: once that thread had ended, the child's next new thread took the
// slot while the forking thread still read through it, and writers stopped
// seeing its reads. The child now renames the slot as it begins.
TEST_CASE("after fork the child's new threads leave the forking thread its slot", "[read_domain]") {
    static read_domain domain;
    pid_t child = -1;
    // Thread X reads (claiming a slot), forks, and ends in the parent.
    std::thread([&] {
        domain.exit(domain.enter());
        const int forker_tid = static_cast<int>(::syscall(SYS_gettid));
        child = ::fork();
        if (child != 0) return;
        ::alarm(10);
        const pid_t parent = ::getppid();
        while (::syscall(SYS_tgkill, parent, forker_tid, 0) == 0 || errno != ESRCH) {
            std::this_thread::sleep_for(1ms);
        }
        const read_domain::ticket mine = domain.enter();
        read_domain::ticket theirs{};
        std::thread([&] {
            theirs = domain.enter();
            domain.exit(theirs);
        }).join();
        const bool ok = theirs.slot != mine.slot && !domain.quiescent_now();
        domain.exit(mine);
        ::_exit(ok ? 0 : 1);
    }).join();
    REQUIRE(child != -1);
    CHECK(wait_for_child(child) == 0);
}

#endif  // AUTOREG_TEST_THREADS_AFTER_FORK

#endif  // defined(__linux__)
