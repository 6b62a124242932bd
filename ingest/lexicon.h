/* lexicon: the general knowledge the extractor uses, as data.
 *
 * Each list lives here once: titles and offices, speech verbs, meeting and signing verbs,
 * agreement document types, countries and organisations with their canonical names and
 * demonyms, given-name nicknames, months, weekdays and abbreviations.  Nothing here names a
 * person, an agreement or an event: these are the words any news article uses. */
#ifndef FACTD_INGEST_LEXICON_H
#define FACTD_INGEST_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Word lists (NULL-terminated). */
extern const char *const LEX_TITLE_HEADS[]; /* Minister, Secretary, President ... */
extern const char
    *const LEX_TITLE_MODIFIERS[]; /* Prime, Foreign, Defence, Deputy ... (also departments) */
extern const char *const LEX_HONORIFICS[]; /* Mr, Mrs, Ms, Sir, Shri ... (dropped from names) */
extern const char *const LEX_MALE_WORDS[]; /* honorifics and titles that say "he" */
extern const char *const LEX_FEMALE_WORDS[];
extern const char *const LEX_SPEECH_VERBS[]; /* said, told, wrote, added ... */
extern const char
    *const LEX_PARTICIPLE_CUES[]; /* adding, stating, calling ... (subject is the clause's) */
extern const char *const LEX_MEETING_WORDS[];       /* met, meeting, talks, hosted ... */
extern const char *const LEX_REPORT_CUES[];         /* said, reported ...: a sentence's source */
extern const char *const LEX_REPORT_TAIL_OPENERS[]; /* on, in, late ...: after a closing source */
extern const char *const LEX_AUDIENCE_NOUNS[];      /* media, reporters ...: spoken to in public */
extern const char *const LEX_CALL_WORDS[];          /* phoned, call, spoke ... */
extern const char
    *const LEX_TOPIC_NOUNS[]; /* developments, situation ... ("developments in Iraq": a topic) */
extern const char *const LEX_INVITATION_WORDS[]; /* invitation, invited ... (a visit to come) */
extern const char *const LEX_PLAN_WORDS[]; /* upcoming, scheduled ... (a meeting still to come) */
extern const char *const LEX_FUTURE_AUXILIARIES[];  /* will, would ... (an event to come) */
extern const char *const LEX_DATE_ONSETS[];         /* starting, by, until ... (a date ahead) */
extern const char *const LEX_DETERMINERS[];         /* the, a, this ... */
extern const char *const LEX_JOINT_BODIES[];        /* commission, session ... held jointly */
extern const char *const LEX_GROUP_MEETING_WORDS[]; /* trilateral, jointly ...: met together */
extern const char *const LEX_PROSPECT_NOUNS[]; /* conditions, calls ... ("for talks": wished for) */
extern const char *const LEX_PLACE_NOUNS[];    /* nation, capital ... ("the Gulf state": no name) */
extern const char *const LEX_CONVENING_VERBS[]; /* held, opened, chaired ... */
extern const char
    *const LEX_ATTENDANCE_WORDS[]; /* present, accompanied, attended ... (there, not taking part) */
extern const char *const LEX_PHOTO_WORDS[]; /* pose, pictured (a caption, no meeting) */
extern const char
    *const LEX_WITNESS_VERBS[]; /* witnessed, attended, oversaw (watching a signing) */
extern const char *const LEX_SIGNING_VERBS[];   /* signed, inked, concluded ... */
extern const char *const LEX_AGREEMENT_HEADS[]; /* Agreement, Treaty, Memorandum ... (title case) */
extern const char *const LEX_GENERIC_HEADS[];   /* agreement, pact, deal ... (lower case) */
extern const char *const LEX_FUNCTION_WORDS[];  /* of, the, and, for ... */
extern const char *const
    LEX_ABBREVIATIONS[]; /* Mr, Dr, Lt, Gen, Jan ... (a period after them ends no sentence) */
extern const char *const LEX_RETIRED_MARKS[];     /* rtd, retd: after a rank, in parentheses */
extern const char *const LEX_NOT_NAMES[];         /* capitalised words that never start a name */
extern const char *const LEX_ORG_WORDS[];         /* Ministry, Council, Command ... */
extern const char *const LEX_COMPANY_SUFFIXES[];  /* Corp, Inc, Ltd: a legal form after a name */
extern const char *const LEX_LOCAL_GOVERNMENTS[]; /* city, town, county: "the city of X" */
extern const char *const LEX_ORG_HEADS[]; /* Museum, Company, Bank: an organisation's head noun */
extern const char *const LEX_MONTHS[];    /* full names, January first */
extern const char *const LEX_MONTH_ABBREVS[]; /* Jan, Feb, ... Sept */
extern const char *const LEX_WEEKDAYS[];      /* Monday first */

/* Lists that steer particular decisions. */
extern const char
    *const LEX_DOMAIN_WORDS[]; /* words that say what kind of agreement, not which one */
extern const char *const
    LEX_EVALUATIVE[]; /* adjectives that praise or date a mention without telling which one it is */
extern const char
    *const LEX_DOCUMENT_PLURALS[]; /* plural nouns for documents ("the documents were signed") */
extern const char
    *const LEX_ANY_TYPE_HEADS[]; /* generic words that may stand for a document of any type */
extern const char *const LEX_SIGNING_OCCASIONS[];  /* ceremony: "held to sign" is done */
extern const char *const LEX_SIGNED_TEXT_NOUNS[];  /* Statement: an agreement when signed */
extern const char *const LEX_SIGNATURE_VERBS[];    /* signed, inked: a signature, not consent */
extern const char *const LEX_LEADER_NOUNS[];       /* leader: whoever leads a country */
extern const char *const LEX_STATE_OFFICE_WORDS[]; /* Minister, Ambassador: one signs for a state */
extern const char *const LEX_PRIVATE_OFFICE_WORDS[]; /* Chairman, Rector: one signs for a firm */
extern const char *const LEX_LEADER_TITLES[];        /* President, Prime (Minister), King... */
extern const char
    *const LEX_OFFICE_WORDS[]; /* head, diplomat, premier ...: the words of lex_office forms */
extern const char *const LEX_CAPTION_LABELS[];    /* PHOTO, Image: a caption, not a place */
extern const char *const LEX_OUTLET_WORDS[];      /* News, Times: the end of an outlet's name */
extern const char *const LEX_INSTITUTION_WORDS[]; /* Ministry, Headquarters: a body, no outlet */
extern const char *const LEX_DOCUMENT_ANAPHORS[]; /* document: refers back, never names a new one */
extern const char *const LEX_DRAFT_WORDS[];       /* draft, proposed ...: not signed yet */
extern const char
    *const LEX_PRELIMINARY_SIGNING[]; /* initialled, preliminarily (a text agreed, not signed) */
extern const char *const LEX_NEGOTIATION_WORDS[]; /* negotiating, under negotiation */
extern const char
    *const LEX_CONSENT_VERBS[]; /* reached, agreed: consent, unless a name is signed */
extern const char
    *const LEX_PLANNING_WORDS[]; /* discussed, ahead ...: "discussed signing" is no signing */
extern const char *const LEX_PAST_MARKERS[]; /* previously, original ...: a signing of the past */
extern const char
    *const LEX_SUPERSEDING_WORDS[]; /* update of, replaces: the document after is an older one */
extern const char *const LEX_CURRENCY_WORDS[]; /* dollar, euro, yuan: "US dollar" is money */
extern const char *const LEX_VENUE_WORDS[];    /* Palace, House, Hall: a named venue's last word */
extern const char
    *const LEX_DOCUMENT_TYPE_WORDS[]; /* understanding, intent, letter: the rest of a type's name */
extern const char
    *const LEX_TOPIC_OPENERS[]; /* on, for, covering ...: what a document is about follows */
extern const char *const LEX_FIELD_NOUNS[]; /* field, sector ...: "in the mining sector" */
extern const char
    *const LEX_OCCASION_NOUNS[]; /* sidelines, behalf ...: "on the sidelines of" is no topic */
extern const char *const LEX_PURPOSE_VERBS[]; /* deepen, boost ...: "to VERB" says why, not what */
extern const char
    *const LEX_TOPIC_STOPS[]; /* which, was, after, with ...: what a document is about has ended */
extern const char *const LEX_LIST_OPENERS[]; /* including, among ...: the items of a batch follow */
extern const char *const LEX_QUANTIFIERS[];  /* three, several ...: documents counted */
extern const char *const LEX_QUANTITY_NOUNS[]; /* number, series ...: "a number of" documents */
extern const char
    *const LEX_SIGNABLE_NOUNS[]; /* partnership, plan ...: signed though no document type */
extern const char *const LEX_BILLING_WORDS[]; /* billed, dubbed ...: "billed as" another name */
extern const char
    *const LEX_EVENT_WORDS[]; /* words that make a capitalised phrase an event, not a venue */
extern const char *const LEX_NEGATIONS
    []; /* words before a verb that deny or postpone it ("did not meet", "will meet") */
extern const char *const LEX_GROUP_NOUNS[]; /* nouns for a pair of people ("the two leaders") */
extern const char *const
    LEX_ROLE_NOUNS[]; /* lower-case role nouns that introduce a name ("council chair Name") */
extern const char
    *const LEX_SECTION_NOUNS[]; /* last word of a section's name above a headline ("World News") */
extern const char
    *const LEX_STATE_FORMS[]; /* Republic, Kingdom (a formal state name after a demonym) */
extern const char *const LEX_COUNT_WORDS[]; /* two .. twelve, index i counting i + 2 */
extern const char
    *const LEX_ENUMERATION_OPENERS[]; /* covering, on, in (what counted documents cover) */
/* Nouns of a field a list of documents covers ("the areas of A, B and C"). */
extern const char *const LEX_FIELD_WORDS[];
/* Nouns of honouring the dead or the past ("the centenary of", "the mausoleum of"). */
extern const char *const LEX_COMMEMORATIONS[];
/* Words that make a document's type and no name of its own ("Memorandum of Cooperation"). */
extern const char *const LEX_BARE_TYPE_WORDS[];
extern const char *const LEX_INCLUSION_VERBS[];  /* include, comprise: a batch's list */
extern const char *const LEX_PLURAL_ANAPHORS[];  /* These, They: "These include:" */
extern const char *const LEX_JOINT_ONLY_HEADS[]; /* statement: a document only when joint */
extern const char *const LEX_ORDINALS[]; /* first, second, third (an item told by its place) */
extern const char *const LEX_DURATION_UNITS[]; /* days, weeks, months, years */
extern const char *const LEX_AUTHOR_NOUNS[];   /* author, writer: "About the author" */
extern const char *const LEX_WIRE_AGENCIES[];  /* AP, AFP, Reuters (credits, never an acronym) */
extern const char *const LEX_HEADLINE_LABELS
    []; /* labels that open a headline the way a place opens a dateline ("Live:") */
extern const char
    *const LEX_CORRECTION_LABELS[]; /* Correction, Clarification: a note on what was wrong */
extern const char *const
    LEX_FURNITURE_LINES[]; /* whole lines of page furniture ("You are here", "Skip to content") */
extern const char *const
    LEX_PROMPT_WORDS[]; /* words of a line that asks the reader to act ("click", "subscribe") */
extern const char
    *const LEX_STAFF_BYLINES[]; /* newsroom bylines that are no name ("Staff Writers") */
extern const char
    *const LEX_TITLED_WORKS[]; /* webinar, report, book ... titled in quotation marks */
extern const char *const
    LEX_NAMING_WORDS[]; /* words before quotation marks that name rather than report ("dubbed") */
/* Speakers (speakers.c). */
extern const char
    *const LEX_SPEAKING_BODIES[]; /* ministry, embassy, palace ...: an institution that speaks */
extern const char
    *const LEX_SPEAKER_NOUNS[]; /* official, diplomat, source ...: a speaker with no name */
extern const char
    *const LEX_CUE_FILLERS[]; /* also, later, has ...: between a speaker and the speech verb */
extern const char *const LEX_NAME_SUFFIXES[]; /* Jr., Sr., III: after a name, not part of it */
extern const char
    *const LEX_SPEECH_CHANNELS[]; /* statement, post, interview ...: words come through them */
extern const char
    *const LEX_ROYAL_TITLES[]; /* Sheikh, Prince, King ...: whom "His Highness" stands for */
extern const char
    *const LEX_CLAUSE_OPENERS[]; /* while, but, and ...: a new clause with its own subject */
extern const char *const
    LEX_PLURAL_ROLE_NOUNS[]; /* presidents, counterparts ...: a list of bare names may follow */
extern const char
    *const LEX_ORGANISATION_NAMES[]; /* Hamas, Taliban, Interpol ...: one-word organisations */

/* Meetings (meetings.c). */
/* A plural noun and its singular ("ministers", "minister"); a table ends with {NULL, NULL}. */
typedef struct lex_plural {
    const char *plural, *singular;
} lex_plural;
extern const lex_plural
    LEX_PLURAL_OFFICE_NOUNS[]; /* ministers -> minister ...: "foreign ministers" */
extern const lex_plural
    LEX_PLURAL_TITLES[]; /* ministers -> Minister ...: the title each one holds */
extern const char *const
    LEX_VISIT_ASIDE_OPENERS[]; /* for, during, ahead ...: "during the visit of Y" is an aside */
extern const char *const
    LEX_OCCASION_OPENERS[]; /* sidelines, margins, eve ...: a meeting noun names an occasion */
extern const char
    *const LEX_MEETING_VERBS[]; /* met, held, conferred ...: a meeting verb later in a sentence */
extern const char
    *const LEX_MEETING_PARTY_NOUNS[]; /* interlocutor, host, guest: the other party, after "his" */
extern const char
    *const LEX_BILATERAL_NOUNS[]; /* discussion, meeting, talks ...: "a bilateral meeting with" */
extern const char *const LEX_TRIP_NOUNS[];      /* visit, trip, tour ...: a journey to a place */
extern const char *const LEX_RECEIVING_VERBS[]; /* welcomed, received: a host receiving a guest */
extern const char
    *const LEX_DATELINE_LABELS[]; /* photo, video, live ...: a label read as a dateline's place */
extern const char *const
    LEX_PHRASE_PREPOSITIONS[]; /* after, during, amid ...: a phrase of its own before a noun */
extern const char
    *const LEX_SENTENCE_PHRASE_OPENERS[]; /* During, After, Upon ...: a phrase opening a sentence */
extern const char *const
    LEX_SEPARATE_MEETING_NOUNS[]; /* meetings, talks, bilaterals ...: one meeting with each */
extern const char
    *const LEX_OBJECT_PRONOUN_FOLLOWERS[]; /* at, in, today ...: "met her at": "her" is an object */
extern const char
    *const LEX_STYLES_OF_ADDRESS[]; /* Excellency, Highness, Majesty: "His Excellency" */
extern const char
    *const LEX_RELATIVE_MEETING_VERBS[]; /* met, hosted: "X, who met Y, ..." tells a meeting */
extern const char
    *const LEX_GATHERING_NOUNS[]; /* summit, conference, forum ... (both cases): an event held */
extern const char
    *const LEX_ENVOY_NOUNS[]; /* ambassador, envoy, chargé ...: presenting credentials */

/* Agreements (agreements.c). */
extern const char *const
    LEX_NOUN_DETERMINERS[]; /* the, a, this, its ... (both cases): before a document's noun */
extern const char *const
    LEX_AGREEMENT_NAME_STOPS[]; /* The, In, After, Signs ...: never part of an agreement's name */
extern const char
    *const LEX_NAME_RIGHT_PREPOSITIONS[]; /* of, on, between ...: open the right part of a name */
extern const char *const LEX_PENDING_WORDS[]; /* yet, expected, due ...: a signing still to come */
extern const char *const
    LEX_ADJECTIVE_OPENERS[]; /* the, final, newly ...: "the final signed copy": an adjective */
extern const char
    *const LEX_CLAUSE_AUXILIARIES[]; /* was, has, which ...: a participle after them is a verb */
extern const char
    *const LEX_OBJECT_PREPOSITIONS[]; /* under, by, with ...: "signed under the X" is no object */
extern const char *const LEX_FIRST_PERSON[]; /* I, We, my, our: a sentence in the first person */
extern const char
    *const LEX_CITY_NOUNS[]; /* capital, city, port, town: "the Kenyan capital, Nairobi" */
extern const char *const
    LEX_SUBJECT_VERB_FILLERS[]; /* has, formally, today ...: between a subject and its verb */
extern const char *const LEX_RENAMING_WORDS[]; /* formally, also, aka ...: another name follows */
extern const char *const LEX_NAME_GIVING_VERBS[]; /* call, dubbed, termed ...: "what it calls X" */
extern const char *const LEX_MONEY_SCALES[];      /* million, billion, bn ...: a sum of money */
extern const char *const LEX_PASSIVE_FILLERS[];   /* was, were, been ...: "the GTA was signed" */
extern const char
    *const LEX_LIST_COPULAS[]; /* were, are, included ...: "the signatories were A, B and C" */

/* People (people.c). */
extern const char *const LEX_PLACE_PREPOSITIONS[]; /* in, at, from ...: a place's name follows */
extern const char *const LEX_NAME_PARTICLES[]; /* de, van, bin, al ...: inside a person's name */
extern const char *const LEX_GLUED_NAME_PARTICLES[]; /* al-, el-, bin- ...: glued to a surname */
extern const char *const
    LEX_APPOSITIVE_TITLE_STOPS[]; /* by, with, between ...: where a title before a comma starts */
extern const char *const LEX_POSSESSIVES[]; /* her, his, their, its (both cases) */
extern const char
    *const LEX_ROLE_TITLE_STOPS[]; /* the, her, said, by ...: where a role phrase starts */
extern const char
    *const LEX_CUE_CLAUSE_ENDS[]; /* when, while, as ...: a name closing a speech cue's clause */
extern const char *const LEX_LIGHT_VERBS[]; /* had, held, holds ...: "held talks with" */
extern const char *const
    LEX_HELD_MEETING_NOUNS[]; /* meeting, talks, consultations ...: what a light verb holds */
extern const char
    *const LEX_PLACE_PHRASE_OPENERS[]; /* in, at, across, USS ...: a place, not a person, follows */
extern const char
    *const LEX_PATRONYMIC_MARKS[]; /* "bin ", "ibn ", "bint " ...: a father's name follows */

/* Documents (doc.c). */
extern const char
    *const LEX_BREADCRUMB_OPENERS[]; /* You are here, Home: a breadcrumb trail starts */
extern const char
    *const LEX_GALLERY_LABELS[]; /* Photos:, Video:: a gallery's headline, not a caption */
extern const char
    *const LEX_SECTION_CONNECTIVES[]; /* and, &, of, the: inside a section trail's name */
extern const char
    *const LEX_INSTITUTION_CONNECTIVES[]; /* of, the, for, and ...: inside an institution's name */
extern const char
    *const LEX_CAPTION_CREDIT_MARKS[]; /* (Photo:, (Image: ...: a picture's credit opens */

/* Places (places.c). */
extern const char
    *const LEX_NOT_PLACES[]; /* The, Region, Ministry, May ...: capitalised, never a place */
extern const char *const LEX_PLACE_PARTICLES[];     /* de, da, del ...: "Rio de Janeiro" */
extern const char *const LEX_PLACE_ABBREVIATIONS[]; /* St, Mt, Ft ...: "St. Petersburg" */

/* Dates (dates.c). */
extern const char
    *const LEX_CLAUSE_BREAKS[]; /* who, which, until ...: a clause before a later date */

/* An office and the titles and roles that name it (lexicon.c's OFFICES): "the top diplomat"
 * and "Minister of Foreign Affairs" name the foreign minister; a president is one kind of head
 * of state, which "the head of state" names. */
typedef struct lex_office {
    const char *name;
    const char *within;       /* the office this is one kind of, or NULL */
    const char *const *forms; /* its words in lower case, any order (NULL-terminated) */
} lex_office;
/* The office one of whose forms is words[0..n) (lower-case words, one space between, in any
 * order; function words, countries and words of no title left out), or NULL. */
const lex_office *lex_office_named(const char *words, size_t n);
/* True when the holder of office held is one that a role naming office role stands for. */
bool lex_office_fits(const lex_office *role, const lex_office *held);

/* True when s[0..n) is in list (exact, or ASCII case-insensitive). */
bool lex_has(const char *const *list, const char *s, size_t n);
bool lex_has_ci(const char *const *list, const char *s, size_t n);
/* Index of s in list, or -1. */
int lex_index_ci(const char *const *list, const char *s, size_t n);

/* The lists holding a word, as bits (lex_list_bit): for asking many lists about one word
 * once.  Only the lists of this lexicon have a bit; lex_list_bit() is -1 for any other. */
typedef struct lex_lists {
    uint64_t exact, folded; /* s[0..n) exactly, and ASCII case-insensitively */
} lex_lists;
lex_lists lex_word_lists(const char *s, size_t n);
int lex_list_bit(const char *const *list);

/* The canonical name of a country or organisation written as s (a name, a short form or a
 * demonym: "U.S.", "American", "Indo"), or NULL. */
/* The month and day of a feast of fixed date ("Christmas Eve"); false when s names none. */
bool lex_holiday(const char *s, size_t n, int *month, int *day);
const char *lex_country(const char *s, size_t n);
/* The country whose capital is s ("New Delhi" -> India), or NULL. */
const char *lex_capital_country(const char *s, size_t n);
/* The formal given name behind a nickname ("pete" -> "peter"), or NULL; lower case in/out. */
const char *lex_nickname(const char *s, size_t n);
/* Month number (1..12) of a full or abbreviated month name, or 0. */
int lex_month(const char *s, size_t n);
/* Weekday (0 = Monday) of a weekday name, or -1. */
int lex_weekday(const char *s, size_t n);
/* American spelling of a British word form ("defence" -> "defense"), or NULL; lower case. */
const char *lex_spelling(const char *s, size_t n);

#endif
