/// \file
/// `autoreg::describe<Base>()`: a registry as a table, ready to print.
#ifndef AUTOREG_DESCRIBE_HPP
#define AUTOREG_DESCRIBE_HPP

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "detail/text.hpp"
#include "registry.hpp"

namespace autoreg {

/// A registry's entries at one moment, ready to print; see `describe()`.
/// It is the table as text, a `std::string`, which is how {fmt} (any
/// version), `std::cout` and anything else that prints strings print it;
/// its parts are members. It stays valid after the registry changes, or a
/// plugin unloads.
struct description : std::string {
    /// The first line, e.g. `shape registry: 2 entries`.
    std::string title;
    /// One row a registration, as `entries()` lists them: key, type name,
    /// priority, description, and the parent's key (empty where none).
    std::vector<std::array<std::string, 5>> rows;
};

namespace detail {

/// Lays out a table whose columns are as wide as their widest cell, with
/// trailing blanks trimmed so that the output diffs cleanly.
template <class = void>
AUTOREG_COLD std::string render_table(const description& d) {
    static constexpr std::array<std::string_view, 5> headings{"key", "type", "priority",
                                                              "description", "parent"};
    std::string out = d.title;
    out += '\n';
    if (d.rows.empty()) return out;

    std::array<std::size_t, 5> width{};
    for (std::size_t c = 0; c < width.size(); ++c) width[c] = headings[c].size();
    for (const auto& row : d.rows) {
        for (std::size_t c = 0; c < width.size(); ++c) {
            if (row[c].size() > width[c]) width[c] = row[c].size();
        }
    }
    const auto append_row = [&](const auto& cells) {
        std::string line;
        for (std::size_t c = 0; c < width.size(); ++c) {
            const std::string_view cell = cells[c];
            if (c != 0) line += "  ";
            if (c == 2) line.append(width[c] - cell.size(), ' ');  // numbers align right
            line += cell;
            if (c != 2) line.append(width[c] - cell.size(), ' ');
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out += line;
        out += '\n';
    };
    append_row(headings);
    std::array<std::string, 5> rule;
    for (std::size_t c = 0; c < width.size(); ++c) rule[c].assign(width[c], '-');
    append_row(rule);
    for (const auto& row : d.rows) append_row(row);
    return out;
}

}  // namespace detail

/// Every registration of `Registry<Base>` as a table, in key order, under
/// a title line, every line ending with a newline; an empty registry gives
/// the title alone. Columns are as wide as their widest cell, numbers
/// aligned right, with no trailing blanks.
/// \code
/// fmt::print("{}", autoreg::describe<Shape>());
/// // shape registry: 2 entries
/// // key     type    priority  description    parent
/// // ------  ------  --------  -------------  ------
/// // circle  Circle         0  A round shape
/// // disc    Disc           0                 circle
/// \endcode
template <class Base>
description describe() {
    using registry = Registry<Base>;
    const auto entries = registry::entries();
    description d;
    d.title = detail::concat(registry::name(), " registry: ", entries.size(),
                             entries.size() == 1 ? " entry" : " entries");
    d.rows.reserve(entries.size());
    const auto text = [](const auto& key) {
        if constexpr (detail::is_string_key<typename registry::key_type>) {
            return std::string(key);
        } else {
            return std::to_string(detail::key_order_value(key));
        }
    };
    for (const auto& e : entries) {
        d.rows.push_back({text(e.key), e.type_name, std::to_string(e.priority), e.description,
                          e.parent ? text(*e.parent) : std::string()});
    }
    d.assign(detail::render_table(d));
    return d;
}

}  // namespace autoreg

#endif
