// What the Glibc module does not export: epoll, for the push benchmarks' client, and
// malloc_trim/mallinfo2, for their memory figures.
#include <sys/epoll.h>
#include <malloc.h>
