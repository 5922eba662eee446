// The cost of compiling nothing: the baseline of the include figures.
