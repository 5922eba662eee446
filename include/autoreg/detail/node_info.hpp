/// \file
/// The full description of one registration in `Registry<Base>`.
#ifndef AUTOREG_DETAIL_NODE_INFO_HPP
#define AUTOREG_DETAIL_NODE_INFO_HPP

#include <string_view>
#include <tuple>

#include "../traits.hpp"
#include "hub.hpp"

namespace autoreg {
namespace detail {

template <class Base, class ArgsTuple>
struct factory_signature;
template <class Base, class... Args>
struct factory_signature<Base, std::tuple<Args...>> {
    // An owning raw pointer, which create() wraps: naming std::unique_ptr
    // here would make every file that defines a registered class include
    // <memory> (benchmarks/results/results.md, headers alone).
    using type = Base* (*)(const void* context, Args&&... args);
};

template <class Base>
using factory_fn = typename factory_signature<Base, typename traits<Base>::constructor_args>::type;

template <class Base>
struct node_info {
    using key_view = typename traits<Base>::key_view;

    // First member, so that the hub can read it without knowing Base.
    info_header header;
    key_view key;
    std::string_view type_name;
    std::string_view description;
    int priority;
    factory_fn<Base> factory;
    bool has_parent;
    key_view parent_key;
    std::string_view parent_type_name;
};

template <class Base>
const node_info<Base>& info_of(const node& n) noexcept {
    // info_header is the first member of the standard-layout node_info.
    return *reinterpret_cast<const node_info<Base>*>(n.info);
}

}  // namespace detail
}  // namespace autoreg

#endif
