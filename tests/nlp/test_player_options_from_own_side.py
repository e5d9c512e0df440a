"""In a sports report a player's options never include someone the article ties to a rival
side of the same kind ("England failed to score and _____ slotted over four penalties as
France came back" asks a French player, never the England captain); a player's club is no
rival of a national side."""

from __future__ import annotations

from quizapp.nlp import read_document
from quizapp.nlp.distractors.pools import build_pools
from quizapp.nlp.distractors.teams import rival_sides, team_of
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import FactType

REPORT = (
    "Wales edge Italy in Six Nations thriller\n\n"
    "Wales captain Rhodri Cadwell admitted his side rode their luck in the 19-18 win over "
    "Italy in the Six Nations.\n\n"
    "Wales led 16-3 at half-time but failed to score a try after the break, and Marco Bellandi "
    "kicked five penalties as Italy came back. "
    "Italy scrum-half Luca Ferrante missed a late drop goal. "
    "Fly-half Owen Pryce, who plays his club rugby for Leicester, kicked the winning penalty "
    "for Wales."
)


def _teams() -> dict[str, str]:
    doc = read_document(REPORT)
    pools = build_pools(extract_facts(doc), doc)
    return {f.text: team_of(f, pools) for f in pools.by_type.get(FactType.PERSON, ())}


def test_each_player_is_tied_to_the_side_named_nearest() -> None:
    teams = _teams()
    assert teams.get("Rhodri Cadwell") == "Wales"
    assert teams.get("Marco Bellandi") == "Italy"
    assert teams.get("Luca Ferrante") == "Italy"


def test_nations_are_rivals_and_a_club_is_no_rival_of_a_nation() -> None:
    assert rival_sides("Wales", "Italy", "rugby")
    assert not rival_sides("Wales", "Leicester", "rugby")
    assert not rival_sides("Wales", "", "rugby")
    assert not rival_sides("Italy", "Italy", "rugby")


def test_a_rival_sides_player_is_never_an_option() -> None:
    from quizapp.nlp import generate

    for seed in range(4):
        quiz = generate(REPORT, max_items=20, kinds=["multiple_choice"], seed=seed)
        for item in quiz.items:
            if item.answer in ("Marco Bellandi", "Luca Ferrante"):
                assert "Rhodri Cadwell" not in item.options, item
            if item.answer == "Rhodri Cadwell":
                assert not {"Marco Bellandi", "Luca Ferrante"} & set(item.options), item
