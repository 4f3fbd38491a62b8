/*
 * props.h - the schemata and properties of the entity model.
 *
 * The model follows FollowTheMoney (FtM): an entity has a schema (Person,
 * Organization, ...) and properties named as FtM names them. Properties are
 * numbered here so that values carry a small integer, not a string; the
 * table gives each its FtM name and its kind (name, date, country,
 * identifier, ...), which decides how it is normalised and matched.
 */
#ifndef WL_PROPS_H
#define WL_PROPS_H

#include <stdbool.h>

typedef enum wl_schema {
	WL_SCHEMA_LEGAL_ENTITY = 0, /* unknown kind of person or organisation */
	WL_SCHEMA_PERSON,
	WL_SCHEMA_ORGANIZATION,
	WL_SCHEMA_COMPANY,
	WL_SCHEMA_VESSEL,
	WL_SCHEMA_AIRPLANE,
	WL_SCHEMA_COUNT
} wl_schema;

typedef enum wl_prop_kind {
	WL_KIND_TEXT,    /* free text */
	WL_KIND_NAME,    /* a name to screen against */
	WL_KIND_DATE,    /* ISO 8601 prefix: YYYY, YYYY-MM or YYYY-MM-DD */
	WL_KIND_COUNTRY, /* ISO 3166-1 alpha-2, lower case; or a region code */
	WL_KIND_ID,      /* an identifier: passport, registration, IMO, ... */
	WL_KIND_URL,
	WL_KIND_EMAIL,
	WL_KIND_ADDRESS,
	WL_KIND_TOPIC,
} wl_prop_kind;

/* X(enum, FtM name, kind) */
#define WL_PROPS(X)                                                   \
	X(NAME, "name", WL_KIND_NAME)                                 \
	X(ALIAS, "alias", WL_KIND_NAME)                               \
	X(WEAK_ALIAS, "weakAlias", WL_KIND_NAME)                      \
	X(PREVIOUS_NAME, "previousName", WL_KIND_NAME)                \
	X(FIRST_NAME, "firstName", WL_KIND_TEXT)                      \
	X(SECOND_NAME, "secondName", WL_KIND_TEXT)                    \
	X(MIDDLE_NAME, "middleName", WL_KIND_TEXT)                    \
	X(LAST_NAME, "lastName", WL_KIND_TEXT)                        \
	X(FATHER_NAME, "fatherName", WL_KIND_TEXT)                    \
	X(TITLE, "title", WL_KIND_TEXT)                               \
	X(BIRTH_DATE, "birthDate", WL_KIND_DATE)                      \
	X(BIRTH_PLACE, "birthPlace", WL_KIND_TEXT)                    \
	X(DEATH_DATE, "deathDate", WL_KIND_DATE)                      \
	X(NATIONALITY, "nationality", WL_KIND_COUNTRY)                \
	X(CITIZENSHIP, "citizenship", WL_KIND_COUNTRY)                \
	X(COUNTRY, "country", WL_KIND_COUNTRY)                        \
	X(JURISDICTION, "jurisdiction", WL_KIND_COUNTRY)              \
	X(GENDER, "gender", WL_KIND_TEXT)                             \
	X(POSITION, "position", WL_KIND_TEXT)                         \
	X(ID_NUMBER, "idNumber", WL_KIND_ID)                          \
	X(PASSPORT_NUMBER, "passportNumber", WL_KIND_ID)              \
	X(TAX_NUMBER, "taxNumber", WL_KIND_ID)                        \
	X(REGISTRATION_NUMBER, "registrationNumber", WL_KIND_ID)      \
	X(LEI_CODE, "leiCode", WL_KIND_ID)                            \
	X(SWIFT_BIC, "swiftBic", WL_KIND_ID)                          \
	X(UNSC_ID, "unscId", WL_KIND_ID)                              \
	X(IMO_NUMBER, "imoNumber", WL_KIND_ID)                        \
	X(MMSI, "mmsi", WL_KIND_ID)                                   \
	X(CALL_SIGN, "callSign", WL_KIND_ID)                          \
	X(FLAG, "flag", WL_KIND_COUNTRY)                              \
	X(VESSEL_TYPE, "type", WL_KIND_TEXT)                          \
	X(TONNAGE, "tonnage", WL_KIND_TEXT)                           \
	X(BUILD_DATE, "buildDate", WL_KIND_DATE)                      \
	X(SERIAL_NUMBER, "serialNumber", WL_KIND_ID)                  \
	X(MODEL, "model", WL_KIND_TEXT)                               \
	X(INCORPORATION_DATE, "incorporationDate", WL_KIND_DATE)      \
	X(DISSOLUTION_DATE, "dissolutionDate", WL_KIND_DATE)          \
	X(LEGAL_FORM, "legalForm", WL_KIND_TEXT)                      \
	X(SECTOR, "sector", WL_KIND_TEXT)                             \
	X(STATUS, "status", WL_KIND_TEXT)                             \
	X(ADDRESS, "address", WL_KIND_ADDRESS)                        \
	X(WEBSITE, "website", WL_KIND_URL)                            \
	X(EMAIL, "email", WL_KIND_EMAIL)                              \
	X(PHONE, "phone", WL_KIND_TEXT)                               \
	X(TOPICS, "topics", WL_KIND_TOPIC)                            \
	X(PROGRAM, "program", WL_KIND_TEXT)                           \
	X(LISTING_DATE, "listingDate", WL_KIND_DATE)                  \
	X(MODIFIED_AT, "modifiedAt", WL_KIND_DATE)                    \
	X(DESCRIPTION, "description", WL_KIND_TEXT)                   \
	X(NOTES, "notes", WL_KIND_TEXT)                               \
	X(SOURCE_URL, "sourceUrl", WL_KIND_URL)

typedef enum wl_prop {
#define WL_PROP_ENUM(e, name, kind) WL_PROP_##e,
	WL_PROPS(WL_PROP_ENUM)
#undef WL_PROP_ENUM
	WL_PROP_COUNT
} wl_prop;

const char *wl_schema_name(wl_schema s);
/* Returns the schema for an FtM schema name, or -1. */
int wl_schema_from_name(const char *name);

const char *wl_prop_name(wl_prop p);
wl_prop_kind wl_prop_kind_of(wl_prop p);
/* Returns the property for an FtM property name, or -1. */
int wl_prop_from_name(const char *name);

/* True for the properties that hold names to screen (name, alias, ...). */
bool wl_prop_is_name(wl_prop p);

#endif
