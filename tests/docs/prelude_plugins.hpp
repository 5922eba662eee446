// What the snippets of docs/plugins.md use without defining it themselves;
// each snippet is compiled after this (see tests/docs/extract.cmake).
#ifndef AUTOREG_DOCS_PRELUDE_PLUGINS_HPP
#define AUTOREG_DOCS_PRELUDE_PLUGINS_HPP

#include <autoreg/autoreg.hpp>

#include <vector>

// The base of the codecs that plugins and static libraries register.
struct Codec {
    virtual ~Codec() = default;
};

#endif
