/*
 * utf8.h - mending UTF-8 in messages that quote what reached the API from outside.
 *
 * (Checking is wl_utf8_valid() of model/entity.h.)
 */
#ifndef WL_HTTP_UTF8_H
#define WL_HTTP_UTF8_H

/* Replaces each byte that starts no valid UTF-8 sequence with '?', in place. */
void wl_http_utf8_mend(char *s);

#endif
