# io: cpp-httplib for io::http (native builds only; the wasm build has no sockets) and the TF.js
# compatibility suite in tests/io. Include once from the top-level CMakeLists.txt, anywhere after
# project(): the setup is deferred to the end of the top-level directory, when the edgeflow
# target and edgeflow_test() exist. Without libcpp-httplib-dev io::http throws "built without
# cpp-httplib" and everything else works.
include(${CMAKE_CURRENT_LIST_DIR}/httplib.cmake)
function(edgeflow_io_setup)
  if(NOT EMSCRIPTEN)
    edgeflow_find_httplib()
    if(EDGEFLOW_HTTPLIB_FOUND)
      # Only the files that include httplib.h get its defines, so nothing else recompiles.
      set(defs ${EDGEFLOW_HTTPLIB_DEFS})
      set_source_files_properties(${CMAKE_SOURCE_DIR}/src/io/http_handler.cpp
        TARGET_DIRECTORY edgeflow PROPERTIES COMPILE_DEFINITIONS "${defs}")
      target_link_libraries(edgeflow PUBLIC ${EDGEFLOW_HTTPLIB_LINK_LIBRARIES})
      if(TARGET edgeflow_unit_tests)
        set_source_files_properties(${CMAKE_SOURCE_DIR}/tests/unit/io_http_test.cpp
          TARGET_DIRECTORY edgeflow_unit_tests PROPERTIES COMPILE_DEFINITIONS "${defs}")
      endif()
      message(STATUS "io: cpp-httplib ${EDGEFLOW_HTTPLIB_VERSION} found, io::http enabled")
    else()
      message(STATUS "io: cpp-httplib not found (apt-get install libcpp-httplib-dev), io::http disabled")
    endif()
  endif()
  if(EDGEFLOW_BUILD_TESTS AND COMMAND edgeflow_test AND EXISTS ${CMAKE_SOURCE_DIR}/tests/io/CMakeLists.txt)
    if(NOT EMSCRIPTEN)  # GTest's imported targets are local to tests/: find them here too
      find_package(GTest REQUIRED)
      set(EF_GTEST GTest::gtest GTest::gmock)
    endif()
    include(${CMAKE_SOURCE_DIR}/tests/io/CMakeLists.txt)  # deferred code may not add_subdirectory
  endif()
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL edgeflow_io_setup)
