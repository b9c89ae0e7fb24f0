# WebAssembly build flags (Debian emscripten 3.1.6; see docs/wasm.md for the traps they avoid).
# EDGEFLOW_WASM_THREADS: the whole core with pthreads (parallelFor's pool runs on Web Workers).
# 3.1.6 cannot catch with -fwasm-exceptions + -pthread, so that build uses -fexceptions (JS-based).
option(EDGEFLOW_WASM_THREADS "Compile the wasm build with pthreads (build-wasm-threads)" OFF)
if(EDGEFLOW_WASM_THREADS)
  set(EDGEFLOW_WASM_EH -pthread -fexceptions)
else()
  set(EDGEFLOW_WASM_EH -fwasm-exceptions)
endif()
add_compile_options(-msimd128 ${EDGEFLOW_WASM_EH})
add_link_options(${EDGEFLOW_WASM_EH} -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB)
# Test and tool binaries run under Node and read files from the host file system.
set(EDGEFLOW_WASM_NODE_LINK_FLAGS -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sTOTAL_STACK=8MB)
if(EDGEFLOW_WASM_THREADS)  # threads are created synchronously: pre-start their Workers
  list(APPEND EDGEFLOW_WASM_NODE_LINK_FLAGS -sPTHREAD_POOL_SIZE=4)
endif()
# TEST: link at -O1. The code is compiled at -O3 either way; binaryen's -O3 link pass took ~50 s per
# test binary and made the suites no faster (measured on the unit tests), so only what is shipped
# or benchmarked gets it.
function(edgeflow_node_executable target)
  cmake_parse_arguments(arg "TEST" "" "" ${ARGN})
  target_link_options(${target} PRIVATE ${EDGEFLOW_WASM_NODE_LINK_FLAGS}
                      --pre-js ${CMAKE_SOURCE_DIR}/cmake/node-pre.js $<$<BOOL:${arg_TEST}>:-O1>)
  set_target_properties(${target} PROPERTIES LINK_DEPENDS ${CMAKE_SOURCE_DIR}/cmake/node-pre.js)
endfunction()
