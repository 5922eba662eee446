/// \file
/// A program with no classes at all: the start-up every probe shares.
int main() { return 0; }
