// Classes made from data: one command per line of a description, each a
// factory capturing its own text; and a third-party type registered with
// Registrar because it cannot inherit the mixin.
#include <autoreg/autoreg.hpp>

#include <fmt/core.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

struct Command {
    virtual ~Command() = default;
    virtual std::string run() const = 0;
};

/// A command that prints the text it was made with.
struct Echo : Command {
    explicit Echo(std::string text) : text_(std::move(text)) {}
    std::string run() const override { return text_; }

private:
    std::string text_;
};

namespace vendor {
/// From a library we cannot change: it cannot inherit AutoRegister.
struct Clock : Command {
    std::string run() const override { return "12:00"; }
};
}  // namespace vendor

static const autoreg::Registrar<Command, vendor::Clock> clock_registration{"time"};

int main() {
    const std::string descriptions =
        "greet Hello, world\n"
        "farewell Goodbye\n"
        "motto Classes that register themselves\n";

    std::vector<autoreg::registration> commands;
    std::istringstream lines(descriptions);
    for (std::string name, text; lines >> name && std::getline(lines >> std::ws, text);) {
        commands.push_back(
            autoreg::Registry<Command>::add(name, [text] { return std::make_unique<Echo>(text); },
                                            {0, "from the description", "Echo"}));
    }

    fmt::print("{}", autoreg::describe<Command>());
    for (const char* name : {"greet", "time", "motto"}) {
        fmt::print("{} -> {}\n", name, autoreg::Registry<Command>::create(name)->run());
    }

    commands.erase(commands.begin());  // destroying a registration removes its command
    fmt::print("after removing greet: {}\n",
               autoreg::Registry<Command>::contains("greet") ? "still there" : "gone");
}
