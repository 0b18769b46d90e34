#!/usr/bin/env python3
"""Writes a synthetic corpus of news-like articles for benchmarks.

The text reads like wire copy: a headline, a byline, a dateline, then
paragraphs in which actors of the built-in dictionary (data/*.json) appear
by name, alias or a role description held on the article's date, persons
that are not in the dictionary appear with a title ("spokesman Jane
Holloway") and later by surname, and some sentences say who spoke with or
met whom. Most sentences name nobody, as in real news.

The same seed and options give the same bytes.

    gen_corpus.py --mb 100 --jsonl corpus.jsonl
    gen_corpus.py --mb 20 --dir corpus/          # .txt files, 1000 a folder
    gen_corpus.py --mb 5 --people 4000 --jsonl wide.jsonl   # many actors
"""

import argparse
import datetime
import glob
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")

GIVEN = """Adam Alan Alice Amanda Amy Andrew Anna Anne Arthur Barbara Ben Brian Carl Carlos
Caroline Catherine Charles Chris Claire Colin Daniel David Diana Edward Elena Emily Emma Eric
Eva Frank Gary George Graham Hannah Helen Henry Ian Isabel Jack James Jane Janet Jason Jean
Jennifer Jessica Joanna John Jonathan Joseph Julia Karen Kate Katherine Kevin Laura Linda
Lisa Lucy Margaret Maria Mark Martin Mary Matthew Michael Nancy Natalia Nicholas Nina Oliver
Patricia Paul Peter Philip Rachel Rebecca Richard Robert Roger Ruth Ryan Sam Sarah Scott
Simon Sophie Stephen Susan Thomas Tim Tom Victor Walter William Yuri Hans Klaus Pierre
Marco Giovanni Javier Miguel Ahmed Omar Hiroshi Akira Dmitry Sergei Olga Ingrid Lars Sven
Astrid Pavel Tomasz Agnieszka Joao Lucia Ines Rafael Hugo Leon Milan Petra Zoltan Katarzyna""".split()

SURNAMES = """Holloway Whitfield Archer Brennan Calloway Dunmore Ellison Fairbanks Garrow Hadley
Inglewood Jarrett Kessler Langford Marsden Norbury Oakley Pemberton Quigley Radcliffe Sandford
Thorne Underhill Vance Wexford Yardley Ashdown Blackwood Carrington Dalton Everett Fenwick
Goodwin Harrow Ivers Jennings Kendrick Lockhart Merriman Newcombe Ormsby Prescott Rowntree
Sherwood Talbot Upton Vickers Winslow Abernathy Beckett Crowley Drummond Eastwood Fletcher
Gresham Hartley Irwin Jessop Keating Lowell Maddox Nesbitt Osborne Pryce Redmond Stanton
Tremaine Ulrich Voss Waverly Albrecht Brandt Castellano Delacroix Esposito Ferreira Gallo
Haugen Ivanova Janssen Kowalski Lindqvist Moreau Novak Okafor Petrov Quintero Rossi Schneider
Takahashi Urbina Varga Weber Yilmaz Zielinski Andersen Bianchi Costa Dubois Eriksson Fischer
Garcia Hoffmann Iglesias Jovanovic Kaminski Lehmann Marino Nilsson Olsen Pereira Ricci Santos
Tanaka Vogel Wagner Zimmermann Aguilar Bauer Conti Duarte Engel Fontaine Grimaldi Horvat
Kovacs Laurent Mendes Nowak Pellegrini Rocha Sokolov Toth Vasquez Wolff Baranov Chevalier
Dimitrov Ferrante Gutierrez Hansen Karlsson Lombardi Molnar Navarro Orlov Popescu Romano""".split()

TITLES = ["spokesman", "spokeswoman", "adviser", "ambassador", "envoy", "minister",
          "senator", "economist", "analyst", "lawmaker", "commissioner", "governor", "mayor",
          "director", "chairman", "prosecutor"]

CITIES = [("WASHINGTON", "Washington"), ("LONDON", "London"), ("PARIS", "Paris"),
          ("BERLIN", "Berlin"), ("MOSCOW", "Moscow"), ("BEIJING", "Beijing"),
          ("BRUSSELS", "Brussels"), ("TOKYO", "Tokyo"), ("KYIV", "Kyiv"), ("ROME", "Rome"),
          ("MADRID", "Madrid"), ("OTTAWA", "Ottawa"), ("CANBERRA", "Canberra"),
          ("NEW DELHI", "New Delhi"), ("ANKARA", "Ankara"), ("WARSAW", "Warsaw"),
          ("GENEVA", "Geneva"), ("VIENNA", "Vienna"), ("SEOUL", "Seoul"), ("CAIRO", "Cairo")]

TOPICS = ["trade", "energy prices", "the war in Ukraine", "climate policy", "migration",
          "sanctions", "security in the Middle East", "the economy", "nuclear talks",
          "tariffs", "grain exports", "defence spending", "the budget", "interest rates",
          "cyber security", "the refugee crisis", "a ceasefire", "arms control", "debt relief",
          "pandemic recovery", "supply chains", "border controls", "fishing rights"]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
             "Oct.", "Nov.", "Dec."]

# Sentences that name nobody: most of an article.
FILLER = [
    "Markets in {city} {moved} {pct} per cent as investors weighed the outlook for {topic}.",
    "The figures, published on {weekday}, showed growth slowing for a {nth} quarter in a row.",
    "Officials said the plan would cost about {num} billion over the next {small} years.",
    "Critics argued that the measures did too little and came too late for most households.",
    "Talks on {topic} have stalled since the spring, when negotiators left without a deal.",
    "The report warned that {topic} would remain the main risk to growth this year.",
    "Unions said they would hold further strikes unless the offer was improved.",
    "Analysts expect the central bank to keep rates on hold at its next meeting.",
    "The opposition called the announcement a distraction from the rising cost of living.",
    "More than {num} people gathered in the centre of {city} on {weekday} evening.",
    "Diplomats described the mood as constructive but said differences remained on {topic}.",
    "The ministry declined to comment on the details of the agreement.",
    "Prices of fuel and food have risen sharply since the start of the year.",
    "Polls suggest that voters are divided on {topic}, with many still undecided.",
    "A decision is not expected before the end of the month, according to people familiar with the matter.",
    "The summit in {city} is expected to focus on {topic} and {topic2}.",
    "Exports fell by {pct} per cent in {month}, the lowest level in {small} years.",
    "The proposal must still be approved by parliament, where the government lacks a majority.",
]

# Sentences with actors: {a} and {b} are actor phrases, {p} a discovered person.
WITH_ONE = [
    "{a} said on {weekday} that {topic} would be at the top of the agenda.",
    "{a} told reporters in {city} that there was no alternative to dialogue.",
    "In a statement, {a} welcomed the decision and called for calm.",
    "{a} is expected to travel to {city} later this month.",
    "The plan was backed by {a}, who described it as a fair compromise.",
    "{a} has repeatedly warned about {topic}.",
]
WITH_TWO = [
    "{a} and {b} discussed {topic} at a dinner in {city}.",
    "{a} criticised {b} over {topic} in a speech on {weekday}.",
    "Both {a} and {b} are due to attend the meeting in {city}.",
    "{a} said {b} had made a serious mistake on {topic}.",
]
SPEAKS = [
    "{a} spoke with {b} by phone on {weekday}, discussing {topic}.",
    "{a} held talks with {b} in {city} on {weekday}.",
    "{a} met {b} on the sidelines of the summit in {city}.",
    "{a} phoned {b} on {weekday} to discuss {topic}, according to a statement.",
    "{a} and {b} met in {city} on {weekday} for talks on {topic}.",
    "{a} will meet {b} next week to discuss {topic}.",
    "{a} has not spoken to {b} since the start of the year.",
    "{a} received a call from {b} on {weekday}.",
]
PERSON = [
    "{title} {p} said the talks had been {adj}.",
    "\"We are ready to work with everyone on {topic},\" {p} told reporters.",
    "{p}, a senior {title}, said no decision had been taken.",
    "According to {title} {p}, the plan would be presented on {weekday}.",
]
# A person not in the dictionary with an actor: they link the two.
PERSON_ACTOR = [
    "{title} {p} said {a} had agreed to resume talks on {topic}.",
    "{p}, an adviser to {a}, said no decision had been taken.",
    "{a} met {title} {p} in {city} on {weekday}.",
    "{a} spoke by phone with {title} {p} on {weekday}.",
]
SURNAME = [
    "{s} added that more work was needed on {topic}.",
    "{s} declined to say when a decision would be made.",
]
ADJ = ["constructive", "difficult", "productive", "frank", "tense", "positive", "useful"]


def load_actors():
    actors = []
    for path in sorted(glob.glob(os.path.join(DATA, "*.json"))):
        with open(path, encoding="utf-8") as f:
            for a in json.load(f)["actors"]:
                forms = [a["name"]] + list(a.get("aliases", []))
                roles = []
                for r in a.get("roles", []):
                    descs = [d for d in r.get("descriptions", []) if d[0].isupper()]
                    if descs:
                        roles.append((r.get("from"), r.get("to"), descs))
                actors.append((a["kind"], forms, roles))
    if not actors:
        sys.exit("gen_corpus.py: no actors in %s" % DATA)
    return actors


# Persons not in the dictionary per beat, and dictionary actors a beat follows.
BEAT_PEOPLE = 40
BEAT_ACTORS = 12


class Generator:
    """News comes in beats (a region, a topic): an article follows one beat,
    whose few dictionary actors and local persons it mostly names, so links
    cluster as in real news instead of joining everyone with everyone."""

    def __init__(self, seed, people):
        self.rng = random.Random(seed)
        self.actors = load_actors()
        self.persons = [a for a in self.actors if a[0] == "person"]
        self.others = [a for a in self.actors if a[0] != "person"]
        rng = random.Random(seed + 1)
        names = set()
        while len(names) < people:
            names.add("%s %s" % (rng.choice(GIVEN), rng.choice(SURNAMES)))
        self.people = sorted(names)
        rng.shuffle(self.people)
        self.beats = []
        for b in range(max(1, people // BEAT_PEOPLE)):
            cast = self.people[b * BEAT_PEOPLE:(b + 1) * BEAT_PEOPLE]
            persons = sorted({self.zipf(len(self.persons), rng) for _ in range(BEAT_ACTORS)})
            others = sorted({self.zipf(len(self.others), rng) for _ in range(BEAT_ACTORS // 3)})
            self.beats.append((cast, [self.persons[i] for i in persons],
                               [self.others[i] for i in others]))
        self.beat = self.beats[0]

    def zipf(self, n, rng=None):
        """An index in [0, n), small ones far more often: a few actors dominate the news."""
        r = (rng or self.rng).random()
        return min(n - 1, int(n * r ** 3))

    def date(self):
        start = datetime.date(2005, 1, 1).toordinal()
        end = datetime.date(2024, 12, 31).toordinal()
        return datetime.date.fromordinal(self.rng.randint(start, end))

    def actor_phrase(self, day, person_only=False):
        cast, persons, others = self.beat
        local = self.rng.random() < 0.9
        if person_only or self.rng.random() < 0.8:
            pool = persons if local and persons else self.persons
        else:
            pool = others if local and others else self.others
        kind, forms, roles = pool[self.zipf(len(pool))]
        iso = day.isoformat()
        held = [r for r in roles if (r[0] is None or r[0] <= iso) and (r[1] is None or iso <= r[1])]
        if held and self.rng.random() < 0.3:
            phrase = self.rng.choice(held[0][2])
            if not phrase.startswith("The ") and self.rng.random() < 0.5:
                phrase = "the " + phrase
            return phrase
        return forms[0] if self.rng.random() < 0.7 else self.rng.choice(forms)

    def fill(self, template, day, **kw):
        r = self.rng
        city = r.choice(CITIES)[1]
        return template.format(
            city=city, topic=r.choice(TOPICS), topic2=r.choice(TOPICS),
            weekday=r.choice(WEEKDAYS), month=r.choice(MONTHS),
            moved=r.choice(["fell", "rose", "slipped", "climbed"]),
            pct="%d.%d" % (r.randint(0, 9), r.randint(0, 9)), num=r.randint(2, 900),
            small=r.randint(2, 12), nth=r.choice(["second", "third", "fourth"]),
            title=r.choice(TITLES), adj=r.choice(ADJ), **kw)

    def sentence(self, day, cast):
        r = self.rng.random()
        if r < 0.58:
            return self.fill(self.rng.choice(FILLER), day)
        if r < 0.72:
            return self.cap(self.fill(self.rng.choice(WITH_ONE), day, a=self.actor_phrase(day)))
        if r < 0.80:
            a, b = self.actor_phrase(day), self.actor_phrase(day)
            return self.cap(self.fill(self.rng.choice(WITH_TWO), day, a=a, b=b))
        if r < 0.88:
            a, b = self.actor_phrase(day, True), self.actor_phrase(day, True)
            return self.cap(self.fill(self.rng.choice(SPEAKS), day, a=a, b=b))
        cast_pool = self.beat[0] or self.people
        person = cast_pool[self.zipf(len(cast_pool))] if cast_pool else "Jane Holloway"
        if person in cast and self.rng.random() < 0.5:
            return self.fill(self.rng.choice(SURNAME), day, s=person.split()[-1])
        cast.add(person)
        if self.rng.random() < 0.4:
            return self.cap(self.fill(self.rng.choice(PERSON_ACTOR), day, p=person,
                                      a=self.actor_phrase(day)))
        return self.cap(self.fill(self.rng.choice(PERSON), day, p=person))

    @staticmethod
    def cap(s):
        return s[0].upper() + s[1:]

    def article(self, index):
        r = self.rng
        self.beat = self.beats[self.zipf(len(self.beats))]
        day = self.date()
        upper, city = r.choice(CITIES)
        head = self.cap(self.fill(r.choice(["{a} and {b} discuss {topic}",
                                            "Talks on {topic} resume in {city}",
                                            "{a} warns over {topic}"]), day,
                                  a=self.actor_phrase(day, True), b=self.actor_phrase(day, True)))
        lines = [head.rstrip(".")]
        if r.random() < 0.5:
            lines.append("By %s %s, %s" % (r.choice(GIVEN), r.choice(SURNAMES), city))
            lines.append("%s %d %s %d %02d:%02d GMT" % (WEEKDAYS[day.weekday()], day.day,
                                                       MONTHS[day.month - 1], day.year,
                                                       r.randint(0, 23), r.randint(0, 59)))
            lead = ""
        else:
            lead = "%s, %s %d, %d (Reuters) - " % (upper, MONTHS_AP[day.month - 1], day.day,
                                                  day.year)
        lines.append("")
        cast = set()
        for p in range(r.randint(4, 14)):
            sents = [self.sentence(day, cast) for _ in range(r.randint(1, 4))]
            text = " ".join(sents)
            if p == 0:
                text = lead + text
            lines.append(text)
            lines.append("")
        return day, "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=10, help="size of the text in MB (1e6 bytes)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--people", type=int, default=3000,
                    help="persons not in the dictionary to draw from (default 3000)")
    out = ap.add_mutually_exclusive_group(required=True)
    out.add_argument("--jsonl", help="write one JSON Lines file ('-' for standard output)")
    out.add_argument("--dir", help="write .txt files into this folder")
    args = ap.parse_args()

    gen = Generator(args.seed, args.people)
    goal = int(args.mb * 1e6)
    written = 0
    index = 0
    sink = None
    if args.jsonl:
        sink = sys.stdout if args.jsonl == "-" else open(args.jsonl, "w", encoding="utf-8")
    while written < goal:
        day, text = gen.article(index)
        if sink:
            rec = {"id": "gen-%07d" % index, "date": day.isoformat(), "text": text}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            sink.write(line)
            written += len(line.encode("utf-8"))
        else:
            folder = os.path.join(args.dir, "%04d" % (index // 1000))
            if index % 1000 == 0:
                os.makedirs(folder, exist_ok=True)
            data = text.encode("utf-8")
            with open(os.path.join(folder, "%07d.txt" % index), "wb") as f:
                f.write(data)
            written += len(data)
        index += 1
    if sink and sink is not sys.stdout:
        sink.close()
    print("gen_corpus.py: %d articles, %.1f MB" % (index, written / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main()
