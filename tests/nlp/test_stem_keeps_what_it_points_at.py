"""A stem trimmed of another item's answer never leaves a "the country", "the city" or "there"
pointing at the name it dropped ("a concession in Veloria after protests in the town of _____
(the poorest in the country)" without "in Veloria"): blind graders failed it as vague."""

from __future__ import annotations

from quizapp.nlp.worth import drops_referent

WHOLE = (
    "Aqualis lost a water concession in Veloria after protests in the town of _____ "
    "(the poorest in the country)."
)


def test_a_trim_that_drops_the_country_the_country_refers_to_is_refused() -> None:
    trimmed = WHOLE.replace(" in Veloria", "")
    assert drops_referent(WHOLE, trimmed)


def test_a_trim_that_keeps_the_referent_or_drops_another_name_is_kept() -> None:
    assert not drops_referent(WHOLE, WHOLE)
    whole = "In March, Aqualis said there were protests in _____ against its prices."
    # "there were": no place at all, so dropping "In March" leaves nothing pointing back.
    assert not drops_referent(whole, whole.replace("In March, ", "").capitalize())
    aside = "Aqualis, run by Ada Kemp, opened a plant in _____ to make pumps there."
    # The dropped name is after the reference's antecedent: the blank itself.
    assert not drops_referent(aside, aside.replace(", run by Ada Kemp,", ""))
