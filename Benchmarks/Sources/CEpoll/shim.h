// What the Glibc module does not export: epoll, for the push-latency client, and
// malloc_trim/mallinfo2, for its memory figures.
#include <sys/epoll.h>
#include <malloc.h>
