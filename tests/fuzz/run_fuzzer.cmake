# Runs one libFuzzer target for SECONDS on a copy of its seed corpus in WORK
# (the seeds stay untouched); crash inputs are left in WORK for a look.
#   cmake -DFUZZER=... -DSEEDS=... -DWORK=... -DSECONDS=5 [-DDICT=...] -P run_fuzzer.cmake
foreach(var FUZZER SEEDS WORK SECONDS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzzer.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT IS_DIRECTORY "${SEEDS}")
  message(FATAL_ERROR "no seed corpus at ${SEEDS}")
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/corpus")
file(GLOB seeds "${SEEDS}/*")
file(COPY ${seeds} DESTINATION "${WORK}/corpus")
set(args -max_total_time=${SECONDS} -rss_limit_mb=2048 -timeout=25 -print_final_stats=1
         "-artifact_prefix=${WORK}/")
if(DEFINED DICT)
  list(APPEND args "-dict=${DICT}")
endif()
execute_process(COMMAND "${FUZZER}" ${args} "${WORK}/corpus"
                WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  file(GLOB found "${WORK}/crash-*" "${WORK}/leak-*" "${WORK}/timeout-*" "${WORK}/oom-*")
  message(FATAL_ERROR "${FUZZER} failed (${rc}); inputs kept: ${found}")
endif()
