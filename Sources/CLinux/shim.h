#ifndef CLINUX_SHIM_H
#define CLINUX_SHIM_H
// Linux-only syscalls and glibc calls (malloc_trim) that Swift's Glibc module does not expose.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <malloc.h>

// accept4(2) is declared only under _GNU_SOURCE, which Glibc's module map does not define.
extern int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);
static inline int clinux_accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags) {
    return accept4(sockfd, addr, addrlen, flags);
}
#endif
