/*
 * log.c - writing log lines whole, and safe to read.
 *
 * Each line is formatted into a buffer and written with one call, so lines
 * from the pool's threads never interleave. The path is escaped (bytes
 * outside printable ASCII as \xHH), so that a request cannot forge log
 * lines; the query string is left out, since it may carry the names
 * screened (personal data).
 */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "http/log.h"

static void now_iso(char *buf, size_t cap)
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void wl_http_log(const char *fmt, ...)
{
	char when[32], msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	now_iso(when, sizeof(when));
	fprintf(stderr, "%s watchlist serve: %s\n", when, msg);
}

static void escape(char *out, size_t cap, const char *s)
{
	size_t n = 0;
	for (; *s && n + 5 < cap; s++) {
		unsigned char c = (unsigned char)*s;
		if (c > 0x20 && c < 0x7f && c != '\\')
			out[n++] = (char)c;
		else
			n += (size_t)snprintf(out + n, cap - n, "\\x%02x", c);
	}
	out[n] = '\0';
}

static void client_address(const wl_http_request *r, char *buf, size_t cap)
{
	const union MHD_ConnectionInfo *ci =
	    MHD_get_connection_info(r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(buf, cap, "-");
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, buf,
		          (socklen_t)cap);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, buf,
		          (socklen_t)cap);
}

void wl_http_log_request(const wl_http_request *r, double seconds)
{
	char when[32], client[64], method[32], path[512];
	now_iso(when, sizeof(when));
	client_address(r, client, sizeof(client));
	escape(method, sizeof(method), r->method);
	escape(path, sizeof(path), r->url);
	fprintf(stderr, "%s %s %s %s %d %.1fms %zu names\n", when, client, method, path, r->status,
	        seconds * 1000, r->queries);
}
