"""Phrases naming another fact that a stem reads well and stays true without.

Each drops a part a sentence's claim does not hang on, read from its shape, never from one
sentence's words:

- a passive verb's agent who is a person: "Staunton's award was announced by Patrick Stewart, during ..." ->
  "Staunton's award was announced, during ..." (who did it is left unsaid, not changed);
- a venue after a noun: "their match against Ireland at Lansdowne Road on Sunday" -> "their
  match against Ireland on Sunday" (never after a verb: "looked at Google" needs its object);
- a price used as a modifier: "to build a $1.5bn (£800m) joint venture factory" -> "to build
  a joint venture factory";
- what a deal was worth: "agreed to a buyout by Verizon in a deal valued at $6.75bn";
- a closing phrase on the circumstances: "bought the unit for $9.3bn in a sale forced by
  Russia to part settle a tax claim" -> "bought the unit for $9.3bn";
- a closing aside after a dash with no verb of its own: "Opera began life as a research
  project - a spin-off from Norwegian telecoms company Telenor." -> "... a research project."

A phrase holding the blank never goes (it says what the blank is).
"""

from __future__ import annotations

import re

from quizapp.nlp.model import BLANK

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_BE = r"(?:is|are|was|were|be|been|being)"
# What may follow a phrase left out: the end of the sentence or clause, or another adjunct.
_AFTER = (
    r"(?=\s*[.;:?!]|\s*,(?!\s*[A-Z])|\s*$|\s+to\s+[a-z]+\b|"
    r"\s+(?:if|when|after|before|while|because|until|unless|but|as|and)\s|"
    r"\s+(?:in|on|at|during|for|with)\s+(?:(?:the|this|last|next|a|an|his|her|its|their)\s+)?"
    r"(?:[A-Z]|\d|[a-z]+|_)|"
    r"\s+(?:last|this|next)\s+[a-z]+\b)"
)
# A capitalised role before the agent's name ("by Education Secretary Ruth Kelly", "by actor
# Robert Redford"): at most three words, none of them a verb's object.
_ROLE = r"(?:(?:the\s+)?(?:[A-Za-z][\w'\u2019-]*\s+){0,3}?)"
_CONVERSION = r"(?:\s*\([^()]{1,30}\))?"
_BOUND = r"(?:about|around|some|nearly|almost|more than|over|up to|at least)\s+"
_TRAILING_DASH = re.compile(
    r"\s+[-\u2013\u2014]\s+(?!(?:and|or|but|as well as|along with|plus)\b)"
    r"(?P<aside>(?:(?!\s[-\u2013\u2014]\s)[^\"\u201c\u201d]){3,100}?)(?=[.?!]?$)"
)


_SPACED_BY = re.compile(r"\sby\s")
_SPACED_AT = re.compile(r"\sat\s")


def without_agent(prompt: str, name: str) -> str | None:
    """The prompt without a passive verb's agent naming ``name``, or None."""
    if name not in prompt or not _SPACED_BY.search(prompt):
        # The pattern needs the name as it is and "by" between spaces: none is built (a long
        # one, for every name of every prompt) where it could not match.
        return None
    pattern = re.compile(
        rf"\b{_BE}\s+(?:\w+ly\s+)?(?P<verb>[a-z]+)"
        rf"(?P<agent>\s+by\s+{_ROLE}{re.escape(name)})(?![\w'\u2019-]){_AFTER}"
    )
    # "the rebate, secured in 1984 by Margaret Thatcher, was": a participle after a comma
    # keeps its adjunct ("secured in 1984"), never left bare ("England, coached, lost").
    reduced = re.compile(
        rf",\s+(?P<verb>[a-z]+ed)\s+(?:in|on|at|during)\s+[^,;:\"\u201c\u201d]{{1,30}}?"
        rf"(?P<agent>\s+by\s+{_ROLE}{re.escape(name)})(?![\w'\u2019-])(?=\s*,)"
    )
    for match in [*pattern.finditer(prompt), *reduced.finditer(prompt)]:
        start, end = match.span("agent")
        if BLANK in prompt[start:end] or not _participle(prompt, match.start("verb")):
            continue
        rest = prompt[end:]
        if re.match(r",\s+(?:during|at|in|on|after|before)\s", rest):
            rest = rest[1:]  # "was announced, during the ceremony": the comma went with him
        return prompt[:start] + rest
    return None


def without_venue(prompt: str, name: str) -> str | None:
    """The prompt without "at <name>" where it follows a noun, or None."""
    if name not in prompt or not _SPACED_AT.search(prompt):
        return None  # as in without_agent
    # "at Hollywood's Kodak Theatre": the place it stands in goes with it.
    pattern = re.compile(
        rf"\s+at\s+(?:the\s+|[A-Z][\w-]*['\u2019]s\s+)?{re.escape(name)}(?![\w'\u2019-]){_AFTER}"
    )
    for match in pattern.finditer(prompt):
        if BLANK in prompt[match.start() : match.end()]:
            continue
        if re.search(r"\b(?:there|here)\b", prompt[match.end() :]):
            continue  # "... at the Savoy, where ... there": what follows points back at it
        if re.match(r",?\s+(?:in|near|outside|which|where)\b", prompt[match.end() :]):
            continue  # "at Welling School, in south east London, which is ...": said of it
        tags = _tags_before(prompt, match.start())
        if not tags or tags[-1] not in ("NN", "NNS", "NNP", "NNPS"):
            continue  # "looked at Google": the verb needs its object
        if not any(tag in _FINITE for tag in tags):
            continue  # "Sales at Tesco fell ...": it says whose sales, before the verb
        return prompt[: match.start()] + prompt[match.end() :]
    return None


def without_price(prompt: str, amount: str) -> str | None:
    """The prompt without a price that only modifies a noun ("a $1.5bn factory") or says what
    a deal was worth ("in a deal valued at $6.75bn"), or None."""
    money = re.escape(amount) + _CONVERSION
    modifier = re.compile(
        rf"\b(?P<article>a|an|the|its|his|her|their)\s+{money}\s+(?=[a-z][a-z-]+\s+[a-z])"
    )
    for match in modifier.finditer(prompt):
        article = match.group("article")
        rest = prompt[match.end() :]
        if article in ("a", "an"):
            article = "an" if re.match(r"[aeiou]", rest) else "a"
        return prompt[: match.start()] + article + " " + rest
    deal = re.compile(
        rf",?\s+in\s+an?\s+(?:[a-z]+\s+){{0,2}}?(?:worth|valued at)\s+(?:{_BOUND})?{money}"
        rf"(?![\w]){_AFTER}"
    )
    match = deal.search(prompt)
    if match and BLANK not in match.group():
        return prompt[: match.start()] + prompt[match.end() :]
    return None


# "in a sale forced by Russia to ...", "in an attempt to prevent ...": a closing phrase on the
# circumstances of what the sentence reports. Never one that measures it ("in a year").
_CIRCUMSTANCE = re.compile(
    r",?\s+in\s+(?:a|an)\s+(?!(?:year|month|week|day|decade|period|quarter|row|season|"
    r"match|game|race|single|total|bid\s+to\s+win)\b)(?:[a-z-]+\s+){0,2}?[a-z-]+"
    r"\s+(?=(?:to\s+[a-z]+|that|which|forced|aimed|designed|intended|led|backed|brokered|"
    r"agreed|seen|made|set)\b)[^\"\u201c\u201d]{3,160}?(?=[.?!]?$)"
)


def without_circumstance(prompt: str, mention: str) -> str | None:
    """The prompt without a closing "in a sale forced by ...", "in an attempt to ..." phrase
    that names ``mention``, or None."""
    match = _CIRCUMSTANCE.search(prompt)
    if match is None or BLANK in match.group() or mention not in match.group():
        return None
    if sum(prompt[: match.start()].count(q) for q in ('"', "\u201c", "\u201d")) % 2:
        return None
    return prompt[: match.start()] + prompt[match.end() :]


def without_dash_tail(prompt: str, name: str) -> str | None:
    """The prompt without a closing aside after a dash that names ``name`` and has no verb of
    its own ("... a research project - a spin-off from X."), or None."""
    match = _TRAILING_DASH.search(prompt)
    if match is None or BLANK in match.group() or name not in match.group("aside"):
        return None
    if sum(prompt[: match.start()].count(q) for q in ('"', "\u201c", "\u201d")) % 2:
        return None  # inside a quotation
    from quizapp.nlp.tagging import tag_tokens

    words = re.findall(r"[\w'\u2019-]+|[^\w\s]", match.group("aside"))
    tags = tag_tokens(words)
    # "- a company founded in 1990" is an aside; "- the firm paid for it" is a clause.
    verbs = _FINITE if words[0].lower() in ("a", "an") else _FINITE | {"VBN"}
    if any(tag in verbs for tag in tags):
        return None
    return prompt[: match.start()] + prompt[match.end() :]


def _participle(prompt: str, at: int) -> bool:
    from quizapp.nlp.tagging import tag_tokens

    words = prompt.replace(BLANK, "X").split()
    index = len(prompt[:at].split())
    tags = tag_tokens(words)
    return index < len(tags) and tags[index] in ("VBN", "VBD")


def _tags_before(prompt: str, at: int) -> list[str]:
    """The tags of the words before character ``at``."""
    from quizapp.nlp.tagging import tag_tokens

    words = re.findall(r"[\w'\u2019-]+|[^\w\s]", prompt[:at].replace(BLANK, "X"))
    return tag_tokens(words) if words else []


_REPORTING = r"(?:said|says|believes|believed|told|added|warned|explained|thinks|argued|argues)"
# "Armand Marie Leroi, a lecturer at London's Imperial College, scooped ...": a name, its
# apposition (closed by a comma before a verb, or running into a reporting verb).
_APPOSED = re.compile(
    r"^(?P<name>(?:The\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3}),\s+"
    r"(?P<role>(?:a|an|the|[a-z]+|(?:[A-Z][\w-]*|_+)['\u2019]s)\b[^,;:()\"\u201c\u201d]{3,90}?)"
    rf"(?:,\s+(?=[a-z]+\b)|\s+(?={_REPORTING}\b))"
)


def apposition_statement(prompt: str) -> str | None:
    """ "Armand Marie Leroi, a lecturer at London's _____, scooped the prize ..." ->
    "Armand Marie Leroi is a lecturer at London's _____.": the blank in what an apposition
    says of a name, asked as that statement alone, or None."""
    match = _APPOSED.match(prompt)
    if match is None or BLANK not in match.group("role") or BLANK in match.group("name"):
        return None
    role = match.group("role").strip()
    from quizapp.nlp.tagging import tag_tokens

    words = re.findall(r"[\w'\u2019-]+|[^\w\s]", role.replace(BLANK, "Xyz"))
    tags = tag_tokens(words)
    if len(words) > 14 or any(tag in _FINITE or tag == "VBG" for tag in tags):
        return None  # a clause or a list, not what the name is
    if any(w.lower() in ("and", "or", "who", "which", "that") for w in words):
        return None  # "chair of the judges and the Guardian literary editor": two roles
    rest = prompt[match.end() :]
    verb = re.match(r"[a-z]+", rest)
    if verb and not re.match(_REPORTING, rest):
        rest_words = re.findall(r"[\w'\u2019-]+|[^\w\s]", rest)
        if tag_tokens(rest_words)[:1] not in (["VBD"], ["VBZ"], ["VBP"], ["MD"]):
            return None  # ", the first monthly rise since ...": not an apposition of a name
    return f"{match.group('name')} is {role}."


# ", holding a 37.6% stake," / ", making Britain second only to the US.": a phrase opened by
# a present participle after a comma or dash, between commas or closing the sentence. Never
# "including" (a list of what came before) nor one holding a quotation.
_PARTICIPLE_PHRASE = re.compile(
    r"(?P<lead>,|\s[-\u2013\u2014])\s+(?!including\b|according\b)(?P<verb>[a-z]+ing)\s+"
    r"(?P<body>[^,;:()\"\u201c\u201d\u2013\u2014]{3,90}?)"
    r"(?P<end>,(?=\s+(?:and|but|while|as)\s)|(?=[.?!]?$))"
)


def without_participle_phrase(prompt: str, mention: str) -> str | None:
    """The prompt without a present-participle phrase after a comma that names ``mention``
    ("..., holding a 37.6% stake, and now hopes ..." -> "..., and now hopes ..."), or None."""
    from quizapp.nlp.tagging import tag_tokens

    for match in _PARTICIPLE_PHRASE.finditer(prompt):
        if BLANK in match.group() or not re.search(
            rf"(?<![\w'\u2019-]){re.escape(mention)}(?![\w-])", match.group("body")
        ):
            continue
        if sum(prompt[: match.start()].count(q) for q in ('"', "\u201c", "\u201d")) % 2:
            continue  # inside a quotation
        words = re.findall(r"[\w'\u2019-]+|[^\w\s]", prompt[: match.end("verb")])
        if tag_tokens([w.replace(BLANK, "Xyz") for w in words])[-1] != "VBG":
            continue  # "in the morning", "a new building": not a participle
        closing = not match.group("end")
        kept = prompt[: match.start()]
        if len(re.findall(r"[A-Za-z0-9_]+", kept)) < 6:
            return None
        if closing:
            return kept.rstrip() + prompt[match.end() :]
        return kept + prompt[match.end() - 1 :]
    return None
