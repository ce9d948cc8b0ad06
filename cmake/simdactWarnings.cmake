# Warning flags for simdact's own tests and examples only; never put on the simdact target.
include_guard(GLOBAL)

function(simdact_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /WX)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
  endif()
endfunction()

# g++ 12's own AVX-512 intrinsic headers read an uninitialised `__Y` (the "undefined" source of
# masked intrinsics) and warn about it once inlined into our code. Applied only to targets built
# for AVX-512 with GCC; the same sources are also built for other instruction sets with the
# warning on, so real uninitialised reads in simdact still fail the build.
function(simdact_allow_gcc_avx512_intrinsics target)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-uninitialized -Wno-maybe-uninitialized)
  endif()
endfunction()
