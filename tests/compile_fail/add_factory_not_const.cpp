// add()'s factory is called as const: a mutable lambda is refused.
// expect-error: autoreg: Registry<Base>::add\(key, factory\): factory must be callable as const
#include <autoreg/autoreg.hpp>

#include <memory>

struct Command {
    virtual ~Command() = default;
};
struct Echo : Command {};

void register_echo() {
    int made = 0;
#ifdef AUTOREG_EXPECT_OK
    autoreg::registration r = autoreg::Registry<Command>::add("echo", [&made] {
        ++made;
        return std::make_unique<Echo>();
    });
#else
    autoreg::registration r = autoreg::Registry<Command>::add("echo", [made]() mutable {
        ++made;
        return std::make_unique<Echo>();
    });
#endif
    r.release();
}
