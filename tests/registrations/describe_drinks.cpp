// Registered classes of the describe() and leaves() tests, defined out of key
// order so that sorting is what orders the table.
#include <autoreg/autoreg.hpp>

#include <string_view>

#include "support/describe.hpp"

namespace describe_test {

struct Water : autoreg::AutoRegister<Drink, Water> {
    static constexpr std::string_view registry_key = "water";
};

struct Tea : autoreg::AutoRegister<Drink, Tea> {
    static constexpr std::string_view registry_key = "tea";
    static constexpr std::string_view registry_description = "leaves in hot water";
};

struct GreenTea : autoreg::AutoRegister<Drink, GreenTea, Tea> {
    static constexpr std::string_view registry_key = "green-tea";
    static constexpr std::string_view registry_description = "unoxidised";
    static constexpr int registry_priority = 10;
};

struct Coffee : autoreg::AutoRegister<Drink, Coffee> {
    static constexpr std::string_view registry_key = "coffee";
};

struct Espresso : autoreg::AutoRegister<Drink, Espresso, Coffee> {
    static constexpr std::string_view registry_key = "espresso";
    static constexpr std::string_view registry_description = "short";
    static constexpr int registry_priority = -3;
};

struct Doppio : autoreg::AutoRegister<Drink, Doppio, Espresso> {
    static constexpr std::string_view registry_key = "doppio";
};

// Abstract: not registered, so not a parent in the table either.
struct Juice : autoreg::AutoRegister<Drink, Juice> {
    static constexpr std::string_view registry_key = "juice";
    virtual double sugar() const = 0;
};
struct OrangeJuice : autoreg::AutoRegister<Drink, OrangeJuice, Juice> {
    static constexpr std::string_view registry_key = "orange-juice";
    double sugar() const override { return 8.4; }
};

struct Teaspoon : autoreg::AutoRegister<Spoon, Teaspoon> {
    static constexpr std::string_view registry_key = "teaspoon";
};

struct News : autoreg::AutoRegister<Channel, News> {
    static constexpr int registry_key = 2;
};
struct LateNews : autoreg::AutoRegister<Channel, LateNews, News> {
    static constexpr int registry_key = 10;
};
struct TestCard : autoreg::AutoRegister<Channel, TestCard> {
    static constexpr int registry_key = -1;
    static constexpr std::string_view registry_description = "off air";
};

}  // namespace describe_test
