/*
 * props.c - names and kinds of schemata and properties (see props.h).
 */
#include "props.h"

#include <string.h>

static const char *const schema_names[WL_SCHEMA_COUNT] = {
	[WL_SCHEMA_LEGAL_ENTITY] = "LegalEntity",
	[WL_SCHEMA_PERSON] = "Person",
	[WL_SCHEMA_ORGANIZATION] = "Organization",
	[WL_SCHEMA_COMPANY] = "Company",
	[WL_SCHEMA_VESSEL] = "Vessel",
	[WL_SCHEMA_AIRPLANE] = "Airplane",
};

static const struct {
	const char *name;
	wl_prop_kind kind;
} props[WL_PROP_COUNT] = {
#define WL_PROP_ROW(e, n, k) [WL_PROP_##e] = {n, k},
	WL_PROPS(WL_PROP_ROW)
#undef WL_PROP_ROW
};

const char *wl_schema_name(wl_schema s)
{
	return (unsigned)s < WL_SCHEMA_COUNT ? schema_names[s] : "LegalEntity";
}

int wl_schema_from_name(const char *name)
{
	for (int i = 0; i < WL_SCHEMA_COUNT; i++)
		if (strcmp(schema_names[i], name) == 0)
			return i;
	return -1;
}

const char *wl_prop_name(wl_prop p)
{
	return (unsigned)p < WL_PROP_COUNT ? props[p].name : "?";
}

wl_prop_kind wl_prop_kind_of(wl_prop p)
{
	return (unsigned)p < WL_PROP_COUNT ? props[p].kind : WL_KIND_TEXT;
}

int wl_prop_from_name(const char *name)
{
	for (int i = 0; i < WL_PROP_COUNT; i++)
		if (strcmp(props[i].name, name) == 0)
			return i;
	return -1;
}

bool wl_prop_is_name(wl_prop p)
{
	return wl_prop_kind_of(p) == WL_KIND_NAME;
}
