/*
 * listen_addr.h - the --listen address: HOST:PORT, [IPV6]:PORT, :PORT or PORT.
 */
#ifndef WL_HTTP_LISTEN_ADDR_H
#define WL_HTTP_LISTEN_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

typedef struct wl_listen_addr {
	struct sockaddr_storage sa;
	socklen_t len;
	bool ipv6;
	bool loopback;
} wl_listen_addr;

/* Parses and resolves spec (no host: 127.0.0.1); -1 with the reason in err. */
int wl_listen_addr_parse(wl_listen_addr *out, const char *spec, char *err, size_t cap);

#endif
