// The registry the generated plugins register in.
#ifndef AUTOREG_BENCH_LAZY_PLUGIN_BASE_HPP
#define AUTOREG_BENCH_LAZY_PLUGIN_BASE_HPP

#include <autoreg/autoreg.hpp>

namespace bench {
struct Plugin {
    virtual ~Plugin() = default;
    virtual int id() const = 0;
};
}  // namespace bench

#endif
