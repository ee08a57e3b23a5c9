# Installs the build into PREFIX and runs the installed rtcli --version.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed:\n${out}")
endif()
execute_process(COMMAND ${PREFIX}/bin/rtcli --version RESULT_VARIABLE result OUTPUT_VARIABLE out
                ERROR_VARIABLE out)
if(NOT result EQUAL 0 OR NOT out MATCHES "^rtcli [0-9]+\\.[0-9]+\\.[0-9]+\n")
  message(FATAL_ERROR "installed rtcli --version: exit ${result}:\n${out}")
endif()
file(REMOVE_RECURSE ${PREFIX})
