# Runs a libFuzzer target for a fixed number of inputs from a fixed random
# seed, starting from the seed corpus, and fails where it finds anything.
#
#   cmake -DFUZZER=<exe> -DSEEDS=<dir> -DWORK_DIR=<dir> -DRUNS=<n> -P run_fuzzer.cmake
#
# The inputs it finds go to WORK_DIR/corpus, emptied first, and what it
# crashes on to WORK_DIR (crash-*, timeout-*, leak-*, oom-*).
foreach(_var IN ITEMS FUZZER SEEDS WORK_DIR RUNS)
    if(NOT DEFINED ${_var})
        message(FATAL_ERROR "run_fuzzer.cmake: -D${_var}=... is required")
    endif()
endforeach()

file(REMOVE_RECURSE "${WORK_DIR}/corpus")
file(MAKE_DIRECTORY "${WORK_DIR}/corpus")

# -timeout: an input that takes seconds is a failure (messages must be built
# in bounded time); -max_len: keys up to 8 KiB, twice the longest seed.
execute_process(
    COMMAND "${FUZZER}" "-runs=${RUNS}" -seed=1 -timeout=10 -max_len=8192
        -rss_limit_mb=2048 -print_final_stats=1 "-artifact_prefix=${WORK_DIR}/"
        "${WORK_DIR}/corpus" "${SEEDS}"
    WORKING_DIRECTORY "${WORK_DIR}"
    RESULT_VARIABLE _result)
if(NOT _result EQUAL 0)
    message(FATAL_ERROR "${FUZZER} failed (${_result}); the input that failed is in ${WORK_DIR}")
endif()
