/* crypto.h — hashing and random tokens over libsodium (util layer).
 * Passwords: argon2id with libsodium's INTERACTIVE limits; at most a few hashes run at once
 * (each takes ~64 MB), so a burst of logins cannot exhaust memory. */
#ifndef WM_CRYPTO_H
#define WM_CRYPTO_H
#include <stddef.h>

int crypto_setup(int max_parallel_hashes); /* 0 on success; call once at start */
/* Writes an argon2id string (crypto_pwhash_STRBYTES ≤ 128) into out. 0 on success. */
int crypto_password_hash(const char *pw, char out[128]);
/* 1 when pw matches hash, 0 otherwise. */
int crypto_password_verify(const char *hash, const char *pw);
/* n random bytes as URL-safe base64 without padding into out (size ≥ 2n). */
void crypto_random_token(char *out, size_t outlen, size_t n_bytes);
void crypto_random_bytes(void *p, size_t n);
/* SHA-256 of data as 64 lowercase hex characters + NUL. */
void crypto_sha256_hex(const void *data, size_t len, char out[65]);
/* The SHA-256 of a file's content, read in chunks. 0 on success. */
int crypto_sha256_file(const char *path, char out[65]);
/* Overwrites secrets so they do not linger in memory. */
void crypto_wipe(void *p, size_t n);
/* Constant-time string comparison: 1 when equal. */
int crypto_str_equal(const char *a, const char *b);

#endif
