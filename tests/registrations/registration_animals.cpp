// Registered classes of the registration tests (first TU). Nothing refers to
// them: the tests only know their keys.
#include <autoreg/autoreg.hpp>

#include <string>
#include <string_view>

#include "support/registration.hpp"

namespace registration_test {

struct Dog : autoreg::AutoRegister<Animal, Dog> {
    static constexpr std::string_view registry_key = "dog";
    std::string lineage() const override { return Animal::lineage() + "/dog"; }
};

// Deeper hierarchies: Parent is a registered class.
struct Puppy : autoreg::AutoRegister<Animal, Puppy, Dog> {
    static constexpr std::string_view registry_key = "puppy";
    std::string lineage() const override { return Dog::lineage() + "/puppy"; }
};

struct Newborn : autoreg::AutoRegister<Animal, Newborn, Puppy> {
    static constexpr std::string_view registry_key = "newborn";
    std::string lineage() const override { return Puppy::lineage() + "/newborn"; }
};

// Abstract and keyless: neither registered nor an error.
struct Mammal : autoreg::AutoRegister<Animal, Mammal> {
    std::string lineage() const override { return Animal::lineage() + "/mammal"; }
    virtual int legs() const = 0;
};

// Parent is an abstract class that registered nothing.
struct Cat : autoreg::AutoRegister<Animal, Cat, Mammal> {
    static constexpr std::string_view registry_key = "cat";
    std::string lineage() const override { return Mammal::lineage() + "/cat"; }
    int legs() const override { return 4; }
};

// Abstract with a key: still not registered, since it cannot be created.
struct Ghost : autoreg::AutoRegister<Animal, Ghost> {
    static constexpr std::string_view registry_key = "ghost";
    virtual void haunt() = 0;
};

// Parent derives from Base without the mixin.
struct Parrot : autoreg::AutoRegister<Animal, Parrot, Bird> {
    static constexpr std::string_view registry_key = "parrot";
    std::string lineage() const override { return Bird::lineage() + "/parrot"; }
};

// A class nested in another class.
struct Zoo {
    struct Keeper : autoreg::AutoRegister<Animal, Keeper> {
        static constexpr std::string_view registry_key = "keeper";
        std::string lineage() const override { return Animal::lineage() + "/zoo-keeper"; }
    };
};

// Template classes register once per instantiated specialisation.
constexpr std::string_view walker_key(int legs) {
    return legs == 2 ? "biped" : legs == 4 ? "quadruped" : legs == 6 ? "hexapod" : "other";
}

template <int Legs>
struct Walker : autoreg::AutoRegister<Animal, Walker<Legs>> {
    static constexpr std::string_view registry_key = walker_key(Legs);
    std::string lineage() const override {
        return Animal::lineage() + "/walker-" + std::to_string(Legs);
    }
};

template struct Walker<2>;  // explicit instantiation
template struct Walker<4>;
static_assert(sizeof(Walker<6>) > 0, "implicit instantiation registers Walker<6> too");
// Walker<8> is never instantiated, so nothing registers under "other".

// A class with internal linkage; the other TU has a class of the same name.
namespace {
struct Stray : autoreg::AutoRegister<Animal, Stray> {
    static constexpr std::string_view registry_key = "stray-a";
    std::string lineage() const override { return Animal::lineage() + "/stray-a"; }
};
}  // namespace

}  // namespace registration_test
