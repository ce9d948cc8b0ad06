# Warning flags for simdact's own tests and examples only; never put on the simdact target.
include_guard(GLOBAL)

function(simdact_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /WX)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Werror)
  endif()
endfunction()

# g++ 12's own unmasked AVX-512 intrinsics read an uninitialised `__Y` (the merge source they
# leave undefined) and warn about it once inlined. simdact's kernels avoid them (see
# detail/avx512.hpp) and its tests build without this; the benchmark needs it for the peers'
# headers.
function(simdact_allow_gcc_avx512_intrinsics target)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-uninitialized -Wno-maybe-uninitialized)
  endif()
endfunction()
