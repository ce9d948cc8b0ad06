# Checks that copies of simdact code built for different instruction sets share no weak symbol
# (cmake -P). A weak (inline or template) definition present in two objects is merged by the
# linker into one copy, so an AVX-512 build of it could run on the baseline path: the ODR trap.
#   -DNM=<nm>  -DISAS=baseline|avx2|avx512  -DOBJECTS_<isa>=<object file>|... for each
# (objects of one instruction set may share symbols with each other: they are the same code).
cmake_minimum_required(VERSION 3.23)
string(REPLACE "|" ";" isas "${ISAS}")
find_program(CXXFILT c++filt)

foreach(isa IN LISTS isas)
  string(REPLACE "|" ";" objects "${OBJECTS_${isa}}")
  set(listing "")
  foreach(object IN LISTS objects)
    execute_process(COMMAND "${NM}" --defined-only "${object}" OUTPUT_VARIABLE one
                    RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "${NM} ${object} failed")
    endif()
    string(APPEND listing "${one}")
  endforeach()
  string(REPLACE "\n" ";" lines "${listing}")
  set(weak_${isa} "")
  foreach(line IN LISTS lines)
    # "<address> <type> <name>"; W/V: weak function/object, u: unique global.
    if(line MATCHES "^[0-9a-fA-F]+ [WVu] (.*7simdact.*)$")
      list(APPEND weak_${isa} "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES weak_${isa})
  list(LENGTH weak_${isa} count)
  message(STATUS "${isa}: ${count} weak simdact symbols")
  if(count EQUAL 0)
    # The objects are built with -fno-inline so that every simdact template is emitted; none
    # would make this test vacuous.
    message(FATAL_ERROR "${isa}: no weak simdact symbol at all; the test checks nothing")
  endif()
endforeach()

set(shared_total 0)
foreach(a IN LISTS isas)
  foreach(b IN LISTS isas)
    if(a STRLESS b)
      set(shared ${weak_${a}})
      list(FILTER shared INCLUDE REGEX ".") # copy
      set(common "")
      foreach(symbol IN LISTS shared)
        if(symbol IN_LIST weak_${b})
          list(APPEND common "${symbol}")
        endif()
      endforeach()
      list(LENGTH common n)
      math(EXPR shared_total "${shared_total} + ${n}")
      foreach(symbol IN LISTS common)
        set(shown "${symbol}")
        if(CXXFILT)
          execute_process(COMMAND "${CXXFILT}" "${symbol}" OUTPUT_VARIABLE shown
                          OUTPUT_STRIP_TRAILING_WHITESPACE)
        endif()
        message("shared by ${a} and ${b}: ${shown}")
      endforeach()
    endif()
  endforeach()
endforeach()
if(shared_total GREATER 0)
  message(FATAL_ERROR "${shared_total} weak simdact symbols are shared between instruction sets")
endif()
message(STATUS "no weak simdact symbol is shared between ${isas}")
