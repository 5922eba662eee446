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
#include "detail/messages.hpp"
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
    /// Whether each row's class is loaded: false for a key that a
    /// plugin_index holds and whose library is not loaded yet.
    std::vector<bool> loaded;
};

namespace detail {

/// Lays out a table whose columns are as wide as their widest cell, with
/// trailing blanks trimmed so that the output diffs cleanly. A column
/// `loaded` is added where some row's class is not loaded.
template <class = void>
AUTOREG_COLD std::string render_table(const description& d) {
    static constexpr std::array<std::string_view, 6> headings{"key",         "type",   "priority",
                                                              "description", "parent", "loaded"};
    std::string out = d.title;
    out += '\n';
    if (d.rows.empty()) return out;

    bool all_loaded = true;
    for (const bool loaded : d.loaded) all_loaded = all_loaded && loaded;
    const std::size_t columns = all_loaded ? 5 : 6;
    const auto cell = [&](std::size_t row, std::size_t column) -> std::string_view {
        if (column < 5) return d.rows[row][column];
        return row < d.loaded.size() && !d.loaded[row] ? "no" : "yes";
    };
    std::array<std::size_t, 6> width{};
    for (std::size_t c = 0; c < columns; ++c) width[c] = headings[c].size();
    for (std::size_t r = 0; r < d.rows.size(); ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            if (cell(r, c).size() > width[c]) width[c] = cell(r, c).size();
        }
    }
    const auto append_row = [&](const auto& cell_at) {
        std::string line;
        for (std::size_t c = 0; c < columns; ++c) {
            const std::string_view text = cell_at(c);
            if (c != 0) line += "  ";
            if (c == 2) line.append(width[c] - text.size(), ' ');  // numbers align right
            line += text;
            if (c != 2) line.append(width[c] - text.size(), ' ');
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out += line;
        out += '\n';
    };
    append_row([&](std::size_t c) { return headings[c]; });
    std::array<std::string, 6> rule;
    for (std::size_t c = 0; c < columns; ++c) rule[c].assign(width[c], '-');
    append_row([&](std::size_t c) { return std::string_view(rule[c]); });
    for (std::size_t r = 0; r < d.rows.size(); ++r) {
        append_row([&](std::size_t c) { return cell(r, c); });
    }
    return out;
}

}  // namespace detail

/// Every registration of `Registry<Base>` as a table, in key order, under
/// a title line, every line ending with a newline; an empty registry gives
/// the title alone. Columns are as wide as their widest cell, numbers
/// aligned right, with no trailing blanks. Where a plugin_index holds keys
/// whose libraries are not loaded yet, the title counts them and a column
/// `loaded` says which.
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
    std::size_t not_loaded = 0;
    for (const auto& e : entries) not_loaded += e.loaded ? 0 : 1;
    d.title = detail::concat(registry::name(), " registry: ", entries.size(),
                             entries.size() == 1 ? " entry" : " entries");
    if (not_loaded != 0) d.title += detail::concat(", ", not_loaded, " not loaded");
    d.rows.reserve(entries.size());
    d.loaded.reserve(entries.size());
    const auto text = [](const auto& key) {
        if constexpr (detail::is_string_key<typename registry::key_type>) {
            return std::string(key);
        } else {
            return detail::key_as_text(key);
        }
    };
    for (const auto& e : entries) {
        d.rows.push_back({text(e.key), e.type_name, std::to_string(e.priority), e.description,
                          e.parent ? text(*e.parent) : std::string()});
        d.loaded.push_back(e.loaded);
    }
    d.assign(detail::render_table(d));
    return d;
}

}  // namespace autoreg

#endif
