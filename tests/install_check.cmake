# Installs the build into PREFIX, runs the installed rtcli --version and, when MODULE_DIR is
# given, renders with the installed Python package (MODULE_DIR/rtcli).
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
if(MODULE_DIR)  # the installed package renders, imported from its folder under the prefix
  set(preload "")
  if(PRELOAD)
    set(preload LD_PRELOAD=${PRELOAD} ASAN_OPTIONS=detect_leaks=0)
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E env PYTHONPATH=${PREFIX}/${MODULE_DIR} ${preload}
                          ${PYTHON} -c "import rtcli; print(rtcli.render(size=(8, 6)).shape)"
                  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT result EQUAL 0 OR NOT out STREQUAL "(6, 8, 3)\n")
    message(FATAL_ERROR "installed rtcli module: exit ${result}:\n${out}")
  endif()
endif()
file(REMOVE_RECURSE ${PREFIX})
