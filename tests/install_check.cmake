# Installs the build into PREFIX, runs the installed rtcli --version, renders an installed preset,
# checks the man page and completions are in place and that --view loads its module and, when
# MODULE_DIR is given, renders with the installed Python package (MODULE_DIR/rtcli), directly and
# through an installed script that must find it alone.
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
foreach(file share/man/man1/rtcli.1 share/bash-completion/completions/rtcli
             share/zsh/site-functions/_rtcli share/rtcli/scripts/README.md
             share/rtcli/scripts/python_reference.py share/rtcli/scripts/plot_report.py)
  if(NOT EXISTS ${PREFIX}/${file})
    message(FATAL_ERROR "cmake --install left out ${file}")
  endif()
endforeach()
foreach(file setup.sh sanitize.sh)  # they need the source tree
  if(EXISTS ${PREFIX}/share/rtcli/scripts/${file})
    message(FATAL_ERROR "cmake --install installed the development script ${file}")
  endif()
endforeach()
# A preset renders from the prefix, as an installed user would run it.
execute_process(COMMAND ${PREFIX}/bin/rtcli render --scene ${PREFIX}/share/rtcli/profiles/showcase.json
                        --size 64x36 --checkpoints "" --quiet --out ${PREFIX}/showcase
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT result EQUAL 0 OR NOT EXISTS ${PREFIX}/showcase/final.png)
  message(FATAL_ERROR "installed rtcli render --scene PREFIX/share/rtcli/profiles/showcase.json: "
                      "exit ${result}:\n${out}")
endif()
# The installed rtcli finds its window module: with a display that does not answer, --view fails
# at opening the window (exit 2), not at loading the module (exit 1).
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=WAYLAND_DISPLAY DISPLAY=:65000
                        ${PREFIX}/bin/rtcli render --view --quiet --out ${PREFIX}/view
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT result EQUAL 2 OR NOT out MATCHES "--view cannot open a window")
  message(FATAL_ERROR "installed rtcli render --view did not reach its window module: "
                      "exit ${result}:\n${out}")
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
  # An installed script finds the package installed with it, with no PYTHONPATH, from any folder.
  execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=PYTHONPATH ${preload} ${PYTHON} -c
                          "import seed_pixel; print(seed_pixel.import_rtcli()[0].__file__)"
                  WORKING_DIRECTORY ${PREFIX}/share/rtcli/scripts RESULT_VARIABLE result
                  OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT result EQUAL 0 OR NOT out MATCHES "^${PREFIX}/${MODULE_DIR}/rtcli/")
    message(FATAL_ERROR "installed scripts import rtcli from elsewhere: exit ${result}:\n${out}")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=PYTHONPATH ${preload} ${PYTHON}
                          ${PREFIX}/share/rtcli/scripts/python_reference.py --mode native-frame
                          --size 16x12 --repetitions 1 --json ${PREFIX}/native-frame.json
                  WORKING_DIRECTORY ${PREFIX} RESULT_VARIABLE result OUTPUT_VARIABLE out
                  ERROR_VARIABLE out)
  if(NOT result EQUAL 0 OR NOT EXISTS ${PREFIX}/native-frame.json)
    message(FATAL_ERROR "installed python_reference.py --mode native-frame: exit ${result}:\n${out}")
  endif()
endif()
file(REMOVE_RECURSE ${PREFIX})
