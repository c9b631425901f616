#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>
#include <openssl/x509.h>
#include <openssl/pem.h>

/// SSL_CTX_set_min_proto_version is a macro; Swift cannot call macros.
static inline long cqo_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_min_proto_version(ctx, version);
}
static inline long cqo_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_set_mode(ctx, mode);
}

/// Server options (macros built with SSL_OP_BIT, which Swift cannot import): no TLS compression (CRIME),
/// no renegotiation, the server's cipher order.
static inline uint64_t cqo_tls_server_options(void) {
    return SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE;
}
/// Non-blocking write modes: partial writes, retry from a moved buffer, free idle buffers.
static inline long cqo_tls_server_mode(void) {
    return SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS;
}
static inline int cqo_ssl_filetype_pem(void) { return SSL_FILETYPE_PEM; }
#endif
