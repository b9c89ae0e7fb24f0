# WebAssembly build flags (Debian emscripten 3.1.6; see docs/wasm.md for the traps they avoid).
add_compile_options(-msimd128 -fwasm-exceptions)
add_link_options(-fwasm-exceptions -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB)
# Test and tool binaries run under Node and read files from the host file system.
set(EDGEFLOW_WASM_NODE_LINK_FLAGS -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sTOTAL_STACK=8MB)
function(edgeflow_node_executable target)
  target_link_options(${target} PRIVATE ${EDGEFLOW_WASM_NODE_LINK_FLAGS}
                      --pre-js ${CMAKE_SOURCE_DIR}/cmake/node-pre.js)
  set_target_properties(${target} PROPERTIES LINK_DEPENDS ${CMAKE_SOURCE_DIR}/cmake/node-pre.js)
endfunction()
