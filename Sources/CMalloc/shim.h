// glibc's malloc_trim, which the Glibc module does not export: the server hands memory
// freed after a burst back to the system.
#include <malloc.h>
