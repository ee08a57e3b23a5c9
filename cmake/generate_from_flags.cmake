# Writes what `RTCLI ARGS` prints to OUTPUT (the man page, a completion script), replacing
# OUTPUT only once the command has succeeded. ARGS: rtcli's arguments, separated by spaces.
separate_arguments(ARGS UNIX_COMMAND "${ARGS}")
execute_process(COMMAND ${RTCLI} ${ARGS} OUTPUT_FILE ${OUTPUT}.tmp RESULT_VARIABLE result
                ERROR_VARIABLE error)
if(NOT result EQUAL 0)
  file(REMOVE ${OUTPUT}.tmp)
  message(FATAL_ERROR "${RTCLI} ${ARGS}: exit ${result}: ${error}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
