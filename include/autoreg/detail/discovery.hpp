/// \file
/// A registry's discovery function: run once, at the first access after it
/// was set, by the access that gets there first; concurrent accesses wait.
#ifndef AUTOREG_DETAIL_DISCOVERY_HPP
#define AUTOREG_DETAIL_DISCOVERY_HPP

#include <cstdint>
#include <utility>
#include <vector>

#include "atomic.hpp"
#include "hub.hpp"
#include "owned.hpp"
#include "spinlock.hpp"

namespace autoreg {
namespace detail {

class task {
public:
    virtual ~task() = default;
    virtual void run() = 0;
};

template <class Function>
class task_of final : public task {
public:
    explicit task_of(Function function) : function_(std::move(function)) {}
    void run() override { function_(); }

private:
    Function function_;
};

/// Counts, per registry, the discoveries its accesses must wait for: one
/// load on the fast path of every access.
using pending_count = atomic<unsigned>;

class discovery {
public:
    /// `waiting`: the counters of the registries whose accesses wait for
    /// this discovery (its own and its secondaries').
    void set(owned<task> next, std::vector<pending_count*> waiting) {
        owned<task> replaced;  // destroyed outside the lock
        spin_guard guard(lock_);
        replaced = std::exchange(next_, std::move(next));
        if (!pending_.load(memory_order_relaxed)) {
            waiting_ = std::move(waiting);
            for (pending_count* count : waiting_) count->fetch_add(1, memory_order_seq_cst);
            pending_.store(true, memory_order_release);
        }
    }

    /// Whether an access on this thread has to run or wait for a discovery.
    bool awaits_this_thread() noexcept {
        if (!pending_.load(memory_order_acquire)) return false;
        spin_guard guard(lock_);
        return running_ ? runner_ != current_thread_tag() : next_ != nullptr;
    }

    /// Runs the pending discovery, or waits for the thread that runs it.
    /// Returns at once on the thread that runs it, so that the function may
    /// use the registry. An exception reaches the access that ran it; the
    /// function is not run again unless it is set again.
    void run() {
        if (!pending_.load(memory_order_acquire)) return;
        owned<task> mine;
        for (;;) {
            {
                spin_guard guard(lock_);
                if (running_ && runner_ == current_thread_tag()) return;
                if (!running_) {
                    if (next_ == nullptr) return;
                    mine = std::move(next_);
                    running_ = true;
                    runner_ = current_thread_tag();
                    break;
                }
            }
            yield_cpu();
        }
        struct finish {
            discovery& self;
            ~finish() {
                spin_guard guard(self.lock_);
                self.running_ = false;
                self.runner_ = 0;
                if (self.next_ == nullptr) {
                    self.pending_.store(false, memory_order_release);
                    for (pending_count* count : self.waiting_) {
                        count->fetch_sub(1, memory_order_release);
                    }
                    self.waiting_.clear();
                }
            }
        } done{*this};
        mine->run();
    }

private:
    spinlock lock_{};
    owned<task> next_;
    bool running_ = false;
    std::uintptr_t runner_ = 0;
    atomic<bool> pending_{false};
    std::vector<pending_count*> waiting_;
};

}  // namespace detail
}  // namespace autoreg

#endif
