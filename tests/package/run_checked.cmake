# Shared by the cmake -P scripts here: run(<command> <args>...) runs a command and stops the
# script with the command line when it fails.
function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " command "${ARGV}")
    message(FATAL_ERROR "failed (${rc}): ${command}")
  endif()
endfunction()
