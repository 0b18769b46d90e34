#include "pg_discover.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pg_given_names.h"
#include "pg_strmap.h"
#include "pg_swar.h"

/* A capitalised run longer than this is a title-case phrase, not a name. */
#define PG_RUN_MAX_WORDS 8
/* A name has at most this many words after its title. */
#define PG_NAME_MAX_WORDS 4
#define PG_WORD 32
/* Runs of one sentence kept for the list rule; further runs are judged alone. */
#define PG_RUNS_MAX 64

/* Classes of words (folded), one bit each; a word may have several. */
#define PG_W_TITLE 0x0001 /* a capitalised title before a name: "President Li", "Mr Smith" */
#define PG_W_ROLE 0x0002 /* a lower-case word before a name: "spokesman Steffen Seibert" */
#define PG_W_NOT_NAME 0x0004 /* a capitalised word that never begins a name */
#define PG_W_ORG 0x0008 /* a word that makes a capitalised run a place, team or organisation */
#define PG_W_SPEECH 0x0010 /* a speech verb after a name: "Jane Smith said" */
#define PG_W_SAID 0x0020 /* a speech verb before a name: "said Jane Smith" */
#define PG_W_PARTICLE 0x0040 /* a lower-case word inside a name: "Osama bin Laden" */
#define PG_W_PLACE 0x0080 /* the first word of a place or newspaper: "San Diego", "Der Spiegel" */
#define PG_W_DATE 0x0100 /* a month or weekday */
#define PG_W_DATE_ABBR 0x0200 /* "Jan", "Sat": a date before a number or full stop */
#define PG_W_FIXTURE 0x0400 /* "v" between teams */
#define PG_W_DEMONYM 0x0800 /* a nationality before a name: "Australian Tom Moody" */
#define PG_W_CORP 0x1000 /* a word that closes the name of a firm: "Atria Oy", "Lenzing AG" */
#define PG_W_NAMED 0x2000 /* a thing named after a person: "the Jesse Owens memorial race" */

typedef struct pg_word_class {
    const char *word;
    unsigned bits;
} pg_word_class;

/* Sorted by word for bsearch. */
static const pg_word_class pg_words[] = {
    {"a", PG_W_NOT_NAME}, {"ab", PG_W_ORG | PG_W_CORP}, {"abbey", PG_W_ORG},
    {"about", PG_W_NOT_NAME}, {"ac", PG_W_ORG}, {"academicals", PG_W_ORG},
    {"academy", PG_W_ORG}, {"accident", PG_W_ORG}, {"acknowledged", PG_W_SPEECH},
    {"acting", PG_W_NOT_NAME}, {"activist", PG_W_ROLE}, {"actor", PG_W_ROLE},
    {"actress", PG_W_ROLE}, {"added", PG_W_SPEECH}, {"administration", PG_W_ORG},
    {"admiral", PG_W_TITLE | PG_W_ROLE}, {"admitted", PG_W_SPEECH},
    {"advertisement", PG_W_NOT_NAME}, {"adviser", PG_W_ROLE}, {"advisor", PG_W_ROLE},
    {"afc", PG_W_ORG}, {"afghan", PG_W_DEMONYM}, {"afp", PG_W_NOT_NAME}, {"africa", PG_W_ORG},
    {"african", PG_W_ORG | PG_W_DEMONYM}, {"afrikaner", PG_W_DEMONYM}, {"after", PG_W_NOT_NAME},
    {"ag", PG_W_ORG | PG_W_CORP}, {"agency", PG_W_ORG}, {"aide", PG_W_ROLE},
    {"airlines", PG_W_ORG}, {"airport", PG_W_ORG}, {"airways", PG_W_ORG},
    {"al", PG_W_NOT_NAME | PG_W_PARTICLE}, {"albanian", PG_W_DEMONYM}, {"albion", PG_W_ORG},
    {"alderman", PG_W_ROLE}, {"algerian", PG_W_DEMONYM}, {"all", PG_W_NOT_NAME},
    {"all-rounder", PG_W_ROLE}, {"alliance", PG_W_ORG}, {"allrounder", PG_W_ROLE},
    {"also", PG_W_NOT_NAME}, {"am", PG_W_NOT_NAME}, {"ambassador", PG_W_TITLE | PG_W_ROLE},
    {"america", PG_W_ORG}, {"american", PG_W_ORG | PG_W_DEMONYM}, {"an", PG_W_NOT_NAME},
    {"analyst", PG_W_ROLE}, {"anatolian", PG_W_ORG}, {"anchorman", PG_W_ROLE},
    {"and", PG_W_NOT_NAME}, {"angolan", PG_W_DEMONYM}, {"announced", PG_W_SPEECH},
    {"another", PG_W_NOT_NAME}, {"anp", PG_W_ORG}, {"ansa", PG_W_ORG}, {"antara", PG_W_ORG},
    {"ap", PG_W_NOT_NAME}, {"apa", PG_W_ORG}, {"apr", PG_W_DATE_ABBR}, {"april", PG_W_DATE},
    {"arab", PG_W_DEMONYM}, {"archbishop", PG_W_TITLE | PG_W_ROLE}, {"architect", PG_W_ROLE},
    {"arena", PG_W_ORG}, {"argentine", PG_W_DEMONYM}, {"argentinian", PG_W_DEMONYM},
    {"argued", PG_W_SPEECH}, {"argyle", PG_W_ORG}, {"armenian", PG_W_DEMONYM},
    {"army", PG_W_ORG}, {"artist", PG_W_ROLE}, {"as", PG_W_NOT_NAME}, {"asa", PG_W_CORP},
    {"asia", PG_W_ORG}, {"asian", PG_W_ORG | PG_W_DEMONYM}, {"asked", PG_W_SPEECH},
    {"assembly", PG_W_ORG}, {"assistant-manager", PG_W_ROLE}, {"associates", PG_W_ORG},
    {"association", PG_W_ORG}, {"assurance", PG_W_ORG}, {"astronaut", PG_W_ROLE},
    {"astronomer", PG_W_ROLE}, {"at", PG_W_NOT_NAME}, {"athlete", PG_W_ROLE},
    {"athletic", PG_W_ORG}, {"athletico", PG_W_ORG}, {"atlantic", PG_W_ORG},
    {"atletico", PG_W_ORG}, {"attorney", PG_W_TITLE | PG_W_ROLE},
    {"attorney-general", PG_W_TITLE | PG_W_ROLE}, {"aug", PG_W_DATE_ABBR},
    {"august", PG_W_DATE}, {"australian", PG_W_DEMONYM}, {"austrian", PG_W_DEMONYM},
    {"author", PG_W_ROLE}, {"authority", PG_W_ORG}, {"avenue", PG_W_ORG},
    {"aviation", PG_W_ORG}, {"award", PG_W_ORG | PG_W_NAMED},
    {"awards", PG_W_ORG | PG_W_ORG | PG_W_NAMED}, {"ayatollah", PG_W_TITLE | PG_W_ROLE},
    {"azerbaijani", PG_W_DEMONYM}, {"bahraini", PG_W_DEMONYM}, {"ballerina", PG_W_ROLE},
    {"banco", PG_W_ORG}, {"bancorp", PG_W_ORG}, {"bangladeshi", PG_W_DEMONYM},
    {"bank", PG_W_NOT_NAME | PG_W_ORG}, {"banker", PG_W_ROLE}, {"banque", PG_W_ORG},
    {"baron", PG_W_TITLE | PG_W_ROLE}, {"baroness", PG_W_TITLE | PG_W_ROLE},
    {"barrister", PG_W_ROLE}, {"basque", PG_W_DEMONYM}, {"batsman", PG_W_ROLE},
    {"bavarian", PG_W_DEMONYM}, {"bay", PG_W_ORG}, {"bc", PG_W_ORG}, {"before", PG_W_NOT_NAME},
    {"belarusian", PG_W_DEMONYM}, {"belarussian", PG_W_DEMONYM}, {"belga", PG_W_ORG},
    {"belgian", PG_W_DEMONYM}, {"berhad", PG_W_ORG | PG_W_CORP}, {"bernama", PG_W_ORG},
    {"bhd", PG_W_ORG | PG_W_CORP}, {"bin", PG_W_PARTICLE}, {"biologist", PG_W_ROLE},
    {"bishop", PG_W_TITLE | PG_W_ROLE}, {"board", PG_W_ORG}, {"bolivian", PG_W_DEMONYM},
    {"bonds", PG_W_ORG}, {"bosnian", PG_W_DEMONYM}, {"both", PG_W_NOT_NAME},
    {"bowler", PG_W_ROLE}, {"boxer", PG_W_ROLE}, {"brands", PG_W_ORG},
    {"brazilian", PG_W_DEMONYM}, {"bridge", PG_W_ORG}, {"brigade", PG_W_ORG},
    {"brigades", PG_W_ORG}, {"brigadier", PG_W_TITLE | PG_W_ROLE}, {"british", PG_W_DEMONYM},
    {"briton", PG_W_DEMONYM}, {"broadcasting", PG_W_ORG}, {"broker", PG_W_ROLE},
    {"bros", PG_W_ORG}, {"brother", PG_W_TITLE | PG_W_ROLE},
    {"brothers", PG_W_TITLE | PG_W_ORG}, {"bst", PG_W_NOT_NAME}, {"bta", PG_W_ORG},
    {"building", PG_W_ORG}, {"bulgarian", PG_W_DEMONYM}, {"bulletin", PG_W_ORG},
    {"bureau", PG_W_ORG}, {"burmese", PG_W_DEMONYM}, {"burundian", PG_W_DEMONYM},
    {"businessman", PG_W_ROLE}, {"businesswoman", PG_W_ROLE}, {"but", PG_W_NOT_NAME},
    {"bv", PG_W_ORG | PG_W_CORP}, {"by", PG_W_NOT_NAME}, {"cabinet", PG_W_ORG},
    {"californian", PG_W_DEMONYM}, {"cambodian", PG_W_DEMONYM}, {"cameroonian", PG_W_DEMONYM},
    {"campaigner", PG_W_ROLE}, {"canadian", PG_W_DEMONYM}, {"candidate", PG_W_ROLE},
    {"cape", PG_W_NOT_NAME | PG_W_PLACE}, {"capital", PG_W_ORG},
    {"capt", PG_W_TITLE | PG_W_ROLE}, {"captain", PG_W_TITLE | PG_W_ROLE},
    {"cardinal", PG_W_TITLE | PG_W_ROLE}, {"caretaker", PG_W_NOT_NAME},
    {"catalan", PG_W_DEMONYM}, {"catcher", PG_W_ROLE}, {"cathedral", PG_W_ORG},
    {"catholic", PG_W_ORG}, {"catholics", PG_W_ORG}, {"celtic", PG_W_ORG}, {"center", PG_W_ORG},
    {"central", PG_W_NOT_NAME | PG_W_ORG}, {"centre", PG_W_ORG}, {"centre-back", PG_W_ROLE},
    {"centre-forward", PG_W_ROLE}, {"ceo", PG_W_ROLE}, {"cet", PG_W_NOT_NAME}, {"cf", PG_W_ORG},
    {"chadian", PG_W_DEMONYM}, {"chairman", PG_W_TITLE | PG_W_ROLE},
    {"chairman-elect", PG_W_ROLE}, {"chairperson", PG_W_TITLE | PG_W_ROLE},
    {"chairwoman", PG_W_TITLE | PG_W_ROLE}, {"challenger", PG_W_ROLE}, {"champion", PG_W_ROLE},
    {"championship", PG_W_ORG | PG_W_NAMED}, {"championships", PG_W_ORG | PG_W_NAMED},
    {"chancellor", PG_W_TITLE | PG_W_ROLE | PG_W_NOT_NAME}, {"chemical", PG_W_ORG},
    {"chemicals", PG_W_ORG}, {"chemist", PG_W_ROLE}, {"chief", PG_W_TITLE | PG_W_ROLE},
    {"children", PG_W_ORG}, {"chilean", PG_W_DEMONYM}, {"chinese", PG_W_DEMONYM},
    {"christians", PG_W_ORG}, {"chronicle", PG_W_ORG}, {"city", PG_W_NOT_NAME | PG_W_ORG},
    {"claimed", PG_W_SPEECH}, {"cleric", PG_W_ROLE}, {"click", PG_W_NOT_NAME},
    {"climber", PG_W_ROLE}, {"club", PG_W_ORG}, {"co", PG_W_ORG | PG_W_CORP},
    {"co-chairman", PG_W_ROLE}, {"coach", PG_W_TITLE | PG_W_ROLE}, {"coalition", PG_W_ORG},
    {"coast", PG_W_ORG}, {"col", PG_W_TITLE | PG_W_ROLE}, {"college", PG_W_ORG},
    {"colombian", PG_W_DEMONYM}, {"colonel", PG_W_TITLE | PG_W_ROLE}, {"columnist", PG_W_ROLE},
    {"comedian", PG_W_ROLE}, {"commander", PG_W_TITLE | PG_W_ROLE}, {"commentator", PG_W_ROLE},
    {"commented", PG_W_SPEECH}, {"comments", PG_W_NOT_NAME}, {"commission", PG_W_ORG},
    {"commissioner", PG_W_TITLE | PG_W_ROLE}, {"committee", PG_W_NOT_NAME | PG_W_ORG},
    {"communications", PG_W_ORG}, {"communist", PG_W_ORG}, {"communists", PG_W_ORG},
    {"companies", PG_W_ORG}, {"company", PG_W_NOT_NAME | PG_W_ORG}, {"compatriot", PG_W_ROLE},
    {"complained", PG_W_SPEECH}, {"composer", PG_W_ROLE}, {"conceded", PG_W_SPEECH},
    {"conductor", PG_W_ROLE}, {"confirmed", PG_W_SPEECH}, {"congolese", PG_W_DEMONYM},
    {"congress", PG_W_ORG}, {"congressman", PG_W_TITLE | PG_W_ROLE},
    {"congresswoman", PG_W_TITLE | PG_W_ROLE}, {"conservative", PG_W_NOT_NAME | PG_W_ORG},
    {"conservatives", PG_W_ORG}, {"constable", PG_W_TITLE | PG_W_ROLE},
    {"consul", PG_W_TITLE | PG_W_ROLE}, {"consultant", PG_W_ROLE}, {"contender", PG_W_ROLE},
    {"copyright", PG_W_NOT_NAME}, {"cornerback", PG_W_ROLE},
    {"corp", PG_W_NOT_NAME | PG_W_ORG | PG_W_CORP}, {"corporal", PG_W_TITLE | PG_W_ROLE},
    {"corporation", PG_W_ORG | PG_W_CORP}, {"correspondent", PG_W_ROLE},
    {"cosmonaut", PG_W_ROLE}, {"council", PG_W_NOT_NAME | PG_W_ORG}, {"councillor", PG_W_ROLE},
    {"councilman", PG_W_ROLE}, {"counterpart", PG_W_ROLE}, {"countess", PG_W_TITLE | PG_W_ROLE},
    {"countryman", PG_W_ROLE}, {"countrywoman", PG_W_ROLE}, {"county", PG_W_ORG},
    {"course", PG_W_ORG}, {"court", PG_W_NOT_NAME}, {"cousin", PG_W_ROLE}, {"credit", PG_W_ORG},
    {"croat", PG_W_DEMONYM}, {"croatian", PG_W_DEMONYM},
    {"crown-prince", PG_W_TITLE | PG_W_ROLE}, {"cska", PG_W_ORG}, {"ctk", PG_W_ORG},
    {"cuban", PG_W_DEMONYM}, {"cup", PG_W_ORG | PG_W_NAMED}, {"cyclist", PG_W_ROLE},
    {"cypriot", PG_W_DEMONYM}, {"czech", PG_W_DEMONYM}, {"da", PG_W_PARTICLE},
    {"daily", PG_W_ORG}, {"dame", PG_W_TITLE}, {"dancer", PG_W_ROLE}, {"dane", PG_W_DEMONYM},
    {"danish", PG_W_DEMONYM}, {"das", PG_W_PARTICLE | PG_W_PLACE}, {"daughter", PG_W_ROLE},
    {"day", PG_W_NAMED}, {"de", PG_W_PARTICLE}, {"dealer", PG_W_ROLE}, {"debutant", PG_W_ROLE},
    {"dec", PG_W_DATE_ABBR}, {"decathlete", PG_W_ROLE}, {"december", PG_W_DATE},
    {"declared", PG_W_SPEECH}, {"defendant", PG_W_ROLE}, {"defender", PG_W_ROLE},
    {"del", PG_W_PARTICLE}, {"delegate", PG_W_ROLE}, {"della", PG_W_PARTICLE},
    {"democrat", PG_W_ORG}, {"democratic", PG_W_NOT_NAME | PG_W_ORG}, {"democrats", PG_W_ORG},
    {"den", PG_W_PARTICLE}, {"denied", PG_W_SPEECH}, {"department", PG_W_NOT_NAME | PG_W_ORG},
    {"deputy", PG_W_TITLE | PG_W_ROLE}, {"der", PG_W_PARTICLE | PG_W_PLACE},
    {"designer", PG_W_ROLE}, {"desk", PG_W_ORG}, {"detective", PG_W_TITLE | PG_W_ROLE},
    {"di", PG_W_PARTICLE}, {"dictator", PG_W_ROLE}, {"die", PG_W_PLACE}, {"dinamo", PG_W_ORG},
    {"diplomat", PG_W_ROLE}, {"director", PG_W_TITLE | PG_W_ROLE},
    {"director-general", PG_W_TITLE | PG_W_ROLE}, {"dissident", PG_W_ROLE},
    {"district", PG_W_ORG}, {"diver", PG_W_ROLE}, {"do", PG_W_PARTICLE}, {"doctor", PG_W_ROLE},
    {"dos", PG_W_PARTICLE}, {"dpa", PG_W_ORG}, {"dr", PG_W_TITLE | PG_W_ROLE | PG_W_NOT_NAME},
    {"driver", PG_W_ROLE}, {"drummer", PG_W_ROLE}, {"du", PG_W_PARTICLE},
    {"duchess", PG_W_TITLE | PG_W_ROLE}, {"duke", PG_W_TITLE | PG_W_ROLE},
    {"during", PG_W_NOT_NAME}, {"dutch", PG_W_DEMONYM}, {"dutchman", PG_W_DEMONYM},
    {"dynamics", PG_W_ORG}, {"dynamo", PG_W_ORG}, {"each", PG_W_NOT_NAME},
    {"earl", PG_W_TITLE | PG_W_ROLE}, {"early", PG_W_NOT_NAME},
    {"east", PG_W_NOT_NAME | PG_W_ORG}, {"eastern", PG_W_NOT_NAME | PG_W_ORG},
    {"economist", PG_W_ROLE}, {"ecuadorean", PG_W_DEMONYM}, {"ecuadorian", PG_W_DEMONYM},
    {"editor", PG_W_ROLE}, {"efe", PG_W_ORG}, {"egyptian", PG_W_DEMONYM},
    {"eight", PG_W_NOT_NAME}, {"either", PG_W_NOT_NAME}, {"el", PG_W_PARTICLE | PG_W_PLACE},
    {"election", PG_W_ORG}, {"elections", PG_W_ORG}, {"electric", PG_W_ORG},
    {"electricity", PG_W_ORG}, {"emir", PG_W_TITLE | PG_W_ROLE}, {"emirati", PG_W_DEMONYM},
    {"emperor", PG_W_TITLE | PG_W_ROLE}, {"empire", PG_W_ORG},
    {"empress", PG_W_TITLE | PG_W_ROLE}, {"energy", PG_W_ORG}, {"english", PG_W_DEMONYM},
    {"enterprises", PG_W_ORG}, {"entrepreneur", PG_W_ROLE}, {"envoy", PG_W_TITLE | PG_W_ROLE},
    {"eritrean", PG_W_DEMONYM}, {"estonian", PG_W_DEMONYM}, {"et", PG_W_NOT_NAME},
    {"ethiopian", PG_W_DEMONYM}, {"europe", PG_W_ORG},
    {"european", PG_W_NOT_NAME | PG_W_ORG | PG_W_DEMONYM}, {"every", PG_W_NOT_NAME},
    {"ex", PG_W_NOT_NAME}, {"ex-president", PG_W_TITLE | PG_W_ROLE}, {"exchange", PG_W_ORG},
    {"executive", PG_W_ROLE}, {"explained", PG_W_SPEECH}, {"explorer", PG_W_ROLE},
    {"express", PG_W_ORG}, {"father", PG_W_TITLE | PG_W_ROLE}, {"fc", PG_W_ORG},
    {"feb", PG_W_DATE_ABBR}, {"february", PG_W_DATE}, {"federal", PG_W_NOT_NAME},
    {"federation", PG_W_ORG}, {"festival", PG_W_ORG | PG_W_NAMED},
    {"field-marshal", PG_W_TITLE | PG_W_ROLE}, {"fifth", PG_W_NOT_NAME}, {"figaro", PG_W_ORG},
    {"fighter", PG_W_ROLE}, {"filipino", PG_W_DEMONYM}, {"film-maker", PG_W_ROLE},
    {"filmmaker", PG_W_ROLE}, {"final", PG_W_NOT_NAME}, {"finalist", PG_W_ROLE},
    {"finance", PG_W_ORG}, {"financial", PG_W_ORG}, {"financier", PG_W_ROLE},
    {"finn", PG_W_DEMONYM}, {"finnish", PG_W_DEMONYM}, {"first", PG_W_NOT_NAME},
    {"five", PG_W_NOT_NAME}, {"flemish", PG_W_DEMONYM}, {"follow", PG_W_NOT_NAME},
    {"foods", PG_W_ORG}, {"for", PG_W_NOT_NAME}, {"force", PG_W_ORG}, {"forces", PG_W_ORG},
    {"forecaster", PG_W_ROLE}, {"foreign", PG_W_NOT_NAME}, {"forest", PG_W_ORG},
    {"former", PG_W_NOT_NAME}, {"former-president", PG_W_NOT_NAME},
    {"fort", PG_W_NOT_NAME | PG_W_PLACE}, {"forward", PG_W_ROLE},
    {"foundation", PG_W_ORG | PG_W_NAMED}, {"four", PG_W_NOT_NAME}, {"fourth", PG_W_NOT_NAME},
    {"fr", PG_W_TITLE}, {"french", PG_W_DEMONYM}, {"frenchman", PG_W_DEMONYM},
    {"fri", PG_W_DATE_ABBR}, {"friday", PG_W_NOT_NAME | PG_W_DATE}, {"from", PG_W_NOT_NAME},
    {"front", PG_W_ORG}, {"full-back", PG_W_ROLE}, {"fullback", PG_W_ROLE},
    {"fund", PG_W_ORG | PG_W_NAMED}, {"funds", PG_W_ORG}, {"gabonese", PG_W_DEMONYM},
    {"gallery", PG_W_ORG}, {"gambian", PG_W_DEMONYM}, {"games", PG_W_ORG | PG_W_NAMED},
    {"gas", PG_W_ORG}, {"gazette", PG_W_ORG}, {"gen", PG_W_TITLE}, {"general", PG_W_TITLE},
    {"georgian", PG_W_DEMONYM}, {"german", PG_W_DEMONYM}, {"getty", PG_W_NOT_NAME},
    {"ghanaian", PG_W_DEMONYM}, {"global", PG_W_ORG}, {"gmbh", PG_W_ORG | PG_W_CORP},
    {"gmt", PG_W_NOT_NAME}, {"goalkeeper", PG_W_ROLE}, {"golf", PG_W_ORG},
    {"golfer", PG_W_ROLE}, {"gov", PG_W_TITLE | PG_W_ROLE},
    {"government", PG_W_NOT_NAME | PG_W_ORG}, {"governor", PG_W_TITLE | PG_W_ROLE},
    {"governor-general", PG_W_TITLE | PG_W_ROLE}, {"grand-mufti", PG_W_TITLE | PG_W_ROLE},
    {"granddaughter", PG_W_ROLE}, {"grandfather", PG_W_ROLE}, {"grandmother", PG_W_ROLE},
    {"grandson", PG_W_ROLE}, {"greater", PG_W_ORG}, {"greek", PG_W_DEMONYM},
    {"ground", PG_W_ORG}, {"grounds", PG_W_ORG},
    {"group", PG_W_NOT_NAME | PG_W_ORG | PG_W_CORP}, {"guard", PG_W_ORG},
    {"guatemalan", PG_W_DEMONYM}, {"guerrilla", PG_W_ROLE}, {"guinean", PG_W_DEMONYM},
    {"guitarist", PG_W_ROLE}, {"gulf", PG_W_ORG}, {"gymnast", PG_W_ROLE},
    {"haitian", PG_W_DEMONYM}, {"harriers", PG_W_ORG}, {"he", PG_W_NOT_NAME},
    {"headmaster", PG_W_ROLE}, {"health", PG_W_ORG}, {"heights", PG_W_ORG}, {"heir", PG_W_ROLE},
    {"heptathlete", PG_W_ROLE}, {"her", PG_W_NOT_NAME}, {"herald", PG_W_ORG},
    {"here", PG_W_NOT_NAME}, {"hina", PG_W_ORG}, {"his", PG_W_NOT_NAME},
    {"historian", PG_W_ROLE}, {"hojatoleslam", PG_W_TITLE | PG_W_ROLE},
    {"holding", PG_W_ORG | PG_W_CORP}, {"holdings", PG_W_ORG | PG_W_CORP}, {"home", PG_W_ORG},
    {"honduran", PG_W_DEMONYM}, {"hospital", PG_W_ORG}, {"hotel", PG_W_ORG},
    {"hotspur", PG_W_ORG}, {"house", PG_W_NOT_NAME}, {"how", PG_W_NOT_NAME},
    {"hungarian", PG_W_DEMONYM}, {"hurdler", PG_W_ROLE}, {"husband", PG_W_ROLE},
    {"i", PG_W_NOT_NAME}, {"ibn", PG_W_PARTICLE}, {"icelandic", PG_W_DEMONYM},
    {"if", PG_W_NOT_NAME}, {"il", PG_W_PLACE}, {"images", PG_W_NOT_NAME},
    {"imam", PG_W_TITLE | PG_W_ROLE}, {"in", PG_W_NOT_NAME},
    {"inc", PG_W_NOT_NAME | PG_W_ORG | PG_W_CORP}, {"incorporated", PG_W_ORG},
    {"incumbent", PG_W_ROLE}, {"index", PG_W_ORG}, {"indian", PG_W_DEMONYM},
    {"indonesian", PG_W_DEMONYM}, {"industrialist", PG_W_ROLE}, {"industries", PG_W_ORG},
    {"infielder", PG_W_ROLE}, {"inquirer", PG_W_ORG}, {"insisted", PG_W_SPEECH},
    {"inspector", PG_W_TITLE | PG_W_ROLE}, {"institute", PG_W_ORG}, {"insurance", PG_W_ORG},
    {"interfax", PG_W_ORG}, {"interim", PG_W_NOT_NAME},
    {"international", PG_W_NOT_NAME | PG_W_ORG}, {"investment", PG_W_ORG},
    {"investments", PG_W_ORG}, {"iranian", PG_W_DEMONYM}, {"iraqi", PG_W_DEMONYM},
    {"irish", PG_W_DEMONYM}, {"irishman", PG_W_DEMONYM}, {"irna", PG_W_ORG},
    {"islamic", PG_W_ORG}, {"island", PG_W_ORG}, {"islands", PG_W_ORG},
    {"israeli", PG_W_DEMONYM}, {"it", PG_W_NOT_NAME}, {"italian", PG_W_DEMONYM},
    {"itar-tass", PG_W_ORG}, {"its", PG_W_NOT_NAME}, {"ivorian", PG_W_DEMONYM},
    {"izvestia", PG_W_ORG}, {"jamaican", PG_W_DEMONYM}, {"jan", PG_W_DATE_ABBR},
    {"jana", PG_W_ORG}, {"january", PG_W_DATE}, {"japanese", PG_W_DEMONYM},
    {"jewish", PG_W_ORG}, {"jockey", PG_W_ROLE}, {"jordanian", PG_W_DEMONYM},
    {"journal", PG_W_ORG}, {"journalist", PG_W_ROLE}, {"judge", PG_W_TITLE},
    {"jul", PG_W_DATE_ABBR}, {"july", PG_W_DATE}, {"jumper", PG_W_ROLE},
    {"jun", PG_W_DATE_ABBR}, {"june", PG_W_DATE}, {"junior", PG_W_NOT_NAME | PG_W_NOT_NAME},
    {"justice", PG_W_TITLE}, {"kazakh", PG_W_DEMONYM}, {"keeper", PG_W_ROLE},
    {"kenyan", PG_W_DEMONYM}, {"king", PG_W_TITLE | PG_W_ROLE}, {"kingdom", PG_W_ORG},
    {"kk", PG_W_CORP}, {"korean", PG_W_DEMONYM}, {"kosovar", PG_W_DEMONYM}, {"kuna", PG_W_ORG},
    {"kurdish", PG_W_DEMONYM}, {"kuwaiti", PG_W_DEMONYM}, {"kyodo", PG_W_ORG},
    {"kyrgyz", PG_W_DEMONYM}, {"la", PG_W_PARTICLE | PG_W_PLACE}, {"labor", PG_W_ORG},
    {"labour", PG_W_NOT_NAME | PG_W_ORG}, {"lady", PG_W_TITLE},
    {"lake", PG_W_NOT_NAME | PG_W_ORG | PG_W_PLACE}, {"land", PG_W_ORG},
    {"laotian", PG_W_DEMONYM}, {"las", PG_W_PLACE}, {"last", PG_W_NOT_NAME},
    {"late", PG_W_NOT_NAME | PG_W_NOT_NAME}, {"latvian", PG_W_DEMONYM}, {"lawmaker", PG_W_ROLE},
    {"lawyer", PG_W_ROLE}, {"le", PG_W_PARTICLE}, {"leader", PG_W_TITLE | PG_W_ROLE},
    {"leading", PG_W_NOT_NAME}, {"league", PG_W_ORG | PG_W_NAMED}, {"lebanese", PG_W_DEMONYM},
    {"lecture", PG_W_NAMED}, {"lecturer", PG_W_ROLE}, {"leg-spinner", PG_W_ROLE},
    {"legislator", PG_W_ROLE}, {"les", PG_W_PLACE}, {"liberal", PG_W_NOT_NAME},
    {"liberals", PG_W_ORG}, {"liberian", PG_W_DEMONYM}, {"library", PG_W_ORG},
    {"libyan", PG_W_DEMONYM}, {"lieutenant", PG_W_TITLE | PG_W_ROLE},
    {"lieutenant-general", PG_W_TITLE | PG_W_ROLE}, {"limited", PG_W_ORG | PG_W_CORP},
    {"linebacker", PG_W_ROLE}, {"linesman", PG_W_ROLE}, {"lithuanian", PG_W_DEMONYM},
    {"llc", PG_W_ORG | PG_W_CORP}, {"lobbyist", PG_W_ROLE}, {"lokomotiv", PG_W_ORG},
    {"lord", PG_W_TITLE}, {"los", PG_W_PLACE}, {"lower", PG_W_ORG},
    {"lt", PG_W_TITLE | PG_W_ROLE}, {"ltd", PG_W_NOT_NAME | PG_W_ORG | PG_W_CORP},
    {"macedonian", PG_W_DEMONYM}, {"magazine", PG_W_ORG},
    {"magistrate", PG_W_TITLE | PG_W_ROLE}, {"magnate", PG_W_ROLE}, {"mail", PG_W_ORG},
    {"major-general", PG_W_TITLE | PG_W_ROLE}, {"malagasy", PG_W_DEMONYM},
    {"malawian", PG_W_DEMONYM}, {"malaysian", PG_W_DEMONYM}, {"malian", PG_W_DEMONYM},
    {"maltese", PG_W_DEMONYM}, {"manager", PG_W_ROLE}, {"managing-director", PG_W_ROLE},
    {"many", PG_W_NOT_NAME}, {"mar", PG_W_DATE_ABBR}, {"marathoner", PG_W_ROLE},
    {"march", PG_W_DATE}, {"market", PG_W_ORG}, {"markets", PG_W_ORG},
    {"marshal", PG_W_TITLE | PG_W_ROLE}, {"mathematician", PG_W_ROLE},
    {"mauritanian", PG_W_DEMONYM}, {"may", PG_W_DATE}, {"mayor", PG_W_TITLE | PG_W_ROLE},
    {"medal", PG_W_NAMED}, {"medalist", PG_W_ROLE}, {"medallist", PG_W_ROLE},
    {"media", PG_W_ORG}, {"mediator", PG_W_ROLE}, {"medical", PG_W_ORG},
    {"memorial", PG_W_ORG | PG_W_NAMED}, {"men", PG_W_NOT_NAME}, {"men's", PG_W_NOT_NAME},
    {"mena", PG_W_ORG}, {"mep", PG_W_ROLE}, {"mexican", PG_W_DEMONYM}, {"mid", PG_W_NOT_NAME},
    {"midfielder", PG_W_ROLE}, {"militant", PG_W_ROLE}, {"mills", PG_W_ORG},
    {"minerals", PG_W_ORG}, {"mining", PG_W_ORG},
    {"minister", PG_W_TITLE | PG_W_ROLE | PG_W_NOT_NAME},
    {"ministry", PG_W_NOT_NAME | PG_W_ORG}, {"mirror", PG_W_ORG}, {"miss", PG_W_TITLE},
    {"moldovan", PG_W_DEMONYM}, {"mon", PG_W_DATE_ABBR}, {"monarch", PG_W_ROLE},
    {"monday", PG_W_NOT_NAME | PG_W_DATE}, {"monde", PG_W_ORG}, {"mongolian", PG_W_DEMONYM},
    {"monk", PG_W_ROLE}, {"monsignor", PG_W_TITLE}, {"montenegrin", PG_W_DEMONYM},
    {"more", PG_W_NOT_NAME}, {"moroccan", PG_W_DEMONYM}, {"mosque", PG_W_ORG},
    {"most", PG_W_NOT_NAME}, {"mother", PG_W_TITLE | PG_W_ROLE}, {"motor", PG_W_ORG},
    {"motors", PG_W_ORG}, {"mount", PG_W_NOT_NAME | PG_W_PLACE}, {"mountaineer", PG_W_ROLE},
    {"mountains", PG_W_ORG}, {"movement", PG_W_ORG}, {"mozambican", PG_W_DEMONYM},
    {"mp", PG_W_ROLE}, {"mr", PG_W_TITLE | PG_W_ROLE | PG_W_NOT_NAME},
    {"mrs", PG_W_TITLE | PG_W_ROLE | PG_W_NOT_NAME},
    {"ms", PG_W_TITLE | PG_W_ROLE | PG_W_NOT_NAME}, {"msgr", PG_W_TITLE}, {"mti", PG_W_ORG},
    {"mufti", PG_W_TITLE | PG_W_ROLE}, {"mullah", PG_W_TITLE | PG_W_ROLE}, {"museum", PG_W_ORG},
    {"musician", PG_W_ROLE}, {"muslim", PG_W_ORG}, {"muslims", PG_W_ORG}, {"my", PG_W_NOT_NAME},
    {"namibian", PG_W_DEMONYM}, {"national", PG_W_NOT_NAME | PG_W_ORG}, {"navy", PG_W_ORG},
    {"negotiator", PG_W_ROLE}, {"neither", PG_W_NOT_NAME}, {"nepalese", PG_W_DEMONYM},
    {"nephew", PG_W_ROLE}, {"network", PG_W_ORG}, {"networks", PG_W_ORG},
    {"new", PG_W_NOT_NAME | PG_W_PLACE}, {"newcomer", PG_W_ROLE},
    {"news", PG_W_NOT_NAME | PG_W_ORG}, {"newsletter", PG_W_NOT_NAME}, {"newspaper", PG_W_ORG},
    {"newsroom", PG_W_ORG}, {"next", PG_W_NOT_NAME}, {"nicaraguan", PG_W_DEMONYM},
    {"niece", PG_W_ROLE}, {"nigerian", PG_W_DEMONYM}, {"nigerien", PG_W_DEMONYM},
    {"nine", PG_W_NOT_NAME}, {"no", PG_W_NOT_NAME}, {"nominee", PG_W_ROLE},
    {"north", PG_W_NOT_NAME | PG_W_ORG}, {"northern", PG_W_NOT_NAME | PG_W_ORG},
    {"norwegian", PG_W_DEMONYM}, {"not", PG_W_NOT_NAME}, {"noted", PG_W_SPEECH},
    {"nov", PG_W_DATE_ABBR}, {"novelist", PG_W_ROLE}, {"november", PG_W_DATE},
    {"now", PG_W_NOT_NAME}, {"nurse", PG_W_ROLE}, {"nv", PG_W_ORG | PG_W_CORP},
    {"observatory", PG_W_ORG}, {"observer", PG_W_ORG}, {"ocean", PG_W_ORG},
    {"oct", PG_W_DATE_ABBR}, {"october", PG_W_DATE}, {"of", PG_W_NOT_NAME},
    {"off-spinner", PG_W_ROLE}, {"office", PG_W_NOT_NAME | PG_W_ORG}, {"officer", PG_W_ROLE},
    {"oil", PG_W_ORG}, {"olympiacos", PG_W_ORG}, {"olympiakos", PG_W_ORG},
    {"olympic", PG_W_NOT_NAME}, {"olympics", PG_W_ORG}, {"olympique", PG_W_ORG},
    {"omani", PG_W_DEMONYM}, {"ombudsman", PG_W_ROLE}, {"on", PG_W_NOT_NAME},
    {"one", PG_W_NOT_NAME}, {"open", PG_W_ORG | PG_W_NAMED}, {"opener", PG_W_ROLE},
    {"or", PG_W_NOT_NAME}, {"organisation", PG_W_ORG}, {"organization", PG_W_ORG},
    {"other", PG_W_NOT_NAME}, {"our", PG_W_NOT_NAME}, {"outfielder", PG_W_ROLE},
    {"over", PG_W_NOT_NAME}, {"overall", PG_W_NOT_NAME}, {"oy", PG_W_ORG | PG_W_CORP},
    {"oyj", PG_W_ORG | PG_W_CORP}, {"paceman", PG_W_ROLE}, {"pacific", PG_W_ORG},
    {"painter", PG_W_ROLE}, {"pakistani", PG_W_DEMONYM}, {"palace", PG_W_NOT_NAME | PG_W_ORG},
    {"palestinian", PG_W_DEMONYM}, {"panamanian", PG_W_DEMONYM}, {"panathinaikos", PG_W_ORG},
    {"pap", PG_W_ORG}, {"paraguayan", PG_W_DEMONYM}, {"park", PG_W_ORG},
    {"parliament", PG_W_ORG}, {"party", PG_W_NOT_NAME | PG_W_ORG},
    {"pastor", PG_W_TITLE | PG_W_ROLE}, {"persons", PG_W_ORG}, {"peruvian", PG_W_DEMONYM},
    {"petra", PG_W_ORG}, {"petroleum", PG_W_ORG}, {"pharaoh", PG_W_ROLE},
    {"pharmaceutical", PG_W_ORG}, {"pharmaceuticals", PG_W_ORG}, {"philosopher", PG_W_ROLE},
    {"photo", PG_W_NOT_NAME}, {"photograph", PG_W_NOT_NAME}, {"photographer", PG_W_ROLE},
    {"physician", PG_W_ROLE}, {"physicist", PG_W_ROLE}, {"pianist", PG_W_ROLE},
    {"pilot", PG_W_ROLE}, {"pitcher", PG_W_ROLE}, {"plaintiff", PG_W_ROLE},
    {"player", PG_W_ROLE}, {"playmaker", PG_W_ROLE}, {"playwright", PG_W_ROLE},
    {"plc", PG_W_ORG | PG_W_CORP}, {"pledged", PG_W_SPEECH}, {"pm", PG_W_NOT_NAME},
    {"poet", PG_W_ROLE}, {"pole", PG_W_DEMONYM}, {"police", PG_W_ORG}, {"polish", PG_W_DEMONYM},
    {"pope", PG_W_TITLE | PG_W_ROLE}, {"port", PG_W_NOT_NAME | PG_W_PLACE},
    {"portuguese", PG_W_DEMONYM}, {"post", PG_W_ORG}, {"pravda", PG_W_ORG},
    {"predicted", PG_W_SPEECH}, {"premier", PG_W_TITLE | PG_W_ROLE}, {"presenter", PG_W_ROLE},
    {"president", PG_W_TITLE | PG_W_ROLE | PG_W_NOT_NAME},
    {"president-elect", PG_W_TITLE | PG_W_ROLE}, {"press", PG_W_ORG}, {"priest", PG_W_ROLE},
    {"prime", PG_W_NOT_NAME}, {"prince", PG_W_TITLE | PG_W_ROLE},
    {"princess", PG_W_TITLE | PG_W_ROLE}, {"prix", PG_W_ORG},
    {"prize", PG_W_ORG | PG_W_ORG | PG_W_NAMED}, {"product", PG_W_ORG},
    {"prof", PG_W_TITLE | PG_W_ROLE}, {"professor", PG_W_TITLE | PG_W_ROLE},
    {"promised", PG_W_SPEECH}, {"prosecutor", PG_W_TITLE | PG_W_ROLE}, {"protestant", PG_W_ORG},
    {"protestants", PG_W_ORG}, {"province", PG_W_ORG}, {"psychiatrist", PG_W_ROLE},
    {"psychologist", PG_W_ROLE}, {"pty", PG_W_ORG | PG_W_CORP}, {"publishing", PG_W_ORG},
    {"qatari", PG_W_DEMONYM}, {"qna", PG_W_ORG}, {"quarterback", PG_W_ROLE},
    {"queen", PG_W_TITLE | PG_W_ROLE}, {"quipped", PG_W_SPEECH},
    {"rabbi", PG_W_TITLE | PG_W_ROLE}, {"racing", PG_W_ORG}, {"radio", PG_W_ORG},
    {"rail", PG_W_ORG}, {"railway", PG_W_ORG}, {"railways", PG_W_ORG}, {"rangers", PG_W_ORG},
    {"rapper", PG_W_ROLE}, {"read", PG_W_NOT_NAME}, {"recalled", PG_W_SPEECH},
    {"receiver", PG_W_ROLE}, {"referee", PG_W_ROLE}, {"regent", PG_W_ROLE},
    {"region", PG_W_ORG}, {"reliever", PG_W_ROLE}, {"rep", PG_W_TITLE | PG_W_ROLE},
    {"replied", PG_W_SPEECH}, {"reporter", PG_W_ROLE},
    {"representative", PG_W_TITLE | PG_W_ROLE}, {"republic", PG_W_NOT_NAME | PG_W_ORG},
    {"republican", PG_W_NOT_NAME | PG_W_ORG}, {"republicans", PG_W_ORG},
    {"researcher", PG_W_ROLE}, {"reserve", PG_W_ORG}, {"resources", PG_W_ORG},
    {"result", PG_W_NOT_NAME}, {"results", PG_W_NOT_NAME}, {"retail", PG_W_ORG},
    {"reuters", PG_W_NOT_NAME | PG_W_ORG}, {"rev", PG_W_TITLE | PG_W_ROLE},
    {"reverend", PG_W_TITLE | PG_W_ROLE}, {"review", PG_W_ORG}, {"ria", PG_W_ORG},
    {"rider", PG_W_ROLE}, {"river", PG_W_ORG}, {"road", PG_W_NOT_NAME | PG_W_ORG},
    {"romanian", PG_W_DEMONYM}, {"rompres", PG_W_ORG}, {"rookie", PG_W_ROLE},
    {"rovers", PG_W_ORG}, {"runner", PG_W_ROLE}, {"runner-up", PG_W_ROLE},
    {"russian", PG_W_DEMONYM}, {"rwandan", PG_W_DEMONYM}, {"sa", PG_W_ORG | PG_W_CORP},
    {"said", PG_W_SPEECH | PG_W_SAID}, {"sailor", PG_W_ROLE},
    {"saint", PG_W_NOT_NAME | PG_W_PLACE}, {"san", PG_W_NOT_NAME | PG_W_PLACE},
    {"sana", PG_W_ORG}, {"santa", PG_W_NOT_NAME | PG_W_PLACE}, {"santo", PG_W_PLACE},
    {"sao", PG_W_PLACE}, {"sat", PG_W_DATE_ABBR}, {"saturday", PG_W_NOT_NAME | PG_W_DATE},
    {"saudi", PG_W_DEMONYM}, {"says", PG_W_SPEECH | PG_W_SAID}, {"sc", PG_W_ORG},
    {"scholar", PG_W_ROLE}, {"scholarship", PG_W_NAMED}, {"school", PG_W_ORG},
    {"scientist", PG_W_ROLE}, {"scot", PG_W_DEMONYM}, {"scotsman", PG_W_DEMONYM},
    {"scottish", PG_W_DEMONYM}, {"sculptor", PG_W_ROLE}, {"sea", PG_W_ORG},
    {"seamer", PG_W_ROLE}, {"second", PG_W_NOT_NAME},
    {"secretary", PG_W_TITLE | PG_W_ROLE | PG_W_NOT_NAME},
    {"secretary-general", PG_W_TITLE | PG_W_ROLE}, {"securities", PG_W_ORG},
    {"seed", PG_W_ROLE}, {"semi-finalist", PG_W_ROLE}, {"semifinalist", PG_W_ROLE},
    {"sen", PG_W_TITLE | PG_W_ROLE}, {"senate", PG_W_ORG}, {"senator", PG_W_TITLE | PG_W_ROLE},
    {"senegalese", PG_W_DEMONYM}, {"senior", PG_W_NOT_NAME | PG_W_NOT_NAME},
    {"sep", PG_W_DATE_ABBR}, {"sept", PG_W_DATE_ABBR}, {"september", PG_W_DATE},
    {"serb", PG_W_DEMONYM}, {"serbian", PG_W_DEMONYM}, {"sergeant", PG_W_TITLE | PG_W_ROLE},
    {"series", PG_W_ORG}, {"service", PG_W_ORG}, {"services", PG_W_ORG},
    {"seven", PG_W_NOT_NAME}, {"sgt", PG_W_TITLE | PG_W_ROLE}, {"share", PG_W_NOT_NAME},
    {"she", PG_W_NOT_NAME}, {"sheik", PG_W_TITLE | PG_W_ROLE},
    {"sheikh", PG_W_TITLE | PG_W_ROLE}, {"sheriff", PG_W_TITLE | PG_W_ROLE},
    {"shimbun", PG_W_ORG}, {"shipping", PG_W_ORG}, {"shortstop", PG_W_ROLE},
    {"sign", PG_W_NOT_NAME}, {"since", PG_W_NOT_NAME}, {"singer", PG_W_ROLE},
    {"sir", PG_W_TITLE}, {"sister", PG_W_TITLE | PG_W_ROLE}, {"sisters", PG_W_TITLE},
    {"six", PG_W_NOT_NAME}, {"skater", PG_W_ROLE}, {"skier", PG_W_ROLE}, {"skipper", PG_W_ROLE},
    {"slovak", PG_W_DEMONYM}, {"slovakian", PG_W_DEMONYM}, {"slovene", PG_W_DEMONYM},
    {"slovenian", PG_W_DEMONYM}, {"slugger", PG_W_ROLE}, {"so", PG_W_NOT_NAME},
    {"socialist", PG_W_ORG}, {"socialists", PG_W_ORG}, {"society", PG_W_ORG},
    {"sociologist", PG_W_ROLE}, {"software", PG_W_ORG}, {"solicitor", PG_W_ROLE},
    {"solicitor-general", PG_W_TITLE | PG_W_ROLE}, {"somali", PG_W_DEMONYM},
    {"some", PG_W_NOT_NAME}, {"son", PG_W_ROLE}, {"songwriter", PG_W_ROLE}, {"sons", PG_W_ORG},
    {"sound", PG_W_ORG}, {"south", PG_W_NOT_NAME | PG_W_ORG},
    {"southern", PG_W_NOT_NAME | PG_W_ORG}, {"spa", PG_W_ORG | PG_W_CORP},
    {"spaniard", PG_W_DEMONYM}, {"spanish", PG_W_DEMONYM}, {"spartak", PG_W_ORG},
    {"speaker", PG_W_TITLE | PG_W_ROLE}, {"spiegel", PG_W_ORG}, {"spinner", PG_W_ROLE},
    {"spokesman", PG_W_TITLE | PG_W_ROLE}, {"spokesperson", PG_W_ROLE},
    {"spokeswoman", PG_W_TITLE | PG_W_ROLE}, {"sporting", PG_W_ORG}, {"sprinter", PG_W_ROLE},
    {"square", PG_W_NOT_NAME | PG_W_ORG}, {"st", PG_W_NOT_NAME | PG_W_PLACE},
    {"stadium", PG_W_ORG}, {"staff", PG_W_ORG}, {"standard", PG_W_ORG},
    {"standings", PG_W_NOT_NAME}, {"state", PG_W_NOT_NAME | PG_W_ORG}, {"stated", PG_W_SPEECH},
    {"states", PG_W_ORG}, {"station", PG_W_ORG}, {"steel", PG_W_ORG}, {"stock", PG_W_ORG},
    {"stocks", PG_W_ORG}, {"stores", PG_W_ORG}, {"strategist", PG_W_ROLE},
    {"street", PG_W_NOT_NAME | PG_W_ORG}, {"stressed", PG_W_SPEECH}, {"striker", PG_W_ROLE},
    {"strongman", PG_W_ROLE}, {"stud", PG_W_ORG}, {"student", PG_W_ROLE}, {"studies", PG_W_ORG},
    {"subscribe", PG_W_NOT_NAME}, {"such", PG_W_NOT_NAME}, {"sudanese", PG_W_DEMONYM},
    {"suggested", PG_W_SPEECH}, {"suisse", PG_W_ORG}, {"sultan", PG_W_TITLE | PG_W_ROLE},
    {"sun", PG_W_DATE_ABBR}, {"sunday", PG_W_NOT_NAME | PG_W_DATE},
    {"superintendent", PG_W_TITLE | PG_W_ROLE}, {"surgeon", PG_W_ROLE}, {"suspect", PG_W_ROLE},
    {"swede", PG_W_DEMONYM}, {"swedish", PG_W_DEMONYM}, {"sweeper", PG_W_ROLE},
    {"swimmer", PG_W_ROLE}, {"swiss", PG_W_DEMONYM}, {"syrian", PG_W_DEMONYM},
    {"systems", PG_W_ORG}, {"table", PG_W_NOT_NAME}, {"taiwanese", PG_W_DEMONYM},
    {"tajik", PG_W_DEMONYM}, {"tanzanian", PG_W_DEMONYM}, {"tass", PG_W_ORG},
    {"tbk", PG_W_ORG | PG_W_CORP}, {"teacher", PG_W_ROLE}, {"team-mate", PG_W_ROLE},
    {"teammate", PG_W_ROLE}, {"technologies", PG_W_ORG}, {"technology", PG_W_ORG},
    {"telecom", PG_W_ORG}, {"telecommunications", PG_W_ORG}, {"telegraph", PG_W_ORG},
    {"television", PG_W_ORG}, {"ten", PG_W_NOT_NAME}, {"ter", PG_W_PARTICLE},
    {"territory", PG_W_ORG}, {"texan", PG_W_DEMONYM}, {"thai", PG_W_DEMONYM},
    {"that", PG_W_NOT_NAME}, {"the", PG_W_NOT_NAME}, {"theater", PG_W_ORG},
    {"theatre", PG_W_ORG}, {"their", PG_W_NOT_NAME}, {"then", PG_W_NOT_NAME | PG_W_NOT_NAME},
    {"then-president", PG_W_NOT_NAME}, {"theologian", PG_W_ROLE}, {"therapy", PG_W_ORG},
    {"there", PG_W_NOT_NAME}, {"these", PG_W_NOT_NAME}, {"they", PG_W_NOT_NAME},
    {"third", PG_W_NOT_NAME}, {"this", PG_W_NOT_NAME}, {"thistle", PG_W_ORG},
    {"those", PG_W_NOT_NAME}, {"three", PG_W_NOT_NAME}, {"thrower", PG_W_ROLE},
    {"thu", PG_W_DATE_ABBR}, {"thur", PG_W_DATE_ABBR}, {"thurs", PG_W_DATE_ABBR},
    {"thursday", PG_W_NOT_NAME | PG_W_DATE}, {"tibetan", PG_W_DEMONYM}, {"times", PG_W_ORG},
    {"titleholder", PG_W_ROLE}, {"togolese", PG_W_DEMONYM}, {"told", PG_W_SPEECH},
    {"top", PG_W_NOT_NAME}, {"total", PG_W_NOT_NAME}, {"tournament", PG_W_ORG | PG_W_NAMED},
    {"town", PG_W_ORG}, {"trader", PG_W_ROLE}, {"trainer", PG_W_ROLE}, {"treasurer", PG_W_ROLE},
    {"treasury", PG_W_ORG}, {"treaty", PG_W_ORG}, {"tribunal", PG_W_ORG}, {"tribune", PG_W_ORG},
    {"trophy", PG_W_ORG | PG_W_NAMED}, {"trust", PG_W_ORG}, {"tue", PG_W_DATE_ABBR},
    {"tues", PG_W_DATE_ABBR}, {"tuesday", PG_W_NOT_NAME | PG_W_DATE},
    {"tunisian", PG_W_DEMONYM}, {"turk", PG_W_DEMONYM}, {"turkish", PG_W_DEMONYM},
    {"turkmen", PG_W_DEMONYM}, {"tv", PG_W_ORG}, {"tweeted", PG_W_SPEECH},
    {"two", PG_W_NOT_NAME}, {"tycoon", PG_W_ROLE}, {"ugandan", PG_W_DEMONYM},
    {"ukrainian", PG_W_DEMONYM}, {"umpire", PG_W_ROLE}, {"under", PG_W_NOT_NAME},
    {"under-21", PG_W_NOT_NAME}, {"under-23", PG_W_NOT_NAME},
    {"under-secretary", PG_W_TITLE | PG_W_ROLE}, {"union", PG_W_NOT_NAME | PG_W_ORG},
    {"united", PG_W_NOT_NAME | PG_W_ORG}, {"university", PG_W_NOT_NAME | PG_W_ORG},
    {"upper", PG_W_ORG}, {"urged", PG_W_SPEECH}, {"uruguayan", PG_W_DEMONYM},
    {"utc", PG_W_NOT_NAME}, {"uzbek", PG_W_DEMONYM}, {"v", PG_W_FIXTURE}, {"valley", PG_W_ORG},
    {"van", PG_W_PARTICLE}, {"venezuelan", PG_W_DEMONYM}, {"veteran", PG_W_ROLE},
    {"vice-captain", PG_W_ROLE}, {"vice-chairman", PG_W_TITLE | PG_W_ROLE},
    {"vice-chancellor", PG_W_TITLE | PG_W_ROLE}, {"vice-president", PG_W_TITLE | PG_W_ROLE},
    {"vietnamese", PG_W_DEMONYM}, {"villa", PG_W_ORG}, {"village", PG_W_ORG},
    {"violinist", PG_W_ROLE}, {"von", PG_W_PARTICLE}, {"vowed", PG_W_SPEECH},
    {"vs", PG_W_FIXTURE}, {"wa", PG_W_PARTICLE}, {"wafa", PG_W_ORG}, {"walloon", PG_W_DEMONYM},
    {"wam", PG_W_ORG}, {"wanderers", PG_W_ORG}, {"warlord", PG_W_ROLE}, {"warned", PG_W_SPEECH},
    {"we", PG_W_NOT_NAME}, {"wed", PG_W_DATE_ABBR}, {"wednesday", PG_W_NOT_NAME | PG_W_DATE},
    {"weekly", PG_W_ORG}, {"welsh", PG_W_DEMONYM}, {"welshman", PG_W_DEMONYM},
    {"west", PG_W_NOT_NAME | PG_W_ORG}, {"western", PG_W_NOT_NAME | PG_W_ORG},
    {"what", PG_W_NOT_NAME}, {"when", PG_W_NOT_NAME}, {"where", PG_W_NOT_NAME},
    {"while", PG_W_NOT_NAME}, {"who", PG_W_NOT_NAME}, {"why", PG_W_NOT_NAME},
    {"wicket-keeper", PG_W_ROLE}, {"wicketkeeper", PG_W_ROLE}, {"widow", PG_W_ROLE},
    {"widower", PG_W_ROLE}, {"wife", PG_W_ROLE}, {"winger", PG_W_ROLE}, {"with", PG_W_NOT_NAME},
    {"women", PG_W_NOT_NAME}, {"women's", PG_W_NOT_NAME}, {"world", PG_W_NOT_NAME | PG_W_ORG},
    {"wrestler", PG_W_ROLE}, {"writer", PG_W_ROLE}, {"wrote", PG_W_SPEECH},
    {"xinhua", PG_W_ORG}, {"yachtsman", PG_W_ROLE}, {"yard", PG_W_ORG},
    {"yemeni", PG_W_DEMONYM}, {"yes", PG_W_NOT_NAME}, {"yonhap", PG_W_ORG},
    {"you", PG_W_NOT_NAME}, {"your", PG_W_NOT_NAME}, {"yugoslav", PG_W_DEMONYM},
    {"zairean", PG_W_DEMONYM}, {"zambian", PG_W_DEMONYM}, {"zeitung", PG_W_ORG},
    {"zimbabwean", PG_W_DEMONYM},
};

/* Countries and regions, folded: "Pete Sampras ( U.S. )", "Sri Lanka said"; sorted. */
static const char *const pg_countries[] = {
    "abu dhabi", "addis ababa", "afghanistan", "africa", "albania", "algeria", "america",
    "andorra", "angola", "antarctica", "antigua", "argentina", "armenia", "aruba", "asia",
    "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados",
    "belarus", "belgium", "belize", "benin", "bermuda", "bhutan", "bolivia", "bosnia",
    "bosnia and herzegovina", "bosnia-herzegovina", "botswana", "brazil", "britain", "brunei",
    "buenos aires", "bulgaria", "burkina faso", "burma", "burundi", "byelorussia", "cambodia",
    "cameroon", "canada", "cape verde", "central african republic", "central asia", "chad",
    "chile", "china", "cis", "colombia", "comoros", "congo", "costa rica", "croatia", "cuba",
    "cyprus", "czech republic", "czechoslovakia", "dar es salaam", "denmark", "djibouti",
    "dominica", "dominican republic", "east africa", "east germany", "east timor", "ecuador",
    "egypt", "el salvador", "england", "equatorial guinea", "eritrea", "estonia", "ethiopia",
    "europe", "fiji", "finland", "france", "frg", "gabon", "gambia", "gaza", "gaza strip",
    "gdr", "georgia", "germany", "ghana", "gibraltar", "golan heights", "great britain",
    "greece", "grenada", "guatemala", "guinea", "guinea-bissau", "guyana", "haiti",
    "herzegovina", "holland", "honduras", "hong kong", "hungary", "iceland", "india",
    "indonesia", "iran", "iraq", "ireland", "israel", "italy", "ivory coast", "jamaica",
    "japan", "jordan", "kazakhstan", "kenya", "kiribati", "korea", "kosovo", "kuala lumpur",
    "kuwait", "kyrgyzstan", "laos", "latin america", "latvia", "lebanon", "lesotho", "liberia",
    "libya", "liechtenstein", "lithuania", "luxembourg", "macau", "macedonia", "madagascar",
    "malawi", "malaysia", "maldives", "mali", "malta", "mauritania", "mauritius", "mexico",
    "middle east", "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique",
    "myanmar", "namibia", "nauru", "nepal", "netherlands", "new zealand", "nicaragua", "niger",
    "nigeria", "north africa", "north america", "north korea", "northern ireland", "norway",
    "oceania", "oman", "pakistan", "palestine", "panama", "papua new guinea", "paraguay",
    "persian gulf", "peru", "philippines", "phnom penh", "poland", "portugal", "puerto rico",
    "qatar", "rio de janeiro", "romania", "russia", "rwanda", "samoa", "san marino",
    "sao paulo", "saudi arabia", "scotland", "senegal", "serbia", "seychelles", "sierra leone",
    "singapore", "slovakia", "slovenia", "somalia", "south africa", "south america",
    "south asia", "south korea", "southeast asia", "southern africa", "soviet union", "spain",
    "sri lanka", "sudan", "suriname", "swaziland", "sweden", "switzerland", "syria", "taiwan",
    "tajikistan", "tanzania", "tel aviv", "thailand", "togo", "tonga", "trinidad",
    "trinidad and tobago", "tunisia", "turkey", "turkmenistan", "u.k.", "u.s.", "u.s.a.", "uae",
    "uganda", "uk", "ukraine", "united arab emirates", "united kingdom", "united states",
    "uruguay", "us", "usa", "ussr", "uzbekistan", "vanuatu", "venezuela", "vietnam", "wales",
    "west africa", "west bank", "west germany", "west indies", "western sahara", "yemen",
    "yugoslavia", "zaire", "zambia", "zimbabwe",
};

/* Firms named after persons: "Morgan Stanley said"; folded, sorted. */
static const char *const pg_firms[] = {
    "arthur andersen", "calvin klein", "charles schwab", "christian dior", "credit lyonnais",
    "dean witter", "dow jones", "eli lilly", "ernst young", "estee lauder", "goldman sachs",
    "harley davidson", "james capel", "jardine fleming", "jardine matheson", "john deere",
    "john lewis", "johnson matthey", "kleinwort benson", "lazard freres", "louis vuitton",
    "marks spencer", "merrill lynch", "morgan grenfell", "morgan stanley", "nicholas applegate",
    "paine webber", "peter kiewit", "philip morris", "price waterhouse", "procter gamble",
    "ralph lauren", "robert fleming", "rolls royce", "sears roebuck", "smith barney",
    "thomas cook", "walt disney",
};

#define PG_COUNT(list) (sizeof(list) / sizeof *(list))

/* Token classes, computed once per token of a sentence (PG_T_KNOWN: done). */
#define PG_T_KNOWN 0x00001
#define PG_T_NAME 0x00002      /* a word that can be part of a name */
#define PG_T_GIVEN 0x00004     /* a given name, as written */
#define PG_T_TITLE 0x00008     /* "President" capitalised, "spokesman" in lower case */
#define PG_T_INITIAL 0x00010   /* "J.R." (the initial is this token) */
#define PG_T_INITIAL2 0x00020  /* "M" of "M ." (the initial takes the full stop too) */
#define PG_T_INITIALED 0x00040 /* "J.Smith", "T.O'Gorman": an initial and a name in one */
#define PG_T_NUMERAL 0x00080   /* "III" of "Leopold III" */
#define PG_T_SUFFIX 0x00100    /* "Jr", "Sr": the name ends before */
#define PG_T_QUOTE 0x00200
#define PG_T_ORDINAL 0x00400 /* "64th" */
#define PG_T_COUNTRY 0x00800 /* a country in one word */
#define PG_T_HEAD 0x4000000  /* begins a country or firm: "sri", "morgan" (above the PG_W_ bits) */
#define PG_T_WORDS_SHIFT 12  /* then the PG_W_ bits of the folded word */

/* Sentence tokens whose classes are kept; later tokens are classified each time. */
#define PG_MEMO 256

typedef struct pg_ctx {
    const char *text;
    const pg_tokens *toks;
    size_t b, e; /* the sentence */
    const unsigned char *covered;
    uint32_t *memo; /* classes of the sentence's tokens, 0: not yet known */
    size_t n_memo;
} pg_ctx;

static int pg_cmp_word(const void *key, const void *item)
{
    return strcmp((const char *)key, *(const char *const *)item);
}

static int pg_in(const char *w, const char *const *list, size_t n)
{
    return bsearch(w, list, n, sizeof *list, pg_cmp_word) != NULL;
}

#define PG_IN(w, list) pg_in((w), (list), PG_COUNT(list))

/*
 * One hash index of every folded word the classes look up, built once and
 * then only read (threads extract at the same time): the words' PG_W_
 * bits, countries (also of several words), the first words of countries
 * and firms, and the folded given names. A token's class then costs one
 * look-up; a given name is confirmed as written (the list is
 * case-sensitive) only when some given name folds to the word.
 */
#define PG_LEX_WORD_BITS 0xFFFFu /* the PG_W_ bits */
#define PG_LEX_COUNTRY 0x10000u
#define PG_LEX_HEAD 0x20000u  /* begins a country or firm ("sri", "morgan") */
#define PG_LEX_GIVEN 0x40000u /* some given name folds to it */
#define PG_LEX_SLOTS 16384
#define PG_LEX_GIVEN_TEXT (64 * 1024) /* the folded given names, one after another */
_Static_assert(PG_W_NAMED <= PG_LEX_WORD_BITS, "the PG_W_ bits fit");
_Static_assert(((uint32_t)0x3FFF << PG_T_WORDS_SHIFT & PG_T_HEAD) == 0, "PG_T_HEAD apart");

/*
 * A slot holds the first 16 bytes of its folded word packed in two
 * integers: a probe compares two words and a length, and calls memcmp
 * only for the rare longer phrase.
 */
typedef struct pg_lex_slot {
    uint64_t head[2];
    const char *key; /* NULL: empty; not NUL-terminated: 'len' bytes */
    uint32_t len;
    uint32_t bits;
} pg_lex_slot;

static pg_lex_slot pg_lex[PG_LEX_SLOTS];
static char pg_lex_given[PG_LEX_GIVEN_TEXT];
static pthread_once_t pg_lex_once = PTHREAD_ONCE_INIT;
static int pg_lex_given_all; /* every given name found room (pg_discover_check_lists) */

/* The first 16 bytes of w[0, n), zero-padded, in head. */
static void pg_lex_head(const char *w, size_t n, uint64_t head[2])
{
    char b[16] = {0};
    memcpy(b, w, n < 16 ? n : 16);
    memcpy(head, b, 16);
}

/*
 * A 32-bit print of each slot's word, in an array of its own: probes read
 * 64 KB of prints, not 640 KB of slots, and most words looked up (names)
 * are in no slot. 0: an empty slot.
 */
static uint32_t pg_lex_print[PG_LEX_SLOTS];

static uint64_t pg_lex_hash(const uint64_t head[2], size_t n)
{
    return (head[0] ^ (head[1] + n) * 0xC2B2AE3D27D4EB4FULL) * 0x9E3779B97F4A7C15ULL;
}

static pg_lex_slot *pg_lex_slot_of(const char *w, size_t n, const uint64_t head[2])
{
    uint64_t h = pg_lex_hash(head, n);
    uint32_t print = (uint32_t)h | 1;
    size_t i = (size_t)(h >> 40) & (PG_LEX_SLOTS - 1);
    for (;; i = (i + 1) & (PG_LEX_SLOTS - 1)) {
        if (!pg_lex_print[i])
            return &pg_lex[i];
        const pg_lex_slot *s = &pg_lex[i];
        if (pg_lex_print[i] == print && s->len == n && s->head[0] == head[0] &&
            s->head[1] == head[1] && (n <= 16 || memcmp(s->key + 16, w + 16, n - 16) == 0))
            return &pg_lex[i];
    }
}

static void pg_lex_add(const char *w, size_t n, uint32_t bits)
{
    uint64_t head[2];
    pg_lex_head(w, n, head);
    pg_lex_slot *slot = pg_lex_slot_of(w, n, head);
    pg_lex_print[slot - pg_lex] = (uint32_t)pg_lex_hash(head, n) | 1;
    slot->head[0] = head[0];
    slot->head[1] = head[1];
    slot->key = w;
    slot->len = (uint32_t)n;
    slot->bits |= bits;
}

/* The length of a phrase's first word without a final full stop, as pg_word gives it. */
static size_t pg_head_len(const char *phrase)
{
    const char *space = strchr(phrase, ' ');
    size_t n = space ? (size_t)(space - phrase) : strlen(phrase);
    return n > 0 && phrase[n - 1] == '.' ? n - 1 : n;
}

/* Markers of page furniture, matched on the folded start of a sentence. */
static const char *const pg_furniture_starts[] = {
    "photograph", "photo", "image", "picture", "caption", "sign up", "subscribe", "follow us",
    "share this", "share on", "click here", "read more", "related:", "advertisement",
    "comments are", "comment", "we use cookies", "this site uses cookies", "cookie",
    "copyright", "all rights reserved", "newsletter", "get our", "by ", "reporting by",
    "editing by", "writing by", "additional reporting", NULL};

/* The first letters of the markers, and room for the longest (pg_discover_check_lists) */
static const char pg_furniture_initials[] = "abcefginprstw";
#define PG_FURNITURE_HEAD 24

/* The first two letters of the furniture markers: most sentences begin with a pair of none. */
static pg_pairs pg_furniture_pairs;

static void pg_lex_build(void)
{
    /* every marker begins with two letters (pg_discover_check_lists) */
    for (size_t i = 0; pg_furniture_starts[i]; i++)
        pg_pairs_add(&pg_furniture_pairs, pg_furniture_starts[i]);
    for (size_t i = 0; i < PG_COUNT(pg_words); i++)
        pg_lex_add(pg_words[i].word, strlen(pg_words[i].word), pg_words[i].bits);
    for (size_t i = 0; i < PG_COUNT(pg_countries); i++) {
        pg_lex_add(pg_countries[i], strlen(pg_countries[i]), PG_LEX_COUNTRY);
        pg_lex_add(pg_countries[i], pg_head_len(pg_countries[i]), PG_LEX_HEAD);
    }
    for (size_t i = 0; i < PG_COUNT(pg_firms); i++)
        pg_lex_add(pg_firms[i], pg_head_len(pg_firms[i]), PG_LEX_HEAD);
    size_t used = 0, i = 0;
    for (; i < pg_given_names_count() && used + PG_WORD <= PG_LEX_GIVEN_TEXT; i++) {
        const char *g = pg_given_name_at(i);
        size_t n = pg_fold(g, strlen(g), pg_lex_given + used, PG_WORD);
        pg_lex_add(pg_lex_given + used, n, PG_LEX_GIVEN);
        used += n + 1;
    }
    pg_lex_given_all = i == pg_given_names_count();
}

/* The PG_LEX_ bits of the folded word w[0, n), given its pg_lex_head. */
static uint32_t pg_lex_bits(const char *w, size_t n, const uint64_t head[2])
{
    pthread_once(&pg_lex_once, pg_lex_build);
    return pg_lex_slot_of(w, n, head)->bits;
}

static uint32_t pg_lex_bits_of(const char *w)
{
    size_t n = strlen(w);
    uint64_t head[2];
    pg_lex_head(w, n, head);
    return pg_lex_bits(w, n, head);
}

/* The PG_W_ bits of a folded word. */
static unsigned pg_word_bits(const char *w)
{
    return pg_lex_bits_of(w) & PG_LEX_WORD_BITS;
}

/* Is this folded phrase a country or region ("czech republic", "u.s.")? */
static int pg_is_country(const char *w)
{
    return (pg_lex_bits_of(w) & PG_LEX_COUNTRY) != 0;
}

int pg_is_given_name(const char *word, size_t len)
{
    return pg_given_name_known(word, len);
}

int pg_discover_check_lists(void)
{
    for (size_t i = 1; i < PG_COUNT(pg_words); i++)
        if (strcmp(pg_words[i - 1].word, pg_words[i].word) >= 0)
            return 0;
    for (size_t i = 1; i < PG_COUNT(pg_countries); i++)
        if (strcmp(pg_countries[i - 1], pg_countries[i]) >= 0)
            return 0;
    for (size_t i = 1; i < PG_COUNT(pg_firms); i++)
        if (strcmp(pg_firms[i - 1], pg_firms[i]) >= 0)
            return 0;
    for (size_t i = 0; pg_furniture_starts[i]; i++)
        if (!strchr(pg_furniture_initials, pg_furniture_starts[i][0]) ||
            /* pg_furniture_opening compares two letters */
            strlen(pg_furniture_starts[i]) < 2 ||
            pg_letter_pair((unsigned char)pg_furniture_starts[i][0],
                           (unsigned char)pg_furniture_starts[i][1]) < 0 ||
            strlen(pg_furniture_starts[i]) >= PG_FURNITURE_HEAD)
            return 0;
    /* the index of words: every given name in it, and slots under half full */
    pthread_once(&pg_lex_once, pg_lex_build);
    size_t keys = 0;
    for (size_t h = 0; h < PG_LEX_SLOTS; h++)
        keys += pg_lex[h].key != NULL;
    return pg_lex_given_all && keys * 2 <= PG_LEX_SLOTS;
}

/* The folded word, without a final full stop ("Dr." -> "dr"). */
static size_t pg_word(const char *text, const pg_token *t, char *buf)
{
    size_t n = pg_fold(text + t->start, t->end - t->start, buf, PG_WORD);
    if (n > 0 && buf[n - 1] == '.')
        buf[--n] = '\0';
    return n;
}

static int pg_is_char(const char *text, const pg_token *t, char c)
{
    return t->end - t->start == 1 && text[t->start] == c;
}

static int pg_is_quote(const char *text, const pg_token *t)
{
    const char *w = text + t->start;
    size_t n = t->end - t->start;
    return (n == 1 && w[0] == '"') ||
           (n == 2 && (memcmp(w, "''", 2) == 0 || memcmp(w, "``", 2) == 0)) ||
           (n == 3 && (memcmp(w, "\xE2\x80\x9D", 3) == 0 || memcmp(w, "\xE2\x80\x9C", 3) == 0));
}

static int pg_is_ordinal(const char *text, const pg_token *t)
{
    const char *w = text + t->start;
    size_t n = t->end - t->start;
    if (!(t->flags & PG_TOK_NUM) || n < 3 || n > 5)
        return 0;
    const char *suf = w + n - 2;
    return memcmp(suf, "st", 2) == 0 || memcmp(suf, "nd", 2) == 0 || memcmp(suf, "rd", 2) == 0 ||
           memcmp(suf, "th", 2) == 0;
}

/* "J.R.": capital letters each with a full stop, not "U.S." and the like. */
static int pg_is_initials_token(const char *text, const pg_token *t)
{
    static const char *const places[] = {"e.u.", "u.k.", "u.n.", "u.s.", "u.s.a."};
    const char *w = text + t->start;
    size_t n = t->end - t->start;
    if (n < 4 || n > 8 || w[n - 1] != '.')
        return 0;
    for (size_t k = 0; k < n; k++) {
        int letter = w[k] >= 'A' && w[k] <= 'Z';
        if (k % 2 == 0 ? !letter : w[k] != '.')
            return 0;
    }
    char buf[PG_WORD];
    pg_fold(w, n, buf, sizeof buf);
    return !PG_IN(buf, places);
}

/* "J.Smith", "T.O'Gorman", not "U.S.-led". */
static int pg_is_initialed(const char *w, size_t n)
{
    if (n < 4 || !(w[0] >= 'A' && w[0] <= 'Z') || w[1] != '.' || !(w[2] >= 'A' && w[2] <= 'Z') ||
        !((w[3] >= 'a' && w[3] <= 'z') || w[3] == '\''))
        return 0;
    return memchr(w + 2, '.', n - 2) == NULL;
}

/* "S. Korea", "N. Ireland": a compass point, not an initial. */
static int pg_is_compass(const char *text, const pg_tokens *toks, size_t i, size_t e)
{
    static const char *const places[] = {"Africa", "Carolina", "Dakota", "Ireland",
                                         "Irish",  "Korea",    "Sudan",  "Yemen"};
    if (!strchr("NSEW", text[toks->v[i].start]) || i + 2 >= e)
        return 0;
    const pg_token *u = &toks->v[i + 2];
    for (size_t k = 0; k < PG_COUNT(places); k++) {
        size_t len = strlen(places[k]);
        if (u->end - u->start >= len && memcmp(text + u->start, places[k], len) == 0)
            return 1;
    }
    return 0;
}

/* The classes of word i (not a number) of a sentence [b, e), as pg_classify. */
static uint32_t pg_classify_word(const char *text, const pg_tokens *toks, size_t i, size_t e)
{
    const pg_token *t = &toks->v[i];
    const char *w = text + t->start;
    size_t n = t->end - t->start;
    uint32_t c = PG_T_KNOWN;
    char f[PG_WORD] = {0}; /* zero-padded: its first 16 bytes are the look-up's key */
    size_t fn = pg_word(text, t, f);
    uint64_t head[2];
    memcpy(head, f, sizeof head);
    uint32_t lex = pg_lex_bits(f, fn, head);
    unsigned bits = lex & PG_LEX_WORD_BITS;
    c |= (uint32_t)bits << PG_T_WORDS_SHIFT;
    int upper = (t->flags & PG_TOK_UPPER) != 0, caps = (t->flags & PG_TOK_ALLCAPS) != 0;
    if (caps) {
        /* words in capitals are headlines, shouting or acronyms, never names */
        if (pg_is_initials_token(text, t))
            c |= PG_T_INITIAL;
        else if (n <= 4 && strspn(w, "IVX") >= n)
            c |= PG_T_NUMERAL;
        return c;
    }
    if ((bits & PG_W_TITLE) && upper)
        c |= PG_T_TITLE;
    if ((bits & PG_W_ROLE) && !upper)
        c |= PG_T_TITLE;
    if (!upper) {
        /* "al-Kabariti", "el-Sheikh": the article joined to an Arabic name */
        if (n > 3 && (w[0] == 'a' || w[0] == 'e') && w[1] == 'l' && w[2] == '-' && w[3] >= 'A' &&
            w[3] <= 'Z')
            c |= PG_T_NAME;
        return c;
    }
    if (n == 1) {
        /* "I", "A", "Plan B" are no names; "M ." is an initial */
        if (w[0] == 'I')
            c |= PG_T_NUMERAL;
        else if (w[0] >= 'A' && w[0] <= 'Z' && i + 1 < e &&
                 pg_is_char(text, &toks->v[i + 1], '.') && !pg_is_compass(text, toks, i, e))
            c |= PG_T_INITIAL2;
        return c;
    }
    int date = (bits & PG_W_DATE) ||
               ((bits & PG_W_DATE_ABBR) && i + 1 < e &&
                ((toks->v[i + 1].flags & PG_TOK_NUM) || pg_is_char(text, &toks->v[i + 1], '.')));
    if (date)
        return c;
    if (fn == 2 && (memcmp(f, "jr", 2) == 0 || memcmp(f, "sr", 2) == 0))
        return c | PG_T_SUFFIX;
    c |= PG_T_NAME;
    if ((lex & PG_LEX_GIVEN) && pg_given_name_known(w, n))
        c |= PG_T_GIVEN;
    if (pg_is_initialed(w, n))
        c |= PG_T_INITIALED;
    if (lex & PG_LEX_COUNTRY)
        c |= PG_T_COUNTRY;
    if (lex & PG_LEX_HEAD)
        c |= PG_T_HEAD;
    return c;
}

/*
 * The classes of recent words, per thread. A word's classes depend on its
 * bytes and flags alone, but for those of a single letter (an initial
 * before a full stop) and of a date abbreviation ("Jan" before a number),
 * read off the next token; and news repeats its capitalised words from
 * one article to the next: a word is classified again only when another
 * took its entry.
 */
#define PG_CLASS_CACHE_BITS 14
#define PG_CLASS_FLAGS (PG_TOK_WORD | PG_TOK_NUM | PG_TOK_UPPER | PG_TOK_ALLCAPS)
typedef struct pg_class_entry {
    uint64_t head[2]; /* the word's bytes as written, zero-padded */
    uint32_t key;     /* its length << 8 | its PG_CLASS_FLAGS; 0: empty */
    uint32_t cls;
} pg_class_entry;
static _Thread_local pg_class_entry pg_class_cache[1u << PG_CLASS_CACHE_BITS];

/* The classes of token i of a sentence [b, e), or of a token seen alone (e = i + 1). */
static uint32_t pg_classify(const char *text, const pg_tokens *toks, size_t i, size_t e)
{
    const pg_token *t = &toks->v[i];
    size_t n = t->end - t->start;
    if (!(t->flags & PG_TOK_WORD))
        return pg_is_quote(text, t) ? PG_T_KNOWN | PG_T_QUOTE : PG_T_KNOWN;
    if (t->flags & PG_TOK_NUM)
        return pg_is_ordinal(text, t) ? PG_T_KNOWN | PG_T_ORDINAL : PG_T_KNOWN;
    if (n < 2 || n > 16)
        return pg_classify_word(text, toks, i, e);
    uint64_t head[2];
#if PG_SWAR_LE
    if (t->start + 16 <= toks->v[toks->n - 1].end) {
        /* two loads and a mask: the text goes on to the end of the last token */
        head[0] = pg_swar_load(text + t->start);
        head[1] = pg_swar_load(text + t->start + 8);
        if (n < 8) {
            head[0] &= ~(uint64_t)0 >> (64 - 8 * n);
            head[1] = 0;
        } else if (n < 16) {
            head[1] &= n > 8 ? ~(uint64_t)0 >> (64 - 8 * (n - 8)) : 0;
        }
    } else
#endif
    {
        char b[16] = {0};
        memcpy(b, text + t->start, n);
        memcpy(head, b, sizeof head);
    }
    uint32_t key = (uint32_t)n << 8 | (t->flags & PG_CLASS_FLAGS);
    uint64_t h = (head[0] ^ (head[1] + key) * 0xC2B2AE3D27D4EB4FULL) * 0x9E3779B97F4A7C15ULL;
    pg_class_entry *slot = &pg_class_cache[h >> (64 - PG_CLASS_CACHE_BITS)];
    if (slot->key == key && slot->head[0] == head[0] && slot->head[1] == head[1])
        return slot->cls;
    uint32_t c = pg_classify_word(text, toks, i, e);
    if (!((c >> PG_T_WORDS_SHIFT) & PG_W_DATE_ABBR)) {
        slot->head[0] = head[0];
        slot->head[1] = head[1];
        slot->key = key;
        slot->cls = c;
    }
    return c;
}

static uint32_t pg_cls(pg_ctx *x, size_t i)
{
    if (i >= x->e)
        return 0; /* past the sentence (j == e): no token there to read */
    if (i - x->b < x->n_memo) {
        uint32_t *m = &x->memo[i - x->b];
        if (!*m)
            *m = pg_classify(x->text, x->toks, i, x->e);
        return *m;
    }
    return pg_classify(x->text, x->toks, i, x->e);
}

static int pg_has(pg_ctx *x, size_t i, uint32_t c)
{
    return (pg_cls(x, i) & c) != 0;
}

static int pg_word_has(pg_ctx *x, size_t i, unsigned bits)
{
    return (pg_cls(x, i) >> PG_T_WORDS_SHIFT & bits) != 0;
}

static int pg_uncovered(const pg_ctx *x, size_t i)
{
    return !x->covered[i - x->b];
}

static int pg_char_at(const pg_ctx *x, size_t i, char c)
{
    return i < x->e && pg_is_char(x->text, &x->toks->v[i], c);
}

/* Does token i end with a possessive: "Brown's", "Brown’s"? */
static int pg_ends_possessive(const pg_ctx *x, size_t i)
{
    const pg_token *t = &x->toks->v[i];
    return pg_possessive_len(x->text + t->start, t->end - t->start) > 0;
}

/* Is token i exactly this text? */
static int pg_word_has_text(const pg_ctx *x, size_t i, const char *w)
{
    const pg_token *t = &x->toks->v[i];
    size_t n = strlen(w);
    return t->end - t->start == n && memcmp(x->text + t->start, w, n) == 0;
}

/* Tokens taken by an initial at i: "M ." (2), "J.R." (1), else 0. */
static size_t pg_initial_len(pg_ctx *x, size_t i)
{
    uint32_t c = pg_cls(x, i);
    return (c & PG_T_INITIAL2) ? 2 : (c & PG_T_INITIAL) ? 1 : 0;
}

int pg_name_continues(const char *text, const pg_token *t)
{
    pg_tokens one = {(pg_token *)t, 1, 1};
    uint32_t c = pg_classify(text, &one, 0, 1);
    unsigned bits = c >> PG_T_WORDS_SHIFT;
    return (c & PG_T_NAME) && (t->flags & PG_TOK_UPPER) &&
           !(bits & (PG_W_TITLE | PG_W_NOT_NAME | PG_W_ORG));
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

/* A capitalised run of one sentence, after its title is taken off. */
typedef struct pg_run {
    size_t begin, end; /* the name */
    int titled;
    int person;    /* has the evidence of a person */
    int candidate; /* looks like a name, evidence wanting */
} pg_run;

/* The folded words of tokens [from, to), space-separated, in buf. */
static void pg_phrase(const pg_ctx *x, size_t from, size_t to, char *buf, size_t cap)
{
    char w[PG_WORD];
    size_t len = 0;
    buf[0] = '\0';
    for (size_t k = from; k < to; k++) {
        const pg_token *t = &x->toks->v[k];
        if (!(t->flags & PG_TOK_WORD))
            continue;
        pg_fold(x->text + t->start, t->end - t->start, w, sizeof w);
        size_t wl = strlen(w);
        if (len + wl + 2 > cap)
            return;
        if (len > 0)
            buf[len++] = ' ';
        memcpy(buf + len, w, wl + 1);
        len += wl;
    }
}

/* Is the run a country, region or firm named after a person ("Morgan Stanley")? */
static int pg_known_phrase(pg_ctx *x, size_t from, size_t to)
{
    if (!pg_has(x, from, PG_T_HEAD))
        return 0; /* the common case: no country or firm begins with this word */
    char buf[4 * PG_WORD + 8];
    pg_phrase(x, from, to, buf, sizeof buf);
    return pg_is_country(buf) || PG_IN(buf, pg_firms);
}

/* "Jane Smith , 34 ," or "Jane Smith , who": the apposition of a person. */
static int pg_apposition(pg_ctx *x, size_t j)
{
    if (j + 1 >= x->e || !pg_char_at(x, j, ','))
        return 0;
    const pg_token *t = &x->toks->v[j + 1];
    if ((t->flags & PG_TOK_NUM) && t->end - t->start <= 2)
        return pg_char_at(x, j + 2, ',') || pg_char_at(x, j + 2, ')');
    if (t->end - t->start == 3 && memcmp(x->text + t->start, "who", 3) == 0)
        return 1;
    /* "Constand Viljoen , leader of", "Hen Vipheak , former editor of" */
    for (size_t k = j + 1; k < x->e && k <= j + 3; k++) {
        const pg_token *u = &x->toks->v[k];
        if (!(u->flags & PG_TOK_WORD) || (u->flags & (PG_TOK_UPPER | PG_TOK_NUM)))
            return 0;
        if (pg_has(x, k, PG_T_TITLE))
            return 1;
    }
    return 0;
}

/* "Officers", "Doctors": a role in the plural names a body of people. */
static int pg_plural_role(const pg_ctx *x, size_t i)
{
    const pg_token *t = &x->toks->v[i];
    char w[PG_WORD];
    size_t n = pg_fold(x->text + t->start, t->end - t->start, w, sizeof w);
    if (n < 4 || w[n - 1] != 's')
        return 0;
    w[n - 1] = '\0';
    return (pg_word_bits(w) & (PG_W_ROLE | PG_W_TITLE)) != 0;
}

/* Is token i a number of one digit, as scores are? */
static int pg_is_digit_token(const pg_ctx *x, size_t i)
{
    const pg_token *t = &x->toks->v[i];
    return (t->flags & PG_TOK_NUM) && t->end - t->start == 1;
}

/* "Sokol Tychy 5 Lech Poznan 3": a team in a line of scores. */
static int pg_score_line(const pg_ctx *x, size_t i, size_t j)
{
    int line_start = i == x->b || (x->toks->v[i].flags & (PG_TOK_NL | PG_TOK_PARA));
    if (!(line_start || pg_is_digit_token(x, i - 1)) || j >= x->e || !pg_is_digit_token(x, j))
        return 0;
    if (j + 1 >= x->e)
        return 1;
    const pg_token *u = &x->toks->v[j + 1];
    return (u->flags & (PG_TOK_NL | PG_TOK_PARA | PG_TOK_UPPER)) || pg_char_at(x, j + 1, '(');
}

/* "( Bobic 61st )", "( 14 - Sabri Lamouchi 87th )": a scorer with the minute of the goal. */
static int pg_scorer(pg_ctx *x, size_t j)
{
    return j < x->e && (pg_has(x, j, PG_T_ORDINAL) ||
                        (pg_char_at(x, j, '(') && j + 1 < x->e && pg_has(x, j + 1, PG_T_ORDINAL)));
}

/* "Pete Sampras ( U.S. )": a name and a country in brackets, as in results. */
static int pg_country_after(pg_ctx *x, size_t j)
{
    if (j + 2 >= x->e || !pg_char_at(x, j, '('))
        return 0;
    size_t k = j + 1;
    while (k < x->e && x->covered[k - x->b] == PG_COVERED_COUNTRY)
        k++;
    if (k > j + 1 && pg_char_at(x, k, ')'))
        return 1;
    /* a country the dictionary does not hold: up to four words */
    for (k = j + 1; k < x->e && k < j + 5 && !pg_char_at(x, k, ')'); k++)
        ;
    if (k == j + 1 || !pg_char_at(x, k, ')'))
        return 0;
    char name[4 * PG_WORD + 8];
    pg_phrase(x, j + 1, k, name, sizeof name);
    return pg_is_country(name);
}

/*
 * Teams in fixtures and scores: "Sparta Prague ( Czech Republic ) 8
 * Glentoran", "v Legia Warsaw ( Poland )". Persons in results are followed
 * by times, distances, points or "beat".
 */
static int pg_fixture(pg_ctx *x, size_t start, size_t j)
{
    if (start > x->b && pg_word_has(x, start - 1, PG_W_FIXTURE))
        return 1;
    size_t k = j;
    while (k < x->e && !pg_char_at(x, k, ')'))
        k++;
    if (k + 1 >= x->e)
        return 0;
    if (pg_word_has(x, k + 1, PG_W_FIXTURE))
        return 1;
    /* a score of one digit: "( Romania ) 2 Valletta ( Malta ) 1" */
    const pg_token *t = &x->toks->v[k + 1];
    if (!(t->flags & PG_TOK_NUM) || t->end - t->start != 1 || (t->flags & PG_TOK_NL) ||
        k + 2 >= x->e)
        return 0;
    /* at the end of a line it may be points of a standing: "Mika Salo ( Finland ) 5" */
    const pg_token *u = &x->toks->v[k + 2];
    return !(u->flags & (PG_TOK_NL | PG_TOK_PARA)) &&
           ((u->flags & PG_TOK_UPPER) || pg_char_at(x, k + 2, '('));
}

/*
 * One word, not opening the sentence, that only a person fits: the speaker
 * after a quotation ('" ... , " Batterby said') or a scorer with the minute
 * of the goal ("( Bobic 61st )"). Not "Surrey , who": teams are "who" too.
 */
static int pg_lone_surname(pg_ctx *x, size_t start, size_t j)
{
    if (pg_has(x, start, PG_T_COUNTRY) || pg_word_has(x, start, PG_W_ORG) || j >= x->e)
        return 0;
    if (pg_has(x, start - 1, PG_T_QUOTE) && pg_word_has(x, j, PG_W_SPEECH))
        return 1;
    return pg_has(x, j, PG_T_ORDINAL) &&
           (pg_char_at(x, start - 1, '(') || pg_char_at(x, start - 1, ','));
}

/*
 * Do tokens [from, to) separate the items of a list: "Jane Smith , John
 * Doe and ...", or a numbered one: "Pavel Pardo , 2 - Claudio Suarez"?
 */
static int pg_list_gap(const pg_ctx *x, size_t from, size_t to)
{
    int sep = 0;
    if (to <= from || to - from > 4)
        return 0;
    for (size_t k = from; k < to; k++) {
        const pg_token *t = &x->toks->v[k];
        if (pg_char_at(x, k, ',') || pg_char_at(x, k, ';') || pg_char_at(x, k, '&') ||
            pg_word_has_text(x, k, "and"))
            sep = 1;
        else if (!pg_char_at(x, k, '-') && !((t->flags & PG_TOK_NUM) && t->end - t->start <= 2))
            return 0;
    }
    return sep;
}

/*
 * A firm named by the run [i, j) with its legal form: "Atria Oy", "Lenzing
 * AG", "Stagecoach Holdings Plc". The name without the form goes to *ob, *oe.
 */
static int pg_firm_run(pg_ctx *x, size_t i, size_t j, size_t *ob, size_t *oe)
{
    while (i < j && pg_word_has(x, i, PG_W_NOT_NAME))
        i++;
    size_t end = j;
    while (end > i + 1 && pg_word_has(x, end - 1, PG_W_CORP))
        end--;
    if (end == j && !(j < x->e && (x->toks->v[j].flags & PG_TOK_WORD) &&
                      (x->toks->v[j].flags & PG_TOK_UPPER) && pg_word_has(x, j, PG_W_CORP)))
        return 0;
    if (end <= i)
        return 0;
    *ob = i;
    *oe = end;
    return 1;
}

/*
 * Judges the run of capitalised words [i, j): takes off titles and words
 * that never begin a name, then weighs the evidence of a person.
 */
static pg_run pg_judge(pg_ctx *x, size_t i, size_t j)
{
    size_t b = x->b;
    pg_run r = {i, j, 0, 0, 0};
    /* "San Diego Padres", "Der Spiegel", "St. Louis": places and newspapers */
    if (pg_word_has(x, i, PG_W_PLACE) ||
        (i >= b + 2 && pg_char_at(x, i - 1, '.') && pg_word_has(x, i - 2, PG_W_PLACE)))
        return r;
    /* leading titles, nationalities and words that never begin a name */
    size_t start = i;
    for (; start < j && !pg_initial_len(x, start); start++) {
        if (pg_has(x, start, PG_T_TITLE))
            r.titled = 1;
        else if (!pg_word_has(x, start, PG_W_NOT_NAME | PG_W_DEMONYM))
            break;
    }
    /* a title inside the run: "Crown Prince Abdullah", "Foreign Minister Li Peng" */
    for (size_t k = start; k + 1 < j; k++)
        if (pg_has(x, k, PG_T_NAME) && pg_has(x, k, PG_T_TITLE)) {
            start = k + 1;
            r.titled = 1;
        }
    if (start >= j || pg_word_has(x, start, PG_W_PLACE))
        return r;
    /* "Australian Tom Moody", "British Journalist Patrick Seale": it starts at the given name */
    if (!pg_has(x, start, PG_T_GIVEN) && !pg_initial_len(x, start))
        for (size_t k = start + 1; k <= start + 2 && k + 1 < j; k++)
            if (pg_has(x, k, PG_T_GIVEN)) {
                start = k;
                break;
            }
    if (start > b && !r.titled)
        r.titled = pg_has(x, start - 1, PG_T_TITLE);
    r.begin = start;
    /* count words and initials; a word of a place or organisation rules it out */
    size_t n = 0, initials = 0;
    int given = pg_has(x, start, PG_T_GIVEN);
    for (size_t k = start; k < j; k++) {
        size_t il = pg_initial_len(x, k);
        if (il > 0) {
            n++;
            initials++;
            k += il - 1;
            continue;
        }
        if (!pg_has(x, k, PG_T_NAME))
            continue; /* a particle or a numeral */
        n++;
        if (!(k == start && given) && pg_word_has(x, k, PG_W_ORG))
            return r;
    }
    if (n > PG_NAME_MAX_WORDS || initials == n)
        return r;
    /*
     * One word is a person only on the evidence one word can give (see
     * below): a title before it, an initial in it, its place as a speaker
     * or scorer; opening a sentence, only a title. Most capitalised words
     * stand alone: without that evidence, the checks between, which can
     * only rule out, are not read.
     */
    int lone_initial = n == 1 && start == b;
    if (n == 1 && !(r.titled && !lone_initial) && !pg_has(x, start, PG_T_INITIALED) &&
        !(start > b && pg_lone_surname(x, start, j)))
        return r;
    if (j < x->e) {
        /* "Charles de Gaulle airport", "A.G. Edwards & Sons", "Marxist leader" */
        const pg_token *t = &x->toks->v[j];
        if (pg_char_at(x, j, '&'))
            return r;
        if ((t->flags & PG_TOK_WORD) && !(t->flags & PG_TOK_UPPER) &&
            ((pg_word_has(x, j, PG_W_ORG) && !pg_word_has(x, j, PG_W_NAMED)) ||
             (pg_has(x, j, PG_T_TITLE) && !(given && n >= 2))))
            return r;
    }
    /* "Bangladesh Speaker", "Probation Officers": a title closing the run is not a name */
    if (!given && pg_has(x, j - 1, PG_T_NAME) &&
        (pg_has(x, j - 1, PG_T_TITLE) || pg_plural_role(x, j - 1)))
        return r;
    /* "Sri Lanka said", "Morgan Stanley said": places and firms */
    if (n <= 4 && pg_known_phrase(x, start, j))
        return r;
    if (pg_score_line(x, i, j))
        return r;
    /* "his wife , Jetsi Hendrika Coers": a role, a comma, the name */
    if (!r.titled && start >= b + 2 && pg_char_at(x, start - 1, ',') &&
        pg_has(x, start - 2, PG_T_TITLE) && !(x->toks->v[start - 2].flags & PG_TOK_UPPER))
        r.titled = n >= 2;
    int speaks =
        n >= 2 && n <= 3 &&
        (pg_word_has(x, j, PG_W_SPEECH) || (start > b && pg_word_has(x, start - 1, PG_W_SAID)));
    int evidence = (r.titled && !lone_initial) || (given && n >= 2) || (initials > 0 && n >= 2) ||
                   (n == 1 && pg_has(x, start, PG_T_INITIALED)) || speaks ||
                   (n == 1 && start > b && pg_lone_surname(x, start, j));
    if (!evidence && n >= 2 && n <= 3)
        evidence = pg_apposition(x, j) || pg_scorer(x, j) ||
                   (pg_country_after(x, j) && !pg_fixture(x, start, j));
    r.person = evidence;
    r.candidate = !evidence && n >= 2 && n <= 3;
    return r;
}

/* The end of the capitalised run that begins at i, with initials and particles inside. */
static size_t pg_run_end(pg_ctx *x, size_t i, size_t *words)
{
    size_t j = i;
    *words = 0;
    while (j < x->e && pg_uncovered(x, j)) {
        if (j > i && (x->toks->v[j].flags & (PG_TOK_NL | PG_TOK_PARA)))
            break; /* a name does not run over a line: results, tables, headings */
        size_t il = pg_initial_len(x, j);
        if (il > 0 && j + il < x->e && pg_uncovered(x, j + il) &&
            (pg_has(x, j + il, PG_T_NAME) || pg_initial_len(x, j + il))) {
            j += il;
            ++*words;
            continue;
        }
        uint32_t c = pg_cls(x, j);
        if (c & PG_T_NAME) {
            ++*words;
            if (pg_ends_possessive(x, j++))
                break; /* "Gordon Brown's Budget": the name ends with its possessive */
            continue;
        }
        if (j > i && (c & PG_T_NUMERAL))
            return j + 1; /* "Leopold III" */
        /* particles, one or more: "Osama bin Laden", "Joost van der Westhuizen" */
        size_t p = j;
        while (j > i && p < x->e && p < j + 3 && pg_uncovered(x, p) &&
               pg_word_has(x, p, PG_W_PARTICLE) && !(x->toks->v[p].flags & PG_TOK_UPPER))
            p++;
        if (p > j && p < x->e && pg_uncovered(x, p) && pg_has(x, p, PG_T_NAME)) {
            j = p;
            continue;
        }
        break;
    }
    return j;
}

int pg_discover_names(const char *text, const pg_tokens *toks, const pg_sentence *s,
                      const unsigned char *covered, pg_names *out, pg_error *err)
{
    uint32_t memo[PG_MEMO];
    size_t n = s->tok_end - s->tok_begin < PG_MEMO ? s->tok_end - s->tok_begin : PG_MEMO;
    memset(memo, 0, n * sizeof *memo);
    return pg_discover_names_memo(text, toks, s, covered, memo, n, NULL, 0, 0, out, NULL, err);
}

/* The runs of a pass that may be names: up to PG_RUNS_MAX, for the lists (see pg_runs_finish). */
typedef struct pg_runs {
    pg_run v[PG_RUNS_MAX];
    size_t n;
} pg_runs;

/* Keeps a judged run that may be a name; past PG_RUNS_MAX a person goes out at once. */
static int pg_runs_keep(pg_runs *runs, const pg_run *r, pg_names *out, pg_error *err)
{
    if (!r->person && !r->candidate)
        return PG_OK;
    if (runs->n < PG_RUNS_MAX) {
        runs->v[runs->n++] = *r;
        return PG_OK;
    }
    return r->person ? pg_push_name(out, (pg_name){r->begin, r->end, r->titled, 0}, err) : PG_OK;
}

/* Names the candidates listed next to a person, then puts out the persons in order. */
static int pg_runs_finish(const pg_ctx *x, pg_runs *runs, pg_names *out, pg_error *err)
{
    /* a name listed next to a person is one too: "Adler Capelli , Cristiano Citto" */
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t k = 0; k < runs->n; k++) {
            pg_run *r = &runs->v[k];
            if (r->person || !r->candidate)
                continue;
            const pg_run *p = k > 0 ? &runs->v[k - 1] : NULL,
                         *q = k + 1 < runs->n ? &runs->v[k + 1] : NULL;
            int joined = (p && p->person && pg_list_gap(x, p->end, r->begin)) ||
                         (q && q->person && pg_list_gap(x, r->end, q->begin));
            if (joined) {
                r->person = 1;
                changed = 1;
            }
        }
    }
    for (size_t k = 0; k < runs->n; k++) {
        const pg_run *r = &runs->v[k];
        if (!r->person)
            continue;
        int rc = pg_push_name(out, (pg_name){r->begin, r->end, r->titled, 0}, err);
        if (rc != PG_OK)
            return rc;
    }
    return PG_OK;
}

int pg_discover_names_memo(const char *text, const pg_tokens *toks, const pg_sentence *s,
                           const unsigned char *covered, uint32_t *memo, size_t n_memo,
                           const uint32_t *uppers, size_t n_uppers, unsigned flags,
                           pg_names *out, pg_names *plain, pg_error *err)
{
    pg_ctx x;
    x.text = text;
    x.toks = toks;
    x.b = s->tok_begin;
    x.e = s->tok_end;
    x.covered = covered;
    x.memo = memo;
    x.n_memo = n_memo;
    /* runs for 'out', and for 'plain' (the same walk with no flags) */
    pg_runs runs, plain_runs;
    runs.n = plain_runs.n = 0;
    if (flags == 0)
        plain = NULL;
    int rc;
    size_t u = 0;
    for (size_t i = x.b; i < x.e;) {
        if (uppers) {
            /* straight to the next capitalised word */
            while (u < n_uppers && uppers[u] < i)
                u++;
            if (u == n_uppers || uppers[u] >= x.e)
                break;
            i = uppers[u];
        }
        const pg_token *t = &toks->v[i];
        /* only capitalised words begin a name: the rest is passed over on its flags */
        if (!(t->flags & PG_TOK_UPPER) || !pg_uncovered(&x, i) ||
            (!pg_has(&x, i, PG_T_NAME) && !pg_initial_len(&x, i))) {
            i++;
            continue;
        }
        size_t words, j = pg_run_end(&x, i, &words);
        if (j == i) {
            i++;
            continue;
        }
        if (words > PG_RUN_MAX_WORDS) {
            i = j; /* a title-case heading */
            continue;
        }
        pg_run r;
        if (plain) {
            r = pg_judge(&x, i, j);
            if ((rc = pg_runs_keep(&plain_runs, &r, plain, err)) != PG_OK)
                return rc;
        }
        size_t ob, oe;
        if ((flags & PG_DISCOVER_FIRMS) && pg_firm_run(&x, i, j, &ob, &oe)) {
            if ((rc = pg_push_name(out, (pg_name){ob, oe, 0, 1}, err)) != PG_OK)
                return rc;
            i = j;
            continue;
        }
        if (words < 2 && (flags & PG_DISCOVER_FULL_NAMES)) {
            i = j; /* a word alone when full names are asked for */
            continue;
        }
        if (!plain)
            r = pg_judge(&x, i, j);
        i = j;
        if ((rc = pg_runs_keep(&runs, &r, out, err)) != PG_OK)
            return rc;
    }
    rc = pg_runs_finish(&x, &runs, out, err);
    if (rc == PG_OK && plain)
        rc = pg_runs_finish(&x, &plain_runs, plain, err);
    return rc;
}

int pg_furniture_opening(const char *text, const pg_tokens *toks, const pg_sentence *s)
{
    if (s->tok_end == s->tok_begin)
        return 1;
    /* this runs for every sentence: two ASCII letters that begin no marker settle it */
    const unsigned char *p = (const unsigned char *)text + s->start;
    size_t n = s->end - s->start;
    if (n >= 2 && p[0] < 0x80 && p[1] < 0x80) {
        pthread_once(&pg_lex_once, pg_lex_build);
        if (!pg_pairs_has(&pg_furniture_pairs, p[0], p[1]))
            return 0;
    }
    /* fold no more than the longest marker needs */
    char head[PG_FURNITURE_HEAD];
    if (n > sizeof head - 1)
        n = sizeof head - 1;
    unsigned first = (unsigned char)text[s->start] | 0x20; /* lower case, never 0 */
    if (strchr(pg_furniture_initials, (int)first))
        pg_fold(text + s->start, n, head, sizeof head);
    else
        head[0] = '\0';
    for (size_t i = 0; head[0] && pg_furniture_starts[i]; i++) {
        if (pg_furniture_starts[i][0] != head[0] || pg_furniture_starts[i][1] != head[1])
            continue; /* this runs for every sentence: two letters tell most markers apart */
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
    return 0;
}

int pg_is_credit(const char *text, const pg_tokens *toks, size_t i)
{
    const pg_token *t = &toks->v[i];
    size_t len = t->end - t->start;
    if (!(t->flags & PG_TOK_UPPER) || text[t->start] != 'P' || i + 1 >= toks->n)
        return 0; /* the flags first: they are at hand, the text is not */
    return ((len == 10 && strncmp(text + t->start, "Photograph", 10) == 0) ||
            (len == 5 && strncmp(text + t->start, "Photo", 5) == 0)) &&
           text[toks->v[i + 1].start] == ':';
}

void pg_names_release(pg_names *n)
{
    if (!n)
        return;
    free(n->v);
    memset(n, 0, sizeof *n);
}
