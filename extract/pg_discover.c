#include "pg_discover.h"

#include <stdlib.h>
#include <string.h>

#include "pg_date.h"

#define PG_NAME_MAX_TOKENS 4
#define PG_WORD 32

/* Given names common in international news; sorted for bsearch. */
static const char *const pg_given[] = {
    "Abdel", "Abdul", "Abdullah", "Adam", "Adrian", "Ahmad", "Ahmed", "Akira", "Alan", "Albert",
    "Alberto", "Aleksandr", "Alex", "Alexander", "Alexandra", "Alexei", "Alexey", "Alfred", "Ali",
    "Alice", "Alicia", "Alison", "Amanda", "Amy", "Ana", "Anatoly", "Andre", "Andrea", "Andreas",
    "Andrei", "Andrew", "Andrzej", "Andy", "Angela", "Angelo", "Ann", "Anna", "Anne", "Annette",
    "Anthony", "Antoine", "Anton", "Antonio", "Arnold", "Arthur", "Ashley", "Barbara", "Barry",
    "Ben", "Benjamin", "Bernard", "Bernd", "Bill", "Bob", "Boris", "Brad", "Brian", "Bruce",
    "Bruno", "Carl", "Carlos", "Carol", "Caroline", "Catherine", "Charles", "Charlie", "Chris",
    "Christian", "Christina", "Christine", "Christoph", "Christopher", "Claire", "Claude",
    "Claudia", "Colin", "Craig", "Cristina", "Dan", "Daniel", "Daniela", "Danny", "Dario", "Dave",
    "David", "Dean", "Dennis", "Diana", "Diane", "Didier", "Dieter", "Dmitri", "Dmitry", "Dominic",
    "Dominique", "Don", "Donald", "Doug", "Douglas", "Ed", "Eddie", "Edward", "Elena", "Elizabeth",
    "Ellen", "Emily", "Emma", "Emmanuel", "Enrique", "Eric", "Erik", "Ernst", "Eva", "Evgeny",
    "Fabio", "Fernando", "Francesco", "Francis", "Francisco", "Franco", "Francois", "Frank",
    "Franz", "Fred", "Frederic", "Friedrich", "Gabriel", "Gary", "Geoff", "Geoffrey", "Georg",
    "George", "Gerald", "Gerard", "Gerhard", "Giorgio", "Giovanni", "Giuseppe", "Glenn", "Gordon",
    "Graham", "Greg", "Gregory", "Guido", "Gunter", "Hans", "Harald", "Harold", "Harry", "Hassan",
    "Heinz", "Helen", "Helmut", "Henri", "Henry", "Herbert", "Hiroshi", "Hugh", "Hugo", "Hussein",
    "Ian", "Ibrahim", "Igor", "Ivan", "Jack", "Jacques", "Jakob", "James", "Jan", "Jane", "Janet",
    "Jason", "Javier", "Jean", "Jeff", "Jeffrey", "Jennifer", "Jens", "Jeremy", "Jerry", "Jessica",
    "Jim", "Jimmy", "Joachim", "Joan", "Joanna", "Joe", "Johan", "Johann", "Johannes", "John",
    "Jonathan", "Jorge", "Jose", "Josef", "Joseph", "Juan", "Judith", "Julia", "Julian", "Julie",
    "Jurgen", "Justin", "Karel", "Karen", "Karl", "Kate", "Katherine", "Kathleen", "Keith", "Ken",
    "Kenneth", "Kevin", "Khalid", "Klaus", "Kurt", "Larry", "Laura", "Laurent", "Lee", "Leonid",
    "Linda", "Lisa", "Louis", "Luc", "Luca", "Lucy", "Luis", "Luke", "Manfred", "Manuel", "Marc",
    "Marco", "Marcus", "Margaret", "Maria", "Marie", "Mario", "Mark", "Martin", "Mary", "Massimo",
    "Matthew", "Matthias", "Max", "Maxim", "Megan", "Michael", "Michel", "Michele", "Michelle",
    "Miguel", "Mike", "Mikhail", "Mohamed", "Mohammad", "Mohammed", "Muhammad", "Nancy", "Natalia",
    "Nathan", "Neil", "Nicholas", "Nick", "Nicola", "Nicolas", "Nigel", "Nikolai", "Nina",
    "Norman", "Olaf", "Olga", "Oliver", "Omar", "Oscar", "Pablo", "Paolo", "Pascal", "Patricia",
    "Patrick", "Paul", "Paula", "Pavel", "Pedro", "Peter", "Philip", "Philipp", "Philippe",
    "Pierre", "Piotr", "Rachel", "Rafael", "Ralph", "Ramon", "Raymond", "Rebecca", "Richard",
    "Rick", "Rob", "Robert", "Roberto", "Robin", "Roger", "Roland", "Ron", "Ronald", "Rosa",
    "Ross", "Roy", "Ruth", "Ryan", "Salman", "Sam", "Samuel", "Sandra", "Sara", "Sarah", "Scott",
    "Sean", "Sebastian", "Serge", "Sergei", "Sergey", "Sharon", "Simon", "Sophie", "Stanislav",
    "Stefan", "Stefano", "Steffen", "Stephan", "Stephen", "Steve", "Steven", "Stuart", "Susan",
    "Takeshi", "Tatiana", "Ted", "Terry", "Thierry", "Thomas", "Tim", "Timothy", "Tom", "Tony",
    "Ulrich", "Valentin", "Valery", "Vasily", "Victor", "Viktor", "Vincent", "Vladimir", "Walter",
    "Werner", "William", "Wolfgang", "Yaroslav", "Yasuo", "Yuri", "Yusuf", "Zoltan",
};

/* Words that introduce a person's name: "spokesman Steffen Seibert". */
static const char *const pg_titles[] = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "chancellor", "minister", "premier", "secretary", "senator", "sen",
    "governor", "gov", "mayor", "ambassador", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "general", "gen", "colonel", "col", "commander", "admiral", "judge",
    "justice", "king", "queen", "prince", "princess", "sheikh", "pope", "cardinal", "bishop",
    "rabbi", "imam", "congressman", "congresswoman", "representative", "rep", "deputy",
    "adviser", "advisor", "aide", "chief", "leader", "chairman", "chairwoman", "director",
    "economist", "analyst", "lawmaker", "mp", "mep", "councillor", "commissioner", "attorney",
    "prosecutor", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "coach",
    "striker", "midfielder", "defender", "goalkeeper", "manager", "counterpart", NULL};

/* Capitalised words that are never the start of a name. */
static const char *const pg_not_names[] = {
    "a", "an", "the", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i",
    "in", "on", "at", "for", "of", "by", "from", "with", "as", "but", "and", "or", "if", "when",
    "after", "before", "while", "since", "during", "under", "over", "about", "his", "her",
    "their", "its", "our", "my", "your", "there", "here", "what", "who", "why", "how", "where",
    "some", "many", "most", "all", "both", "no", "not", "yes", "also", "then", "now", "so",
    "mr", "mrs", "ms", "dr", "president", "minister", "prime", "foreign", "chancellor",
    "secretary", "state", "house", "government", "party", "news", "reuters", "ap", "afp",
    "photograph", "photo", "getty", "images", "comments", "sign", "newsletter", "read", "more",
    "share", "follow", "click", "subscribe", "advertisement", "copyright", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "north", "south", "east", "west",
    "new", "united", "european", "union", "national", "international", "world", "republic",
    "democratic", "republican", "labour", "conservative", "liberal", "federal", "central",
    "ministry", "department", "office", "council", "committee", "court", "bank", "group",
    "company", "corp", "inc", "ltd", "university", "city", "street", "road", "square", "palace",
    "gmt", "utc", "bst", "cet", "et", "pm", "am", NULL};

/* Words after a capitalised run that make it a speaking person. */
static const char *const pg_speech[] = {"said", "says", "told", "added", "tweeted", "wrote",
                                        "argued", "insisted", "warned", "explained", NULL};

static const char *const pg_particles[] = {"de", "da", "do", "dos", "das", "del", "della",
                                           "di", "van", "von", "der", "den", "bin", "ibn",
                                           "al", "el", "le", "la", "du", "ter", NULL};

static int pg_in_list(const char *w, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(w, list[i]) == 0)
            return 1;
    return 0;
}

static int pg_cmp_given(const void *key, const void *item)
{
    return strcmp((const char *)key, *(const char *const *)item);
}

int pg_is_given_name(const char *word, size_t len)
{
    char buf[PG_WORD];
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, word, len);
    buf[len] = '\0';
    return bsearch(buf, pg_given, sizeof pg_given / sizeof *pg_given, sizeof *pg_given,
                   pg_cmp_given) != NULL;
}

static void pg_word(const char *text, const pg_token *t, char *buf)
{
    size_t n = pg_fold(text + t->start, t->end - t->start, buf, PG_WORD);
    if (n > 0 && buf[n - 1] == '.')
        buf[n - 1] = '\0';
}

static int pg_is_cap_word(const char *text, const pg_token *t)
{
    if (!(t->flags & PG_TOK_WORD) || !(t->flags & PG_TOK_UPPER) || (t->flags & PG_TOK_NUM))
        return 0;
    size_t n = t->end - t->start;
    if (pg_month_from_name(text + t->start, n) > 0 || pg_weekday_from_name(text + t->start, n) >= 0)
        return 0;
    return 1;
}

static int pg_push_name(pg_names *out, pg_name nm, pg_error *err)
{
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 8;
        pg_name *v = realloc(out->v, cap * sizeof *v);
        if (!v)
            return pg_error_set(err, PG_ENOMEM, "out of memory");
        out->v = v;
        out->cap = cap;
    }
    out->v[out->n++] = nm;
    return PG_OK;
}

int pg_discover_names(const char *text, const pg_tokens *toks, const pg_sentence *s,
                      const unsigned char *covered, pg_names *out, pg_error *err)
{
    size_t b = s->tok_begin, e = s->tok_end;
    char w[PG_WORD];
    for (size_t i = b; i < e;) {
        const pg_token *t = &toks->v[i];
        if (covered[i - b] || !pg_is_cap_word(text, t)) {
            i++;
            continue;
        }
        /* the run of capitalised words (with name particles inside) */
        size_t j = i;
        while (j < e && j - i < PG_NAME_MAX_TOKENS && !covered[j - b]) {
            const pg_token *u = &toks->v[j];
            if (pg_is_cap_word(text, u)) {
                j++;
                continue;
            }
            pg_word(text, u, w);
            if (j > i && j + 1 < e && pg_in_list(w, pg_particles) &&
                pg_is_cap_word(text, &toks->v[j + 1]) && !covered[j + 1 - b]) {
                j++;
                continue;
            }
            break;
        }
        /* drop leading words that are not names, keeping a title they form */
        size_t start = i;
        int titled = 0;
        while (start < j) {
            pg_word(text, &toks->v[start], w);
            if (pg_in_list(w, pg_titles))
                titled = 1;
            else if (!pg_in_list(w, pg_not_names))
                break;
            start++;
        }
        if (start > b) {
            pg_word(text, &toks->v[start - 1], w);
            if (pg_in_list(w, pg_titles))
                titled = 1;
        }
        size_t n = j - start;
        if (n > 0) {
            const pg_token *first = &toks->v[start];
            int given = pg_is_given_name(text + first->start, first->end - first->start);
            int speaks = 0;
            if (j < e) {
                pg_word(text, &toks->v[j], w);
                speaks = pg_in_list(w, pg_speech);
            }
            if (!speaks && start > b) {
                pg_word(text, &toks->v[start - 1], w);
                speaks = pg_in_list(w, pg_speech) && n >= 2;
            }
            /* a lone capitalised word opening a sentence is only a name with a title */
            int lone_initial = n == 1 && start == b;
            int person = (titled && !lone_initial) || (given && n >= 2) ||
                         (speaks && n >= 2 && n <= 3);
            if (person && (toks->v[j - 1].flags & PG_TOK_ALLCAPS) && n == 1)
                person = 0;
            if (person) {
                int rc = pg_push_name(out, (pg_name){start, j, titled}, err);
                if (rc != PG_OK)
                    return rc;
            }
        }
        i = j > i ? j : i + 1;
    }
    return PG_OK;
}

/* Markers of page furniture, matched on the folded start of a sentence. */
static const char *const pg_furniture_starts[] = {
    "photograph", "photo", "image", "picture", "caption", "sign up", "subscribe", "follow us",
    "share this", "share on", "click here", "read more", "related:", "advertisement",
    "comments are", "comment", "we use cookies", "this site uses cookies", "cookie",
    "copyright", "all rights reserved", "newsletter", "get our", "by ", "reporting by",
    "editing by", "writing by", "additional reporting", NULL};

int pg_is_furniture(const char *text, const pg_tokens *toks, const pg_sentence *s)
{
    if (s->tok_end == s->tok_begin)
        return 1;
    char head[64];
    size_t n = s->end - s->start;
    if (n > sizeof head - 1)
        n = sizeof head - 1;
    pg_fold(text + s->start, n, head, sizeof head);
    for (size_t i = 0; pg_furniture_starts[i]; i++) {
        size_t len = strlen(pg_furniture_starts[i]);
        if (strncmp(head, pg_furniture_starts[i], len) != 0)
            continue;
        /* "By Jane Doe, Washington": a byline is short; "By Monday, ..." is prose */
        if (strcmp(pg_furniture_starts[i], "by ") == 0) {
            size_t words = s->tok_end - s->tok_begin;
            const pg_token *second = s->tok_begin + 1 < s->tok_end ? &toks->v[s->tok_begin + 1] : NULL;
            return words <= 10 && second && (second->flags & PG_TOK_UPPER);
        }
        /* a caption credit or banner, not a sentence that mentions a photo */
        return s->tok_end - s->tok_begin <= 25;
    }
    /* "Photograph: X/AP" inside a sentence's tail */
    for (size_t i = s->tok_begin; i + 1 < s->tok_end; i++) {
        const pg_token *t = &toks->v[i];
        size_t len = t->end - t->start;
        if ((len == 10 && strncmp(text + t->start, "Photograph", 10) == 0) ||
            (len == 5 && strncmp(text + t->start, "Photo", 5) == 0)) {
            if (text[toks->v[i + 1].start] == ':')
                return 1;
        }
    }
    return 0;
}

void pg_names_release(pg_names *n)
{
    if (!n)
        return;
    free(n->v);
    memset(n, 0, sizeof *n);
}
