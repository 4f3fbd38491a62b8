/*
 * xml_stream.h - the streaming XML layer the XML list readers share.
 *
 * The UN, UK (FCDO), EU, Canadian and OFAC readers all walk their file
 * with libxml2's xmlTextReader, one node at a time, and all need the same
 * things around their own format's logic: a parser opened safely on a
 * file or on memory, libxml2's errors caught and turned into
 * "FILE:LINE: ELEMENT: message", element texts collected with a cap, and
 * the entry points' shape. This layer does those once; a reader gives a
 * wl_xml_format (its root, its DOCTYPE message, its text cap, and what to
 * do when an element starts and ends) and keeps only its format's logic.
 *
 * The texts. A reader collects the text of one element at a time
 * (wl_xml_text_begin ... wl_xml_text_end) into one buffer, and keeps the
 * texts it wants for the record it is reading (wl_xml_text_keep), each
 * NUL-terminated at an offset into x->texts; wl_xml_texts_clear empties
 * the buffer for the next record. Memory is thus one record.
 *
 * Safety. The parser never touches the network, loads no external DTD and
 * substitutes no entities (no XML_PARSE_NOENT); a DOCTYPE is refused when
 * the reader meets it, before the first element, with the format's message.
 */
#ifndef WL_XML_STREAM_H
#define WL_XML_STREAM_H

#include <libxml/xmlreader.h>
#include <stdbool.h>
#include <stddef.h>

#include "model/entity.h"

#define WL_XML_NAME_MAX 128 /* bytes of an element name in a message */

/* A reader's format: what the layer needs to know, and the reader's callbacks. */
typedef struct wl_xml_format {
	const char *root;    /* the root element: "no ROOT element", and errors that name none */
	const char *doctype; /* the message that refuses a document type declaration */
	size_t text_max;     /* bytes of one element's text */
	/* Elements go by their prefixed name ("o:sdnList"); false: by their local name. */
	bool qualified_names;
	/* Text anywhere below the element being collected is its; false: its own text only. */
	bool deep_text;
	/* Folds the white space of n bytes at s in place, NUL-terminates, returns the length;
	 * NULL: runs of ASCII white space become one space, both ends trimmed. */
	size_t (*fold)(char *s, size_t n);
	/* An element starts, or ends (an empty element does both); ctx is the reader's. */
	int (*start)(void *ctx, const char *name, int depth);
	int (*end)(void *ctx, int depth);
} wl_xml_format;

/* One read in progress. The reader may look at every field; only this layer writes them. */
typedef struct wl_xml {
	xmlTextReaderPtr xr;
	const wl_xml_format *fmt;
	void *ctx;
	const char *path; /* names the file in messages */
	const char *last; /* the last element started */
	bool started;     /* an element has started */
	/* the texts kept for the record, then the one being collected */
	char *texts;
	size_t ntexts, captexts;
	const char *field; /* the element whose text is being collected, or NULL */
	int field_depth;
	unsigned long field_line;
	size_t field_off; /* where its text starts in texts */
	/* the first error libxml2 reported (the first fatal one, else the first) */
	int err_level;
	unsigned long err_line;
	char err_msg[256];
	char err_field[WL_XML_NAME_MAX];
} wl_xml;

/*
 * Reads a document from the file descriptor fd or (fd < 0) from len bytes
 * at data, calling fmt's callbacks with ctx, to its end or to the first
 * error. For the time of the read libxml2's global error handlers point
 * here (its encoding layer reports through them); they are restored after.
 * Returns 0, WL_EINPUT ("FILE:LINE: ELEMENT: message") or WL_ENOMEM.
 */
int wl_xml_read(wl_xml *x, const wl_xml_format *fmt, void *ctx, const char *path, int fd,
                const char *data, size_t len);

/* The line of the node the reader is on (of its start tag, for an element). */
unsigned long wl_xml_line(const wl_xml *x);

/* The current element's attribute name into out (cut to cap - 1 bytes); false when absent. */
bool wl_xml_attr(const wl_xml *x, const char *name, char *out, size_t cap);

/* Makes room for need items of size bytes in *arr (of *cap items): 0 or WL_ENOMEM. */
int wl_xml_grow(void **arr, size_t *cap, size_t need, size_t size);

/* ---- texts ---- */

/* Empties the texts for a new record; no text is being collected. */
void wl_xml_texts_clear(wl_xml *x);

/* Starts collecting the text of the element name at depth (dropping an unfinished one). */
void wl_xml_text_begin(wl_xml *x, const char *name, int depth);

/* Stops collecting, dropping what was collected. */
void wl_xml_text_drop(wl_xml *x);

/*
 * Stops collecting: the text, folded (fmt->fold) and NUL-terminated, is at
 * x->texts + x->field_off until the next text is collected. Returns its
 * length: 0 when it is empty or no text was being collected.
 */
size_t wl_xml_text_end(wl_xml *x);

/* Keeps the text wl_xml_text_end returned (of length n) for the record. */
void wl_xml_text_keep(wl_xml *x, size_t n);

/* Keeps n bytes at s, folded, as a text of the record (none may be being collected). */
int wl_xml_text_store(wl_xml *x, const char *s, size_t n, size_t *off);

/* ---- sniffing ---- */

/*
 * The first element's (prefixed) name in a file's head, past a byte-order
 * mark, white space, the XML declaration, comments and a DOCTYPE; *len
 * gets its length. NULL when the head holds none, or ends inside it.
 */
const char *wl_xml_first_element(const char *head, size_t n, size_t *len);

/* The local part of a name of len bytes ("sdnList" of "o:sdnList"); *len becomes its length. */
const char *wl_xml_local_name(const char *name, size_t *len);

/* True when the head's first element is root (no prefix). */
bool wl_xml_root_is(const char *head, size_t n, const char *root);

/* ---- entry points ---- */

/* A reader's whole read: from the descriptor fd, or (fd < 0) from len bytes at data. */
typedef int wl_xml_list_fn(wl_dataset *ds, const char *path, int fd, const char *data, size_t len,
                           int *source);

/* A list held in memory (data NULL: empty), as the readers' wl_*_read_mem. */
int wl_xml_read_mem(wl_dataset *ds, const char *path, const char *data, size_t len, int *source,
                    wl_xml_list_fn *read_list);

/* A list file, recorded in its source with the role "list": the readers' read(). */
int wl_xml_read_file(wl_dataset *ds, const char *path, wl_xml_list_fn *read_list);

#endif
