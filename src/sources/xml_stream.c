/*
 * xml_stream.c - the streaming XML layer the XML list readers share (see xml_stream.h).
 *
 * The loop. xmlTextReaderRead steps through the document; an element's
 * start calls the format's start (and, for an empty element, its end at
 * once), an end tag its end, and text, CDATA and white space go to the
 * text being collected, when they are that element's (or, deep_text, below
 * it). A DOCTYPE stops the read. The first element started is the root: a
 * document that ends without one is an error, "no ROOT element".
 *
 * Errors. libxml2 reports through a structured handler, which keeps the
 * first fatal error (or else the first error) with its line, its message
 * on one line, and the element the parser was in; two messages are
 * reworded for what they mean in a list: the end of a truncated file, and
 * a file with no element at all. When the read fails the error surfaces
 * as "FILE:LINE: ELEMENT: message", the element being that of the error,
 * else the last one started, else the root. libxml2's encoding and I/O
 * layers report some errors (and print them) through the thread's global
 * handlers, not the reader's: for the time of one read those point here
 * too, and are restored afterwards, so that nothing is printed.
 *
 * Texts. One buffer holds the texts a reader keeps for its record and,
 * after them, the text being collected; each append leaves room for the
 * NUL that wl_xml_text_end writes. A text longer than the format's cap is
 * an error at the element's line.
 */
#include "xml_stream.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/error.h"

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

#if LIBXML_VERSION >= 21200
typedef const xmlError xml_error;
#else
typedef xmlError xml_error;
#endif

/* ---- texts ---- */

int wl_xml_grow(void **arr, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return WL_OK;
	size_t ncap = *cap ? *cap : 64;
	while (ncap < need)
		ncap *= 2;
	void *a = realloc(*arr, ncap * size);
	if (!a)
		return wl_error_set(WL_ENOMEM, "out of memory");
	*arr = a;
	*cap = ncap;
	return WL_OK;
}

static int grow(wl_xml *x, size_t need)
{
	return wl_xml_grow((void **)&x->texts, &x->captexts, need, 1);
}

/* Runs of ASCII white space become one space, both ends trimmed; NUL-terminates. */
static size_t fold_ascii(char *s, size_t n)
{
	size_t j = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isspace((unsigned char)s[i]))
			s[j++] = s[i];
		else if (j && s[j - 1] != ' ')
			s[j++] = ' ';
	}
	if (j && s[j - 1] == ' ')
		j--;
	s[j] = '\0';
	return j;
}

static size_t fold(const wl_xml *x, char *s, size_t n)
{
	return x->fmt->fold ? x->fmt->fold(s, n) : fold_ascii(s, n);
}

void wl_xml_texts_clear(wl_xml *x)
{
	x->field = NULL;
	x->ntexts = 0;
}

void wl_xml_text_begin(wl_xml *x, const char *name, int depth)
{
	wl_xml_text_drop(x);
	x->field = name;
	x->field_depth = depth;
	x->field_line = wl_xml_line(x);
	x->field_off = x->ntexts;
}

void wl_xml_text_drop(wl_xml *x)
{
	if (x->field)
		x->ntexts = x->field_off;
	x->field = NULL;
}

size_t wl_xml_text_end(wl_xml *x)
{
	if (!x->field)
		return 0;
	size_t n = x->ntexts - x->field_off;
	if (n)
		n = fold(x, x->texts + x->field_off, n); /* text_add left room for the NUL */
	x->field = NULL;
	x->ntexts = x->field_off;
	return n;
}

void wl_xml_text_keep(wl_xml *x, size_t n)
{
	x->ntexts = x->field_off + n + 1;
}

int wl_xml_text_store(wl_xml *x, const char *s, size_t n, size_t *off)
{
	int rc = grow(x, x->ntexts + n + 1);
	if (rc)
		return rc;
	*off = x->ntexts;
	if (n)
		memcpy(x->texts + x->ntexts, s, n);
	x->ntexts += fold(x, x->texts + x->ntexts, n) + 1;
	return WL_OK;
}

/* Appends the current text node to the text being collected, if it is that element's. */
static int text_add(wl_xml *x, int depth)
{
	bool inside = x->fmt->deep_text ? depth > x->field_depth : depth == x->field_depth + 1;
	if (!x->field || !inside)
		return WL_OK;
	const char *v = (const char *)xmlTextReaderConstValue(x->xr);
	size_t n = v ? strlen(v) : 0;
	if (x->ntexts - x->field_off + n > x->fmt->text_max)
		return wl_error_input(x->path, x->field_line, x->field,
		                      "text longer than %zu bytes", x->fmt->text_max);
	int rc = grow(x, x->ntexts + n + 1);
	if (rc)
		return rc;
	if (n)
		memcpy(x->texts + x->ntexts, v, n);
	x->ntexts += n;
	return WL_OK;
}

/* ---- the node loop ---- */

unsigned long wl_xml_line(const wl_xml *x)
{
	xmlNodePtr node = xmlTextReaderCurrentNode(x->xr);
	long line = node ? xmlGetLineNo(node) : -1;
	if (line > 0)
		return (unsigned long)line;
	int pl = xmlTextReaderGetParserLineNumber(x->xr);
	return pl > 0 ? (unsigned long)pl : 0;
}

bool wl_xml_attr(const wl_xml *x, const char *name, char *out, size_t cap)
{
	xmlChar *v = xmlTextReaderGetAttribute(x->xr, BAD_CAST name);
	if (v)
		snprintf(out, cap, "%s", (const char *)v);
	xmlFree(v);
	return v != NULL;
}

static int on_start(wl_xml *x, int depth)
{
	const char *name =
	    (const char *)(x->fmt->qualified_names ? xmlTextReaderConstName(x->xr)
	                                           : xmlTextReaderConstLocalName(x->xr));
	x->last = name ? name : "";
	x->started = true;
	int rc = x->fmt->start(x->ctx, x->last, depth);
	if (!rc && xmlTextReaderIsEmptyElement(x->xr))
		rc = x->fmt->end(x->ctx, depth);
	return rc;
}

static int on_node(wl_xml *x)
{
	int depth = xmlTextReaderDepth(x->xr);
	switch (xmlTextReaderNodeType(x->xr)) {
	case XML_READER_TYPE_ELEMENT:
		return on_start(x, depth);
	case XML_READER_TYPE_END_ELEMENT:
		return x->fmt->end(x->ctx, depth);
	case XML_READER_TYPE_TEXT:
	case XML_READER_TYPE_CDATA:
	case XML_READER_TYPE_WHITESPACE:
	case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
		return text_add(x, depth);
	case XML_READER_TYPE_DOCUMENT_TYPE:
		/* A DTD node has no line, and the parser has read on: name none. */
		return wl_error_input(x->path, 0, "DOCTYPE", "%s", x->fmt->doctype);
	default:
		return WL_OK; /* comments, processing instructions */
	}
}

/* ---- libxml2's errors ---- */

/* The element the parser was in when it failed, into x->err_field. */
static void error_element(wl_xml *x, xml_error *err)
{
	xmlParserCtxtPtr ctxt = err->ctxt;
	x->err_field[0] = '\0';
	if (!ctxt || (err->domain != XML_FROM_PARSER && err->domain != XML_FROM_NAMESPACE))
		return;
	if (ctxt->name)
		snprintf(x->err_field, sizeof(x->err_field), "%s", (const char *)ctxt->name);
	/* At the end of a truncated file libxml2 says "Extra content at the end". */
	if (err->code == XML_ERR_DOCUMENT_END && ctxt->nameNr > 0 && ctxt->name)
		snprintf(x->err_msg, sizeof(x->err_msg),
		         "the file ends inside <%s>: it is truncated", (const char *)ctxt->name);
	else if (err->code == XML_ERR_DOCUMENT_END &&
	         !(ctxt->myDoc && xmlDocGetRootElement(ctxt->myDoc)))
		snprintf(x->err_msg, sizeof(x->err_msg), "the file holds no XML element");
}

/* libxml2's structured error handler: keeps the first fatal error (or else the first error). */
static void on_xml_error(void *arg, xml_error *err)
{
	wl_xml *x = arg;
	if (!err || err->level < XML_ERR_ERROR || x->err_level == XML_ERR_FATAL)
		return;
	if (x->err_level && err->level != XML_ERR_FATAL)
		return;
	x->err_level = err->level;
	x->err_line = err->line > 0 ? (unsigned long)err->line : 0;
	snprintf(x->err_msg, sizeof(x->err_msg), "%s", err->message ? err->message : "bad XML");
	size_t n = strlen(x->err_msg);
	while (n && isspace((unsigned char)x->err_msg[n - 1]))
		x->err_msg[--n] = '\0';
	for (size_t i = 0; i < n; i++)
		if (x->err_msg[i] == '\n')
			x->err_msg[i] = ' ';
	error_element(x, err);
}

static int parse_error(const wl_xml *x)
{
	unsigned long line = x->err_line;
	if (!line) {
		int pl = xmlTextReaderGetParserLineNumber(x->xr);
		line = pl > 0 ? (unsigned long)pl : 0;
	}
	const char *field = x->err_field[0] ? x->err_field : x->last;
	return wl_error_input(x->path, line, field ? field : x->fmt->root, "%s",
	                      x->err_msg[0] ? x->err_msg : "malformed XML");
}

typedef struct handlers {
	xmlGenericErrorFunc generic;
	void *generic_ctx;
	xmlStructuredErrorFunc structured;
	void *structured_ctx;
} handlers;

static void on_generic_error(void *ctx, const char *msg, ...)
{
	(void)ctx; /* the same errors reach on_xml_error, or a parse error follows */
	(void)msg;
}

static void handlers_take(handlers *saved, wl_xml *x)
{
	saved->generic = xmlGenericError;
	saved->generic_ctx = xmlGenericErrorContext;
	saved->structured = xmlStructuredError;
	saved->structured_ctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(x, on_generic_error);
	xmlSetStructuredErrorFunc(x, on_xml_error);
}

static void handlers_restore(const handlers *saved)
{
	xmlSetGenericErrorFunc(saved->generic_ctx, saved->generic);
	xmlSetStructuredErrorFunc(saved->structured_ctx, saved->structured);
}

/* ---- a read ---- */

/* Reads the stream of x->xr to its end, or to the first error. */
static int read_nodes(wl_xml *x)
{
	xmlTextReaderSetStructuredErrorHandler(x->xr, on_xml_error, x);
	int rc = WL_OK, r = 1;
	while (!rc && (r = xmlTextReaderRead(x->xr)) == 1)
		rc = on_node(x);
	if (!rc && r < 0)
		rc = parse_error(x);
	if (!rc && !x->started)
		rc = wl_error_input(x->path, 0, x->fmt->root, "no %s element", x->fmt->root);
	return rc;
}

int wl_xml_read(wl_xml *x, const wl_xml_format *fmt, void *ctx, const char *path, int fd,
                const char *data, size_t len)
{
	*x = (wl_xml){.fmt = fmt, .ctx = ctx, .path = path};
	handlers saved;
	handlers_take(&saved, x);
	x->xr = fd >= 0 ? xmlReaderForFd(fd, NULL, NULL, XML_OPTIONS)
	                : xmlReaderForMemory(data, (int)len, NULL, NULL, XML_OPTIONS);
	int rc = x->xr ? read_nodes(x)
	               : wl_error_set(WL_ENOMEM, "%s: cannot start the XML reader", path);
	xmlFreeTextReader(x->xr);
	x->xr = NULL;
	handlers_restore(&saved);
	free(x->texts);
	x->texts = NULL;
	x->ntexts = x->captexts = 0;
	return rc;
}

/* ---- sniffing ---- */

/* Points past the first occurrence of what in [p, end), or NULL. */
static const char *skip_past(const char *p, const char *end, const char *what)
{
	const char *hit = memmem(p, (size_t)(end - p), what, strlen(what));
	return hit ? hit + strlen(what) : NULL;
}

const char *wl_xml_first_element(const char *head, size_t n, size_t *len)
{
	const char *p = head, *end = head + n;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (;;) {
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (end - p < 2 || *p != '<')
			return NULL;
		if (p[1] != '?' && p[1] != '!')
			break;
		bool comment = end - p >= 4 && memcmp(p, "<!--", 4) == 0;
		p = skip_past(p + 2, end, p[1] == '?' ? "?>" : comment ? "-->" : ">");
		if (!p)
			return NULL;
	}
	const char *name = ++p;
	while (p < end && !isspace((unsigned char)*p) && *p != '>' && *p != '/')
		p++;
	*len = (size_t)(p - name);
	return p < end ? name : NULL;
}

const char *wl_xml_local_name(const char *name, size_t *len)
{
	const char *colon = memrchr(name, ':', *len);
	if (!colon)
		return name;
	*len -= (size_t)(colon + 1 - name);
	return colon + 1;
}

bool wl_xml_root_is(const char *head, size_t n, const char *root)
{
	size_t len;
	const char *name = wl_xml_first_element(head, n, &len);
	return name && len == strlen(root) && memcmp(name, root, len) == 0;
}

/* ---- entry points ---- */

int wl_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len, int *source,
                    wl_xml_list_fn *read_list)
{
	if (len > INT_MAX)
		return wl_error_input(path, 0, NULL, "larger than %d bytes", INT_MAX);
	if (!data)
		data = "", len = 0;
	return read_list(ds, path, -1, data, len, source);
}

int wl_xml_read_file(wl_dataset *ds, const char *path, wl_xml_list_fn *read_list)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return wl_error_set(WL_EIO, "%s: cannot open: %s", path, strerror(errno));
	int source;
	int rc = read_list(ds, path, fd, NULL, 0, &source);
	close(fd);
	if (!rc)
		rc = wl_dataset_source_file(ds, source, path, "list");
	return rc;
}
