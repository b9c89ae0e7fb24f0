# cpp-httplib from Debian's libcpp-httplib-dev, a library built with OpenSSL/zlib/brotli whose
# header must see the same defines. Sets, in the caller's scope: EDGEFLOW_HTTPLIB_FOUND,
# EDGEFLOW_HTTPLIB_LINK_LIBRARIES, and EDGEFLOW_HTTPLIB_DEFS (EDGEFLOW_HAVE_HTTPLIB plus those
# defines) for the source files that include httplib.h.
macro(edgeflow_find_httplib)
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(EDGEFLOW_HTTPLIB QUIET cpp-httplib)
  endif()
  set(EDGEFLOW_HTTPLIB_DEFS EDGEFLOW_HAVE_HTTPLIB)
  foreach(flag ${EDGEFLOW_HTTPLIB_CFLAGS_OTHER})
    if(flag MATCHES "^-D(.+)")
      list(APPEND EDGEFLOW_HTTPLIB_DEFS ${CMAKE_MATCH_1})
    endif()
  endforeach()
endmacro()
