/*
 * auth.c - API keys, compared so that timing tells an attacker nothing.
 *
 * Only the SHA-256 digest of each key is kept. A presented key is hashed
 * and compared with every stored digest by CRYPTO_memcmp, and the loop
 * never stops early, so the time taken depends neither on how much of a
 * key was right, nor on its length, nor on which key matched. A key file
 * any user may read is served, with a warning.
 */
#include <ctype.h>
#include <errno.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "http/auth.h"

#define MAX_KEYS 1024

struct wl_http_keys {
	unsigned char (*digest)[SHA256_DIGEST_LENGTH];
	size_t n;
};

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static int add_key(wl_http_keys *k, const char *key)
{
	if (k->n == MAX_KEYS)
		return -1;
	SHA256((const unsigned char *)key, strlen(key), k->digest[k->n++]);
	return 0;
}

static int read_keys(wl_http_keys *k, FILE *f, const char *path, char *err, size_t cap)
{
	char line[1024];
	unsigned long lineno = 0;
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		char *key = trim(line);
		if (!*key || *key == '#')
			continue;
		for (const char *p = key; *p; p++)
			if (!isgraph((unsigned char)*p)) {
				snprintf(err, cap,
				         "%s:%lu: a key is printable characters without spaces",
				         path, lineno);
				return -1;
			}
		if (add_key(k, key)) {
			snprintf(err, cap, "%s: more than %d keys", path, MAX_KEYS);
			return -1;
		}
	}
	if (!k->n) {
		snprintf(err, cap, "%s: no keys in the file", path);
		return -1;
	}
	return 0;
}

int wl_http_keys_load(wl_http_keys **out, const char *path, char *err, size_t cap)
{
	*out = NULL;
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, cap, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && (st.st_mode & S_IRWXO))
		fprintf(stderr,
		        "watchlist serve: warning: %s is readable by any user (chmod 600 it)\n",
		        path);
	wl_http_keys *k = calloc(1, sizeof(*k));
	if (k)
		k->digest = calloc(MAX_KEYS, sizeof(*k->digest));
	int rc = k && k->digest ? read_keys(k, f, path, err, cap) : -1;
	fclose(f);
	if (rc) {
		if (!k || !k->digest)
			snprintf(err, cap, "out of memory");
		wl_http_keys_free(k);
		return -1;
	}
	*out = k;
	return 0;
}

void wl_http_keys_free(wl_http_keys *k)
{
	if (!k)
		return;
	OPENSSL_cleanse(k->digest, MAX_KEYS * sizeof(*k->digest));
	free(k->digest);
	free(k);
}

/* The key after "ApiKey " or "Bearer ", or NULL. */
static const char *presented_key(const char *authorization)
{
	static const char *const schemes[] = {"ApiKey", "Bearer"};
	if (!authorization)
		return NULL;
	for (size_t i = 0; i < 2; i++) {
		size_t n = strlen(schemes[i]);
		if (!strncasecmp(authorization, schemes[i], n) && authorization[n] == ' ') {
			const char *key = authorization + n;
			while (*key == ' ')
				key++;
			return *key ? key : NULL;
		}
	}
	return NULL;
}

bool wl_http_keys_check(const wl_http_keys *k, const char *authorization)
{
	const char *key = presented_key(authorization);
	if (!k || !key)
		return false;
	unsigned char d[SHA256_DIGEST_LENGTH];
	SHA256((const unsigned char *)key, strlen(key), d);
	int found = 0;
	for (size_t i = 0; i < k->n; i++)
		found |= CRYPTO_memcmp(d, k->digest[i], sizeof(d)) == 0;
	return found;
}
