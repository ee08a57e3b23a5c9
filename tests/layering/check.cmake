# Builds one target of the layering check and checks how it ends:
#   cmake -DBUILD_DIR=... -DTARGET=... -DEXPECT=fail|pass [-DMISSING=header] -P check.cmake
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(EXPECT STREQUAL "pass" AND NOT result EQUAL 0)
  message(FATAL_ERROR "${TARGET} should build but did not:\n${out}")
elseif(EXPECT STREQUAL "fail")
  if(result EQUAL 0)
    message(FATAL_ERROR "${TARGET} built: the layering is not enforced")
  endif()
  # GCC: "png/png_writer.h: No such file or directory"; clang: "'png/png_writer.h' file
  # not found".
  string(FIND "${out}" "${MISSING}: No such file" gcc_says)
  string(FIND "${out}" "'${MISSING}' file not found" clang_says)
  if(gcc_says EQUAL -1 AND clang_says EQUAL -1)
    message(FATAL_ERROR "${TARGET} failed, but not for the missing ${MISSING}:\n${out}")
  endif()
endif()
