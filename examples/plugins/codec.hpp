// The interface the host defines and plugins implement.
#pragma once

#include <autoreg/autoreg.hpp>

#include <string>

struct Codec {
    virtual ~Codec() = default;
    virtual std::string compress(const std::string& text) const = 0;
};

template <>
struct autoreg::registry_traits<Codec> {
    static constexpr std::string_view strip_suffix = "Codec";
};
