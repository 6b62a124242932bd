/* lexicon: word lists and look-ups (see lexicon.h).  Keep the lists sorted by topic, not by
 * letter: look-ups go through a hash index built on first use (see "look-ups" below), and a
 * new list must be added to index_lexicon() to be indexed. */
#include "ingest/lexicon.h"

#include <assert.h>
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *const LEX_TITLE_HEADS[] = {
    "Minister",
    "Secretary",
    "President",
    "Ambassador",
    "Amb",
    "Chancellor",
    "Commissioner",
    "Governor",
    "Senator",
    "General",
    "Gen",
    "Admiral",
    "Adm",
    "Director",
    "Director-General",
    "Secretary-General",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Chair",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Premier",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Emperor",
    "Sheikh",
    "Emir",
    "Sultan",
    "Envoy",
    "Representative",
    "Adviser",
    "Advisor",
    "Commander",
    "Colonel",
    "Col",
    "Captain",
    "Capt",
    "Lieutenant",
    "Marshal",
    "Sergeant",
    "Counsellor",
    "Counselor",
    "Speaker",
    "Negotiator",
    "Dr",
    "Prof",
    "Professor",
    "Judge",
    "Pope",
    "Cardinal",
    "Archbishop",
    "Rabbi",
    "Imam",
    "CEO",
    "Chief",
    "Premier",
    "Vice-President",
    "Vice-Chancellor",
    "Congressman",
    "Congresswoman",
    "Lawmaker",
    "MP",
    "PM",
    "Rep",
    "Sen",
    "Gov",
    NULL,
};

const char *const LEX_TITLE_MODIFIERS[] = {
    "Prime",
    "Deputy",
    "Vice",
    "Foreign",
    "Defence",
    "Defense",
    "Trade",
    "Finance",
    "Home",
    "External",
    "Affairs",
    "Energy",
    "Health",
    "Commerce",
    "Economy",
    "Economic",
    "Interior",
    "Justice",
    "Agriculture",
    "Environment",
    "Climate",
    "Education",
    "Industry",
    "Labour",
    "Labor",
    "Transport",
    "Science",
    "Technology",
    "Digital",
    "Fisheries",
    "Maritime",
    "Mining",
    "Mines",
    "Petroleum",
    "Oil",
    "Investment",
    "Development",
    "Infrastructure",
    "Planning",
    "Tourism",
    "Culture",
    "Water",
    "Housing",
    "Immigration",
    "Security",
    "National",
    "Senior",
    "Junior",
    "Chief",
    "Executive",
    "Attorney",
    "Army",
    "Navy",
    "Naval",
    "Military",
    "Cabinet",
    "State",
    "Federal",
    "Acting",
    "Permanent",
    "Special",
    "Presidential",
    "Press",
    "Assistant",
    "Under",
    "Lt",
    "Lt.",
    "Brig",
    "Brig.",
    "Maj",
    "Maj.",
    "Rear",
    "Field",
    "Supreme",
    "Principal",
    "First",
    "Crown",
    "Grand",
    "Head",
    "War",
    "Treasury",
    "Resources",
    "Natural",
    "Public",
    "Works",
    "Cooperation",
    "International",
    "Relations",
    "Family",
    "Social",
    "Welfare",
    "Communications",
    "Information",
    "Innovation",
    "Research",
    "Higher",
    "Space",
    "Ocean",
    "Oceans",
    "Foreign-Affairs",
    "Indo-Pacific",
    "European",
    "Commission",
    "Union",
    "General",
    "Lieutenant",
    "Staff",
    "Joint",
    "Force",
    "Air",
    "Coast",
    "Guard",
    "Intelligence",
    "Police",
    "Border",
    "Customs",
    "Revenue",
    "Budget",
    "Legal",
    "Regional",
    "Local",
    "Urban",
    "Rural",
    "Power",
    "Electricity",
    "Gas",
    "Mineral",
    "Minerals",
    "Steel",
    "Shipping",
    "Ports",
    "Aviation",
    "Railways",
    "Roads",
    "Telecommunications",
    "Youth",
    "Women",
    "Children",
    "Sport",
    "Sports",
    "Arts",
    "Heritage",
    "Land",
    "Lands",
    "Forests",
    "Forestry",
    "Wildlife",
    "Food",
    "Nutrition",
    "Medical",
    "Trade-and-Industry",
    "Industrial",
    "Strategic",
    "Policy",
    "Change",
    "Transition",
    "Sustainable",
    "Resilience",
    "Action",
    "Reform",
    "Renewable",
    "Commonwealth",
    "Cultural",
    "Parliamentary",
    "Tertiary",
    "Universities",
    "Skills",
    "Employment",
    "Veterans",
    "Diaspora",
    "Integration",
    "Mobility",
    "Connectivity",
    "Statistics",
    "Solidarity",
    "Equality",
    "Gender",
    "Disability",
    "Citizens",
    "Communities",
    "Exports",
    "Export",
    "Imports",
    "Procurement",
    "Logistics",
    "Cyber",
    "Utilities",
    "Consumer",
    "Competition",
    "Enterprise",
    "Enterprises",
    "Business",
    "Businesses",
    "Agriculture",
    "Livestock",
    "Irrigation",
    "Environmental",
    "Protection",
    "Emergency",
    "Disaster",
    "Management",
    "Administrative",
    "Home-Affairs",
    "Overseas",
    "Pacific",
    "Training",
    "Vocational",
    "Sciences",
    "Labour-Relations",
    "Religious",
    "Fisheries-and-Oceans",
    "Resources",
    "Irrigation",
    "Hydropower",
    "Sanitation",
    "Aquaculture",
    "Rural",
    "Blue",
    NULL,
};

const char *const LEX_HONORIFICS[] = {
    "Mr",     "Mr.",        "Mrs",   "Mrs.",     "Ms",      "Ms.",       "Miss",       "Mx",
    "Sir",    "Dame",       "Lord",  "Lady",     "Hon",     "Hon.",      "Shri",       "Smt",
    "Sri",    "Herr",       "Frau",  "Monsieur", "Madame",  "Mme",       "M.",         "Señor",
    "Señora", "Sr.",        "Sra.",  "Don",      "Doña",    "Dona",      "Eng",        "Eng.",
    "Engr",   "Engr.",      "Mlle",  "Datuk",    "Dato",    "Dato'",     "Dato’",      "Haji",
    "Hajjah", "Alhaji",     "Begum", "Pak",      "Ibu",     "Bapak",     "Shrimati",   "Kumari",
    "Ustaz",  "Excellency", "H.E.",  "Highness", "Majesty", "Honorable", "Honourable", NULL,
};

const char *const LEX_MALE_WORDS[] = {
    "Mr",       "Mr.",    "Sir",    "Lord",     "King",      "Prince",      "Emperor",
    "Sheikh",   "Emir",   "Sultan", "Chairman", "Spokesman", "Congressman", "Herr",
    "Monsieur", "Señor",  "Shri",   "Pope",     "Cardinal",  "Don",         "Datuk",
    "Haji",     "Alhaji", "Pak",    "Bapak",    NULL,
};

const char *const LEX_FEMALE_WORDS[] = {
    "Mrs",    "Mrs.",   "Ms",       "Ms.",        "Miss",        "Dame",
    "Lady",   "Queen",  "Princess", "Chairwoman", "Spokeswoman", "Congresswoman",
    "Frau",   "Madame", "Mme",      "Señora",     "Smt",         "Doña",
    "Dona",   "Mlle",   "Hajjah",   "Begum",      "Ibu",         "Shrimati",
    "Kumari", NULL,
};

const char *const LEX_SPEECH_VERBS[] = {
    "said",        "says",         "say",         "told",          "tells",       "added",
    "adds",        "stated",       "states",      "noted",         "notes",       "wrote",
    "writes",      "posted",       "tweeted",     "announced",     "announces",   "declared",
    "insisted",    "insists",      "argued",      "argues",        "remarked",    "observed",
    "asserted",    "acknowledged", "urged",       "vowed",         "pledged",     "promised",
    "conceded",    "explained",    "recalled",    "reiterated",    "stressed",    "stresses",
    "underlined",  "underscored",  "emphasised",  "emphasized",    "highlighted", "warned",
    "warns",       "described",    "describes",   "called",        "calls",       "expressed",
    "replied",     "answered",     "responded",   "continued",     "concluded",   "admitted",
    "claimed",     "claims",       "suggested",   "predicted",     "hailed",      "praised",
    "welcomed",    "lamented",     "quipped",     "joked",         "cautioned",   "maintained",
    "countered",   "confirmed",    "affirmed",    "told",          "asked",       "asks",
    "wondered",    "recounted",    "commented",   "added",         "agreed",      "boasted",
    "complained",  "objected",     "pointed",     "thundered",     "shouted",     "whispered",
    "assured",     "reassured",    "contended",   "summed",        "reflected",   "mused",
    "messaged",    "texted",       "recalls",     "explains",      "adding",      "stating",
    "noting",      "writing",      "saying",      "stressing",     "calling",     "describing",
    "emphasising", "emphasizing",  "underlining", "warning",       "insisting",   "arguing",
    "reiterating", "expressing",   "explaining",  "acknowledging", "declaring",   "telling",
    "urging",      "highlighting", "cautioning",  "according",     "reads",       "reported",
    "alleged",     "mentioned",    "indicated",   "revealed",      "disclosed",   "assessed",
    "summarised",  "summarized",   "elaborated",  "clarified",     "opined",      "specified",
    NULL,
};

const char *const LEX_PARTICIPLE_CUES[] = {
    "adding",    "stating",    "noting",      "writing",      "saying",      "stressing",
    "calling",   "describing", "emphasising", "emphasizing",  "underlining", "warning",
    "insisting", "arguing",    "reiterating", "expressing",   "explaining",  "acknowledging",
    "declaring", "telling",    "urging",      "highlighting", "cautioning",  NULL,
};

const char *const LEX_MEETING_WORDS[] = {
    "met",         "meet",         "meets",     "meeting",
    "talks",       "hosted",       "hosts",     "received",
    "visit",       "visited",      "visiting",  "summit",
    "discussions", "conversation", "sat",       "consultations",
    "co-chaired",  "co-chairs",    "co-hosted", "co-presided",
    "presided",    "conferred",    "confers",   "meetings",
    "tete-a-tete", "discussion",   "hosting",   "t\xC3\xAAte-\xC3\xA0-t\xC3\xAAte",
    NULL,
};

/* Nouns whose "in X" names what was spoken of, not where ("developments in Iraq"). */
const char *const LEX_TOPIC_NOUNS[] = {
    "developments", "situation",   "crisis",     "conflict", "war",       "fighting",
    "tensions",     "events",      "violence",   "unrest",   "elections", "reforms",
    "projects",     "investments", "investment", NULL,
};

/* Words beside a meeting word that make it one still to come ("the upcoming summit", "the
 * talks scheduled for May"). */
const char *const LEX_PLAN_WORDS[] = {
    "upcoming", "forthcoming", "proposed", "planned", "next",
    "future",   "scheduled",   "slated",   "due",     NULL,
};

/* Words of inviting: a visit one is invited to is still to come ("extended an invitation to X
 * for a visit"), and the one who invites ("at the invitation of X") is not told to meet. */
const char *const LEX_INVITATION_WORDS[] = {
    "invitation", "invitations", "invite", "invites", "invited", "inviting", NULL,
};

/* Words that say people were at a meeting without taking part in it ("Present at the talks
 * were", "accompanied by", "in the presence of"); one who "attended" a call took part. */
const char *const LEX_ATTENDANCE_WORDS[] = {
    "present", "accompanied", "flanked", "presence", "witnessed", "attended", NULL,
};

/* Verbs whose subject watches a signing without signing ("X witnessed the signing", "X
 * attended the signing ceremony", "X looked on as ..."). */
const char *const LEX_WITNESS_VERBS[] = {
    "witnessed",  "witnessing", "witness",   "witnesses", "attended",   "attending", "oversaw",
    "overseeing", "presided",   "presiding", "looked",    "watched",    "announced", "announces",
    "hailed",     "welcomed",   "praised",   "lauded",    "celebrated", NULL,
};

/* Verbs that give a sentence its source ("..., the state agency X reported.", "said X"): the
 * one who reports an event, not one who took part in it. */
const char *const LEX_REPORT_CUES[] = {
    "said", "says", "added", "adds", "noted", "wrote", "stated", "reported", "reports", NULL,
};

/* Words that may open what follows a closing source's verb ("..., X said on Monday", "in a
 * statement"): a phrase of time or place, not the words reported. */
const char *const LEX_REPORT_TAIL_OPENERS[] = {
    "on", "in", "late", "earlier", "last", "yesterday", "today", "this", "at", NULL,
};

/* A rank's mark of retirement, in parentheses after it ("Maj. Gen. (Rtd)"). */
const char *const LEX_RETIRED_MARKS[] = {"rtd", "retd", "ret", "retired", NULL};

/* Those one speaks to in public ("spoke to the media", "speaking to reporters"): no call with
 * a person. */
const char *const LEX_AUDIENCE_NOUNS[] = {
    "media", "press",  "reporters", "journalists", "correspondents", "newsmen", "audience",
    "crowd", "nation", "public",    NULL,
};

const char *const LEX_CALL_WORDS[] = {
    "phoned",           "call",           "called",  "spoke", "speaks", "videoconference",
    "video-conference", "teleconference", "virtual", NULL,
};

const char *const LEX_SIGNING_VERBS[] = {
    "signed",     "sign",      "signs",      "signing",    "inked",     "ink",
    "inks",       "concluded", "sealed",     "finalised",  "finalized", "formalised",
    "formalized", "entered",   "struck",     "initialled", "initialed", "agreed",
    "reached",    "clinched",  "concluding", "adopted",    "endorsed",  NULL,
};

const char *const LEX_AGREEMENT_HEADS[] = {
    "Agreement", "Agreements",    "Treaty",      "Accord",      "Accords",
    "Pact",      "Framework",     "Arrangement", "Declaration", "Convention",
    "Protocol",  "Charter",       "Compact",     "Memorandum",  "MoU",
    "MOU",       "Understanding", "Minute",      "Minutes",     "Communiqué",
    "Notes",     "Intent",        NULL,
};

const char *const LEX_GENERIC_HEADS[] = {
    "agreement",  "treaty",      "accord",    "pact",       "framework",  "arrangement",
    "memorandum", "mou",         "deal",      "protocol",   "convention", "compact",
    "charter",    "declaration", "statement", "communique", "communiqué", NULL,
};

const char *const LEX_FUNCTION_WORDS[] = {
    "of",   "the",   "and",     "for", "on",    "in",  "at",  "to",  "a",    "an",
    "with", "by",    "from",    "de",  "da",    "do",  "dos", "das", "del",  "della",
    "di",   "du",    "des",     "la",  "le",    "van", "von", "der", "den",  "y",
    "e",    "bin",   "binti",   "al",  "el",    "ibn", "or",  "as",  "into", "about",
    "over", "under", "between", "its", "their", "our", NULL,
};

const char *const LEX_ABBREVIATIONS[] = {
    "Mr",  "Mrs", "Ms",   "Dr",     "Prof", "Lt",     "Gen", "Col", "Maj",  "Capt", "Sgt",
    "Adm", "Gov", "Sen",  "Rep",    "St",   "Jr",     "Sr",  "No",  "Inc",  "Corp", "Ltd",
    "Co",  "vs",  "Jan",  "Feb",    "Mar",  "Apr",    "Jun", "Jul", "Aug",  "Sep",  "Sept",
    "Oct", "Nov", "Dec",  "Messrs", "Rev",  "Hon",    "Amb", "Cdr", "Brig", "Pres", "Mt",
    "Ft",  "Rt",  "Gens", "Cmdr",   "Supt", "approx", "est", "Mme", "Sra",  "Sta",  NULL,
};

const char *const LEX_NOT_NAMES[] = {
    "The",        "A",          "An",          "This",        "That",         "These",
    "Those",      "It",         "Its",         "In",          "On",           "At",
    "As",         "After",      "Before",      "During",      "While",        "When",
    "Since",      "Following",  "According",   "But",         "And",          "Or",
    "If",         "For",        "With",        "By",          "From",         "To",
    "Of",         "Both",       "Each",        "Their",       "They",         "He",
    "She",        "We",         "I",           "You",         "Our",          "His",
    "Her",        "My",         "Your",        "Officials",   "Analysts",     "Although",
    "Though",     "However",    "Meanwhile",   "Also",        "Still",        "Yet",
    "Under",      "Over",       "About",       "Despite",     "Amid",         "Among",
    "Across",     "Through",    "Last",        "Next",        "Earlier",      "Later",
    "Today",      "Yesterday",  "Tomorrow",    "Now",         "Then",         "There",
    "Here",       "What",       "Which",       "Who",         "Why",          "How",
    "Where",      "Some",       "Many",        "Most",        "Several",      "Other",
    "Another",    "All",        "Any",         "No",          "Not",          "Such",
    "Read",       "More",       "Also",        "Image",       "Photo",        "Video",
    "Watch",      "Leave",      "Reply",       "Related",     "Updated",      "Published",
    "Posted",     "Source",     "Sources",     "Key",         "New",          "Old",
    "Former",     "Mr",         "Mrs",         "Ms",          "Dr",           "Government",
    "Ministry",   "Department", "Office",      "Agency",      "Committee",    "Council",
    "Parliament", "Congress",   "Senate",      "Court",       "Army",         "Navy",
    "Police",     "Reuters",    "AP",          "AFP",         "Bloomberg",    "Associated",
    "Press",      "Twitter",    "X",           "Facebook",    "Instagram",    "LinkedIn",
    "Telegram",   "YouTube",    "TikTok",      "Monday",      "Tuesday",      "Wednesday",
    "Thursday",   "Friday",     "Saturday",    "Sunday",      "January",      "February",
    "March",      "April",      "May",         "June",        "July",         "August",
    "September",  "October",    "November",    "December",    "Indo-Pacific", "Asia-Pacific",
    "Cold",       "War",        "Agreement",   "Treaty",      "Framework",    "Memorandum",
    "Accord",     "Pact",       "Deal",        "Defence",     "Defense",      "Security",
    "Strategic",  "Joint",      "Major",       "Partnership", "Minister",     "Secretary",
    "President",  "Prime",      "Ambassador",  "Speaking",    "Asked",        "Addressing",
    "Writing",    "Sharing",    "Calling",     "Describing",  "Adding",       "Noting",
    "Together",   "Once",       "Only",        "Even",        "Just",         "Nearly",
    "Almost",     "Every",      "Neither",     "Either",      "Whether",      "Because",
    "Unless",     "Until",      "Instead",     "Indeed",      "Thus",         "Therefore",
    "Yes",        "Well",       "So",          "Let",         "Ministers",    "Leaders",
    "Talks",      "Summit",     "Manager",     "Officer",     "Executive",    "Director",
    "Chairman",   "Chairwoman", "Chairperson", NULL,
};

const char *const LEX_ORG_WORDS[] = {
    "Berhad",       "Bhd",          "Limited",
    "GmbH",         "Ministry",     "Department",
    "Office",       "Agency",       "Committee",
    "Council",      "Parliament",   "Congress",
    "Senate",       "Court",        "Command",
    "Group",        "Forum",        "Bank",
    "Fund",         "Organisation", "Organization",
    "Institute",    "University",   "Commission",
    "Corporation",  "Company",      "Association",
    "Alliance",     "Union",        "Party",
    "Board",        "Authority",    "Administration",
    "Service",      "Force",        "Forces",
    "Army",         "Navy",         "Guard",
    "Times",        "Post",         "News",
    "Herald",       "Journal",      "Tribune",
    "Gazette",      "Express",      "Telegraph",
    "Press",        "Agency",       "House",
    "Palace",       "Centre",       "Center",
    "Initiative",   "Programme",    "Program",
    "Project",      "Exercise",     "Meeting",
    "Meeting-Plus", "Summit",       "Conference",
    "Dialogue",     "Talks",        "Ministers",
    "Ministers’",   "Ministers'",   "Club",
    "Foundation",   "Museum",       "Library",
    "Gallery",      "Academy",      "Archives",
    "Network",      "Secretariat",  "Mission",
    "States",       "Islands",      "Island",
    "Cooperation",  "Transition",   "Development",
    "Coalition",    "Base",         "Sea",
    "Ocean",        "Gulf",         "Strait",
    "River",        "Mountains",    "Bay",
    "Coast",        "Cape",         "Port",
    "Fort",         "Mount",        "Lake",
    "Province",     "Region",       "District",
    "County",       "City",         "Street",
    "Road",         "Square",       "Hall",
    "Building",     "Airport",      "Station",
    "College",      "School",       "Hospital",
    "Agreement",    "Treaty",       "Framework",
    "Protocol",     "Accord",       "Declaration",
    "Memorandum",   "Arrangement",  "Convention",
    "Charter",      "Pact",         "Plan",
    "Strategy",     "Fleet",        "Corps",
    "Council’s",    "Embassy",      "Consulate",
    "Parliament’s", "Cabinet",      "Assembly",
    "Nations",      "Kingdom",      "Republic",
    "Federation",   "Emirates",     "Territory",
    "Movement",     "Front",        "Brigades",
    "Militia",      NULL,
};

const char *const LEX_MONTHS[] = {
    "January", "February",  "March",   "April",    "May",      "June", "July",
    "August",  "September", "October", "November", "December", NULL,
};

const char *const LEX_MONTH_ABBREVS[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",  "Jul",
    "Aug", "Sep", "Oct", "Nov", "Dec", "Sept", NULL,
};

const char *const LEX_WEEKDAYS[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", NULL,
};

/* Countries and organisations: every written form, then its canonical name. */
static const char *const COUNTRIES[][2] = {
    {"United States", "United States"},
    {"United States of America", "United States"},
    {"US", "United States"},
    {"U.S.", "United States"},
    {"U.S", "United States"},
    {"USA", "United States"},
    {"U.S.A.", "United States"},
    {"America", "United States"},
    {"American", "United States"},
    {"Americans", "United States"},
    {"India", "India"},
    {"Indian", "India"},
    {"Indo", "India"},
    {"Indians", "India"},
    {"Bharat", "India"},
    {"United Kingdom", "United Kingdom"},
    {"UK", "United Kingdom"},
    {"U.K.", "United Kingdom"},
    {"Britain", "United Kingdom"},
    {"Great Britain", "United Kingdom"},
    {"British", "United Kingdom"},
    {"Anglo", "United Kingdom"},
    {"China", "China"},
    {"Chinese", "China"},
    {"Sino", "China"},
    {"Japan", "Japan"},
    {"Japanese", "Japan"},
    {"Russia", "Russia"},
    {"Russian", "Russia"},
    {"Russo", "Russia"},
    {"France", "France"},
    {"French", "France"},
    {"Franco", "France"},
    {"Germany", "Germany"},
    {"German", "Germany"},
    {"Italy", "Italy"},
    {"Italian", "Italy"},
    {"Spain", "Spain"},
    {"Spanish", "Spain"},
    {"Portugal", "Portugal"},
    {"Portuguese", "Portugal"},
    {"Netherlands", "Netherlands"},
    {"Dutch", "Netherlands"},
    {"Belgium", "Belgium"},
    {"Belgian", "Belgium"},
    {"Switzerland", "Switzerland"},
    {"Swiss", "Switzerland"},
    {"Austria", "Austria"},
    {"Austrian", "Austria"},
    {"Sweden", "Sweden"},
    {"Swedish", "Sweden"},
    {"Norway", "Norway"},
    {"Norwegian", "Norway"},
    {"Denmark", "Denmark"},
    {"Danish", "Denmark"},
    {"Finland", "Finland"},
    {"Finnish", "Finland"},
    {"Iceland", "Iceland"},
    {"Icelandic", "Iceland"},
    {"Ireland", "Ireland"},
    {"Irish", "Ireland"},
    {"Poland", "Poland"},
    {"Polish", "Poland"},
    {"Ukraine", "Ukraine"},
    {"Ukrainian", "Ukraine"},
    {"Belarus", "Belarus"},
    {"Czech Republic", "Czech Republic"},
    {"Czechia", "Czech Republic"},
    {"Czech", "Czech Republic"},
    {"Slovakia", "Slovakia"},
    {"Hungary", "Hungary"},
    {"Hungarian", "Hungary"},
    {"Romania", "Romania"},
    {"Romanian", "Romania"},
    {"Bulgaria", "Bulgaria"},
    {"Greece", "Greece"},
    {"Greek", "Greece"},
    {"Turkey", "Turkey"},
    {"Türkiye", "Turkey"},
    {"Turkish", "Turkey"},
    {"Serbia", "Serbia"},
    {"Croatia", "Croatia"},
    {"Estonia", "Estonia"},
    {"Latvia", "Latvia"},
    {"Lithuania", "Lithuania"},
    {"Canada", "Canada"},
    {"Canadian", "Canada"},
    {"Mexico", "Mexico"},
    {"Mexican", "Mexico"},
    {"Brazil", "Brazil"},
    {"Brazilian", "Brazil"},
    {"Argentina", "Argentina"},
    {"Argentine", "Argentina"},
    {"Argentinian", "Argentina"},
    {"Chile", "Chile"},
    {"Chilean", "Chile"},
    {"Colombia", "Colombia"},
    {"Colombian", "Colombia"},
    {"Peru", "Peru"},
    {"Peruvian", "Peru"},
    {"Venezuela", "Venezuela"},
    {"Venezuelan", "Venezuela"},
    {"Uruguay", "Uruguay"},
    {"Paraguay", "Paraguay"},
    {"Bolivia", "Bolivia"},
    {"Ecuador", "Ecuador"},
    {"Cuba", "Cuba"},
    {"Cuban", "Cuba"},
    {"Australia", "Australia"},
    {"Australian", "Australia"},
    {"New Zealand", "New Zealand"},
    {"Indonesia", "Indonesia"},
    {"Indonesian", "Indonesia"},
    {"Malaysia", "Malaysia"},
    {"Malaysian", "Malaysia"},
    {"Singapore", "Singapore"},
    {"Singaporean", "Singapore"},
    {"Philippines", "Philippines"},
    {"Philippine", "Philippines"},
    {"Filipino", "Philippines"},
    {"Thailand", "Thailand"},
    {"Thai", "Thailand"},
    {"Vietnam", "Vietnam"},
    {"Viet Nam", "Vietnam"},
    {"Vietnamese", "Vietnam"},
    {"Cambodia", "Cambodia"},
    {"Laos", "Laos"},
    {"Myanmar", "Myanmar"},
    {"Bangladesh", "Bangladesh"},
    {"Bangladeshi", "Bangladesh"},
    {"Pakistan", "Pakistan"},
    {"Pakistani", "Pakistan"},
    {"Pak", "Pakistan"},
    {"Afghanistan", "Afghanistan"},
    {"Afghan", "Afghanistan"},
    {"Sri Lanka", "Sri Lanka"},
    {"Sri Lankan", "Sri Lanka"},
    {"Nepal", "Nepal"},
    {"Nepalese", "Nepal"},
    {"Bhutan", "Bhutan"},
    {"Maldives", "Maldives"},
    {"South Korea", "South Korea"},
    {"Republic of Korea", "South Korea"},
    {"Korea", "South Korea"},
    {"Korean", "South Korea"},
    {"South Korean", "South Korea"},
    {"North Korea", "North Korea"},
    {"North Korean", "North Korea"},
    {"Taiwan", "Taiwan"},
    {"Taiwanese", "Taiwan"},
    {"Mongolia", "Mongolia"},
    {"Kazakhstan", "Kazakhstan"},
    {"Uzbekistan", "Uzbekistan"},
    {"Iran", "Iran"},
    {"Iranian", "Iran"},
    {"Iraq", "Iraq"},
    {"Iraqi", "Iraq"},
    {"Israel", "Israel"},
    {"Israeli", "Israel"},
    {"Palestine", "Palestine"},
    {"Palestinian", "Palestine"},
    {"Jordan", "Jordan"},
    {"Jordanian", "Jordan"},
    {"Lebanon", "Lebanon"},
    {"Syria", "Syria"},
    {"Syrian", "Syria"},
    {"Saudi Arabia", "Saudi Arabia"},
    {"Saudi", "Saudi Arabia"},
    {"United Arab Emirates", "United Arab Emirates"},
    {"UAE", "United Arab Emirates"},
    {"Emirati", "United Arab Emirates"},
    {"Qatar", "Qatar"},
    {"Qatari", "Qatar"},
    {"Kuwait", "Kuwait"},
    {"Oman", "Oman"},
    {"Omani", "Oman"},
    {"Bahrain", "Bahrain"},
    {"Yemen", "Yemen"},
    {"Egypt", "Egypt"},
    {"Egyptian", "Egypt"},
    {"Libya", "Libya"},
    {"Tunisia", "Tunisia"},
    {"Algeria", "Algeria"},
    {"Algerian", "Algeria"},
    {"Morocco", "Morocco"},
    {"Moroccan", "Morocco"},
    {"Nigeria", "Nigeria"},
    {"Nigerian", "Nigeria"},
    {"Ghana", "Ghana"},
    {"Ghanaian", "Ghana"},
    {"Kenya", "Kenya"},
    {"Kenyan", "Kenya"},
    {"Ethiopia", "Ethiopia"},
    {"Ethiopian", "Ethiopia"},
    {"Tanzania", "Tanzania"},
    {"Tanzanian", "Tanzania"},
    {"Uganda", "Uganda"},
    {"Ugandan", "Uganda"},
    {"Rwanda", "Rwanda"},
    {"Rwandan", "Rwanda"},
    {"South Africa", "South Africa"},
    {"South African", "South Africa"},
    {"Senegal", "Senegal"},
    {"Senegalese", "Senegal"},
    {"Ivory Coast", "Ivory Coast"},
    {"Côte d’Ivoire", "Ivory Coast"},
    {"Côte d'Ivoire", "Ivory Coast"},
    {"Cameroon", "Cameroon"},
    {"Angola", "Angola"},
    {"Angolan", "Angola"},
    {"Mozambique", "Mozambique"},
    {"Zambia", "Zambia"},
    {"Zimbabwe", "Zimbabwe"},
    {"Namibia", "Namibia"},
    {"Botswana", "Botswana"},
    {"Sudan", "Sudan"},
    {"Somalia", "Somalia"},
    {"Djibouti", "Djibouti"},
    {"Mali", "Mali"},
    {"Niger", "Niger"},
    {"Chad", "Chad"},
    {"Congo", "Congo"},
    {"Madagascar", "Madagascar"},
    {"Mauritius", "Mauritius"},
    {"Fiji", "Fiji"},
    {"Papua New Guinea", "Papua New Guinea"},
    {"Timor-Leste", "Timor-Leste"},
    {"Brunei", "Brunei"},
    {"Cyprus", "Cyprus"},
    {"Malta", "Malta"},
    {"Luxembourg", "Luxembourg"},
    {"Slovenia", "Slovenia"},
    {"Georgia", "Georgia"},
    {"Armenia", "Armenia"},
    {"Azerbaijan", "Azerbaijan"},
    {"Moldova", "Moldova"},
    {"Albania", "Albania"},
    {"Panama", "Panama"},
    {"Costa Rica", "Costa Rica"},
    {"Guatemala", "Guatemala"},
    {"Honduras", "Honduras"},
    {"Jamaica", "Jamaica"},
    {"Haiti", "Haiti"},
    {"Dominican Republic", "Dominican Republic"},
    {"Puerto Rico", "Puerto Rico"},
    {"Puerto Rican", "Puerto Rico"},
    {"European Union", "European Union"},
    {"EU", "European Union"},
    {"E.U.", "European Union"},
    {"ASEAN", "ASEAN"},
    {"African Union", "African Union"},
    {"NATO", "NATO"},
    {"United Nations", "United Nations"},
    {"UN", "United Nations"},
    {"U.N.", "United Nations"},
    {"Gulf Cooperation Council", "Gulf Cooperation Council"},
    {"Mercosur", "Mercosur"},
    {"ECOWAS", "Economic Community of West African States"},
    {"Estonian", "Estonia"},
    {"Latvian", "Latvia"},
    {"Lithuanian", "Lithuania"},
    {"Slovak", "Slovakia"},
    {"Slovenian", "Slovenia"},
    {"Croatian", "Croatia"},
    {"Serbian", "Serbia"},
    {"Bulgarian", "Bulgaria"},
    {"Georgian", "Georgia"},
    {"Armenian", "Armenia"},
    {"Azerbaijani", "Azerbaijan"},
    {"Kazakh", "Kazakhstan"},
    {"Uzbek", "Uzbekistan"},
    {"Mongolian", "Mongolia"},
    {"Cambodian", "Cambodia"},
    {"Lao", "Laos"},
    {"Laotian", "Laos"},
    {"Burmese", "Myanmar"},
    {"Nepali", "Nepal"},
    {"Maldivian", "Maldives"},
    {"Bhutanese", "Bhutan"},
    {"Lebanese", "Lebanon"},
    {"Kuwaiti", "Kuwait"},
    {"Bahraini", "Bahrain"},
    {"Yemeni", "Yemen"},
    {"Libyan", "Libya"},
    {"Tunisian", "Tunisia"},
    {"Sudanese", "Sudan"},
    {"Somali", "Somalia"},
    {"Malian", "Mali"},
    {"Nigerien", "Niger"},
    {"Chadian", "Chad"},
    {"Congolese", "Congo"},
    {"Malagasy", "Madagascar"},
    {"Mauritian", "Mauritius"},
    {"Fijian", "Fiji"},
    {"Tonga", "Tonga"},
    {"Tongan", "Tonga"},
    {"Samoa", "Samoa"},
    {"Samoan", "Samoa"},
    {"Tuvalu", "Tuvalu"},
    {"Tuvaluan", "Tuvalu"},
    {"Vanuatu", "Vanuatu"},
    {"Solomon Islands", "Solomon Islands"},
    {"Kiribati", "Kiribati"},
    {"Palau", "Palau"},
    {"Nauru", "Nauru"},
    {"Marshall Islands", "Marshall Islands"},
    {"Micronesia", "Micronesia"},
    {"Papua New Guinean", "Papua New Guinea"},
    {"Timorese", "Timor-Leste"},
    {"East Timor", "Timor-Leste"},
    {"Bruneian", "Brunei"},
    {"Cypriot", "Cyprus"},
    {"Maltese", "Malta"},
    {"Moldovan", "Moldova"},
    {"Albanian", "Albania"},
    {"Panamanian", "Panama"},
    {"Costa Rican", "Costa Rica"},
    {"Guatemalan", "Guatemala"},
    {"Honduran", "Honduras"},
    {"Jamaican", "Jamaica"},
    {"Haitian", "Haiti"},
    {"Uruguayan", "Uruguay"},
    {"Paraguayan", "Paraguay"},
    {"Bolivian", "Bolivia"},
    {"Ecuadorian", "Ecuador"},
    {"Ecuadorean", "Ecuador"},
    {"Zambian", "Zambia"},
    {"Zimbabwean", "Zimbabwe"},
    {"Namibian", "Namibia"},
    {"Botswanan", "Botswana"},
    {"Mozambican", "Mozambique"},
    {"Cameroonian", "Cameroon"},
    {"Ivorian", "Ivory Coast"},
    {"El Salvador", "El Salvador"},
    {"Salvadoran", "El Salvador"},
    {"Nicaragua", "Nicaragua"},
    {"Nicaraguan", "Nicaragua"},
    {"Belarusian", "Belarus"},
    {"Kyrgyzstan", "Kyrgyzstan"},
    {"Kyrgyz", "Kyrgyzstan"},
    {"Tajikistan", "Tajikistan"},
    {"Tajik", "Tajikistan"},
    {"Turkmenistan", "Turkmenistan"},
    {"Turkmen", "Turkmenistan"},
    {"Trinidad and Tobago", "Trinidad and Tobago"},
    {"Barbados", "Barbados"},
    {"Bahamas", "Bahamas"},
    {"Guyana", "Guyana"},
    {"Suriname", "Suriname"},
    {"Montenegro", "Montenegro"},
    {"North Macedonia", "North Macedonia"},
    {"Bosnia and Herzegovina", "Bosnia and Herzegovina"},
    {"Bosnia", "Bosnia and Herzegovina"},
    {"Kosovo", "Kosovo"},
    {"Eritrea", "Eritrea"},
    {"Eritrean", "Eritrea"},
    {"Burundi", "Burundi"},
    {"Malawi", "Malawi"},
    {"Malawian", "Malawi"},
    {"Lesotho", "Lesotho"},
    {"Eswatini", "Eswatini"},
    {"Gabon", "Gabon"},
    {"Gabonese", "Gabon"},
    {"Guinea", "Guinea"},
    {"Guinean", "Guinea"},
    {"Sierra Leone", "Sierra Leone"},
    {"Liberia", "Liberia"},
    {"Liberian", "Liberia"},
    {"Togo", "Togo"},
    {"Togolese", "Togo"},
    {"Benin", "Benin"},
    {"Beninese", "Benin"},
    {"Burkina Faso", "Burkina Faso"},
    {"Mauritania", "Mauritania"},
    {"Mauritanian", "Mauritania"},
    {"Gambia", "Gambia"},
    {"Gambian", "Gambia"},
    {"Cape Verde", "Cape Verde"},
    {"Seychelles", "Seychelles"},
    {"South Sudan", "South Sudan"},
    {"Equatorial Guinea", "Equatorial Guinea"},
    {"Guinea-Bissau", "Guinea-Bissau"},
    {"Guinea Bissau", "Guinea-Bissau"},
    {"Bissau-Guinean", "Guinea-Bissau"},
    {"Cabo Verde", "Cape Verde"},
    {"Cape Verdean", "Cape Verde"},
    {"Central African Republic", "Central African Republic"},
    {"Comoros", "Comoros"},
    {"Democratic Republic of the Congo", "Democratic Republic of the Congo"},
    {"Democratic Republic of Congo", "Democratic Republic of the Congo"},
    {"DR Congo", "Democratic Republic of the Congo"},
    {"Sao Tome and Principe", "Sao Tome and Principe"},
    {"São Tomé and Príncipe", "Sao Tome and Principe"},
    {"Andorra", "Andorra"},
    {"Liechtenstein", "Liechtenstein"},
    {"Monaco", "Monaco"},
    {"San Marino", "San Marino"},
    {"Belize", "Belize"},
    {"Dominica", "Dominica"},
    {"Grenada", "Grenada"},
    {"Antigua and Barbuda", "Antigua and Barbuda"},
    {"Saint Lucia", "Saint Lucia"},
    {"Saint Kitts and Nevis", "Saint Kitts and Nevis"},
    {"Saint Vincent and the Grenadines", "Saint Vincent and the Grenadines"},
    /* formal names of states */
    {"Kyrgyz Republic", "Kyrgyzstan"},
    {"Hellenic Republic", "Greece"},
    {"Italian Republic", "Italy"},
    {"French Republic", "France"},
    {"Slovak Republic", "Slovakia"},
    {"Argentine Republic", "Argentina"},
    {"Federal Republic of Germany", "Germany"},
    {"Federative Republic of Brazil", "Brazil"},
    {"Russian Federation", "Russia"},
    {"People's Republic of China", "China"},
    {"PRC", "China"},
    {"DPRK", "North Korea"},
    {"ROK", "South Korea"},
    {"People’s Republic of China", "China"},
    {"Islamic Republic of Iran", "Iran"},
    {"Republic of Türkiye", "Turkey"},
    {"Republic of Turkey", "Turkey"},
    {"Kingdom of Saudi Arabia", "Saudi Arabia"},
    {"Hashemite Kingdom of Jordan", "Jordan"},
    {"Sultanate of Oman", "Oman"},
    {"State of Qatar", "Qatar"},
    {"United Mexican States", "Mexico"},
    {"Republic of Guinea-Bissau", "Guinea-Bissau"},
    {"Republic of Guinea Bissau", "Guinea-Bissau"},
    {"Dutch", "Netherlands"},
    {"Flemish", "Belgium"},
    {"Scottish", "United Kingdom"},
    {"Welsh", "United Kingdom"},
    {"Emirates", "United Arab Emirates"},
    {"Economic Community of West African States", "Economic Community of West African States"},
    {"Caribbean Community", "CARICOM"},
    {"CARICOM", "CARICOM"},
    {"Pacific Islands Forum", "Pacific Islands Forum"},
    {"Viet Nam", "Vietnam"},
    {"Việt Nam", "Vietnam"},
    {"Czechia", "Czech Republic"},
};

/* Capitals, used when a capital stands for its government ("Washington said"). */
static const char *const CAPITALS[][2] = {
    {"Washington", "United States"},
    {"New Delhi", "India"},
    {"Delhi", "India"},
    {"London", "United Kingdom"},
    {"Beijing", "China"},
    {"Tokyo", "Japan"},
    {"Moscow", "Russia"},
    {"Paris", "France"},
    {"Berlin", "Germany"},
    {"Rome", "Italy"},
    {"Madrid", "Spain"},
    {"Lisbon", "Portugal"},
    {"The Hague", "Netherlands"},
    {"Brussels", "European Union"},
    {"Stockholm", "Sweden"},
    {"Oslo", "Norway"},
    {"Copenhagen", "Denmark"},
    {"Helsinki", "Finland"},
    {"Warsaw", "Poland"},
    {"Kyiv", "Ukraine"},
    {"Kiev", "Ukraine"},
    {"Ankara", "Turkey"},
    {"Ottawa", "Canada"},
    {"Mexico City", "Mexico"},
    {"Brasília", "Brazil"},
    {"Brasilia", "Brazil"},
    {"Buenos Aires", "Argentina"},
    {"Bissau", "Guinea-Bissau"},
    {"Santiago", "Chile"},
    {"Bogotá", "Colombia"},
    {"Lima", "Peru"},
    {"Canberra", "Australia"},
    {"Wellington", "New Zealand"},
    {"Jakarta", "Indonesia"},
    {"Kuala Lumpur", "Malaysia"},
    {"Manila", "Philippines"},
    {"Bangkok", "Thailand"},
    {"Hanoi", "Vietnam"},
    {"Seoul", "South Korea"},
    {"Pyongyang", "North Korea"},
    {"Taipei", "Taiwan"},
    {"Islamabad", "Pakistan"},
    {"Dhaka", "Bangladesh"},
    {"Colombo", "Sri Lanka"},
    {"Kathmandu", "Nepal"},
    {"Tehran", "Iran"},
    {"Baghdad", "Iraq"},
    {"Riyadh", "Saudi Arabia"},
    {"Abu Dhabi", "United Arab Emirates"},
    {"Doha", "Qatar"},
    {"Cairo", "Egypt"},
    {"Rabat", "Morocco"},
    {"Abuja", "Nigeria"},
    {"Accra", "Ghana"},
    {"Nairobi", "Kenya"},
    {"Addis Ababa", "Ethiopia"},
    {"Pretoria", "South Africa"},
    {"Dakar", "Senegal"},
    {"Kigali", "Rwanda"},
    {"Dodoma", "Tanzania"},
    {"Kampala", "Uganda"},
    {"Luanda", "Angola"},
    {"Athens", "Greece"},
    {"Vienna", "Austria"},
    {"Bern", "Switzerland"},
    {"Dublin", "Ireland"},
    {"Budapest", "Hungary"},
    {"Prague", "Czech Republic"},
    {"Bucharest", "Romania"},
    {"Singapore", "Singapore"},
    {"Phnom Penh", "Cambodia"},
    {"Lomé", "Togo"},
    {"Lome", "Togo"},
    {"Niamey", "Niger"},
    {"Bamako", "Mali"},
    {"Ouagadougou", "Burkina Faso"},
    {"Yamoussoukro", "Ivory Coast"},
    {"Conakry", "Guinea"},
    {"Freetown", "Sierra Leone"},
    {"Monrovia", "Liberia"},
    {"Banjul", "Gambia"},
    {"Nouakchott", "Mauritania"},
    {"N'Djamena", "Chad"},
    {"N’Djamena", "Chad"},
    {"Yaoundé", "Cameroon"},
    {"Yaounde", "Cameroon"},
    {"Libreville", "Gabon"},
    {"Kinshasa", "Democratic Republic of the Congo"},
    {"Brazzaville", "Congo"},
    {"Bangui", "Central African Republic"},
    {"Juba", "South Sudan"},
    {"Khartoum", "Sudan"},
    {"Mogadishu", "Somalia"},
    {"Asmara", "Eritrea"},
    {"Lusaka", "Zambia"},
    {"Harare", "Zimbabwe"},
    {"Lilongwe", "Malawi"},
    {"Maputo", "Mozambique"},
    {"Windhoek", "Namibia"},
    {"Gaborone", "Botswana"},
    {"Maseru", "Lesotho"},
    {"Antananarivo", "Madagascar"},
    {"Port Louis", "Mauritius"},
    {"Tunis", "Tunisia"},
    {"Algiers", "Algeria"},
    {"Tripoli", "Libya"},
    {"Praia", "Cape Verde"},
    {"Malabo", "Equatorial Guinea"},
    {"Porto-Novo", "Benin"},
    {"Gitega", "Burundi"},
    {"Moroni", "Comoros"},
    {"Astana", "Kazakhstan"},
    {"Tashkent", "Uzbekistan"},
    {"Bishkek", "Kyrgyzstan"},
    {"Dushanbe", "Tajikistan"},
    {"Ashgabat", "Turkmenistan"},
    {"Kabul", "Afghanistan"},
    {"Baku", "Azerbaijan"},
    {"Yerevan", "Armenia"},
    {"Tbilisi", "Georgia"},
    {"Ulaanbaatar", "Mongolia"},
    {"Vientiane", "Laos"},
    {"Naypyidaw", "Myanmar"},
    {"Thimphu", "Bhutan"},
    {"Malé", "Maldives"},
    {"Dili", "Timor-Leste"},
    {"Bandar Seri Begawan", "Brunei"},
    {"Muscat", "Oman"},
    {"Manama", "Bahrain"},
    {"Kuwait City", "Kuwait"},
    {"Amman", "Jordan"},
    {"Beirut", "Lebanon"},
    {"Damascus", "Syria"},
    {"Sanaa", "Yemen"},
    {"Amsterdam", "Netherlands"},
    {"Reykjavik", "Iceland"},
    {"Minsk", "Belarus"},
    {"Vilnius", "Lithuania"},
    {"Riga", "Latvia"},
    {"Tallinn", "Estonia"},
    {"Bratislava", "Slovakia"},
    {"Ljubljana", "Slovenia"},
    {"Zagreb", "Croatia"},
    {"Belgrade", "Serbia"},
    {"Sarajevo", "Bosnia and Herzegovina"},
    {"Podgorica", "Montenegro"},
    {"Skopje", "North Macedonia"},
    {"Tirana", "Albania"},
    {"Chisinau", "Moldova"},
    {"Nicosia", "Cyprus"},
    {"Valletta", "Malta"},
    {"Havana", "Cuba"},
    {"Caracas", "Venezuela"},
    {"Bogota", "Colombia"},
    {"Quito", "Ecuador"},
    {"La Paz", "Bolivia"},
    {"Asunción", "Paraguay"},
    {"Asuncion", "Paraguay"},
    {"Montevideo", "Uruguay"},
    {"Panama City", "Panama"},
    {"San José", "Costa Rica"},
    {"Managua", "Nicaragua"},
    {"Tegucigalpa", "Honduras"},
    {"San Salvador", "El Salvador"},
    {"Guatemala City", "Guatemala"},
    {"Port-au-Prince", "Haiti"},
    {"Santo Domingo", "Dominican Republic"},
    {"Port Moresby", "Papua New Guinea"},
    {"Suva", "Fiji"},
    {"Apia", "Samoa"},
    {"Nuku'alofa", "Tonga"},
    {"Port Vila", "Vanuatu"},
    {"Honiara", "Solomon Islands"},
    {"Funafuti", "Tuvalu"},
    {"Majuro", "Marshall Islands"},
    {"Bujumbura", "Burundi"},
    {"Pristina", "Kosovo"},
    {"Port of Spain", "Trinidad and Tobago"},
    {"Georgetown", "Guyana"},
    {"Paramaribo", "Suriname"},
};

static const char *const NICKNAMES[][2] = {
    {"pete", "peter"},        {"bill", "william"},     {"will", "william"},
    {"billy", "william"},     {"liam", "william"},     {"bob", "robert"},
    {"rob", "robert"},        {"bobby", "robert"},     {"bert", "robert"},
    {"mike", "michael"},      {"mick", "michael"},     {"jim", "james"},
    {"jimmy", "james"},       {"jamie", "james"},      {"joe", "joseph"},
    {"tom", "thomas"},        {"tommy", "thomas"},     {"dick", "richard"},
    {"rick", "richard"},      {"rich", "richard"},     {"tony", "anthony"},
    {"chris", "christopher"}, {"dan", "daniel"},       {"danny", "daniel"},
    {"dave", "david"},        {"ed", "edward"},        {"ted", "edward"},
    {"eddie", "edward"},      {"alex", "alexander"},   {"sasha", "alexander"},
    {"andy", "andrew"},       {"drew", "andrew"},      {"ben", "benjamin"},
    {"charlie", "charles"},   {"chuck", "charles"},    {"jack", "john"},
    {"johnny", "john"},       {"kate", "katherine"},   {"katie", "katherine"},
    {"kathy", "katherine"},   {"liz", "elizabeth"},    {"beth", "elizabeth"},
    {"betty", "elizabeth"},   {"lizzie", "elizabeth"}, {"maggie", "margaret"},
    {"meg", "margaret"},      {"peggy", "margaret"},   {"matt", "matthew"},
    {"nick", "nicholas"},     {"pat", "patrick"},      {"sam", "samuel"},
    {"steve", "stephen"},     {"tim", "timothy"},      {"vlad", "vladimir"},
    {"jen", "jennifer"},      {"jenny", "jennifer"},   {"sue", "susan"},
    {"susie", "susan"},       {"greg", "gregory"},     {"jeff", "jeffrey"},
    {"ken", "kenneth"},       {"larry", "lawrence"},   {"len", "leonard"},
    {"leo", "leonard"},       {"nate", "nathan"},      {"phil", "philip"},
    {"ron", "ronald"},        {"ray", "raymond"},      {"stan", "stanley"},
    {"fred", "frederick"},    {"frank", "francis"},    {"gabe", "gabriel"},
    {"hank", "henry"},        {"harry", "henry"},      {"jake", "jacob"},
    {"josh", "joshua"},       {"zach", "zachary"},     {"abby", "abigail"},
    {"annie", "anne"},        {"cathy", "catherine"},  {"debbie", "deborah"},
    {"deb", "deborah"},       {"jess", "jessica"},     {"mandy", "amanda"},
    {"nancy", "ann"},         {"patty", "patricia"},   {"trish", "patricia"},
    {"becky", "rebecca"},     {"vicky", "victoria"},   {"don", "donald"},
    {"al", "albert"},         {"walt", "walter"},      {"wally", "walter"},
    {"manny", "emmanuel"},    {"pepe", "jose"},        {"paco", "francisco"},
    {"nacho", "ignacio"},     {"lula", "luiz"},        {"misha", "mikhail"},
    {"kostya", "konstantin"}, {"dima", "dmitry"},
};

/* British spellings folded to American ones for comparing names. */
static const char *const SPELLINGS[][2] = {
    {"defence", "defense"},
    {"finalised", "finalized"},
    {"organisation", "organization"},
    {"programme", "program"},
    {"centre", "center"},
    {"labour", "labor"},
    {"cooperation", "cooperation"},
    {"co-operation", "cooperation"},
    {"harmonisation", "harmonization"},
    {"recognised", "recognized"},
    {"modernisation", "modernization"},
    {"armour", "armor"},
};

/* --- look-ups ------------------------------------------------------------------------------
 *
 * Every list above and below is indexed once, on first use, in two open-addressing hash
 * tables: one keyed by (list, exact bytes), one by (list, ASCII-folded bytes).  A look-up then
 * costs one hash of the word instead of a compare against each entry: the extractor asks
 * several lists about every token.  A slot keeps the entry's index in its list, the first
 * one when a list spells the same word twice, so answers are those of a scan from the top.
 * Lists the index does not know (a caller's own short list) are scanned.
 *
 * Each indexed list also has a bit, and two more tables give, for a word, the bits of every
 * list holding it (exactly and folded): the tokeniser's callers ask once per token and keep
 * the answer (lex_word_lists). */

enum { LEX_SLOTS = 8192, LEX_LISTS = 64 };

typedef struct word_slot {
    const char *word; /* NULL: free */
    size_t len;
    uint64_t lists; /* bit b: the list with bit b holds the word */
} word_slot;

static word_slot exact_words[LEX_SLOTS], folded_words[LEX_SLOTS];
static int bit_of_slot[LEX_LISTS]; /* per indexed_lists slot */
static int lists_indexed;
/* The longest word of the indexed lists: a longer one (a token of a megabyte) is in none,
 * and is not hashed to learn it. */
static size_t longest_word;

typedef struct lex_slot {
    const void *list; /* NULL: free */
    const char *word;
    size_t len;
    int index;
} lex_slot;

static lex_slot exact_slots[LEX_SLOTS], folded_slots[LEX_SLOTS];
static const void *indexed_lists[LEX_LISTS]; /* open addressing by pointer */
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static uint64_t hash_word(const void *list, const char *s, size_t n, bool fold)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)(uintptr_t)list;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        h = (h ^ (fold ? (unsigned char)tolower(c) : c)) * 1099511628211ULL;
    }
    return h ^ (h >> 29);
}

static size_t list_slot(const void *list)
{
    uintptr_t p = (uintptr_t)list;
    return (size_t)((p >> 3) ^ (p >> 11)) & (LEX_LISTS - 1);
}

/* The bit of an indexed list, or -1. */
static int list_bit(const void *list)
{
    for (size_t i = list_slot(list);; i = (i + 1) & (LEX_LISTS - 1)) {
        if (indexed_lists[i] == list)
            return bit_of_slot[i];
        if (!indexed_lists[i])
            return -1;
    }
}

static bool list_indexed(const void *list)
{
    return list_bit(list) >= 0;
}

static bool same(const lex_slot *slot, const void *list, const char *s, size_t n, bool fold)
{
    return slot->list == list && slot->len == n &&
           (fold ? strncasecmp(slot->word, s, n) : memcmp(slot->word, s, n)) == 0;
}

static const lex_slot *find(const lex_slot *slots, const void *list, const char *s, size_t n,
                            bool fold)
{
    for (size_t i = hash_word(list, s, n, fold) & (LEX_SLOTS - 1);; i = (i + 1) & (LEX_SLOTS - 1)) {
        if (!slots[i].list)
            return NULL;
        if (same(&slots[i], list, s, n, fold))
            return &slots[i];
    }
}

static void add(lex_slot *slots, const void *list, const char *word, int index, bool fold)
{
    size_t n = strlen(word);
    for (size_t i = hash_word(list, word, n, fold) & (LEX_SLOTS - 1);;
         i = (i + 1) & (LEX_SLOTS - 1)) {
        if (!slots[i].list) {
            slots[i] = (lex_slot){list, word, n, index};
            return;
        }
        if (same(&slots[i], list, word, n, fold))
            return; /* the earlier entry answers */
    }
}

/* Sets the list's bit on the word's slot (a word table is keyed by the word alone). */
static void add_word(word_slot *words, const char *word, int bit, bool fold)
{
    size_t n = strlen(word);
    for (size_t i = hash_word(NULL, word, n, fold) & (LEX_SLOTS - 1);;
         i = (i + 1) & (LEX_SLOTS - 1)) {
        if (!words[i].word) {
            words[i] = (word_slot){word, n, 0};
        } else if (words[i].len != n || (fold ? strncasecmp(words[i].word, word, n)
                                              : memcmp(words[i].word, word, n)) != 0) {
            continue;
        }
        words[i].lists |= UINT64_C(1) << bit;
        return;
    }
}

static uint64_t word_lists(const word_slot *words, const char *s, size_t n, bool fold)
{
    for (size_t i = hash_word(NULL, s, n, fold) & (LEX_SLOTS - 1);; i = (i + 1) & (LEX_SLOTS - 1)) {
        if (!words[i].word)
            return 0;
        if (words[i].len == n &&
            (fold ? strncasecmp(words[i].word, s, n) : memcmp(words[i].word, s, n)) == 0)
            return words[i].lists;
    }
}

/* Indexes one list whose entries are stride pointers apart (1 for a word list, 2 for the
 * pairs of a mapping), stopping at count entries or at a NULL. */
static void index_list(const char *const *entries, size_t stride, size_t count)
{
    int bit = lists_indexed++;
    assert(bit < LEX_LISTS);
    size_t i = list_slot(entries);
    while (indexed_lists[i])
        i = (i + 1) & (LEX_LISTS - 1);
    indexed_lists[i] = entries;
    bit_of_slot[i] = bit;
    for (size_t k = 0; k < count && entries[k * stride]; k++) {
        if (strlen(entries[k * stride]) > longest_word)
            longest_word = strlen(entries[k * stride]);
        add(exact_slots, entries, entries[k * stride], (int)k, false);
        add(folded_slots, entries, entries[k * stride], (int)k, true);
        add_word(exact_words, entries[k * stride], bit, false);
        add_word(folded_words, entries[k * stride], bit, true);
    }
}

#define WORD_LIST(list) index_list(list, 1, SIZE_MAX)
#define PAIR_LIST(pairs) index_list(&(pairs)[0][0], 2, sizeof(pairs) / sizeof(*(pairs)))

static bool office_words_listed(void);

static void index_lexicon(void)
{
    WORD_LIST(LEX_TITLE_HEADS);
    WORD_LIST(LEX_TITLE_MODIFIERS);
    WORD_LIST(LEX_HONORIFICS);
    WORD_LIST(LEX_MALE_WORDS);
    WORD_LIST(LEX_FEMALE_WORDS);
    WORD_LIST(LEX_SPEECH_VERBS);
    WORD_LIST(LEX_PARTICIPLE_CUES);
    WORD_LIST(LEX_MEETING_WORDS);
    WORD_LIST(LEX_CALL_WORDS);
    WORD_LIST(LEX_ATTENDANCE_WORDS);
    WORD_LIST(LEX_REPORT_CUES);
    WORD_LIST(LEX_AUDIENCE_NOUNS);
    WORD_LIST(LEX_PLAN_WORDS);
    WORD_LIST(LEX_INVITATION_WORDS);
    WORD_LIST(LEX_TOPIC_NOUNS);
    WORD_LIST(LEX_SIGNING_VERBS);
    WORD_LIST(LEX_AGREEMENT_HEADS);
    WORD_LIST(LEX_GENERIC_HEADS);
    WORD_LIST(LEX_FUNCTION_WORDS);
    WORD_LIST(LEX_ABBREVIATIONS);
    WORD_LIST(LEX_NOT_NAMES);
    WORD_LIST(LEX_ORG_WORDS);
    WORD_LIST(LEX_ORG_HEADS);
    WORD_LIST(LEX_LOCAL_GOVERNMENTS);
    WORD_LIST(LEX_MONTHS);
    WORD_LIST(LEX_MONTH_ABBREVS);
    WORD_LIST(LEX_WEEKDAYS);
    WORD_LIST(LEX_DOMAIN_WORDS);
    WORD_LIST(LEX_EVALUATIVE);
    WORD_LIST(LEX_DOCUMENT_PLURALS);
    WORD_LIST(LEX_ANY_TYPE_HEADS);
    WORD_LIST(LEX_DOCUMENT_TYPE_WORDS);
    WORD_LIST(LEX_CONSENT_VERBS);
    WORD_LIST(LEX_DRAFT_WORDS);
    WORD_LIST(LEX_PLANNING_WORDS);
    WORD_LIST(LEX_PAST_MARKERS);
    WORD_LIST(LEX_SUPERSEDING_WORDS);
    WORD_LIST(LEX_CURRENCY_WORDS);
    WORD_LIST(LEX_VENUE_WORDS);
    WORD_LIST(LEX_DOCUMENT_ANAPHORS);
    WORD_LIST(LEX_TOPIC_OPENERS);
    WORD_LIST(LEX_PURPOSE_VERBS);
    WORD_LIST(LEX_OCCASION_NOUNS);
    WORD_LIST(LEX_FIELD_NOUNS);
    WORD_LIST(LEX_TOPIC_STOPS);
    WORD_LIST(LEX_QUANTIFIERS);
    WORD_LIST(LEX_LIST_OPENERS);
    WORD_LIST(LEX_QUANTITY_NOUNS);
    WORD_LIST(LEX_SIGNABLE_NOUNS);
    WORD_LIST(LEX_BILLING_WORDS);
    WORD_LIST(LEX_EVENT_WORDS);
    WORD_LIST(LEX_NEGATIONS);
    WORD_LIST(LEX_GROUP_NOUNS);
    WORD_LIST(LEX_ROLE_NOUNS);
    WORD_LIST(LEX_HEADLINE_LABELS);
    WORD_LIST(LEX_CORRECTION_LABELS);
    WORD_LIST(LEX_TITLED_WORKS);
    WORD_LIST(LEX_NAMING_WORDS);
    WORD_LIST(LEX_OFFICE_WORDS);
    PAIR_LIST(COUNTRIES);
    PAIR_LIST(CAPITALS);
    PAIR_LIST(NICKNAMES);
    PAIR_LIST(SPELLINGS);
    assert(office_words_listed());
}

/* Index of s[0..n) in the list (entries stride apart, count of them at most), or -1. */
static int lookup(const char *const *entries, size_t stride, size_t count, const char *s, size_t n,
                  bool fold)
{
    pthread_once(&index_once, index_lexicon);
    if (list_indexed(entries)) {
        if (n > longest_word)
            return -1;
        const lex_slot *slot = find(fold ? folded_slots : exact_slots, entries, s, n, fold);
        return slot ? slot->index : -1;
    }
    for (size_t k = 0; k < count && entries[k * stride]; k++) {
        const char *a = entries[k * stride];
        if (strlen(a) == n && (fold ? strncasecmp(a, s, n) : memcmp(a, s, n)) == 0)
            return (int)k;
    }
    return -1;
}

int lex_list_bit(const char *const *list)
{
    pthread_once(&index_once, index_lexicon);
    return list_bit(list);
}

lex_lists lex_word_lists(const char *s, size_t n)
{
    pthread_once(&index_once, index_lexicon);
    if (n > longest_word)
        return (lex_lists){0, 0};
    return (lex_lists){word_lists(exact_words, s, n, false), word_lists(folded_words, s, n, true)};
}

bool lex_has(const char *const *list, const char *s, size_t n)
{
    return lookup(list, 1, SIZE_MAX, s, n, false) >= 0;
}

bool lex_has_ci(const char *const *list, const char *s, size_t n)
{
    return lex_index_ci(list, s, n) >= 0;
}

int lex_index_ci(const char *const *list, const char *s, size_t n)
{
    return lookup(list, 1, SIZE_MAX, s, n, true);
}

/* The second word of the pair whose first word is s[0..n), or NULL. */
#define PAIR_LOOKUP(pairs, s, n, fold)                                                    \
    do {                                                                                  \
        int k_ = lookup(&(pairs)[0][0], 2, sizeof(pairs) / sizeof(*(pairs)), s, n, fold); \
        return k_ >= 0 ? (pairs)[k_][1] : NULL;                                           \
    } while (0)

static const char *country_exact(const char *s, size_t n)
{
    PAIR_LOOKUP(COUNTRIES, s, n, false);
}

/* A country, its demonym or another name for it; a space may stand for the hyphen of a
 * hyphenated name and the reverse ("Timor Leste", "Guinea-Bissau"). */
const char *lex_country(const char *s, size_t n)
{
    const char *c = country_exact(s, n);
    if (c || n >= 64)
        return c;
    /* "Trinidad & Tobago": "&" for "and" */
    const char *amp = memchr(s, '&', n);
    if (amp && amp > s && amp + 1 < s + n && amp[-1] == ' ' && amp[1] == ' ' && n + 2 < 64) {
        char spelled[64];
        int a = (int)(amp - s);
        int len = snprintf(spelled, sizeof spelled, "%.*sand%.*s", a, s, (int)n - a - 1, amp + 1);
        return len > 0 && (size_t)len < sizeof spelled ? country_exact(spelled, (size_t)len) : NULL;
    }
    char alt[64];
    bool changed = false;
    for (size_t i = 0; i < n; i++) {
        alt[i] = s[i];
        if (s[i] == ' ')
            alt[i] = '-';
        else if (s[i] == '-')
            alt[i] = ' ';
        changed |= alt[i] != s[i];
    }
    return changed ? country_exact(alt, n) : NULL;
}

const char *lex_capital_country(const char *s, size_t n)
{
    PAIR_LOOKUP(CAPITALS, s, n, false);
}

const char *lex_nickname(const char *s, size_t n)
{
    PAIR_LOOKUP(NICKNAMES, s, n, true);
}

int lex_month(const char *s, size_t n)
{
    int i = lex_index_ci(LEX_MONTHS, s, n);
    if (i >= 0)
        return i + 1;
    i = lex_index_ci(LEX_MONTH_ABBREVS, s, n);
    if (i >= 0)
        return i == 12 ? 9 : i + 1;
    return 0;
}

int lex_weekday(const char *s, size_t n)
{
    return lex_index_ci(LEX_WEEKDAYS, s, n);
}

const char *lex_spelling(const char *s, size_t n)
{
    PAIR_LOOKUP(SPELLINGS, s, n, true);
}

/* Words that say what kind of agreement, not which one. */
const char *const LEX_DOMAIN_WORDS[] = {
    "defence",      "defense",  "security",    "trade",      "strategic",     "cooperation",
    "co-operation", "economic", "partnership", "military",   "comprehensive", "bilateral",
    "joint",        "new",      "historic",    "landmark",   "major",         "free",
    "investment",   "climate",  "energy",      "nuclear",    "maritime",      "peace",
    "final",        "interim",  "global",      "general",    "this",          "that",
    "our",          "their",    "its",         "industrial", "technology",    "framework",
    "agreement",    NULL,
};

/* Adjectives that praise or date a mention without telling which one it is. */
const char *const LEX_EVALUATIVE[] = {
    "landmark",
    "historic",
    "new",
    "major",
    "significant",
    "ambitious",
    "recent",
    "latest",
    "first",
    "key",
    "important",
    "sweeping",
    "broad",
    "wide-ranging",
    "far-reaching",
    "proposed",
    "planned",
    "signed",
    "current",
    "so-called",
    "long-awaited",
    "crucial",
    "groundbreaking",
    "unprecedented",
    "formal",
    "fresh",
    "revised",
    "updated",
    NULL,
};

/* Plural nouns for documents ("the documents were signed"). */
const char *const LEX_DOCUMENT_PLURALS[] = {
    "documents", "agreements",   "accords",   "deals", "pacts",
    "treaties",  "memorandums",  "memoranda", "texts", "instruments",
    "protocols", "declarations", NULL,
};

/* Words before a document that say it is not signed yet ("a draft memorandum"). */
const char *const LEX_DRAFT_WORDS[] = {
    "draft",     "proposed", "planned",   "prospective", "possible",
    "potential", "future",   "envisaged", "mooted",      NULL,
};

/* A signing that only agrees the text, its signature still to come ("initialled the
 * accord", "preliminarily signed"): the verb itself or a word just before the verb. */
const char *const LEX_PRELIMINARY_SIGNING[] = {
    "initialled", "initialed", "initialling", "initialing", "preliminarily", "tentatively", NULL,
};

/* Words that tell a document still being worked out ("under negotiation", "are negotiating
 * the X"). */
const char *const LEX_NEGOTIATION_WORDS[] = {
    "negotiating",   "negotiate",   "negotiation",   "negotiations",
    "renegotiating", "renegotiate", "renegotiation", NULL,
};

/* Signing verbs that tell consent rather than a signature when nothing names the document:
 * "reached an agreement on fisheries", "agreed a deal". */
const char *const LEX_CONSENT_VERBS[] = {
    "reached",
    "agreed",
    NULL,
};

/* Words before "signing" that make it a plan or a topic of talks ("discussed signing an
 * agreement", "ahead of signing"). */
const char *const LEX_PLANNING_WORDS[] = {
    "discussed", "discussing", "discuss",   "considering", "considered", "consider", "planning",
    "plans",     "plan",       "planned",   "exploring",   "explored",   "mulling",  "weighing",
    "eyeing",    "toward",     "towards",   "ahead",       "preparing",  "prepare",  "prepared",
    "envisage",  "envisaged",  "proposed",  "proposing",   "about",      "over",     "delay",
    "delayed",   "postpone",   "postponed", "objective",   "aim",        "goal",     "view",
    "intention", "prospect",   "hope",      "hopes",       "hinder",     "hinders",  "hindered",
    "hindering", "obstruct",   "obstructs", "obstructed",  "block",      "blocks",   "blocked",
    "prevent",   "prevents",   "prevented", "stall",       "stalled",    "stalling", NULL,
};

/* Words that make a signing told in the past a history, not the article's news ("previously
 * signed", "the original accord"). */
const char *const LEX_PAST_MARKERS[] = {
    "which",    "previous",   "previously", "earlier",  "former", "formerly",
    "original", "originally", "initially",  "historic", NULL,
};

/* Currencies named after a country ("US dollar", "Chinese yuan"): the country word before
 * them names money, not a country acting. */
const char *const LEX_CURRENCY_WORDS[] = {
    "dollar", "dollars",  "euro",      "euros",   "pound",  "pounds", "yuan",   "yen",    "rupee",
    "rupees", "peso",     "pesos",     "franc",   "francs", "dinar",  "dinars", "dirham", "dirhams",
    "riyal",  "riyals",   "rand",      "real",    "reais",  "ruble",  "rubles", "rouble", "roubles",
    "won",    "shilling", "shillings", "naira",   "cedi",   "cedis",  "kwacha", "lira",   "krone",
    "kroner", "krona",    "kronor",    "ringgit", "rupiah", "baht",   "dong",   "taka",   NULL,
};

/* The last word of a named venue, a place of its own without its city: "at the Bogor
 * Presidential Palace", "at Government House". */
const char *const LEX_VENUE_WORDS[] = {
    "Palace",     "House",       "Hall",        "Hotel",   "Centre",  "Center",
    "Building",   "Museum",      "Residence",   "Castle",  "Villa",   "Pavilion",
    "Auditorium", "Secretariat", "Chancellery", "Kremlin", "Complex", "Buildings",
    "Lodge",      "Mansion",     "Residency",   "Diwan",   NULL,
};

/* Words before a document that make it an older one the new one changes: "an update of the
 * 1997 agreement", "replaces the accord of 2001". */
const char *const LEX_SUPERSEDING_WORDS[] = {
    "update",     "updates",   "updated",    "replaces",    "replace", "replaced", "replacing",
    "supersedes", "supersede", "superseded", "superseding", "amends",  "amend",    "amending",
    "amendment",  "revises",   "revision",   "successor",   "renews",  "renewal",  NULL,
};

/* Words that, beside the heads, name a document's type: "Memorandum of Understanding",
 * "letter of intent". */
const char *const LEX_DOCUMENT_TYPE_WORDS[] = {
    "understanding", "intent", "letter", "letters", NULL,
};

/* Words that open what a document is about, after its type: "an agreement on ...",
 * "a letter of intent for ...", "accords covering ...". */
const char *const LEX_TOPIC_OPENERS[] = {
    "on",        "for",      "of",           "to",       "between",   "concerning",
    "regarding", "covering", "establishing", "creating", "governing", "allowing",
    "granting",  "setting",  "in",           "around",   NULL,
};

/* Nouns of "in the mining sector", "in the field of health": what a document is about. */
const char *const LEX_FIELD_NOUNS[] = {
    "field",  "fields",  "area",   "areas",   "sphere", "spheres",
    "domain", "domains", "sector", "sectors", NULL,
};

/* Nouns after "on", "for", "in" that tell the occasion or manner of a signing, not what the
 * document is about: "on the sidelines of", "on behalf of", "for the first time". */
const char *const LEX_OCCASION_NOUNS[] = {
    "sidelines", "margins",      "margin", "behalf", "eve",   "occasion",   "visit",
    "trip",      "tour",         "time",   "day",    "back",  "heels",      "anniversary",
    "way",       "spot",         "record", "part",   "basis", "invitation", "initiative",
    "presence",  "instructions", "orders", NULL,
};

/* Verbs of a purpose clause ("signed three agreements to deepen ties"): why, not what. */
const char *const LEX_PURPOSE_VERBS[] = {
    "deepen",  "strengthen", "boost",     "bolster", "enhance",  "expand",    "promote",
    "further", "improve",    "advance",   "foster",  "increase", "intensify", "consolidate",
    "cement",  "reinforce",  "broaden",   "elevate", "upgrade",  "spur",      "support",
    "help",    "mark",       "celebrate", NULL,
};

/* Words that end what a document is about: a clause, a time, a verb of the sentence. */
const char *const LEX_TOPIC_STOPS[] = {
    "which",
    "that",
    "who",
    "whose",
    "where",
    "whereby",
    "while",
    "when",
    "as",
    "plus",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "has",
    "have",
    "had",
    "did",
    "does",
    "do",
    "also",
    "after",
    "before",
    "during",
    "amid",
    "ahead",
    "following",
    "at",
    "with",
    "by",
    "under",
    "worth",
    "valued",
    "last",
    "next",
    "today",
    "yesterday",
    "tomorrow",
    "earlier",
    "later",
    "here",
    "there",
    "but",
    "including",
    "besides",
    "through",
    "since",
    "until",
    "within",
    "among",
    "via",
    "against",
    "because",
    "so",
    "than",
    "if",
    "said",
    "says",
    "according",
    "signed",
    "inked",
    "sealed",
    /* what a document does, told right after it: "The MoU on energy stipulates that ..." */
    "stipulates",
    "provides",
    "aims",
    "seeks",
    "covers",
    "envisages",
    "allows",
    "establishes",
    "focuses",
    "commits",
    "enables",
    "obliges",
    "foresees",
    "sets",
    NULL,
};

/* Words that open the items of a batch: "signed 12 agreements, including a memorandum on
 * ...", "among them". */
const char *const LEX_LIST_OPENERS[] = {
    "including", "include", "includes", "included", "among", ":", NULL,
};

/* Words that count documents: "three agreements", "several accords". */
const char *const LEX_QUANTIFIERS[] = {
    "two",      "three", "four",   "five",   "six",     "seven",   "eight",
    "nine",     "ten",   "eleven", "twelve", "several", "various", "multiple",
    "numerous", "many",  "some",   "dozens", "both",    NULL,
};

/* Counts written out, in order from two: the word at index i counts i + 2 ("four agreements
 * were signed, covering ..."). */
const char *const LEX_COUNT_WORDS[] = {
    "two",   "three", "four", "five",   "six",    "seven",
    "eight", "nine",  "ten",  "eleven", "twelve", NULL,
};

/* Ordinals that tell an item of a list by its place ("The third agreement is ..."). */
const char *const LEX_ORDINALS[] = {
    "first",   "second", "third", "fourth", "fifth", "sixth",
    "seventh", "eighth", "ninth", "tenth",  NULL,
};

/* Units of a stretch of time ("five months after it signed", "two years ago"). */
const char *const LEX_DURATION_UNITS[] = {
    "days", "weeks", "months", "years", "decades", "day", "week", "month", "year", "decade", NULL,
};

/* Words that open the enumeration of what counted documents cover ("four agreements ...,
 * covering health, agriculture and customs"). */
const char *const LEX_ENUMERATION_OPENERS[] = {
    "covering", "on", "in", "concerning", "regarding", "for", "spanning", NULL,
};

/* Nouns of honouring the dead or the past ("the centenary of", "the mausoleum of"). */
const char *const LEX_COMMEMORATIONS[] = {
    "centenary", "centennial", "anniversary", "birthday", "jubilee", "memory",
    "memorial",  "mausoleum",  "tomb",        "grave",    "legacy",  "funeral",
    "portrait",  "statue",     "monument",    "shrine",   "death",   NULL,
};

/* Words that make a document's type and no name of its own ("Memorandum of Cooperation",
 * "Cooperation Agreement"): two articles' documents so named are not one for the name. */
const char *const LEX_BARE_TYPE_WORDS[] = {
    "cooperation",
    "co-operation",
    "collaboration",
    NULL,
};

/* Nouns of a field a list of documents covers ("the areas of A, B and C"). */
const char *const LEX_FIELD_WORDS[] = {
    "area",   "areas",   "field",  "fields",  "sector", "sectors",
    "domain", "domains", "sphere", "spheres", NULL,
};

/* Verbs that open the list of what a batch of documents held ("The MoUs signed include ..."). */
const char *const LEX_INCLUSION_VERBS[] = {
    "include", "includes", "included", "comprise", "comprised", "comprising", "are", "were", NULL,
};

/* Heads of a document only when joint ("a joint statement", not "said in a statement"). */
const char *const LEX_JOINT_ONLY_HEADS[] = {
    "statement",
    "communique",
    "communiqué",
    NULL,
};

/* Words that open a sentence and stand for the things the sentence before told ("These
 * include:", "They are:"). */
const char *const LEX_PLURAL_ANAPHORS[] = {
    "These",
    "They",
    "Those",
    NULL,
};

/* Nouns of "a number of", "a series of", "a raft of" documents. */
const char *const LEX_QUANTITY_NOUNS[] = {
    "number", "series", "raft",   "range", "host", "set",   "package", "slew",  "couple", "total",
    "batch",  "bundle", "string", "pair",  "trio", "dozen", "handful", "slate", "suite",  NULL,
};

/* Nouns that are signed like a document though they do not name one: "signed a comprehensive
 * strategic partnership", "the agreement, billed as a ... partnership". */
const char *const LEX_SIGNABLE_NOUNS[] = {
    "partnership", "roadmap", "road-map", "plan", "programme", "program", NULL,
};

/* Words before a phrase that gives a document another name ("billed as", "dubbed"). */
const char *const LEX_BILLING_WORDS[] = {
    "billed",    "dubbed", "called",  "named",  "known",
    "described", "touted", "branded", "styled", NULL,
};

/* Generic words that may stand for a document of any type. */
const char *const LEX_ANY_TYPE_HEADS[] = {
    "agreement", "deal", "pact", "accord", "document", NULL,
};

/* Words that refer back to a document already told but never tell a new one ("inked the
 * document at the ceremony"). */
const char *const LEX_DOCUMENT_ANAPHORS[] = {
    "document",
    NULL,
};

/* Words that make a capitalised phrase an event, not a venue. */
const char *const LEX_EVENT_WORDS[] = {
    "Summit",    "Meeting",   "Meeting-Plus", "Conference",    "Forum",    "Council",
    "Dialogue",  "Assembly",  "Session",      "Talks",         "Congress", "Expo",
    "Week",      "Plus",      "Ministerial",  "Retreat",       "Games",    "Convention",
    "Symposium", "Gathering", "Negotiations", "Round",         "Festival", "Fair",
    "Days",      "Meet",      "meet",         "Consultations", "Visit",    NULL,
};

/* Words before a verb that deny or postpone it ("did not meet", "will meet"). */
const char *const LEX_NEGATIONS[] = {
    "not",       "never",    "n't",     "didn’t",  "didn't",    "won't",     "will",
    "would",     "could",    "might",   "may",     "shall",     "cancelled", "canceled",
    "postponed", "declined", "refused", "failed",  "plans",     "planned",   "hopes",
    "denied",    "denies",   "deny",    "denying", "dismissed", NULL,
};

/* Verbs of a photo caption ("X and Y pose for a photo", "are pictured with"): the picture
 * is no account of a meeting. */
const char *const LEX_PHOTO_WORDS[] = {
    "pose", "poses", "posed", "posing", "pictured", "photographed", NULL,
};

/* Nouns for a pair of people ("the two leaders"). */
const char *const LEX_GROUP_NOUNS[] = {
    "leaders",     "ministers", "sides", "officials",   "counterparts", "presidents",
    "secretaries", "men",       "women", "delegations", "premiers",     "chancellors",
    "monarchs",    "kings",     "heads", NULL,
};

/* Lower-case role nouns that introduce a name ("council chair Name"). */
const char *const LEX_ROLE_NOUNS[] = {
    "counterpart",  "chair",     "chairwoman", "chairman",     "leader",     "head",
    "official",     "expert",    "analyst",    "economist",    "researcher", "activist",
    "lawyer",       "professor", "director",   "spokesperson", "spokesman",  "spokeswoman",
    "negotiator",   "envoy",     "minister",   "secretary",    "president",  "ambassador",
    "commissioner", "governor",  "mayor",      "adviser",      "advisor",    "executive",
    "founder",      "scientist", "historian",  "campaigner",   "organiser",  "organizer",
    "deputy",       "colleague", "premier",    "chancellor",   "senator",    NULL,
};

/* Labels that open a headline the way a place opens a dateline ("Live:"). */
const char *const LEX_HEADLINE_LABELS[] = {
    "Live",         "LIVE",         "Update",     "UPDATE",     "Updated",       "Breaking",
    "BREAKING",     "Exclusive",    "EXCLUSIVE",  "Analysis",   "ANALYSIS",      "Opinion",
    "OPINION",      "Explainer",    "EXPLAINER",  "Comment",    "Editorial",     "Review",
    "Podcast",      "Video",        "VIDEO",      "Watch",      "WATCH",         "Interview",
    "Factbox",      "FACTBOX",      "Timeline",   "Q&A",        "Photos",        "Breaking News",
    "Live updates", "Live Updates", "TRANSCRIPT", "Transcript", "PRESS RELEASE", "Press Release",
    "OPINION",      "Opinion",      "FEATURES",   "Features",   "EDITORIAL",     "COMMENT",
    "NEWSLETTER",   "Newsletter",   "Statement",  "STATEMENT",  "Correction",    "CORRECTION",
    "Obituary",     "Letters",      "LETTERS",    NULL,
};

/* The last word of a portal's section name printed above a headline ("World News", "Latest
 * News", "Foreign Affairs"): with at most three capitalised words, the line is a label. */
const char *const LEX_SECTION_NOUNS[] = {
    "News",      "NEWS",      "Politics", "POLITICS", "Affairs",   "AFFAIRS",
    "Diplomacy", "DIPLOMACY", "Business", "BUSINESS", "Economy",   "ECONOMY",
    "Nation",    "NATION",    "Region",   "Regions",  "Headlines", "HEADLINES",
    "Stories",   "Releases",  "Updates",  NULL,
};

/* Labels of a note that corrects the article: what it says was wrong is no fact. */
const char *const LEX_CORRECTION_LABELS[] = {
    "Correction", "CORRECTION", "Corrections", "Clarification", "CLARIFICATION", "Erratum", NULL,
};

/* Whole lines of page furniture: navigation, breadcrumbs and prompts around an article
 * (compared case-insensitively, bullets and a trailing colon aside). */
const char *const LEX_FURNITURE_LINES[] = {
    "You are here",
    "You are in",
    "Skip to content",
    "Skip to main content",
    "Skip to navigation",
    "Skip to main navigation",
    "Main content",
    "Toggle navigation",
    "Navigation",
    "Navigation and service",
    "Main navigation",
    "Jump to navigation",
    "Jump to content",
    "Jump to main content",
    "Main menu",
    "Menu",
    "Search",
    "Home",
    "All news",
    "Short Url",
    "Short link",
    "Permalink",
    "Follow",
    "Follow us",
    "ADVT",
    "Advertisement",
    "Ad",
    "Sponsored content",
    "Print",
    "Email",
    "Share",
    "Share this",
    "Share this article",
    "Share on social networks",
    "Share on social media",
    "Back to top",
    "Log in",
    "Sign in",
    "Most read",
    "Most popular",
    "Most viewed",
    "Next article",
    "Previous article",
    "Related articles",
    "Related news",
    "Related stories",
    "Listen to this article",
    "Text size",
    "Font size",
    "Tags",
    "Topics",
    "Close",
    "Tagged",
    "Related Topics",
    "Continue reading",
    "Continue reading...",
    /* a portal's section above the headline */
    "Media Center",
    "Media Centre",
    "Press Center",
    "Press Centre",
    "Press Room",
    "Newsroom",
    "News Room",
    "Press releases",
    "Latest news",
    /* skip links of sites in other languages ("Skip to menu", "Skip to content") */
    "Hoppa yfir valmynd",
    "Fara beint í efnið",
    "Zum Inhalt springen",
    "Direkt zum Inhalt",
    "Aller au contenu",
    "Aller au contenu principal",
    "Saltar al contenido",
    "Ir al contenido",
    "Passa al contenuto",
    "Pular para o conteúdo",
    "Naar inhoud springen",
    "Hoppa till innehållet",
    "Siirry sisältöön",
    "Hopp til innhold",
    "Gå til indhold",
    "Przejdź do treści",
    NULL,
};

/* The word of a formal state name after its demonym or country ("the Portuguese Republic",
 * "the Swiss Confederation", "the Hashemite Kingdom"). */
const char *const LEX_STATE_FORMS[] = {
    "Republic",     "Confederation", "Federation", "Kingdom", "Principality",
    "Commonwealth", "Sultanate",     "Emirate",    NULL,
};

/* Feasts of a fixed day, with the day as "MM-DD" ("on Christmas Eve"). */
static const char *const HOLIDAYS[][2] = {
    {"Christmas Eve", "12-24"},  {"Christmas Day", "12-25"},   {"Boxing Day", "12-26"},
    {"New Year's Eve", "12-31"}, {"New Year’s Eve", "12-31"},  {"New Year's Day", "01-01"},
    {"New Year’s Day", "01-01"}, {"Valentine's Day", "02-14"}, {"Valentine’s Day", "02-14"},
};

bool lex_holiday(const char *s, size_t n, int *month, int *day)
{
    for (size_t i = 0; i < sizeof HOLIDAYS / sizeof *HOLIDAYS; i++)
        if (strlen(HOLIDAYS[i][0]) == n && memcmp(HOLIDAYS[i][0], s, n) == 0) {
            *month = atoi(HOLIDAYS[i][1]);
            *day = atoi(HOLIDAYS[i][1] + 3);
            return true;
        }
    return false;
}

/* News and picture agencies, as a credit in parentheses names them ("(AP)", "(AFP Photo)"):
 * never an agreement's acronym. */
const char *const LEX_WIRE_AGENCIES[] = {
    "AP",      "AFP",     "EPA",     "UPI",     "ANI",    "PTI",      "IANS",   "PNA",
    "WAM",     "SPA",     "KUNA",    "MNA",     "IRNA",   "TASS",     "Xinhua", "XINHUA",
    "Reuters", "REUTERS", "Bernama", "BERNAMA", "Yonhap", "Kyodo",    "ANTARA", "Antara",
    "Anadolu", "EFE",     "DPA",     "dpa",     "ANSA",   "NNN",      "BSS",    "APP",
    "Getty",   "NNA",     "QNA",     "BNA",     "ONA",    "MENA",     "SANA",   "VNA",
    "KPL",     "AA",      "RIA",     "Sputnik", "CNA",    "Agencies", NULL,
};

/* Words of a call to the reader, in the languages pages print them: a skip link, a prompt to
 * subscribe, to allow notifications or to donate.  A line holding one is no headline. */
const char *const LEX_PROMPT_WORDS[] = {
    "click",        "clic",          "clique",         "cliquez",      "klicken",
    "klik",         "tap",           "subscribe",      "suscríbete",   "suscribirse",
    "abonnez-vous", "notifications", "notificaciones", "notificações", "benachrichtigungen",
    "newsletter",   "donate",        "donation",       "donations",    "unsubscribe",
    NULL,
};

/* Words a wire byline uses for the newsroom instead of a name ("by Staff Writers"). */
/* Who wrote the article, as an author's box at its foot names them ("About the author"). */
const char *const LEX_AUTHOR_NOUNS[] = {
    "author", "writer", "reporter", "journalist", "contributor", "columnist", "correspondent", NULL,
};

const char *const LEX_STAFF_BYLINES[] = {
    "Staff Writers",
    "Staff Writer",
    "Staff Reporter",
    "Staff Reporters",
    "Staff Correspondent",
    "Our Correspondent",
    "Our Reporter",
    "News Desk",
    "Web Desk",
    "Online Desk",
    "Agencies",
    "Wire Services",
    NULL,
};

/* Words before quotation marks that name rather than report ("dubbed"). */
const char *const LEX_NAMING_WORDS[] = {
    "dubbed", "called", "named",  "titled",  "entitled",   "so-called", "term",
    "word",   "words",  "slogan", "motto",   "hashtag",    "phrase",    "banner",
    "theme",  "label",  "known",  "branded", "christened", "the",       "a",
    "an",     "its",    "their",  "his",     "her",        "our",       NULL,
};

/* Works and events whose titles stand in quotation marks ("Webinar, “Who owns a forecast?”"). */
const char *const LEX_TITLED_WORKS[] = {
    "webinar",    "Webinar",     "panel",      "Panel",      "seminar",   "Seminar",  "lecture",
    "Lecture",    "talk",        "report",     "Report",     "book",      "Book",     "film",
    "Film",       "documentary", "exhibition", "Exhibition", "paper",     "study",    "article",
    "column",     "episode",     "podcast",    "Podcast",    "song",      "album",    "play",
    "series",     "campaign",    "Campaign",   "session",    "Session",   "workshop", "Workshop",
    "conference", "Conference",  "forum",      "Forum",      "programme", "program",  "initiative",
    "strategy",   "headline",    "editorial",  "essay",      "poem",      "novel",    "exercise",
    "operation",  NULL,
};

/* ---- speakers (speakers.c) ---- */

/* Bodies that speak as one ("the foreign ministry said", "the White House said"): the head
 * word of an institution's name, any case. */
const char *const LEX_SPEAKING_BODIES[] = {
    "ministry",  "department",     "office",       "agency",       "embassy",
    "consulate", "government",     "presidency",   "palace",       "cabinet",
    "council",   "commission",     "committee",    "secretariat",  "parliament",
    "assembly",  "senate",         "congress",     "court",        "tribunal",
    "army",      "navy",           "police",       "military",     "kremlin",
    "pentagon",  "administration", "authority",    "authorities",  "bank",
    "company",   "group",          "organisation", "organization", "coalition",
    "alliance",  "association",    "federation",   "union",        "party",
    "mission",   "delegation",     "directorate",  "bureau",       "service",
    "command",   "headquarters",   "house",        "statehouse",   "junta",
    NULL,
};

/* Words for someone who speaks without a name ("a senior official said", "diplomats say"):
 * the head of a role phrase, any case (with LEX_TITLE_HEADS and LEX_ROLE_NOUNS). */
const char *const LEX_SPEAKER_NOUNS[] = {
    "official",
    "officials",
    "diplomat",
    "diplomats",
    "source",
    "sources",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "critic",
    "critics",
    "observer",
    "observers",
    "resident",
    "residents",
    "witness",
    "witnesses",
    "lawmaker",
    "lawmakers",
    "legislator",
    "legislators",
    "officer",
    "officers",
    "aide",
    "aides",
    "insider",
    "insiders",
    "representative",
    "representatives",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokespeople",
    "negotiators",
    "activists",
    "campaigners",
    "economists",
    "researchers",
    "scientists",
    "lawyers",
    "investigators",
    "protesters",
    "organisers",
    "organizers",
    "farmers",
    "workers",
    "fishermen",
    "traders",
    "locals",
    "villagers",
    "netizen",
    "netizens",
    "user",
    "users",
    "commentator",
    "commentators",
    "editorial",
    "one",
    "others",
    "everyone",
    "someone",
    "somebody",
    "nobody",
    "anyone",
    "people",
    "person",
    "PM",
    NULL,
};

/* Words between a speaker and the speech verb ("Name also said", "the ministry has said"). */
const char *const LEX_CUE_FILLERS[] = {
    "also",       "further",      "later",        "then",       "again",    "once",
    "earlier",    "separately",   "previously",   "reportedly", "recently", "has",
    "had",        "have",         "subsequently", "however",    "simply",   "publicly",
    "privately",  "repeatedly",   "too",          "himself",    "herself",  "personally",
    "separately", "specifically", "directly",     "quickly",    "flatly",   "bluntly",
    NULL,
};

/* What follows a name without being part of it ("Ramos Jr.", "Henry Ford II"). */
const char *const LEX_NAME_SUFFIXES[] = {
    "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", NULL,
};

/* Documents and channels a speaker's words come through ("according to a statement from
 * X", "in a post on"): read past them to the speaker. */
const char *const LEX_SPEECH_CHANNELS[] = {
    "statement", "statements", "release",     "communique",   "communiqué", "post",     "posts",
    "letter",    "message",    "readout",     "transcript",   "interview",  "remarks",  "speech",
    "address",   "note",       "report",      "tweet",        "video",      "briefing", "press",
    "account",   "page",       "declaration", "declarations", NULL,
};

/* Lower-case words that open a new clause: the subject of a speech verb after them is that
 * clause's, not the quotation's before ("“…,” she said, while Name said …"). */
const char *const LEX_CLAUSE_OPENERS[] = {
    "while", "whereas", "but",   "and",     "although", "though", "as", "when",
    "after", "before",  "since", "because", "whilst",   "yet",    NULL,
};

/* Titles of royalty, which "His Highness" and "His Majesty" stand for. */
const char *const LEX_ROYAL_TITLES[] = {
    "Sheikh", "Sheikha", "Prince", "Princess", "King",    "Queen", "Emir",
    "Amir",   "Sultan",  "Crown",  "Highness", "Majesty", NULL,
};

/* Plural roles that a list of bare names may follow ("with the presidents of A, Name Name,
 * and of B, Name Name", "his counterparts Name Name and Name Name"). */
const char *const LEX_PLURAL_ROLE_NOUNS[] = {
    "presidents",  "counterparts", "leaders",  "ministers", "premiers", "heads",
    "chancellors", "governors",    "monarchs", "kings",     "envoys",   "ambassadors",
    "secretaries", "chairmen",     "chairs",   NULL,
};

/* Organisations known by one word, which speak and meet as institutions and are no one's
 * name ("Hamas said", "the Taliban said"). */
const char *const LEX_ORGANISATION_NAMES[] = {
    "Hamas",   "Hezbollah", "Hizbollah", "Hizbullah", "Fatah",    "Taliban",    "Houthis",
    "Houthi",  "Daesh",     "al-Qaeda",  "Al-Qaeda",  "Qaeda",    "al-Shabaab", "Al-Shabaab",
    "Shabaab", "Polisario", "Frelimo",   "Renamo",    "Likud",    "Interpol",   "Europol",
    "Frontex", "Mossad",    "Kremlin",   "Pentagon",  "Gazprom",  "Rosneft",    "Aramco",
    "Huawei",  "Samsung",   "Airbus",    "Boeing",    "Mercosur", "Caricom",    "Ecowas",
    "Unesco",  "Unicef",    NULL,
};

/* Nouns of the occasion that performs a signing: "a ceremony was held to sign ..." tells a
 * signing done, not one planned. */
const char *const LEX_SIGNING_OCCASIONS[] = {
    "ceremony",
    "ceremonies",
    NULL,
};

/* Texts that are agreements only when signed: "signed a Joint Statement" (issued, adopted or
 * read out, they are no agreement). */
const char *const LEX_SIGNED_TEXT_NOUNS[] = {
    "Statement",
    "Statements",
    NULL,
};

/* The verbs that put a signature on a text, not merely consent to it. */
const char *const LEX_SIGNATURE_VERBS[] = {
    "signed", "sign", "signs", "signing", "inked", "ink", "inks", NULL,
};

/* Words of the titles of those who sign for a state: ministers, envoys, heads of state and of
 * government (a firm's or a college's officers sign for themselves). */
const char *const LEX_STATE_OFFICE_WORDS[] = {
    "Minister",
    "Ambassador",
    "Envoy",
    "Commissioner",
    "Secretary",
    "President",
    "Premier",
    "King",
    "Queen",
    "Emir",
    "Sultan",
    "Amir",
    "Prince",
    "Governor",
    "Consul",
    "Chargé",
    "Deputy",
    "Head of State",
    "Head of Government",
    NULL,
};

/* Words of the titles of a firm's or a college's officers, who sign for it. */
const char *const LEX_PRIVATE_OFFICE_WORDS[] = {
    "Chairman",          "Chairwoman", "Chairperson", "CEO",     "Chief Executive",
    "Managing Director", "Director",   "Manager",     "Rector",  "Chancellor",
    "Professor",         "Dean",       "Registrar",   "Founder", "Executive",
    "Principal",         NULL,
};

/* Role nouns that stand for whoever leads a country ("the Uzbek leader said"), and the titles
 * of those who do. */
const char *const LEX_LEADER_NOUNS[] = {
    "leader",
    NULL,
};
const char *const LEX_LEADER_TITLES[] = {
    "President", "Prime",  "Premier", "Chancellor", "King", "Queen",
    "Emir",      "Sultan", "Amir",    "Monarch",    NULL,
};

/* Offices, each with the words of the titles and roles that name it: a role may name an
 * office in other words than its holder's title ("the premier", "PM" and "Prime Minister";
 * "the top diplomat", "the head of Peruvian diplomacy" and "Minister of Foreign Affairs"), or
 * an office that several hold ("the head of state": a president or a monarch).  A form is
 * written as its words in lower case, in any order, without function words or a country. */
static const char *const HEAD_OF_STATE_FORMS[] = {"head state", NULL};
static const char *const HEAD_OF_GOVERNMENT_FORMS[] = {"head government", NULL};
static const char *const PRESIDENT_FORMS[] = {"president", NULL};
static const char *const KING_FORMS[] = {"king", NULL};
static const char *const QUEEN_FORMS[] = {"queen", NULL};
static const char *const EMIR_FORMS[] = {"emir", "amir", NULL};
static const char *const SULTAN_FORMS[] = {"sultan", NULL};
static const char *const MONARCH_FORMS[] = {"monarch", "emperor", "empress", NULL};
static const char *const PRIME_MINISTER_FORMS[] = {"prime minister", "premier", "pm", NULL};
static const char *const CHANCELLOR_FORMS[] = {"chancellor", "taoiseach", NULL};
static const char *const FOREIGN_MINISTER_FORMS[] = {
    "foreign minister",
    "minister foreign affairs",
    "foreign secretary",
    "secretary state",
    "minister external affairs",
    "head diplomacy",
    "top diplomat",
    "chief diplomat",
    NULL,
};
static const lex_office OFFICES[] = {
    {"head of state", NULL, HEAD_OF_STATE_FORMS},
    {"head of government", NULL, HEAD_OF_GOVERNMENT_FORMS},
    {"president", "head of state", PRESIDENT_FORMS},
    {"king", "head of state", KING_FORMS},
    {"queen", "head of state", QUEEN_FORMS},
    {"emir", "head of state", EMIR_FORMS},
    {"sultan", "head of state", SULTAN_FORMS},
    {"monarch", "head of state", MONARCH_FORMS},
    {"prime minister", "head of government", PRIME_MINISTER_FORMS},
    {"chancellor", "head of government", CHANCELLOR_FORMS},
    {"foreign minister", NULL, FOREIGN_MINISTER_FORMS},
};

/* Every word of an office's forms (index_lexicon() asserts that none is missing). */
const char *const LEX_OFFICE_WORDS[] = {
    "head",     "state",     "government", "president", "king",    "queen",   "emir",
    "amir",     "sultan",    "monarch",    "emperor",   "empress", "prime",   "minister",
    "premier",  "pm",        "chancellor", "taoiseach", "foreign", "affairs", "secretary",
    "external", "diplomacy", "top",        "diplomat",  "chief",   NULL,
};

/* Do the words of a and b (one space between) hold the same words, in any order? */
static bool same_word_set(const char *a, size_t an, const char *b)
{
    size_t bn = strlen(b), words_a = 0, words_b = 0;
    for (size_t i = 0; i < an; i++)
        words_a += i == 0 || a[i - 1] == ' ';
    for (size_t i = 0; i < bn; i++)
        words_b += i == 0 || b[i - 1] == ' ';
    if (words_a != words_b)
        return false;
    for (const char *w = b; *w;) {
        const char *e = strchr(w, ' ');
        size_t len = e ? (size_t)(e - w) : strlen(w);
        bool found = false;
        for (size_t i = 0; i < an && !found; i++)
            found = (i == 0 || a[i - 1] == ' ') && i + len <= an &&
                    (i + len == an || a[i + len] == ' ') && memcmp(a + i, w, len) == 0;
        if (!found)
            return false;
        w = e ? e + 1 : w + len;
    }
    return true;
}

/* Is every word of every office's forms in LEX_OFFICE_WORDS?  (Read by a scan: it runs while
 * the index is built.) */
static bool office_words_listed(void)
{
    for (size_t o = 0; o < sizeof OFFICES / sizeof *OFFICES; o++)
        for (const char *const *f = OFFICES[o].forms; *f; f++)
            for (const char *w = *f; *w;) {
                size_t len = strcspn(w, " ");
                bool listed = false;
                for (const char *const *l = LEX_OFFICE_WORDS; *l && !listed; l++)
                    listed = strlen(*l) == len && memcmp(*l, w, len) == 0;
                if (!listed)
                    return false;
                w += len + (w[len] == ' ');
            }
    return true;
}

const lex_office *lex_office_named(const char *words, size_t n)
{
    for (size_t o = 0; o < sizeof OFFICES / sizeof *OFFICES; o++)
        for (const char *const *f = OFFICES[o].forms; *f; f++)
            if (same_word_set(words, n, *f))
                return &OFFICES[o];
    return NULL;
}

bool lex_office_fits(const lex_office *role, const lex_office *held)
{
    return role && held &&
           (role == held || (held->within && strcmp(held->within, role->name) == 0));
}

/* Labels of a photo's caption or credit ("PHOTO: ..."): never a dateline's place. */
const char *const LEX_CAPTION_LABELS[] = {
    "Photo",  "Photos",     "Image", "Images", "Picture", "Pictures",     "Caption",
    "Credit", "Photograph", "File",  "Video",  "Graphic", "Illustration", NULL,
};

/* The last word of a news outlet's name ("Gulf News", "The Island Times") or of its staff's
 * ("Wire Staff", "Metro Desk"): such a name alone on a line under the headline is the
 * article's credit. */
const char *const LEX_OUTLET_WORDS[] = {
    "News",     "Times",     "Post",     "Herald", "Tribune", "Gazette", "Express",  "Telegraph",
    "Observer", "Chronicle", "Standard", "Mail",   "Journal", "Monitor", "Inquirer", "Courier",
    "Sun",      "Star",      "Mirror",   "Staff",  "Desk",    NULL,
};

/* Words of a government body's name: a credit naming one ("(Headquarters of the Defence
 * Forces)") tells the source of a release, not the article's author. */
/* The last or main word of an organisation's name: "the State History Museum", "the Ministry of
 * Culture", "Pacific Aviation Holding Company" sign documents as parties of their own. */
const char *const LEX_ORG_HEADS[] = {
    "Museum",       "Ministry", "Company",    "Corporation", "Bank",        "Authority",
    "Agency",       "Club",     "University", "Group",       "Holdings",    "Institute",
    "Council",      "Centre",   "Center",     "Foundation",  "Association", "Federation",
    "Commission",   "Fund",     "Airlines",   "Airways",     "Library",     "Gallery",
    "Academy",      "College",  "Hospital",   "Department",  "Board",       "Organisation",
    "Organization", "Corp",     "Inc",        "Ltd",         "Limited",     "Plc",
    "PLC",          "Co",       "Consortium", "Exchange",    "Society",     "Trust",
    "Orchestra",    "Theatre",  "Theater",    "Nation",      "Nations",     "Enterprises",
    "Alliance",     NULL,
};

/* Places whose government is written in lower case before its name and signs as a party:
 * "the city of X", "the county of Y". */
const char *const LEX_LOCAL_GOVERNMENTS[] = {
    "city", "town", "municipality", "county", "province", "district", "village", "borough", NULL,
};

/* A company's legal form after its name, left out of the party's name ("Acme Corp"). */
const char *const LEX_COMPANY_SUFFIXES[] = {
    "Corp", "Inc", "Ltd", "Plc", "PLC", "LLC", NULL,
};

const char *const LEX_INSTITUTION_WORDS[] = {
    "Headquarters", "Ministry",   "Department",  "Office",     "Forces",  "Government", "Embassy",
    "Command",      "Presidency", "Secretariat", "Parliament", "Cabinet", NULL,
};

/* Auxiliaries that put the verb after them in the future or a condition ("will meet", "would
 * sign"): an event still to come. */
const char *const LEX_FUTURE_AUXILIARIES[] = {
    "will", "would", "shall", "should", "could", "might", "may", "must", NULL,
};

/* Words before a date that make it a term's start, a deadline or an end, not a day reported
 * ("starting on 1 July", "by 2030", "until May 5"). */
const char *const LEX_DATE_ONSETS[] = {
    "starting", "beginning", "from", "by", "until", "till", "through", "effective", NULL,
};

/* Determiners: a verb form right after one is an adjective ("the signed memorandum"). */
const char *const LEX_DETERMINERS[] = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", NULL,
};

/* Bodies two governments hold together ("the Joint Commission", "a joint session"). */
const char *const LEX_JOINT_BODIES[] = {
    "commission", "committee", "session", "sessions", "consultations", "council", NULL,
};

/* Verbs by which officials hold a body's meeting ("opened the Joint Commission"). */
const char *const LEX_CONVENING_VERBS[] = {
    "held",    "hold",       "holds", "opened",    "open", "opens",    "started", "convened",
    "chaired", "co-chaired", "began", "concluded", "led",  "co-chair", NULL,
};

/* Words that tell one meeting of several parties together ("a trilateral summit", "met them
 * jointly"): those met are not met one by one. */
const char *const LEX_GROUP_MEETING_WORDS[] = {
    "trilateral", "quadrilateral", "three-way",  "four-way", "jointly",
    "together",   "multilateral",  "tripartite", "group",    NULL,
};

/* Nouns (and verbs) of wanting or asking that a meeting noun may complete ("conditions for
 * talks", "calls for a summit", "the prospect of a meeting", "pressed for talks"): a meeting
 * wished for, not one held. */
const char *const LEX_PROSPECT_NOUNS[] = {
    "conditions",
    "preconditions",
    "condition",
    "calls",
    "demand",
    "demands",
    "push",
    "pressure",
    "appeal",
    "appeals",
    "offer",
    "offers",
    "proposal",
    "proposals",
    "request",
    "requests",
    "bid",
    "hopes",
    "hope",
    "prospect",
    "prospects",
    "possibility",
    "chance",
    "plea",
    "readiness",
    "willingness",
    "openness",
    "idea",
    "preparations",
    "preparation",
    "prerequisite",
    "prerequisites",
    "call",
    /* and the verbs that ask: "called for talks", "pressed for a meeting" */
    "called",
    "calling",
    "pushed",
    "pushing",
    "pressed",
    "pressing",
    "appealed",
    "appealing",
    "asked",
    "asking",
    "begged",
    "begging",
    "lobbied",
    "lobbying",
    "hoping",
    "clamoured",
    "clamored",
    NULL,
};

/* Common nouns for a place, which a capitalised word before them only describes ("the
 * Himalayan nation", "the Gulf state", "the Kenyan capital"). */
const char *const LEX_PLACE_NOUNS[] = {
    "nation",   "country",  "kingdom", "state",     "states",      "island",  "islands",
    "republic", "region",   "capital", "city",      "archipelago", "emirate", "town",
    "port",     "province", "enclave", "territory", NULL,
};

/* ---- meetings (meetings.c) ---- */

/* Plural office nouns and their singulars, in lower case ("the Russian and French foreign
 * ministers met": those holding that office). */
const lex_plural LEX_PLURAL_OFFICE_NOUNS[] = {
    {"ministers", "minister"},
    {"presidents", "president"},
    {"secretaries", "secretary"},
    {"premiers", "premier"},
    {NULL, NULL},
};

/* Plural office nouns and the title each of those they stand for holds ("the two ministers":
 * a Minister each). */
const lex_plural LEX_PLURAL_TITLES[] = {
    {"ministers", "Minister"},
    {"presidents", "President"},
    {"secretaries", "Secretary"},
    {NULL, NULL},
};

/* Words before "the visit of Y" that make the visit a phrase beside the sentence's own event
 * ("was in town for the official visit of Premier Y"): no meeting of its subject with Y. */
const char *const LEX_VISIT_ASIDE_OPENERS[] = {
    "for", "during", "ahead", "after", "before", "since", NULL,
};

/* Words before a meeting noun that make it the occasion of a phrase ("on the sidelines of the
 * summit", "ahead of the talks"), not a meeting of the sentence's own. */
const char *const LEX_OCCASION_OPENERS[] = {
    "sidelines", "margins", "margin", "ahead", "eve", "during", "During", NULL,
};

/* Verbs of meeting ("met", "held talks", "conferred") looked for after a word in a sentence. */
const char *const LEX_MEETING_VERBS[] = {
    "met", "meets", "held", "holds", "hosted", "received", "conferred", "sat", NULL,
};

/* Nouns for the other party of a meeting after "his"/"her" ("his interlocutor", "her host"). */
const char *const LEX_MEETING_PARTY_NOUNS[] = {
    "interlocutor", "interlocutors", "host", "hosts", "guest", "guests", NULL,
};

/* Nouns after "bilateral" that make "a bilateral X with" one meeting. */
const char *const LEX_BILATERAL_NOUNS[] = {
    "discussion", "discussions", "meeting", "session", "encounter", "exchange", "talks", NULL,
};

/* Nouns of a journey to a place ("a visit to", "a trip to", "a mission to"). */
const char *const LEX_TRIP_NOUNS[] = {
    "visit", "trip", "tour", "talks", "mission", NULL,
};

/* Verbs by which a host receives a guest ("X welcomed Y", "X received Y"). */
const char *const LEX_RECEIVING_VERBS[] = {
    "welcomed", "welcomes", "received", "receives", NULL,
};

/* Labels that stand where a dateline's place would ("PHOTO:", "VIDEO:", "LIVE:"): no place. */
const char *const LEX_DATELINE_LABELS[] = {
    "photo",  "photos",   "video", "videos", "watch",   "live",
    "update", "breaking", "file",  "image",  "caption", NULL,
};

/* Prepositions that open a phrase of their own between a verb and a meeting noun, so the
 * words between are no modifiers of the noun ("held after talks"). */
const char *const LEX_PHRASE_PREPOSITIONS[] = {
    "after", "before", "during", "following", "ahead", "since", "until", "about",
    "over",  "amid",   "across", "around",    "like",  "than",  NULL,
};

/* Capitalised prepositions that open a phrase at the start of a sentence ("During his meeting
 * with X, ..."): a possessive in it stands for the subject named after it. */
const char *const LEX_SENTENCE_PHRASE_OPENERS[] = {
    "During", "In", "At", "After", "Following", "Before", "On", "Upon", "Throughout", "Ahead", NULL,
};

/* Plural meeting nouns that tell one meeting with each of those named ("separate meetings
 * with A and B"). */
const char *const LEX_SEPARATE_MEETING_NOUNS[] = {
    "meetings", "talks", "bilaterals", "discussions", "consultations", "audiences", NULL,
};

/* Words after "her" that make it a verb's object ("met her at ..."), not a possessive. */
const char *const LEX_OBJECT_PRONOUN_FOLLOWERS[] = {
    "at",    "in",     "on",   "for", "to",    "and",       "during",
    "after", "before", "with", "as",  "today", "yesterday", NULL,
};

/* Styles of address after "His"/"Her" ("His Excellency", "Her Majesty"). */
const char *const LEX_STYLES_OF_ADDRESS[] = {
    "Excellency",
    "Highness",
    "Majesty",
    NULL,
};

/* Meeting verbs of a relative clause on a person ("X, who met Y on the sidelines, ..."). */
const char *const LEX_RELATIVE_MEETING_VERBS[] = {
    "met",
    "hosted",
    NULL,
};

/* Nouns of an event on whose margins meetings are held ("the regional summit here"). */
const char *const LEX_GATHERING_NOUNS[] = {
    "summit",  "Summit",  "conference", "Conference", "forum", "Forum",
    "session", "Session", "meeting",    "Meeting",    "talks", "Talks",
    "games",   "Games",   "assembly",   "Assembly",   NULL,
};

/* Nouns for envoys ("the ambassadors presented their credentials"). */
const char *const LEX_ENVOY_NOUNS[] = {
    "ambassador", "ambassadors", "envoy", "envoys",    "commissioner", "commissioners",
    "charge",     "chargé",      "heads", "diplomats", NULL,
};

/* ---- agreements (agreements.c) ---- */

/* Determiners and possessives before a document's noun, in both cases ("the", "its", "Their"). */
const char *const LEX_NOUN_DETERMINERS[] = {
    "the",   "a",   "an", "this", "that", "its",  "their", "our",   "his", "her",
    "whose", "The", "A",  "An",   "This", "That", "Its",   "Their", "Our", NULL,
};

/* Capitalised words that open a sentence or clause and are never part of an agreement's name. */
const char *const LEX_AGREEMENT_NAME_STOPS[] = {
    "The",    "A",     "An",      "This",  "That",      "These",  "Those",   "Its",       "Their",
    "Our",    "His",   "Her",     "My",    "In",        "On",     "At",      "After",     "Before",
    "During", "While", "When",    "Since", "Following", "Under",  "By",      "With",      "From",
    "Both",   "Each",  "Despite", "Amid",  "Although",  "Though", "However", "Meanwhile", "As",
    "Also",   "And",   "But",     "Or",    "If",        "For",    "To",      "Of",        "Key",
    "Read",   "We",    "I",       "They",  "He",        "She",    "It",      "Sign",      "Signs",
    "Signed", "Ink",   "Inks",    "Seal",  "Seals",     "Agree",  "Agrees",  "Why",       "How",
    "What",   "Who",   "Another", "Other", "Every",     "Such",   NULL,
};

/* Prepositions that open the right part of an agreement's name ("Agreement on Trade"). */
const char *const LEX_NAME_RIGHT_PREPOSITIONS[] = {
    "of", "on", "for", "between", "concerning", "regarding", NULL,
};

/* Words before a signing verb that tell a signature still to come ("is expected to be signed",
 * "has yet to be signed"). */
const char *const LEX_PENDING_WORDS[] = {
    "yet",  "expected", "due",  "set", "scheduled", "to",  "be",
    "been", "has",      "have", "is",  "are",       "was", NULL,
};

/* Words before "signed" that make it an adjective ("the final signed copy"), not a signing. */
const char *const LEX_ADJECTIVE_OPENERS[] = {
    "the", "a", "an", "final", "its", "their", "this", "that", "newly", "recently", "jointly", NULL,
};

/* Auxiliaries and pronouns before a participle that make it a clause's verb, not a modifier
 * of the noun before ("the truce agreed in May"). */
const char *const LEX_CLAUSE_AUXILIARIES[] = {
    "was", "were",  "is", "are",  "be",    "been", "has", "have",
    "had", "being", "it", "they", "which", "that", NULL,
};

/* Prepositions between a verb and a name that make the name no object of the verb
 * ("signed under the X"). */
const char *const LEX_OBJECT_PREPOSITIONS[] = {
    "under", "by",    "with",   "in",    "at",   "for",  "on", "to", "of",
    "from",  "after", "before", "since", "than", "like", "as", NULL,
};

/* Pronouns of the first person ("We signed", "our agreement"). */
const char *const LEX_FIRST_PERSON[] = {
    "I", "We", "we", "my", "My", "our", "Our", NULL,
};

/* Nouns of a city a country's place phrase goes on to name ("the Kenyan capital, Nairobi"). */
const char *const LEX_CITY_NOUNS[] = {
    "capital", "city", "port", "town", NULL,
};

/* Words between a subject and its verb ("has", "on Wednesday", "formally"). */
const char *const LEX_SUBJECT_VERB_FILLERS[] = {
    "has",       "have", "had", "jointly", "formally", "officially", "today",
    "yesterday", "also", "on",  "finally", "recently", "just",       NULL,
};

/* Words after a comma that give an agreement another name ("formally the X", "also known as"). */
const char *const LEX_RENAMING_WORDS[] = {
    "formally", "officially", "known", "also", "or", "aka", NULL,
};

/* Verbs that give a thing a name ("what it calls the X", "dubbed"). */
const char *const LEX_NAME_GIVING_VERBS[] = {
    "call", "calls", "called",   "known", "dubbed", "nicknamed",
    "dub",  "dubs",  "nickname", "term",  "termed", NULL,
};

/* Words of a sum's scale ("700 million", "1.6bn"): a sum of money, no document. */
const char *const LEX_MONEY_SCALES[] = {
    "million", "billion", "trillion", "bn", "m", NULL,
};

/* Words between a name and a signing verb in the passive ("the GTA was formally signed"). */
const char *const LEX_PASSIVE_FILLERS[] = {
    "was", "were", "is", "has", "been", "formally", NULL,
};

/* Verbs that link the signatories to their list ("the signatories were A, B and C"). */
const char *const LEX_LIST_COPULAS[] = {
    "were", "are", "included", "include", NULL,
};

/* ---- people (people.c) ---- */

/* Prepositions before a place's name ("in Wellington", "from Santiago"). */
const char *const LEX_PLACE_PREPOSITIONS[] = {
    "in", "at", "to", "from", "near", "of", "via", NULL,
};

/* Particles inside a person's name ("Luis de Souza", "Ursula von der Leyen"). */
const char *const LEX_NAME_PARTICLES[] = {
    "de",   "da",   "do",  "dos",   "das", "del",  "della", "di", "du", "van",  "von",
    "der",  "den",  "bin", "binti", "al",  "el",   "ibn",   "la", "le", "Ould", "ould",
    "bint", "Bint", "ben", "Ben",   "Abu", "Abou", "Bin",   "Al", "El", NULL,
};

/* Lower-case particles glued to a capitalised surname ("al-Karimi", "bin-Rashed"). */
const char *const LEX_GLUED_NAME_PARTICLES[] = {
    "al-", "el-", "bin-", "ibn-", "ul-", "ud-", "ad-", "as-", "ash-", "ar-", NULL,
};

/* Words and marks before which a title phrase introducing a name after a comma starts
 * ("Colombia's trade minister, Name,"). */
const char *const LEX_APPOSITIVE_TITLE_STOPS[] = {
    ",", "by", "with", "the", "The", "between", ":", NULL,
};

/* Possessive pronouns ("her Australian counterpart, Name"). */
const char *const LEX_POSSESSIVES[] = {
    "her", "his", "their", "its", "Her", "His", "Their", NULL,
};

/* Words before which the role phrase ending at a role noun starts ("the council chair Name"). */
const char *const LEX_ROLE_TITLE_STOPS[] = {
    "the", "a", "an", "her", "his", "their", "its", "said", "says", "by", "with", "and", ",", NULL,
};

/* Words after a name that close the clause of a speech cue ("... said Okonkwo when ..."). */
const char *const LEX_CUE_CLAUSE_ENDS[] = {
    ",", "when", "while", "as", "after", "before", "during", NULL,
};

/* Light verbs whose object a meeting may be ("had a bilateral meeting with", "held talks"). */
const char *const LEX_LIGHT_VERBS[] = {
    "had", "has", "held", "holds", "hold", "have", NULL,
};

/* Meeting nouns a light verb holds ("held talks with", "had a conversation with"). */
const char *const LEX_HELD_MEETING_NOUNS[] = {
    "meeting", "meetings", "talks", "discussions", "consultations", "conversation", NULL,
};

/* Words before a capitalised phrase that make it a place or a ship ("in Tamil Nadu", "USS
 * Nimitz"). */
const char *const LEX_PLACE_PHRASE_OPENERS[] = {
    "in",   "at", "to",   "from", "near", "across", "of",
    "like", "as", "into", "the",  "USS",  "HMS",    NULL,
};

/* Words, with their space, that put a father's or forefather's name after them ("bin Salman"). */
const char *const LEX_PATRONYMIC_MARKS[] = {
    "bin ", "ibn ", "bint ", "binti ", "ben ", NULL,
};

/* ---- documents (doc.c) ---- */

/* Openings of a breadcrumb trail ("You are here: Home > News", "Home » World"). */
const char *const LEX_BREADCRUMB_OPENERS[] = {
    "You are here",
    "You are in",
    "Home",
    NULL,
};

/* Labels of a gallery's headline ("Photos: Minister X arrives in Y"). */
const char *const LEX_GALLERY_LABELS[] = {
    "Photos:", "PHOTOS:", "Video:", "VIDEO:", NULL,
};

/* Lower-case words inside the names of a portal's section trail ("Home | Arts & Culture"). */
const char *const LEX_SECTION_CONNECTIVES[] = {
    "and", "&", "of", "the", NULL,
};

/* Lower-case words inside an institution's name on a line of its own ("Office of the
 * Spokesperson"). */
const char *const LEX_INSTITUTION_CONNECTIVES[] = {
    "of", "the", "for", "and", "on", "&", NULL,
};

/* Openings of a picture's credit in parentheses ("(Photo: Agency)"). */
const char *const LEX_CAPTION_CREDIT_MARKS[] = {
    "(Photo:", "(Image:", "(Photo :", "(PHOTO:", NULL,
};

/* ---- places (places.c) ---- */

/* Capitalised words that are never a place's name on their own. */
const char *const LEX_NOT_PLACES[] = {
    "The",      "This",       "That",     "Indo-Pacific", "Asia-Pacific", "Region",
    "Ministry", "Parliament", "Congress", "Senate",       "August",       "May",
    "Twitter",  "X",          NULL,
};

/* Particles between two words of a place's name ("Rio de Janeiro", "Ciudad del Este"). */
const char *const LEX_PLACE_PARTICLES[] = {
    "de", "da", "do", "del", "di", "des", NULL,
};

/* Abbreviations that open a place's name, a period after them ("St. Petersburg", "Mt. Kenya"). */
const char *const LEX_PLACE_ABBREVIATIONS[] = {
    "St", "Ste", "Mt", "Ft", "Pt", NULL,
};

/* ---- dates (dates.c) ---- */

/* Words after an event word that start a relative or a new clause before a later date. */
const char *const LEX_CLAUSE_BREAKS[] = {
    "who",   "which", "where",  "whose", "while", "when", "that",
    "since", "after", "before", "until", ";",     NULL,
};
