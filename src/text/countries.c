/*
 * countries.c - country names, codes and adjectives to ISO 3166-1 codes.
 *
 * On first use the ISO 3166-1 table of Debian's iso-codes is loaded (with
 * jansson) into a hash map from a folded key to the alpha-2 code: its name,
 * official and common names, alpha-2 and alpha-3 codes, and the "Korea,
 * Republic of" style names turned round ("Republic of Korea"). The table
 * below adds what lists and users write that iso-codes lacks: short names
 * ("Russia", "Burma"), adjectives ("Chinese") and codes in use beyond the
 * standard ("xk" Kosovo).
 *
 * Keys are folded with ICU: NFKD, combining marks dropped, lower case, runs
 * of anything that is not a letter or digit made one space, the filler
 * words "the", "and" and "of" dropped and "st" written "saint"; "X, Y" is
 * also tried as "Y X", and a "Region:" prefix is dropped. The map is built
 * once (pthread_once) and only read afterwards, so look-ups are thread-safe.
 */
#include "countries.h"

#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "model/arena.h"
#include "model/strmap.h"

#ifndef WL_ISO_CODES_DIR
#define WL_ISO_CODES_DIR "/usr/share/iso-codes/json"
#endif

#define KEY_MAX 128

static const char *const extra_names[][2] = {
	/* short and common names */
	{"russia", "ru"}, {"north korea", "kp"}, {"korea north", "kp"}, {"dprk", "kp"},
	{"south korea", "kr"}, {"korea south", "kr"}, {"korea", "kr"}, {"iran", "ir"},
	{"syria", "sy"}, {"burma", "mm"}, {"laos", "la"}, {"vietnam", "vn"}, {"moldova", "md"},
	{"tanzania", "tz"}, {"venezuela", "ve"}, {"bolivia", "bo"}, {"kosovo", "xk"},
	{"palestine", "ps"}, {"palestinian territories", "ps"}, {"west bank", "ps"},
	{"gaza", "ps"}, {"gaza strip", "ps"}, {"czech republic", "cz"}, {"turkey", "tr"},
	{"ivory coast", "ci"}, {"democratic republic of the congo", "cd"}, {"dr congo", "cd"},
	{"drc", "cd"}, {"congo kinshasa", "cd"}, {"republic of the congo", "cg"},
	{"congo brazzaville", "cg"}, {"congo republic of the", "cg"}, {"usa", "us"},
	{"united states of america", "us"}, {"uk", "gb"}, {"great britain", "gb"},
	{"britain", "gb"}, {"england", "gb"}, {"scotland", "gb"}, {"wales", "gb"},
	{"northern ireland", "gb"}, {"macedonia", "mk"}, {"swaziland", "sz"},
	{"cape verde", "cv"}, {"east timor", "tl"}, {"vatican", "va"}, {"vatican city", "va"},
	{"brunei", "bn"}, {"taiwan", "tw"}, {"hong kong", "hk"}, {"macau", "mo"},
	{"macao", "mo"}, {"micronesia", "fm"}, {"soviet union", "su"}, {"ussr", "su"},
	{"china hong kong special administrative region", "hk"},
	{"hong kong special administrative region", "hk"}, {"hong kong sar", "hk"},
	{"china macao special administrative region", "mo"}, {"macao sar", "mo"},
	{"former soviet union", "su"}, {"holland", "nl"}, {"netherlands antilles", "an"},
	{"former yugoslav republic macedonia", "mk"}, {"macedonia former yugoslav republic", "mk"}, {"the netherlands", "nl"}, {"uae", "ae"}, {"emirates", "ae"},
	{"bosnia", "ba"}, {"bosnia herzegovina", "ba"}, {"st kitts and nevis", "kn"},
	{"st lucia", "lc"}, {"st vincent and the grenadines", "vc"}, {"sao tome", "st"},
	{"prc", "cn"}, {"mainland china", "cn"}, {"kyrgyzstan", "kg"}, {"slovakia", "sk"},
	/* adjectives and demonyms */
	{"chinese", "cn"}, {"russian", "ru"}, {"american", "us"}, {"british", "gb"},
	{"english", "gb"}, {"scottish", "gb"}, {"welsh", "gb"}, {"iranian", "ir"},
	{"iraqi", "iq"}, {"syrian", "sy"}, {"afghan", "af"}, {"afghani", "af"},
	{"pakistani", "pk"}, {"indian", "in"}, {"north korean", "kp"}, {"south korean", "kr"},
	{"korean", "kr"}, {"cuban", "cu"}, {"venezuelan", "ve"}, {"lebanese", "lb"},
	{"yemeni", "ye"}, {"saudi", "sa"}, {"saudi arabian", "sa"}, {"emirati", "ae"},
	{"turkish", "tr"}, {"ukrainian", "ua"}, {"belarusian", "by"}, {"belarussian", "by"},
	{"german", "de"}, {"french", "fr"}, {"italian", "it"}, {"spanish", "es"},
	{"mexican", "mx"}, {"colombian", "co"}, {"libyan", "ly"}, {"sudanese", "sd"},
	{"south sudanese", "ss"}, {"somali", "so"}, {"somalian", "so"}, {"ethiopian", "et"},
	{"eritrean", "er"}, {"kenyan", "ke"}, {"nigerian", "ng"}, {"malian", "ml"},
	{"nigerien", "ne"}, {"chadian", "td"}, {"central african", "cf"}, {"congolese", "cd"},
	{"egyptian", "eg"}, {"jordanian", "jo"}, {"palestinian", "ps"}, {"israeli", "il"},
	{"kuwaiti", "kw"}, {"qatari", "qa"}, {"bahraini", "bh"}, {"omani", "om"},
	{"algerian", "dz"}, {"moroccan", "ma"}, {"tunisian", "tn"}, {"mauritanian", "mr"},
	{"burmese", "mm"}, {"cambodian", "kh"}, {"thai", "th"}, {"vietnamese", "vn"},
	{"laotian", "la"}, {"indonesian", "id"}, {"malaysian", "my"}, {"filipino", "ph"},
	{"philippine", "ph"}, {"japanese", "jp"}, {"mongolian", "mn"}, {"kazakh", "kz"},
	{"kazakhstani", "kz"}, {"uzbek", "uz"}, {"uzbekistani", "uz"}, {"tajik", "tj"},
	{"tajikistani", "tj"}, {"kyrgyz", "kg"}, {"turkmen", "tm"}, {"azerbaijani", "az"},
	{"azeri", "az"}, {"armenian", "am"}, {"georgian", "ge"}, {"serbian", "rs"},
	{"bosnian", "ba"}, {"croatian", "hr"}, {"albanian", "al"}, {"macedonian", "mk"},
	{"greek", "gr"}, {"cypriot", "cy"}, {"bulgarian", "bg"}, {"romanian", "ro"},
	{"moldovan", "md"}, {"hungarian", "hu"}, {"polish", "pl"}, {"czech", "cz"},
	{"slovak", "sk"}, {"slovenian", "si"}, {"austrian", "at"}, {"swiss", "ch"},
	{"belgian", "be"}, {"dutch", "nl"}, {"danish", "dk"}, {"swedish", "se"},
	{"norwegian", "no"}, {"finnish", "fi"}, {"estonian", "ee"}, {"latvian", "lv"},
	{"lithuanian", "lt"}, {"irish", "ie"}, {"portuguese", "pt"}, {"brazilian", "br"},
	{"argentine", "ar"}, {"argentinian", "ar"}, {"chilean", "cl"}, {"peruvian", "pe"},
	{"ecuadorian", "ec"}, {"bolivian", "bo"}, {"paraguayan", "py"}, {"uruguayan", "uy"},
	{"nicaraguan", "ni"}, {"panamanian", "pa"}, {"guatemalan", "gt"}, {"honduran", "hn"},
	{"salvadoran", "sv"}, {"haitian", "ht"}, {"jamaican", "jm"}, {"canadian", "ca"},
	{"australian", "au"}, {"new zealander", "nz"}, {"south african", "za"},
	{"zimbabwean", "zw"}, {"zambian", "zm"}, {"ugandan", "ug"}, {"rwandan", "rw"},
	{"burundian", "bi"}, {"tanzanian", "tz"}, {"mozambican", "mz"}, {"angolan", "ao"},
	{"cameroonian", "cm"}, {"ghanaian", "gh"}, {"ivorian", "ci"}, {"senegalese", "sn"},
	{"guinean", "gn"}, {"liberian", "lr"}, {"sierra leonean", "sl"}, {"gambian", "gm"},
	{"beninese", "bj"}, {"togolese", "tg"}, {"burkinabe", "bf"}, {"bangladeshi", "bd"},
	{"sri lankan", "lk"}, {"nepalese", "np"}, {"nepali", "np"}, {"bhutanese", "bt"},
	{"maldivian", "mv"}, {"taiwanese", "tw"}, {"singaporean", "sg"}, {"icelandic", "is"},
	{"maltese", "mt"}, {"montenegrin", "me"}, {"kosovar", "xk"}, {"kosovan", "xk"},
	{"djiboutian", "dj"}, {"comorian", "km"}, {"malagasy", "mg"}, {"mauritian", "mu"},
	{"namibian", "na"}, {"gabonese", "ga"}, {"soviet", "su"},
};

static const char *const extra_codes[][2] = {
	{"xk", "Kosovo"}, {"su", "Soviet Union"}, {"an", "Netherlands Antilles"},
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static wl_strmap by_key;   /* folded name or code -> alpha-2 (lower case) */
static wl_strmap by_code;  /* alpha-2 (lower case) -> short name */
static wl_arena arena;

/*
 * Drops the words that lists use or leave out at will ("the", "and", "of")
 * and writes "st" as "saint": "Bahamas, The", "St. Kitts & Nevis" and
 * "Saint Kitts and Nevis" fold alike. Returns the new length.
 */
static size_t drop_filler_words(char *key, size_t len)
{
	char out[KEY_MAX * 2];
	size_t j = 0, i = 0;
	while (i < len) {
		size_t e = i;
		while (e < len && key[e] != ' ')
			e++;
		size_t n = e - i;
		const char *w = key + i;
		int filler = (n == 3 && !memcmp(w, "the", 3)) || (n == 3 && !memcmp(w, "and", 3)) ||
			     (n == 2 && !memcmp(w, "of", 2));
		if (n == 2 && !memcmp(w, "st", 2))
			w = "saint", n = 5;
		if (!filler && j + n + 1 < sizeof(out)) {
			if (j)
				out[j++] = ' ';
			memcpy(out + j, w, n);
			j += n;
		}
		i = e + 1;
	}
	memcpy(key, out, j);
	key[j] = '\0';
	return j;
}

/* Folds text into key (see the comment at the top). Returns the key's length. */
static size_t fold_key(const char *text, size_t len, char *key, size_t cap)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar src[KEY_MAX * 2], nfkd[KEY_MAX * 4];
	int32_t n = 0;
	if (len > KEY_MAX * 2)
		return 0;
	u_strFromUTF8(src, KEY_MAX * 2, &n, text, (int32_t)len, &st);
	if (U_FAILURE(st))
		return 0;
	const UNormalizer2 *norm = unorm2_getNFKDInstance(&st);
	int32_t m = norm ? unorm2_normalize(norm, src, n, nfkd, KEY_MAX * 4, &st) : 0;
	if (U_FAILURE(st))
		return 0;
	size_t j = 0;
	for (int32_t i = 0; i < m && j + 5 < cap; i++) {
		UChar32 c = nfkd[i];
		if (U16_IS_LEAD(c) && i + 1 < m)
			c = U16_GET_SUPPLEMENTARY(c, nfkd[++i]);
		if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK)
			continue;
		if (u_isalnum(c)) {
			c = u_tolower(c);
			UBool err = 0;
			U8_APPEND((uint8_t *)key, j, cap - 1, c, err);
			if (err)
				return 0;
		} else if (j && key[j - 1] != ' ') {
			key[j++] = ' ';
		}
	}
	while (j && key[j - 1] == ' ')
		j--;
	key[j] = '\0';
	return drop_filler_words(key, j);
}

static void add_key(const char *text, const char *code)
{
	char key[KEY_MAX * 2];
	if (!text || !fold_key(text, strlen(text), key, sizeof(key)))
		return;
	if (wl_strmap_get(&by_key, key))
		return; /* the first meaning wins: names before adjectives */
	char *k = wl_arena_strdup(&arena, key);
	if (k)
		wl_strmap_put(&by_key, k, (void *)code);
}

/* "Korea, Republic of" -> "Republic of Korea" */
static void add_turned(const char *name, const char *code)
{
	const char *comma = name ? strstr(name, ", ") : NULL;
	if (!comma)
		return;
	char *turned = wl_arena_printf(&arena, "%s %.*s", comma + 2, (int)(comma - name), name);
	add_key(turned, code);
	add_key(wl_arena_strndup(&arena, name, (size_t)(comma - name)), code);
}

static void load_iso_codes(void)
{
	json_error_t jerr;
	json_t *root = json_load_file(WL_ISO_CODES_DIR "/iso_3166-1.json", 0, &jerr);
	json_t *list = root ? json_object_get(root, "3166-1") : NULL;
	size_t i;
	json_t *c;
	json_array_foreach(list, i, c)
	{
		const char *a2 = json_string_value(json_object_get(c, "alpha_2"));
		if (!a2 || strlen(a2) != 2)
			continue;
		char *code = wl_arena_printf(&arena, "%c%c", a2[0] | 0x20, a2[1] | 0x20);
		const char *name = json_string_value(json_object_get(c, "name"));
		const char *common = json_string_value(json_object_get(c, "common_name"));
		const char *official = json_string_value(json_object_get(c, "official_name"));
		add_key(code, code);
		add_key(json_string_value(json_object_get(c, "alpha_3")), code);
		add_key(common, code);
		add_key(name, code);
		add_key(official, code);
		add_turned(name, code);
		add_turned(official, code);
		const char *shortname = common ? common : name;
		if (shortname)
			wl_strmap_put(&by_code, code, wl_arena_strdup(&arena, shortname));
	}
	json_decref(root);
}

static void load(void)
{
	wl_arena_init(&arena);
	wl_strmap_init(&by_key);
	wl_strmap_init(&by_code);
	load_iso_codes();
	for (size_t i = 0; i < sizeof(extra_codes) / sizeof(extra_codes[0]); i++) {
		add_key(extra_codes[i][0], extra_codes[i][0]);
		add_key(extra_codes[i][1], extra_codes[i][0]);
		wl_strmap_put(&by_code, extra_codes[i][0], (void *)extra_codes[i][1]);
	}
	for (size_t i = 0; i < sizeof(extra_names) / sizeof(extra_names[0]); i++)
		add_key(extra_names[i][0], extra_names[i][1]);
}

const char *wl_country_code(const char *text, size_t len)
{
	char key[KEY_MAX * 2];
	if (!text)
		return NULL;
	if (len == (size_t)-1)
		len = strlen(text);
	pthread_once(&once, load);
	/* "Region: Gaza" */
	if (len > 7 && strncasecmp(text, "region:", 7) == 0) {
		text += 7;
		len -= 7;
	}
	if (!fold_key(text, len, key, sizeof(key)))
		return NULL;
	const char *code = wl_strmap_get(&by_key, key);
	/* "Congo, Democratic Republic of the" -> "Democratic Republic of the Congo" */
	const char *comma = memchr(text, ',', len);
	if (!code && comma && len < KEY_MAX) {
		char turned[KEY_MAX * 2];
		size_t head = (size_t)(comma - text), tail = len - head - 1;
		memcpy(turned, comma + 1, tail);
		turned[tail] = ' ';
		memcpy(turned + tail + 1, text, head);
		if (fold_key(turned, len, key, sizeof(key)))
			code = wl_strmap_get(&by_key, key);
	}
	return code;
}

const char *wl_country_name(const char *code)
{
	char key[8];
	if (!code || strlen(code) >= sizeof(key))
		return NULL;
	pthread_once(&once, load);
	size_t i;
	for (i = 0; code[i]; i++)
		key[i] = (char)(code[i] | 0x20);
	key[i] = '\0';
	return wl_strmap_get(&by_code, key);
}
