/// \file
/// The umbrella header: everything autoreg offers.
/// \code
/// #include <autoreg/autoreg.hpp>
///
/// struct Shape {
///     virtual ~Shape() = default;
///     virtual double area() const = 0;
/// };
/// struct Circle : autoreg::AutoRegister<Shape, Circle> {
///     static constexpr std::string_view registry_key = "circle";
///     double area() const override { return 3.14; }
/// };
/// // Anywhere else, without naming Circle:
/// std::unique_ptr<Shape> s = autoreg::Registry<Shape>::create("circle");
/// \endcode
#ifndef AUTOREG_AUTOREG_HPP
#define AUTOREG_AUTOREG_HPP

#include "auto_register.hpp"
#include "config.hpp"
#include "describe.hpp"
#include "errors.hpp"
#include "fwd.hpp"
#include "library.hpp"
#include "plugin_index.hpp"
#include "registration.hpp"
#include "registry.hpp"
#include "secondary.hpp"
#include "traits.hpp"
#include "type_name.hpp"
#include "version.hpp"

#endif
