"""The other ways a student may fairly type an answer (the `accepted` list exports and keys use)."""

from __future__ import annotations

import re

from quizapp.nlp.dates import MONTHS
from quizapp.nlp.distractors import introduced_as_person, looks_like_place_or_body
from quizapp.nlp.docindex import token_positions
from quizapp.nlp.facts.name_words import ORG_HEADS, PLACE_HEADS, THING_HEADS
from quizapp.nlp.gazetteers import acronyms, demonyms, role_words
from quizapp.nlp.model import Document, Fact, FactType
from quizapp.nlp.numbers import NUMBER_WORDS, number_variants, parse_number
from quizapp.nlp.salience import zipf
from quizapp.nlp.words import STOPWORDS, VAGUE_NOUNS, lemma, other_number

_NUMBER_PART = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_TITLE_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "minister",
        "judge",
    ]
)
# Lower-case words that join a surname to what precedes it ("De Niro", "van Gogh", "bin Laden").
_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "le", "la", "bin", "al"}
)
_SHORT_PLACES = {
    "Great Britain": ("Britain", "UK"),
    "United Kingdom": ("UK", "Britain"),
    "United States": ("US", "USA", "America"),
    "United States of America": ("US", "USA", "America"),
    "Czech Republic": ("Czechia",),
    "Republic of Ireland": ("Ireland",),
    "the Netherlands": ("Netherlands", "Holland"),
}
# Party names as newspapers shorten them, and the full forms a student may write instead.
_PARTY_FORMS = {
    "lib dem": ("Liberal Democrat", "Liberal Democrats", "Lib Dems"),
    "lib dems": ("Liberal Democrats", "Liberal Democrat", "Lib Dem"),
    "tory": ("Conservative", "Conservatives", "Tories"),
    "tories": ("Conservatives", "Conservative", "Tory"),
}
# Words an organisation's short name leaves off ("Lycos Europe" is "Lycos" to a reader).
_ORG_QUALIFIERS = frozenset(
    {
        "europe",
        "uk",
        "us",
        "international",
        "worldwide",
        "global",
        "inc",
        "ltd",
        "plc",
        "llc",
        "group",
        "corp",
        "corporation",
        "holdings",
        "co",
        "company",
        "securities",
        "ag",
        "sa",
    }
)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})
_PREPOSITION = re.compile(r"^(?:of|in|at|for|from|by|to|on|with)\s", re.I)
_NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "&", "on", "in"})
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
_MONTH = "|".join(MONTHS)
_DAY_MONTH = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})(,?\s+\d{{4}})?$")
_MONTH_DAY = re.compile(rf"^({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(,?\s+\d{{4}})?$")
# Words before a noun that name again the thing already spoken of ("the ledger").
_SAME_THING = frozenset({"the", "this", "that", "these", "those", "its", "their"})
# A common noun more frequent than this in general English is too vague to stand for a phrase.
_HEAD_MAX_ZIPF = 5.0


def accepted_answers(fact: Fact, answer: str, doc: Document | None = None) -> tuple[str, ...]:
    """Other ways a student may type the answer, the answer itself not repeated.

    A number with or without its unit, in digits or words ("three gold medals", "three", "3");
    a person's surname alone (with its particle: "De Niro"), with or without a title or a
    descriptor ("Farmer Geoff Brooks" -> "Geoff Brooks", "Brooks"); the short name of a place
    ("Britain"); an organisation's acronym where the article uses it, and its short name
    ("Lycos" for "Lycos Europe"); a date in either order ("11 November", "November 11");
    the distinctive noun of a common-noun phrase when the article uses it for nothing else.
    """
    out: list[str] = []
    text = doc.text if doc is not None else ""
    party = _PARTY_FORMS.get(answer.casefold())
    if party:
        out += party
    elif fact.type is FactType.QUANTITY:
        out += _number_forms(fact, answer, text)
    elif fact.type is FactType.ORDINAL:
        out.append(fact.attr("number") or answer)
    elif fact.type in (FactType.PERSON, FactType.QUOTE):
        if _not_a_person_here(fact, doc):
            pass  # "the city of El Alto": a place, never a person with a surname "Alto"
        elif not looks_like_place_or_body(answer):
            for name in (fact.attr("canonical") or "", fact.text, answer):
                out += person_forms(name)
        elif fact.type is FactType.PERSON:
            out += _organisation_forms(fact, answer, text)
    elif fact.type is FactType.PLACE:
        for name in (answer, fact.attr("canonical") or ""):
            out += _SHORT_PLACES.get(name, ())
            if name.startswith("the "):
                out.append(name[4:])
        if fact.attr("canonical") and fact.attr("canonical") != answer:
            out.append(fact.attr("canonical") or "")
    elif fact.type is FactType.ORGANISATION:
        out += _organisation_forms(fact, answer, text)
    elif fact.type is FactType.DATE:
        if answer.startswith("the "):
            out.append(answer[4:])
        out += date_forms(answer.removeprefix("the "))
    elif fact.type is FactType.OTHER:
        sentence = doc.sentences[fact.sentence].text if doc is not None else ""
        if fact.attr("form") == "name" and (
            _descriptor_before_name(answer) or introduced_as_person(sentence, fact)
        ):
            out += person_forms(answer)  # "Tony Beddow, health analyst": "Beddow" too
        elif fact.attr("form") == "name":
            out += _organisation_forms(fact, answer, text)
        elif doc is not None and answer == fact.text and _common_phrase(fact, doc):
            out += _phrase_heads(fact, doc)
            out += _phrase_number(fact, doc)
    named = fact.type is not FactType.OTHER or fact.attr("form") == "name"
    if (
        fact.type in (FactType.PERSON, FactType.QUOTE)
        or (fact.type is FactType.OTHER and fact.attr("form") == "name")
    ) and doc is not None:
        fuller = fuller_name(answer, doc)
        if fuller and not looks_like_place_or_body(fuller):
            out += [fuller, *person_forms(fuller)]
    if fact.type in (FactType.PERSON, FactType.QUOTE, FactType.OTHER) and named and text:
        for name in {answer, fact.text, fact.attr("canonical") or ""} - {""}:
            out = [f for f in out if not _broken_surname(name, f, text)]
    seen = {answer.casefold()}
    kept: list[str] = []
    for form in out:
        form = form.strip()
        if _PREPOSITION.match(form):
            continue  # "of Sony": a name caught with the word before it is no answer
        if form and form.casefold() not in seen:
            seen.add(form.casefold())
            kept.append(form)
    return tuple(kept)


def fuller_name(answer: str, doc: Document) -> str | None:
    """The one longer name the article gives a short one ("William Gallas" for "Gallas", "Sir
    Menzies Campbell" for "Sir Menzies"): proper nouns right before or after every other
    mention, when they all agree; None when the article has no such name or several."""
    words = answer.split()
    if not 1 <= len(words) <= 2:
        return None
    found: set[str] = set()
    # Only where the first word stands (a per-document index): scanning every sentence for
    # every answer made a long document quadratic.
    for s, i in token_positions(doc, words[0]):
        tokens = doc.sentences[s].tokens
        if [t.text for t in tokens[i : i + len(words)]] != words:
            continue
        before = [
            t.text
            for t in tokens[max(0, i - 2) : i]
            if t.tag == "NNP" and t.text.lower() not in _TITLE_WORDS
        ]
        end = i + len(words)
        after = tokens[end : end + 1]
        name = list(words)
        if before and i > 0 and tokens[i - 1].tag == "NNP" and tokens[i - 1].text == before[-1]:
            name = [before[-1], *name]
        if after and after[0].tag == "NNP" and after[0].text[:1].isupper():
            name = [*name, after[0].text]
        if len(name) > len(words):
            found.add(" ".join(name))
    if len(found) != 1:
        return None
    fuller = found.pop()
    if any(w.lower() in STOPWORDS or w in MONTHS for w in fuller.split()):
        return None
    return fuller


def _number_forms(fact: Fact, answer: str, text: str = "") -> list[str]:
    """'1,360 km' -> '1360 km', '1,360', '1360'; 'three gold medals' -> 'three', '3', '3 gold medals'.
    A number cut from "1.6 million copies" never takes the unit without its scale ("1.6 copies"
    is another number)."""
    out: list[str] = []
    number = _NUMBER_PART.search(answer)
    if number:
        for variant in number_variants(number.group()):
            out.append(answer.replace(number.group(), variant))
            out.append(variant)
        unit = fact.attr("unit")
        # Where the number stands in the article: the fact may be the whole quantity or only
        # its number ("1.6" of "1.6 million copies").
        source = text[fact.start : fact.end + 20] if text else fact.text
        at = source.find(number.group())
        scaled = at >= 0 and _SCALE_AFTER.match(source[at + len(number.group()) :]) is not None
        if unit and unit not in answer and not scaled:
            out += [f"{variant} {unit}" for variant in number_variants(number.group())]
        value = parse_number(number.group())
        if value is not None and value == int(value):
            word = next((w for w, n in NUMBER_WORDS.items() if n == value and w != "dozen"), None)
            if word:
                out.append(word)
                # "eleven people" for "11 people", never "$elevenbn" for "$11bn".
                before = answer[: number.start()]
                after = answer[number.end() :]
                if not before.strip() and after[:1] in ("", " "):
                    out.append(answer.replace(number.group(), word))
        out += _scale_words(answer)
        return out
    first = answer.split()[0] if answer.split() else ""
    if first.lower() in NUMBER_WORDS:
        digits = str(NUMBER_WORDS[first.lower()])
        rest = answer[len(first) :]
        out += [first, digits, (digits + rest).strip()]
    return out


_SCALE_SHORT = re.compile(r"(?<=\d)\s?(bn|m|tn|k)\b")
_SCALE_LONG = {"bn": "billion", "m": "million", "tn": "trillion", "k": "thousand"}


def _scale_words(answer: str) -> list[str]:
    """ "$11bn" is also typed "$11 billion", "11 billion" or "11bn"; "£5m" as "£5 million"."""
    match = _SCALE_SHORT.search(answer)
    if not match:
        return []
    long = answer[: match.start()] + " " + _SCALE_LONG[match.group(1)] + answer[match.end() :]
    bare = re.sub(r"^[$£€¥]", "", answer)
    return [long, re.sub(r"^[$£€¥]", "", long), bare]


_SCALE_AFTER = re.compile(r"\s*(?:million|billion|trillion|thousand|hundred|m|bn|tn|k)\b", re.I)
# "Anne Thompson of the Hollywood Reporter": the person, then where they work.
_AFFILIATION = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z].*$")


def person_forms(name: str) -> list[str]:
    """A person's name as people write it: in full, without a title, without a role before the
    given name ("Farmer Geoff Brooks" -> "Geoff Brooks"), the surname alone with its particle
    ("Robert De Niro" -> "De Niro"; "Mr Ellis" -> "Ellis")."""
    out: list[str] = [name] if name.split() else []
    affiliated = _AFFILIATION.search(name)
    if affiliated and len(name[: affiliated.start()].split()) >= 2:
        name = name[: affiliated.start()]  # the surname is "Thompson", never "Reporter"
        out.append(name)
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".").lower() in _TITLE_WORDS:
        words = words[1:]
    while len(words) > 2 and words[-1].rstrip(".,").lower() in _NAME_SUFFIXES:
        words = words[:-1]  # "Charles Evans Jr" is "Evans", never "Jr"
    if not words:
        return out
    out.append(" ".join(words))
    if _descriptor_before_name(" ".join(words)):
        out.append(" ".join(words[1:]))
    elif len(words) >= 3 and all(_describes_a_person(w) for w in words[:-2]):
        out.append(" ".join(words[-2:]))  # "Liberal Democrat David Laws" -> "David Laws"
    if len(words) > 1:
        first = len(words) - 1
        while first > 1 and words[first - 1].lower() in _PARTICLES:
            first -= 1
        out.append(" ".join(words[first:]))
        surname = words[-1]
        for prefix in ("al-", "el-", "Al-", "El-"):
            if surname.startswith(prefix) and len(surname) > len(prefix) + 2:
                out.append(surname[len(prefix) :])
        if first == len(words) - 1:
            out.append(surname)  # "De Niro", never "Niro" alone
    return out


def _not_a_person_here(fact: Fact, doc: Document | None) -> bool:
    """Whether the article puts the name after "the city of" or "the show": a place or a title
    ("the West End show Mary Poppins" has no surname "Poppins")."""
    from quizapp.nlp.option_fit import PLACE, WORK, mention_traits

    if doc is None or not 0 <= fact.sentence < len(doc.sentences):
        return False
    sentence = doc.sentences[fact.sentence]
    a, b = fact.start - sentence.start, fact.end - sentence.start
    return 0 <= a < b <= len(sentence.text) and bool(
        {PLACE, WORK} & mention_traits(sentence.text, a, b, alone=False)
    )


def _broken_surname(name: str, form: str, text: str) -> bool:
    """Whether ``form`` is the last word(s) of ``name`` cut from a name that may not be a given
    name and a family name: "Man" of the reggae artist "Beenie Man", an everyday word after a
    first word no one is named. Kept where the article itself calls the person by it
    ("Mr Magazine"), where it is no everyday word, or after a common first name ("Church" of
    "Charlotte Church")."""
    words = [w for w in name.split() if w.rstrip(".").lower() not in _TITLE_WORDS]
    if len(words) < 2 or not form or form == name or not name.endswith(form):
        return False
    if len(form.split()) >= len(words):
        return False
    first = words[0]
    if _lexicon_word(form.split()[-1]) is None or zipf(first) >= _GIVEN_NAME_ZIPF:
        return False
    alone = re.finditer(rf"(?<![\w-])(\S+\s+)?{re.escape(form)}(?![\w-])", text)
    # A use after a title or a lower-case word, mid-sentence ("Mr Magazine", "said Man"); after
    # another capitalised word it is part of another name ("Wales Open" is no "Open").
    before = [(m.group(1) or "").strip() for m in alone]
    return not any(
        b
        and b[-1] not in ".!?:;\"'”’"
        and (b[:1].islower() or b.rstrip(".").lower() in _TITLE_WORDS)
        for b in before
    )


# A first word this frequent in general text is a common given name ("Charlotte", "Gordon"):
# what follows it is a family name, even when it is also a word ("Church", "Brown").
_GIVEN_NAME_ZIPF = 3.0


def _lexicon_word(word: str) -> str | None:
    """The Pattern lexicon's tag for a word used in everyday English, or None."""
    from textblob.en import lexicon

    return lexicon.get(word.lower())


def _describes_a_person(word: str) -> bool:
    """A word that stands before a person's name to describe them (a party, a nationality, a
    role, an everyday word such as "Liberal" or "Shadow"), never a given name."""
    if word in demonyms() or word.lower() in role_words():
        return True
    return _lexicon_word(word) is not None and zipf(word) >= _GIVEN_NAME_ZIPF


_AGENT = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|keeper|ee)$")


def _descriptor_before_name(answer: str) -> bool:
    """A role or occupation standing before a two-word name ("Farmer Geoff Brooks",
    "Chancellor Gordon Brown"): the whole is a person, and a student leaves the word off."""
    words = answer.split()
    if len(words) != 3 or not all(w[:1].isupper() and w.isalpha() and len(w) > 1 for w in words):
        return False
    if any(w in ORG_HEADS or w in PLACE_HEADS or w in THING_HEADS for w in words):
        return False  # "Royal Mail Group", "Grand Canal Bridge": not a person
    low = words[0].lower()
    if low in demonyms():
        return False
    return low in role_words() or _AGENT.search(low) is not None


def _organisation_forms(fact: Fact, answer: str, text: str) -> list[str]:
    """Acronym and full name; the acronym of the name where the article uses it ("MPAA");
    the short name without a qualifier ("Lycos" for "Lycos Europe")."""
    out: list[str] = []
    for key in ("acronym", "expansion", "canonical"):
        if fact.attr(key):
            out.append(fact.attr(key) or "")
    bare = answer.removeprefix("the ").removeprefix("The ")
    if bare != answer:
        out.append(bare)
    out += known_acronyms(bare)  # "MPAA" for the Motion Picture Association of America
    words = bare.split()
    if len(words) < 2 or not text:
        return out
    initials = "".join(w[0] for w in words if w.lower() not in _NAME_CONNECTORS and w[:1].isupper())
    if len(initials) >= 2 and re.search(rf"\b{re.escape(initials)}\b", text):
        out.append(initials)
    inverted = re.fullmatch(r"([A-Z][a-z]+) of ([A-Z][a-z]+)", bare)
    if inverted:
        # "Appeal Court" for the Court of Appeal, "Hertfordshire University" for the University
        # of Hertfordshire: both orders are in everyday use.
        out.append(f"{inverted.group(2)} {inverted.group(1)}")

    head = words[0]
    short = words[:-1]
    while short and short[-1].lower().strip(".,") in _ORG_QUALIFIERS:
        if len(short) == 1:
            break
        short = short[:-1]
    if words[-1].lower().strip(".,") in _ORG_QUALIFIERS:
        if len(short) > 1 or zipf(short[0]) < 4.0:
            out.append(" ".join(short))  # "Lycos", never "Popular" for "Popular Securities"
    elif (
        len(head) > 2
        and head.lower() not in STOPWORDS
        and head.lower() not in demonyms()
        and zipf(head) < 4.0
        and re.search(rf"\b{re.escape(head)}\b(?!\s+[A-Z])", text)
    ):
        out.append(head)  # the article itself calls it by its first word alone
    return out


def known_acronyms(name: str) -> list[str]:
    """The curated acronym of an organisation's full name, or its full name for the acronym
    ("Organisation" and "Organization" alike)."""

    def same(x: str) -> str:
        return x.casefold().replace("organization", "organisation")

    key = same(name)
    out = [acr for acr, full in acronyms() if same(full) == key]
    return out + [full for acr, full in acronyms() if acr == name]


def date_forms(answer: str) -> list[str]:
    """'11 November' <-> 'November 11', with and without 'th' ('11th November')."""
    match = _DAY_MONTH.match(answer)
    if match:
        day, month, year = match.group(1), match.group(2), match.group(3) or ""
    else:
        match = _MONTH_DAY.match(answer)
        if not match:
            return []
        month, day, year = match.group(1), match.group(2), match.group(3) or ""
    n = int(day)
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL_SUFFIX.get(n % 10, "th")
    year = year.strip(", ")
    tail = f" {year}" if year else ""
    comma = f", {year}" if year else ""
    return [
        f"{n} {month}{tail}",
        f"{n}{suffix} {month}{tail}",
        f"{month} {n}{comma}",
        f"{month} {n}{suffix}{comma}",
        f"{month} {n}{tail}",
    ]


def _common_phrase(fact: Fact, doc: Document) -> bool:
    """Whether the answer is a common-noun phrase: lower-case, or capitalised only because it
    opens the sentence ("Low-cost airlines have ...")."""
    if not fact.text[:1].isupper() or fact.text.split()[-1].islower():
        return True  # "EU-based airlines": a common noun, whatever stands before it
    sentence = doc.sentences[fact.sentence]
    words = fact.text.split()
    if fact.start != sentence.start or not all(w[1:].islower() for w in words):
        return False
    first = words[0].lower()
    return _lexicon_word(first) is not None or all(
        _lexicon_word(part) is not None for part in first.split("-")
    )


def _phrase_tokens(fact: Fact, doc: Document) -> list:
    return [
        t
        for t in doc.sentences[fact.sentence].tokens
        if fact.start <= t.start and t.end <= fact.end
    ]


def _phrase_number(fact: Fact, doc: Document) -> list[str]:
    """The phrase in the other grammatical number ("trade deficit" for "trade deficits"),
    lower-cased where only the sentence's start capitalised it."""
    tokens = _phrase_tokens(fact, doc)
    text = fact.text
    first = text.split()[0] if text.split() else ""
    opens = fact.start == doc.sentences[fact.sentence].start
    if opens and first[:1].isupper() and first[1:].islower() and _common_phrase(fact, doc):
        text = text[:1].lower() + text[1:]  # "Low-cost airlines" opening its sentence
    out = [text] if text != fact.text else []
    if not tokens or tokens[-1].tag not in ("NN", "NNS") or not text.endswith(tokens[-1].text):
        return out
    other = other_number(tokens[-1].text, tokens[-1].tag)
    if other != tokens[-1].text:
        out.append(text[: len(text) - len(tokens[-1].text)] + other)
    return out


def _describing(word: str, tag: str) -> bool:
    """An adjective or participle before a noun, or a compound ending in one ("EU-based",
    "state-owned"): it narrows the noun down without naming another thing."""
    if tag.startswith("JJ") or tag == "VBN":
        return True
    last = word.rsplit("-", 1)[-1] if "-" in word else ""
    return bool(last) and (_lexicon_word(last) or "") in ("JJ", "VBN", "VBD")


def _phrase_heads(fact: Fact, doc: Document) -> list[str]:
    """The head noun of a common-noun phrase ("forums" for "discussion forums") and its rarest
    noun ("caretaker" for "caretaker manager"), each only where the article uses that word for
    nothing but this phrase (so it can only mean this)."""
    tokens = _phrase_tokens(fact, doc)
    if len(tokens) < 2:
        return []
    nouns = [
        t
        for t in tokens
        if t.tag in ("NN", "NNS")
        and t.text.isalpha()
        and t.text.lower() not in STOPWORDS
        and t.text.lower() not in VAGUE_NOUNS
        and zipf(t.text) <= _HEAD_MAX_ZIPF
    ]
    if not nouns:
        return []
    picks = []
    if nouns[-1] is tokens[-1]:
        picks.append(nouns[-1].text)
    rarest = min(nouns, key=lambda t: zipf(t.text))
    if len(tokens) == 2 and rarest.text not in picks:
        picks.append(rarest.text)  # "caretaker" for "caretaker manager"; longer phrases: head only
    phrase = re.compile(re.escape(fact.text), re.I)
    spans = [(m.start(), m.end()) for m in phrase.finditer(doc.text)]
    # Only describing words before the head ("low-cost airlines", "rogue diallers"): the head
    # alone names the same things, less precisely, and a fair teacher takes it.
    # Not a role: "interim coach" and "head coach" are different people.
    described = all(_describing(t.text, t.tag) for t in tokens[:-1]) and (
        tokens[-1].text.lower() not in role_words()
        and lemma(tokens[-1].text, "NN").lower() not in role_words()
    )
    out = []
    for word in picks:
        if described and word == tokens[-1].text:
            out.append(word)
            continue
        uses = re.finditer(rf"(?:(\w+)\s+)?\b{re.escape(word)}\b", doc.text, re.I)
        if all(
            any(a <= m.end() - len(word) < b for a, b in spans)
            or (m.group(1) or "").lower() in _SAME_THING
            for m in uses
        ):
            out.append(word)
    return out
