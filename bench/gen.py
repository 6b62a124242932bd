#!/usr/bin/env python3
"""Deterministic synthetic news articles for the factd benchmarks.

    bench/gen.py --count N [--seed S] --out DIR

Writes N articles (DIR/000000.txt ...) about invented signings, meetings and statements
between real countries, by invented people, in several house styles (wire copy, feature,
press release, Q&A interview, live blog, brief).  The same count and seed give the same
bytes on every machine.  Prints the number of articles and bytes written.

Each article is written as soon as it is made, so a million articles (about 2 GB) take no
more memory than a thousand: what the generator keeps is the cast of people, at most
MAX_CAST per country.  Names have six digits, more past a million.
"""
import argparse
import os
import random
import sys

# The most people a country's cast holds: past it, articles draw from the cast as it is
# (about 50 new people per 100 articles until then; 40 countries reach it near 160k articles).
MAX_CAST = 2000

FIRST = """Amara Bruno Carmen Dmitri Elena Farid Greta Hiroshi Ingrid Jamal Kaito Leila Mateo
Nadia Oskar Priya Quentin Rosa Samir Tamar Ulrich Valentina Wen Ximena Yusuf Zofia Adebayo
Beatriz Cillian Daniela Emeka Fatima Gunnar Hana Ivo Joanna Kwame Lucia Mehmet Noor Olga
Pablo Rania Sven Teresa Uma Viktor Wanjiru Yara Zoran Anil Bich Chiara Dario Esther Felipe
Gita Hamid Irina Jonas Kamala Lars Mariam Niklas Ottilie Paulo Rashid Sunita Tomasz Ursula
Vikram Wilhelmina Yosef Akira Bongani Consuelo Dagny Eitan Folake Goran Hyun Isabel Jorge
Katarzyna Lwazi Minh Nuno Orla Pieter Ramon Siosaia Thandiwe Ulla Vasco""".split()
LAST = """Abara Bergström Castellanos Dubois Eriksen Fontaine García Haddad Ishikawa Jovanović
Kowalski Lindqvist Mensah Nakamura Okonkwo Petrov Quispe Rahmawati Santos Takahashi Umarov
Varga Wiśniewski Xu Yilmaz Zapata Achterberg Banerjee Cárdenas Demir Esposito Fischer Gupta
Horvath Ibrahim Jensen Kariuki Lopes Moreau Novak Oyelaran Pereira Rossi Suzuki Tanaka
Uchenna Vasquez Weber Yamamoto Zielinski Anand Bakker Chaudhry Dlamini Eze Ferreira Gonzaga
Halvorsen Iyer Jaramillo Kuznetsov Laine Mahlangu Nguyen Ortega Park Richter Sato Tiwari
Urbina Villanueva Wang Yeo Zhou Arslan Bianchi Cohen Diallo Elmi Fujita Greenberg Hoang
Ivanova Kimura Lehmann Mwangi Novotny Osei Petersen Reyes Schneider Takeda Vogel""".split()

# (country, adjective, capital, capital's country code style dateline)
COUNTRIES = [
    ("Japan", "Japanese", "Tokyo"), ("Philippines", "Philippine", "Manila"),
    ("Norway", "Norwegian", "Oslo"), ("Chile", "Chilean", "Santiago"),
    ("Kenya", "Kenyan", "Nairobi"), ("Germany", "German", "Berlin"),
    ("Brazil", "Brazilian", "Brasília"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Australia", "Australian", "Canberra"), ("Morocco", "Moroccan", "Rabat"),
    ("Nigeria", "Nigerian", "Abuja"), ("South Korea", "South Korean", "Seoul"),
    ("Poland", "Polish", "Warsaw"), ("Vietnam", "Vietnamese", "Hanoi"),
    ("France", "French", "Paris"), ("Ghana", "Ghanaian", "Accra"),
    ("Canada", "Canadian", "Ottawa"), ("Estonia", "Estonian", "Tallinn"),
    ("Finland", "Finnish", "Helsinki"), ("Colombia", "Colombian", "Bogotá"),
    ("United Kingdom", "British", "London"), ("India", "Indian", "New Delhi"),
    ("United States", "U.S.", "Washington"), ("Mexico", "Mexican", "Mexico City"),
    ("Spain", "Spanish", "Madrid"), ("Italy", "Italian", "Rome"),
    ("Sweden", "Swedish", "Stockholm"), ("Egypt", "Egyptian", "Cairo"),
    ("Thailand", "Thai", "Bangkok"), ("Malaysia", "Malaysian", "Kuala Lumpur"),
    ("Peru", "Peruvian", "Lima"), ("Argentina", "Argentine", "Buenos Aires"),
    ("Turkey", "Turkish", "Ankara"), ("Greece", "Greek", "Athens"),
    ("Ireland", "Irish", "Dublin"), ("Austria", "Austrian", "Vienna"),
    ("Pakistan", "Pakistani", "Islamabad"), ("Bangladesh", "Bangladeshi", "Dhaka"),
    ("Singapore", "Singaporean", "Singapore"), ("New Zealand", "New Zealand", "Wellington"),
]
OTHER_CITIES = ["Geneva", "Davos", "Bali", "Nusa Dua", "Sharm el-Sheikh", "Marrakesh",
                "Cartagena", "Busan", "Osaka", "Hamburg", "Lyon", "Gothenburg", "Durban",
                "Mombasa", "Cebu", "Da Nang", "Valparaíso", "Perth", "Bergen", "Porto"]
MINISTRIES = ["Foreign", "Defence", "Trade", "Energy", "Finance", "Health", "Transport",
              "Environment", "Agriculture", "Digital", "Fisheries", "Mining", "Education",
              "Science and Technology", "Maritime Affairs", "Infrastructure"]
TITLES = ["{adj} {m} Minister", "{adj} Minister of {m}", "{m} Minister", "{adj} Ambassador",
          "Deputy {m} Minister", "{adj} Prime Minister", "{adj} President"]
TOPICS = ["Maritime Safety", "Coast Guard Cooperation", "Critical Minerals", "Green Hydrogen",
          "Renewable Energy", "Cyber Security", "Space Cooperation", "Fisheries Management",
          "Digital Trade", "Health Research", "Port Logistics", "Submarine Cables",
          "Climate Adaptation", "Defence Industry", "Agricultural Research", "Vocational Training",
          "Water Management", "Civil Aviation", "Scientific Exchange", "Investment Protection",
          "Disaster Response", "Polar Research", "Rail Infrastructure", "Semiconductor Supply",
          "Customs Cooperation", "Forest Protection", "Nuclear Safety", "Tourism Promotion"]
AGREEMENT_FORMS = ["Memorandum of Understanding on {t}", "Agreement on {t}", "{t} Agreement",
                   "Framework on {t}", "{t} Partnership Framework", "Arrangement on {t}",
                   "Joint Declaration on {t}", "{t} Accord", "Treaty on {t}",
                   "Protocol on {t}", "{t} Cooperation Charter"]
OCCASIONS = ["G20 Summit", "ASEAN Regional Forum", "United Nations General Assembly",
             "World Economic Forum", "East Asia Summit", "Shangri-La Dialogue",
             "Munich Security Conference", "Commonwealth Heads of Government Meeting",
             "African Union Summit", "Pacific Islands Forum", "COP Climate Conference",
             "Raisina Dialogue", "OECD Ministerial Council Meeting", "G7 Foreign Ministers' Meeting"]
VENUES = ["the foreign ministry", "the presidential palace", "the prime minister's office",
          "a conference centre", "the ministry of defence", "a harbourside hotel",
          "the national assembly", "the trade ministry"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
SPEECH = ["said", "told reporters", "added", "noted", "stressed", "insisted", "explained",
          "warned", "argued", "declared"]
AGENCIES = ["Reuters", "AFP", "AP", "Bernama", "Kyodo", "ANTARA", "PTI", "dpa", "EFE"]
QUOTES = [
    "This {h} gives our two countries a common plan for the first time",
    "We have rules on paper and we now have the means to make them work together",
    "It is not directed at any third country, it is about our own people",
    "Our engineers and our scientists will be the first to feel the difference",
    "Today we have put a long friendship in writing",
    "The {t} sector needs predictability, and this {h} provides it",
    "Nobody should mistake this for a symbolic gesture",
    "We expect the first joint projects to start within twelve months",
    "This is a turning point for {t} in the region",
    "We listened to each other, and that is rarer than it should be",
    "Small steps taken together go further than big steps taken alone",
    "The people who gain most from this are the ones who were never in the room",
]
FILLER = [
    "Officials from both sides said the text had been negotiated over {n} rounds of talks.",
    "Trade between the two countries reached {n} billion dollars last year, according to official figures.",
    "Analysts said the move reflected a wider effort to diversify partnerships in the region.",
    "The two governments have cooperated on {t2} since the early {decade}s.",
    "Opposition lawmakers in {c} questioned the cost of the programme but did not oppose it.",
    "A joint working group will meet twice a year to review progress.",
    "Industry groups welcomed the announcement and called for quick implementation.",
    "The plan includes training for {n} hundred officials and a shared data platform.",
    "Environmental organisations asked for the details to be published in full.",
    "Diplomats described the atmosphere of the talks as frank and constructive.",
    "Funding for the first phase will come from existing budgets, officials said.",
    "The announcement follows a series of visits by business delegations last year.",
    "Several provincial governments have asked to take part in the pilot projects.",
    "Observers noted that the timetable was more ambitious than in earlier plans.",
    "The agreement covers an initial period of {n} years and can be renewed by either side.",
    "Parliament in {c} is expected to debate the ratification before the end of the session.",
    "Academics pointed out that similar arrangements elsewhere had taken years to bear fruit.",
    "A first review of the programme is scheduled for the spring, with a public report to follow.",
    "Exporters hope the new rules will cut waiting times at ports and border crossings.",
    "Local officials said they had not been consulted but would support the effort.",
    "The text also provides for exchanges of students and young researchers.",
    "Critics argued that the money would be better spent on existing commitments.",
    "Both sides agreed to share information on {t2} and to hold annual consultations.",
    "Earlier attempts at cooperation stalled in the {decade}s over questions of funding.",
]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        # a fixed cast of people (so that facts merge across articles), grown with the corpus
        self.people = {}

    def person(self, country):
        r = self.r
        cast = self.people.setdefault(country[0], [])
        if len(cast) < 6 or (len(cast) < MAX_CAST and r.random() < 0.25):
            name = "%s %s" % (r.choice(FIRST), r.choice(LAST))
            title = r.choice(TITLES).format(adj=country[1], m=r.choice(MINISTRIES))
            cast.append((name, title))
        return r.choice(cast)

    def date(self):
        r = self.r
        y = r.randint(2015, 2025)
        m = r.randint(1, 12)
        d = r.randint(1, 28)
        return y, m, d

    def article(self, i):
        r = self.r
        a, b = r.sample(COUNTRIES, 2)
        pa, pb = self.person(a), self.person(b)
        topic, topic2 = r.sample(TOPICS, 2)
        agreement = r.choice(AGREEMENT_FORMS).format(t=topic)
        head = agreement.split()[0].lower() if agreement.split()[0] in (
            "Agreement", "Memorandum", "Framework", "Arrangement", "Treaty", "Protocol") else "agreement"
        city = r.choice([a[2], b[2], a[2], r.choice(OTHER_CITIES)])
        occasion = r.choice(OCCASIONS) if r.random() < 0.5 else None
        y, m, d = self.date()
        wd = WEEKDAYS[r.randrange(7)]
        ctx = dict(a=a, b=b, pa=pa, pb=pb, topic=topic, topic2=topic2, agreement=agreement,
                   head=head, city=city, occasion=occasion, y=y, m=m, d=d, wd=wd)
        style = r.choice([self.wire, self.feature, self.release, self.qa, self.live, self.brief])
        text = style(ctx)
        # background paragraphs, so that articles run to a few kilobytes like real ones
        nl = "\r\n" if "\r\n" in text else "\n"
        for _ in range(r.randint(2, 4)):
            text += nl + self.filler(ctx, r.randint(3, 6)) + nl
        return text

    def q(self, ctx):
        return self.r.choice(QUOTES).format(h=ctx["head"], t=ctx["topic"].lower())

    def filler(self, ctx, n):
        r = self.r
        out = []
        for s in r.sample(FILLER, n):
            out.append(s.format(n=r.randint(2, 40), t2=ctx["topic2"].lower(),
                                decade=r.choice([1990, 2000, 2010]), c=ctx["a"][0]))
        return " ".join(out)

    def sur(self, p):
        return p[0].split()[-1]

    def wire(self, c):
        r = self.r
        a, b, pa, pb = c["a"], c["b"], c["pa"], c["pb"]
        agency = r.choice(AGENCIES)
        p = []
        p.append("%s, %s sign %s pact" % (a[0], b[0], c["topic"].lower()))
        p.append("By %s %s" % (r.choice(FIRST), r.choice(LAST)))
        p.append("%s, %s %d (%s) – %s and %s signed the %s on %s, the latest step in a "
                 "relationship both governments describe as the closest it has been in decades."
                 % (c["city"].upper(), MONTHS[c["m"] - 1], c["d"], agency, a[0], b[0],
                    c["agreement"], c["wd"]))
        p.append("%s %s and %s %s signed the agreement at %s in %s on %d %s %d, after talks that "
                 "ran past schedule." % (pa[1], pa[0], pb[1], pb[0], r.choice(VENUES), c["city"],
                                         c["d"], MONTHS[c["m"] - 1], c["y"]))
        p.append("“%s,” said %s. “%s.”" % (self.q(c), self.sur(pa), self.q(c)))
        p.append("%s called the agreement “%s” and said %s would seek similar arrangements."
                 % (self.sur(pb), self.q(c).lower(), b[2]))
        if c["occasion"]:
            p.append("%s and %s met on the sidelines of the %s in %s on %d %s %d."
                     % (pa[0], pb[0], c["occasion"], c["city"], c["d"], MONTHS[c["m"] - 1], c["y"]))
        p.append(self.filler(c, 3))
        p.append("“%s,” %s %s." % (self.q(c), self.sur(pb), r.choice(SPEECH)))
        p.append(self.filler(c, 2))
        return "\n\n".join(p) + "\n"

    def feature(self, c):
        r = self.r
        a, b, pa, pb = c["a"], c["b"], c["pa"], c["pb"]
        p = []
        p.append("How %s and %s learned to talk about %s" % (a[0], b[0], c["topic"].lower()))
        p.append("%s %d, %d" % (MONTHS[c["m"] - 1], c["d"], c["y"]))
        p.append("The room in %s was smaller than anyone expected. %s, the %s, arrived early; "
                 "%s came in a few minutes later with a folder under one arm."
                 % (c["city"], pa[0], pa[1], pb[0]))
        p.append(self.filler(c, 3))
        p.append("By the evening of %s %d, %d, %s and %s had signed the %s in %s."
                 % (MONTHS[c["m"] - 1], c["d"], c["y"], a[0], b[0], c["agreement"], c["city"]))
        p.append("“%s,” %s said afterwards, leaning back in a chair. “%s.”"
                 % (self.q(c), pa[0], self.q(c)))
        p.append(self.filler(c, 3))
        p.append("%s, the %s, put it differently. “%s,” %s said."
                 % (pb[0], pb[1], self.q(c), self.sur(pb)))
        if c["occasion"]:
            p.append("The two had first met at the %s in %s in %d, and they met again there this year."
                     % (c["occasion"], r.choice(OTHER_CITIES), c["y"] - 1))
        p.append(self.filler(c, 2))
        return "\n\n".join(p) + "\n"

    def release(self, c):
        r = self.r
        a, b, pa, pb = c["a"], c["b"], c["pa"], c["pb"]
        p = []
        p.append("PRESS RELEASE")
        p.append("%s and %s sign %s" % (a[0], b[0], c["agreement"]))
        p.append("%s, %d %s %d — The Government of %s and the Government of %s today signed the "
                 "%s. The agreement was signed by %s %s and %s %s."
                 % (c["city"], c["d"], MONTHS[c["m"] - 1], c["y"], a[0], b[0], c["agreement"],
                    pa[1], pa[0], pb[1], pb[0]))
        p.append("Key points:\n- %s\n- %s\n- %s" % tuple(self.filler(c, 1) for _ in range(3)))
        p.append("“%s,” said %s %s." % (self.q(c), pa[1], pa[0]))
        p.append("“%s,” said %s %s." % (self.q(c), pb[1], pb[0]))
        p.append(self.filler(c, 2))
        p.append("For media enquiries: press@%s.example" % a[0].lower().replace(" ", ""))
        return "\r\n\r\n".join(x.replace("\n", "\r\n") for x in p) + "\r\n"

    def qa(self, c):
        r = self.r
        a, b, pa, pb = c["a"], c["b"], c["pa"], c["pb"]
        p = []
        p.append("“%s”: an interview with %s" % (self.q(c), pa[0]))
        p.append("%s, the %s, met %s, the %s, in %s on %d %s %d, a week after their governments "
                 "signed the %s. We spoke to %s afterwards."
                 % (pa[0], pa[1], pb[0], pb[1], c["city"], c["d"], MONTHS[c["m"] - 1], c["y"],
                    c["agreement"], self.sur(pa)))
        p.append("Q: Why now?")
        p.append("A: %s. %s" % (self.q(c), self.filler(c, 2)))
        p.append("Q: What changes for %s?" % c["topic"].lower())
        p.append("A: %s" % self.filler(c, 2))
        p.append("Q: And the critics?")
        p.append("A: %s." % self.q(c))
        p.append("%s told us later: “%s.”" % (pb[0], self.q(c)))
        return "\n\n".join(p) + "\n"

    def live(self, c):
        r = self.r
        a, b, pa, pb = c["a"], c["b"], c["pa"], c["pb"]
        p = []
        p.append("Live: %s talks in %s" % (c["topic"].lower(), c["city"]))
        h = r.randint(8, 12)
        p.append("%02d:%02d %s arrives in %s for talks with %s. %s"
                 % (h, r.randint(0, 59), pb[0], c["city"], pa[0], self.filler(c, 1)))
        p.append("%02d:%02d %s and %s met at %s for about two hours."
                 % (h + 1, r.randint(0, 59), pa[0], pb[0], r.choice(VENUES)))
        p.append("%02d:%02d Signed. %s and %s have signed the %s."
                 % (h + 2, r.randint(0, 59), a[0], b[0], c["agreement"]))
        p.append("%02d:%02d “%s,” %s says." % (h + 3, r.randint(0, 59), self.q(c), pa[0]))
        p.append("%02d:%02d %s" % (h + 4, r.randint(0, 59), self.filler(c, 2)))
        return "\n\n".join(p) + "\n"

    def brief(self, c):
        a, b, pa, pb = c["a"], c["b"], c["pa"], c["pb"]
        p = []
        p.append("In brief: %s and %s" % (a[0], b[0]))
        p.append("%s – %s %s held talks with %s %s on %d %s %d. “%s,” %s said."
                 % (c["city"].upper(), pa[1], pa[0], pb[1], pb[0], c["d"], MONTHS[c["m"] - 1],
                    c["y"], self.q(c), self.sur(pa)))
        p.append(self.filler(c, 2))
        return "\n\n".join(p) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    g = Gen(args.seed)
    total = 0
    width = max(6, len(str(args.count - 1)))
    for i in range(args.count):
        data = g.article(i).encode("utf-8")
        total += len(data)
        with open(os.path.join(args.out, "%0*d.txt" % (width, i)), "wb") as f:
            f.write(data)
    print("%d articles, %d bytes" % (args.count, total))


if __name__ == "__main__":
    sys.exit(main())
