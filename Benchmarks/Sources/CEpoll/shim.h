// epoll, which the Glibc module does not export, for the push-latency client.
#include <sys/epoll.h>
#include <malloc.h>
