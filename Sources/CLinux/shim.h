#ifndef CLINUX_SHIM_H
#define CLINUX_SHIM_H
// Linux-only syscalls and glibc calls (malloc_trim) that Swift's Glibc module does not expose.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <malloc.h>
#include <pthread.h>

// accept4(2) is declared only under _GNU_SOURCE, which Glibc's module map does not define.
extern int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);
static inline int clinux_accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags) {
    return accept4(sockfd, addr, addrlen, flags);
}
// pthread_setname_np(3) is declared only under _GNU_SOURCE too. Linux takes at most 15 bytes and a NUL.
extern int pthread_setname_np(pthread_t thread, const char *name);
static inline int clinux_name_this_thread(const char *name) {
    return pthread_setname_np(pthread_self(), name);
}
#endif
