/* crypto.c — argon2id, SHA-256 and random tokens (util layer). */
#include "crypto.h"

#include <semaphore.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static sem_t crypto_hash_slots;

int crypto_setup(int max_parallel_hashes)
{
	if (sodium_init() < 0) {
		return -1;
	}
	return sem_init(&crypto_hash_slots, 0, (unsigned)(max_parallel_hashes > 0 ? max_parallel_hashes : 2));
}

int crypto_password_hash(const char *pw, char out[128])
{
	sem_wait(&crypto_hash_slots);
	int rc = crypto_pwhash_str(out, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				   crypto_pwhash_MEMLIMIT_INTERACTIVE);
	sem_post(&crypto_hash_slots);
	return rc;
}

int crypto_password_verify(const char *hash, const char *pw)
{
	sem_wait(&crypto_hash_slots);
	int rc = crypto_pwhash_str_verify(hash, pw, strlen(pw));
	sem_post(&crypto_hash_slots);
	return rc == 0;
}

void crypto_random_bytes(void *p, size_t n)
{
	randombytes_buf(p, n);
}

void crypto_random_token(char *out, size_t outlen, size_t n_bytes)
{
	unsigned char raw[64];
	if (n_bytes > sizeof raw) {
		n_bytes = sizeof raw;
	}
	randombytes_buf(raw, n_bytes);
	sodium_bin2base64(out, outlen, raw, n_bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void crypto_sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(out, 65, h, sizeof h);
}

int crypto_sha256_file(const char *path, char out[65])
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		return -1;
	}
	crypto_hash_sha256_state st;
	crypto_hash_sha256_init(&st);
	unsigned char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		crypto_hash_sha256_update(&st, chunk, n);
	}
	int rc = ferror(f) ? -1 : 0;
	fclose(f);
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(out, 65, h, sizeof h);
	return rc;
}

int crypto_str_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la != lb) {
		return 0;
	}
	return sodium_memcmp(a, b, la) == 0;
}

void crypto_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}
