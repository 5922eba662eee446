// Registering a class (CONTRACT section 1): the definition alone registers it.
// The classes live in tests/registrations/registration_*.cpp, which nothing
// here refers to; these tests know only their keys.
#include <autoreg/autoreg.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catch.hpp"
#include "support/registration.hpp"

using autoreg::Registry;
using registration_test::Animal;
using registration_test::Machine;

namespace {

std::string lineage_of(std::string_view key) {
    std::unique_ptr<Animal> animal = Registry<Animal>::create(key);
    REQUIRE(animal != nullptr);
    return animal->lineage();
}

std::optional<std::string> parent_of(std::string_view key) {
    for (const auto& entry : Registry<Animal>::entries()) {
        if (entry.key == key) return entry.parent;
    }
    FAIL("no entry for key " << key);
    return std::nullopt;
}

}  // namespace

TEST_CASE("the mixin alone registers a class", "[registration]") {
    REQUIRE(Registry<Animal>::contains("dog"));
    CHECK(lineage_of("dog") == "animal/dog");
}

TEST_CASE("exactly the concrete classes are registered", "[registration]") {
    // Abstract classes (with or without a key) are missing, and so is the
    // never-instantiated Walker<8>.
    const std::vector<std::string> expected{"biped",     "cat",     "dog",     "hexapod",
                                            "keeper",    "newborn", "parrot",  "puppy",
                                            "quadruped", "robot",   "stray-a", "stray-b"};
    CHECK(Registry<Animal>::keys() == expected);
    CHECK(Registry<Animal>::size() == expected.size());
}

TEST_CASE("abstract classes are not registered", "[registration]") {
    CHECK_FALSE(Registry<Animal>::contains("ghost"));
    CHECK(Registry<Animal>::try_create("ghost") == nullptr);
    for (const auto& entry : Registry<Animal>::entries()) {
        CHECK(entry.type_name.find("Mammal") == std::string::npos);
        CHECK(entry.type_name.find("Ghost") == std::string::npos);
    }
}

TEST_CASE("Parent hierarchies: create() makes the deepest class", "[registration]") {
    // Each lineage() calls its parent's, so these prove what derives from what.
    CHECK(lineage_of("puppy") == "animal/dog/puppy");
    CHECK(lineage_of("newborn") == "animal/dog/puppy/newborn");
    CHECK(lineage_of("cat") == "animal/mammal/cat");
    CHECK(lineage_of("parrot") == "animal/bird/parrot");
}

TEST_CASE("a created class is usable through its unregistered Parent", "[registration]") {
    std::unique_ptr<Animal> parrot = Registry<Animal>::create("parrot");
    CHECK(dynamic_cast<registration_test::Bird*>(parrot.get()) != nullptr);
    std::unique_ptr<Animal> dog = Registry<Animal>::create("dog");
    CHECK(dynamic_cast<registration_test::Bird*>(dog.get()) == nullptr);
}

TEST_CASE("entries name a Parent only where it is registered", "[registration]") {
    CHECK(parent_of("puppy") == std::optional<std::string>("dog"));
    CHECK(parent_of("newborn") == std::optional<std::string>("puppy"));
    CHECK(parent_of("dog") == std::nullopt);     // Parent is Base
    CHECK(parent_of("cat") == std::nullopt);     // Parent is abstract
    CHECK(parent_of("parrot") == std::nullopt);  // Parent lacks the mixin
}

TEST_CASE("a class registers in two registries at once", "[registration]") {
    const std::vector<std::string> machines{"lathe", "robot"};
    CHECK(Registry<Machine>::keys() == machines);

    std::unique_ptr<Animal> as_animal = Registry<Animal>::create("robot");
    CHECK(as_animal->lineage() == "animal/robot");
    // The object is the whole class, usable as its other base.
    auto* also_machine = dynamic_cast<Machine*>(as_animal.get());
    REQUIRE(also_machine != nullptr);
    CHECK(also_machine->model() == "robot-r2");

    std::unique_ptr<Machine> as_machine = Registry<Machine>::create("robot");
    CHECK(as_machine->model() == "robot-r2");
    CHECK(dynamic_cast<Animal*>(as_machine.get()) != nullptr);
    CHECK(Registry<Machine>::create("lathe")->model() == "lathe-l1");
}

TEST_CASE("registries of different bases stay apart", "[registration]") {
    CHECK_FALSE(Registry<Machine>::contains("dog"));
    CHECK_FALSE(Registry<Animal>::contains("lathe"));
}

TEST_CASE("template classes register each instantiated specialisation", "[registration]") {
    CHECK(lineage_of("biped") == "animal/walker-2");      // explicit instantiation
    CHECK(lineage_of("quadruped") == "animal/walker-4");  // explicit instantiation
    CHECK(lineage_of("hexapod") == "animal/walker-6");    // implicit instantiation
    CHECK_FALSE(Registry<Animal>::contains("other"));     // never instantiated
}

TEST_CASE("nested classes register", "[registration]") {
    CHECK(lineage_of("keeper") == "animal/zoo-keeper");
}

TEST_CASE("classes from separate translation units all register", "[registration]") {
    // Both TUs define an internal-linkage class named Stray.
    CHECK(lineage_of("stray-a") == "animal/stray-a");
    CHECK(lineage_of("stray-b") == "animal/stray-b");
    CHECK(lineage_of("robot") == "animal/robot");
}
