"""Other people named by the role that points at them alone ("Mr Howard" -> "the Tory leader")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quizapp.nlp.model import FactType, Item

# Words a role may hold besides its head and its capitalised qualifier ("shadow chancellor",
# "Labour campaign spokesman", "Menatep Group's managing director"). Not "former": a former
# Liverpool manager is one of many, so the role names nobody.
_ROLE_MODIFIERS = frozenset(
    {"shadow", "deputy", "managing", "chief", "campaign", "vice", "senior", "acting"}
    | {"interim", "general", "executive", "finance", "foreign", "defence", "health", "home"}
)
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame"})
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame)\.?\s+)"
_QUOTES = ('"', "\u201c", "\u201d")


@dataclass(frozen=True, slots=True)
class _Described:
    """A person the article names with a role that points at them alone."""

    name: str
    surname: str | None
    role: str

    def description(self) -> str:
        """ "the Tory leader", or "Menatep Group's managing director" as it stands."""
        return self.role if re.search(r"['\u2019]s\b", self.role) else f"the {self.role}"


def described_people(items: Iterable[Item]) -> list[_Described]:
    """The people whose article role names them alone: a role word with a capitalised
    qualifier ("Tory leader", "Education Secretary", "Lyric chairman"), held by nobody else."""
    from quizapp.nlp.gazetteers import demonyms, role_words

    items = list(items)
    proper = _proper_words(items)
    roles: dict[str, str] = {}
    surnames: dict[str, set[str]] = {}
    holders: dict[str, set[str]] = {}
    for item in items:
        for fact in (*item.facts, item.fact, *(b.fact for b in item.blanks)):
            if fact.type is not FactType.PERSON:
                continue
            name = fact.attr("canonical") or fact.text
            words = name.split()
            if len(words) < 2 or not all(w[:1].isupper() for w in words):
                continue  # "of Sony": not a person's name
            surnames.setdefault(words[-1], set()).add(name)
            role = _as_written((fact.attr("role") or "").strip(), proper)
            if role and _specific_role(role, role_words(), demonyms()):
                roles.setdefault(name, role)
                holders.setdefault(role.lower(), set()).add(name)
    out = []
    for name, role in sorted(roles.items()):
        if len(holders[role.lower()]) != 1:
            continue
        last = name.split()[-1]
        out.append(_Described(name, last if len(surnames[last]) == 1 else None, role))
    return out


def _proper_words(items: Sequence[Item]) -> frozenset[str]:
    """Words the article capitalises inside a sentence, not only at its start (names, "Tory")."""
    words: set[str] = set()
    for item in items:
        for match in re.finditer(r"(?<=[a-z,;]\s)([A-Z][\w'\u2019-]*)", item.source.quote):
            words.add(match.group(1))
    return frozenset(words)


def _as_written(role: str, proper: frozenset[str]) -> str:
    """The role with a capital that only opens its sentence lowered ("Legendary Dutch coach"
    -> "legendary Dutch coach"; "Tory leader" keeps its name)."""
    from quizapp.nlp.tagging import tag_tokens

    words = role.split()
    first = words[0] if words else ""
    opening_only = first[:1].isupper() and first not in proper and not first.isupper()
    if opening_only and tag_tokens(words)[0] not in ("NNP", "NNPS"):
        return first.lower() + role[len(first) :]
    return role


def _specific_role(role: str, heads: frozenset[str], demonyms: frozenset[str]) -> bool:
    words = role.split()
    if not 2 <= len(words) <= 5 or not all(
        re.fullmatch(r"[A-Za-z][\w'\u2019-]*", w) for w in words
    ):
        return False
    head = words[-1].lower().removeprefix("co-").removeprefix("vice-")
    if head not in heads:
        return False
    qualifiers = [w for w in words[:-1] if w[:1].isupper()]
    if not qualifiers or any(w.lower().strip(".") in _TITLES for w in words):
        return False
    if all(re.sub(r"['\u2019]s$", "", w) in demonyms for w in qualifiers):
        return False  # "British director": one of many
    lower = [w for w in words[:-1] if not w[:1].isupper()]
    return all(w in _ROLE_MODIFIERS or w in heads for w in lower)


def described_prompt(item: Item, prompt: str, people: Sequence[_Described]) -> str:
    """The prompt with other people named by their role ("Mr Howard said" -> "The Tory leader
    said"), where the mention opens the stem or follows a small word, outside quoted words."""
    from quizapp.nlp.salience import plain
    from quizapp.nlp.words import STOPWORDS

    own = {f.attr("canonical") or f.text for f in (*item.facts, item.fact)}
    own_forms = {plain(f.text) for f in (*item.facts, item.fact)} | {plain(o) for o in own}
    for person in people:
        if person.name in own or any(
            o in plain(person.role).split() for o in own_forms if " " not in o
        ):
            continue
        if any(o in plain(person.role) for o in own_forms):
            continue  # the role would print the item's own answer
        names = [re.escape(person.name)]
        if person.surname:
            names.append(rf"{_TITLE}?{re.escape(person.surname)}")
        role = re.escape(person.role)
        mention = re.compile(
            rf"(?<![\w-])(?:{role}\s+)?{_TITLE}?(?:{'|'.join(names)})(?![\w-])(?!\s+[A-Z])"
        )
        match = mention.search(prompt)
        if match is None or mention.search(item.source.quote) is None:
            # Not named by the source sentence: the stem already replaced its words ("The
            # former France boss" -> "Houllier"); a second description would name nobody.
            continue
        before = prompt[: match.start()]
        after = prompt[match.end() :]
        if person.role.lower() in (before + after).lower():
            continue  # "Michael Howard, the Tory leader, ...": the role is there already
        if sum(before.count(q) for q in _QUOTES) % 2 == 1:
            continue  # inside someone's quoted words
        previous = re.findall(r"[\w'\u2019-]+|[^\w\s]", before)
        opening = not previous
        if not opening and previous[-1].isalpha() and previous[-1].lower() not in STOPWORDS:
            continue  # "his ex-boss Bernie Ebbers", "chose Michael Howard": no room for "the"
        if not opening and not previous[-1].isalpha() and previous[-1] not in (",", ";"):
            continue
        text = person.description()
        if opening:
            text = text[:1].upper() + text[1:]
        prompt = before + text + after
    return prompt
