#pragma once

#include <autoreg/autoreg.hpp>

#include <string>

struct Filter {
    virtual ~Filter() = default;
    virtual std::string apply() const = 0;
};

template <>
struct autoreg::registry_traits<Filter> {
    static constexpr std::string_view strip_suffix = "Filter";
};
