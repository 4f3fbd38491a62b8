/*
 * listen_addr.c - parsing --listen into a socket address.
 *
 * The host is an address or a name resolved with getaddrinfo (numeric
 * service only); a missing host means 127.0.0.1, so the server is reached
 * from this machine only unless the user names another interface. The
 * caller is told whether the address is a loopback one, to warn when an
 * API without keys is opened to the network.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/listen_addr.h"

/* Splits spec into host and port; host "" when absent. */
static int split(const char *spec, char *host, size_t hcap, char *port, size_t pcap)
{
	const char *colon;
	if (spec[0] == '[') {
		const char *end = strchr(spec, ']');
		if (!end || end[1] != ':')
			return -1;
		snprintf(host, hcap, "%.*s", (int)(end - spec - 1), spec + 1);
		colon = end + 1;
	} else if ((colon = strrchr(spec, ':'))) {
		snprintf(host, hcap, "%.*s", (int)(colon - spec), spec);
	} else {
		host[0] = '\0';
		colon = spec - 1; /* only a port */
	}
	snprintf(port, pcap, "%s", colon + 1);
	char *end;
	long p = strtol(port, &end, 10);
	return *port && !*end && p >= 0 && p <= 65535 ? 0 : -1;
}

static bool is_loopback(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET)
		return (ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr) >> 24) == 127;
	return sa->sa_family == AF_INET6 &&
	       IN6_IS_ADDR_LOOPBACK(&((const struct sockaddr_in6 *)sa)->sin6_addr);
}

int wl_listen_addr_parse(wl_listen_addr *out, const char *spec, char *err, size_t cap)
{
	char host[256], port[16];
	memset(out, 0, sizeof(*out));
	if (split(spec, host, sizeof(host), port, sizeof(port))) {
		snprintf(err, cap, "--listen '%s': expected HOST:PORT, [IPV6]:PORT or PORT", spec);
		return -1;
	}
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV}, *ai;
	int rc = getaddrinfo(*host ? host : "127.0.0.1", port, &hints, &ai);
	if (rc) {
		snprintf(err, cap, "--listen '%s': %s", spec, gai_strerror(rc));
		return -1;
	}
	memcpy(&out->sa, ai->ai_addr, ai->ai_addrlen);
	out->len = ai->ai_addrlen;
	out->ipv6 = ai->ai_family == AF_INET6;
	out->loopback = is_loopback(ai->ai_addr);
	freeaddrinfo(ai);
	return 0;
}
