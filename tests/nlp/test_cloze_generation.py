"""Cloze passages: gaps, word bank, stand-alone text, and their place in a quiz."""

from __future__ import annotations

import json
import re
from collections import Counter
from itertools import combinations

from quizapp.nlp import QuestionKind, generate, read_document
from quizapp.nlp.checks import check_item
from quizapp.nlp.distractors import build_pools
from quizapp.nlp.facts import extract_facts
from quizapp.nlp.model import BLANK, Fact, FactType
from quizapp.nlp.questions import BuildContext
from quizapp.nlp.questions.cloze import _converted, build_cloze, keeping_gaps
from quizapp.nlp.questions.fill_in import build_fill_in
from quizapp.nlp.questions.passage_gaps import (
    fair_accepted,
    gap_kind,
    in_one_list,
    same_entity,
    sure_kind,
)
from quizapp.nlp.quiz_conflicts import gives_away
from quizapp.nlp.quiz_search import questions_asked
from quizapp.nlp.salience import plain

# Several facts to a sentence, a pronoun that needs its antecedent, and a quotation.
HARBOUR = (
    "Harbour opens on the coast\n\n"
    "Mayor Clara Voss opened the new harbour in Bergen on 4 May 2004, three years after "
    "building began. The new harbour in Bergen cost 12 million euros and has room for "
    "300 boats. It was designed by the Dutch firm Kade Partners.\n\n"
    'Port manager Jonas Wick said: "We expect 40,000 visitors a year." '
    "The first ferry to Oslo leaves on 1 June, the council said.\n"
)


def _passages(text: str) -> tuple[str, list]:
    doc = read_document(text)
    facts = extract_facts(doc)
    ctx = BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)
    return text, list(build_cloze(facts, ctx))


def test_passages_hold_two_to_six_gaps_in_order_with_a_bank_of_their_answers() -> None:
    text, items = _passages(HARBOUR)
    assert items
    for item in items:
        assert item.kind is QuestionKind.CLOZE
        assert check_item(item, text) == []
        assert 2 <= len(item.blanks) <= 6
        assert item.prompt.count(BLANK) == len(item.blanks)
        assert (item.answer, item.fact) == (item.blanks[0].answer, item.blanks[0].fact)
        # Filling the gaps in order gives back words of the article, in order.
        starts = [b.fact.start for b in item.blanks]
        assert starts == sorted(starts)
        for blank in item.blanks:
            assert text[blank.fact.start : blank.fact.end] == blank.fact.text == blank.answer
            assert item.source.start <= blank.fact.start < blank.fact.end <= item.source.end
        # Every answer once in the bank, plus at most three distractors, sorted, never gap order.
        for blank in item.blanks:
            assert item.bank.count(blank.answer) == 1
        assert len(item.blanks) <= len(item.bank) <= len(item.blanks) + 3
        assert list(item.bank) == sorted(item.bank, key=lambda e: (e.casefold(), e))
        assert text[item.source.start : item.source.end] == item.source.quote


def test_a_passage_never_prints_its_own_answers_nor_cuts_a_quotation() -> None:
    _, items = _passages(HARBOUR)
    for item in items:
        visible = f" {plain(item.prompt.replace(BLANK, ' '))} "
        for blank in item.blanks:
            assert f" {plain(blank.answer)} " not in visible
        assert "40,000" not in [b.answer for b in item.blanks]  # inside quoted words
        marks = sum(item.prompt.count(m) for m in ('"', "“", "”"))
        assert marks % 2 == 0


def test_a_passage_opens_on_a_sentence_that_stands_alone() -> None:
    _, items = _passages(HARBOUR)
    for item in items:
        first = item.prompt.split(" ", 1)[0].lower()
        assert first not in ("it", "he", "she", "they", "this")
    # "It was designed by ..." may follow the sentence that names the harbour, never open.
    assert any("It was designed" in i.prompt for i in items) or not any(
        b.answer == "Kade Partners" for i in items for b in i.blanks
    )


def test_to_dict_follows_the_cloze_contract() -> None:
    quiz = generate(HARBOUR, max_items=10, kinds=["cloze"])
    assert quiz.items
    for out in quiz.to_dict()["questions"]:
        assert out["kind"] == "cloze"
        assert out["answer"] == out["blanks"][0]["answer"]
        assert out["fact"] == out["blanks"][0]["fact"]
        assert out["prompt"].count("_____") == len(out["blanks"])
        assert set(out["bank"]) >= {b["answer"] for b in out["blanks"]}
        for blank in out["blanks"]:
            assert set(blank) <= {"answer", "accepted", "fact"}
            assert blank["answer"] not in blank.get("accepted", [])


def test_each_gap_counts_toward_max_and_nothing_gives_another_away(
    samples: dict[str, str],
) -> None:
    texts = [*samples.values(), HARBOUR]
    for text in texts:
        for max_items in (3, 5, 12, 20):
            items = generate(text, max_items=max_items).items
            assert questions_asked(items) <= max_items
            passages = [i for i in items if i.kind is QuestionKind.CLOZE]
            assert len(passages) <= 3
            assert sum(len(i.blanks) for i in passages) <= -(-max_items // 2)
            for a, b in combinations(items, 2):
                assert not gives_away(a, b), (a.prompt, b.prompt)
            # Neither way: no gap's answer in another prompt, no other answer in a passage.
            for passage in passages:
                for other in items:
                    if other is passage:
                        continue
                    shown = f" {plain(other.prompt.replace(BLANK, ' '))} "
                    assert not any(f" {plain(b.answer)} " in shown for b in passage.blanks)
                    if other.answer and other.kind is not QuestionKind.TRUE_FALSE:
                        visible = f" {plain(passage.prompt.replace(BLANK, ' '))} "
                        assert f" {plain(other.answer)} " not in visible


def test_a_quiz_of_twenty_is_not_only_passages(samples: dict[str, str]) -> None:
    for text in samples.values():
        items = generate(text, max_items=20).items
        assert sum(len(i.blanks) for i in items) <= 10
        assert any(i.kind is not QuestionKind.CLOZE for i in items)


def test_cloze_can_be_left_out_or_asked_alone(samples: dict[str, str]) -> None:
    # (river-survey's one passage opened on "About 40% of the fragments ...": whose fragments,
    # it does not say, so it is no longer made.)
    text = samples["glacier-report"]
    without = generate(text, max_items=20, kinds=["multiple_choice", "fill_in"]).items
    assert all(i.kind is not QuestionKind.CLOZE for i in without)
    only = generate(text, max_items=20, kinds=["cloze"]).items
    assert only and all(i.kind is QuestionKind.CLOZE for i in only)


def test_passages_are_deterministic(samples: dict[str, str]) -> None:
    for text in samples.values():
        first = json.dumps(generate(text, max_items=20).to_dict(), ensure_ascii=False)
        assert json.dumps(generate(text, max_items=20).to_dict(), ensure_ascii=False) == first


# Two sentences of named facts: a passage of three or four gaps.
FERRY = (
    "New ferry for the coast\n\n"
    "Mayor Clara Voss opened the new ferry terminal in Bergen on 4 May 2004, after 26 months "
    "of work. Kade Partners of Rotterdam built the Bergen terminal for 40 million euros in 2003. "
    "Kade Partners said the Bergen terminal holds 900 passengers and 250 cars.\n"
)


def test_a_leaner_passage_keeps_a_gap_of_every_kind_its_bank_has_a_distractor_for() -> None:
    _, items = _passages(FERRY)
    passage = max(items, key=lambda i: len(i.blanks))
    assert len(passage.blanks) >= 3
    kinds = [gap_kind(b.fact) for b in passage.blanks]
    assert len(set(kinds)) == len(kinds)
    # Each distractor was drawn for one kind of gap: without a gap of that kind it fits none.
    assert keeping_gaps(passage, [0, len(passage.blanks) - 1]) is None
    assert keeping_gaps(passage, [0]) is None  # one gap is not a passage


# Figures written again in brackets, names a gap would cut, and a crowded sentence.
BOX_OFFICE = (
    "Fockers set box office record\n\n"
    "Director Jay Roach thanked Universal in Hollywood. Meet the Fockers took $12.2m "
    "(£6.2m) in Los Angeles on New Year's Eve, and Lemony Snicket took $18m in Chicago. "
    "Mr Roach said the sequel cost $80m to make.\n\n"
    "Ben Stiller, Robert De Niro, Dustin Hoffman and Barbra Streisand star in the film, "
    "which opened in 3,500 cinemas in 2004 with Paramount, Universal and DreamWorks.\n"
)


def _context(text: str) -> BuildContext:
    doc = read_document(text)
    facts = extract_facts(doc)
    return BuildContext(doc=doc, pools=build_pools(facts, doc), seed=0)


def _figure_gap(passage: str, figure: str) -> tuple[int, int, Fact]:
    at = passage.index(figure)
    return at, at + len(figure), Fact(FactType.QUANTITY, figure, at, at + len(figure), 0)


def test_a_gap_whose_figure_a_visible_bracket_converts_is_refused() -> None:
    converted = "It made $12.2m (£6.2m) on New Year's Eve. It took $18m (£9.4m) a day later."
    assert _converted(converted, *_figure_gap(converted, "$12.2m"))
    assert _converted(converted, *_figure_gap(converted, "£9.4m"))  # the bracket itself
    plain_figures = "It made $12.2m on New Year's Eve (a Friday). It took $18m in 2004."
    assert not _converted(plain_figures, *_figure_gap(plain_figures, "$12.2m"))
    assert not _converted(plain_figures, *_figure_gap(plain_figures, "$18m"))
    _, items = _passages(BOX_OFFICE)
    for item in items:
        assert not re.search(r"_____\s*\([^()]*\d", item.prompt), item.prompt


def test_no_gap_cuts_a_name_whose_other_words_stay_printed() -> None:
    _, items = _passages(BOX_OFFICE)
    for item in items:
        assert "Mr _____" not in item.prompt
        assert "_____'s Eve" not in item.prompt
        assert "Snicket" not in [b.answer for b in item.blanks]


def test_every_gap_is_a_fact_a_one_gap_fill_in_would_ask() -> None:
    for text in (HARBOUR, FERRY, BOX_OFFICE):
        ctx = _context(text)
        for item in build_cloze(extract_facts(ctx.doc), ctx):
            for blank in item.blanks:
                assert build_fill_in(blank.fact, ctx) is not None, blank.answer


def test_a_crowded_sentence_gives_at_most_two_gaps_of_at_most_four() -> None:
    ctx = _context(FERRY)
    facts = extract_facts(ctx.doc)
    opening = [f for f in facts if f.sentence == 0 and build_fill_in(f, ctx) is not None]
    assert len(opening) >= 3, "Clara Voss, Bergen and 4 May 2004 could each be asked alone"
    items = list(build_cloze(facts, ctx))
    assert items
    for item in items:
        assert 2 <= len(item.blanks) <= 4
        per_sentence = Counter(b.fact.sentence for b in item.blanks)
        assert max(per_sentence.values()) <= 2


# A film title whose words are a person's name and a common word.
TITLE = (
    "Oscar rules change\n\n"
    "Ampas decided to limit the number of producers who could be nominated after "
    "Shakespeare in Love's victory in 1999 saw five producers collect awards. "
    "The decision saw Clint Eastwood get his third nomination in Los Angeles for Million "
    "Dollar Baby.\n"
)


def test_no_gap_takes_one_word_of_a_title() -> None:
    _, items = _passages(TITLE)
    assert items, "the year and the number of producers can still be asked"
    for item in items:
        answers = [b.answer for b in item.blanks]
        assert "Love" not in answers and "Shakespeare" not in answers
        assert "Shakespeare in Love's" in item.prompt


# Several people, places and figures: the bank must hold a wrong entry of every gap's kind.
ELECTION = (
    "Council vote in the north\n\n"
    "Council leader Sir Peter Marsh lost his seat in Leeds on 6 May 2004, the party said. "
    "Sir Peter won 4,210 votes against 5,980 for Anna Berg of the Green Party. "
    "Turnout in Leeds fell to 31% from 38% in 2000.\n\n"
    "Ms Berg, a former teacher from Bradford, said she would cut bus fares by 20%. "
    "Tom Hollis, the council's finance chief, said fares in Sheffield and York rose by 12% "
    "last year.\n"
)


def test_every_gap_has_a_distractor_of_its_own_kind_and_no_gap_is_a_phrase() -> None:
    for text in (HARBOUR, FERRY, ELECTION):
        _, items = _passages(text)
        for item in items:
            answers = {b.answer for b in item.blanks}
            distractors = [e for e in item.bank if e not in answers]
            assert distractors
            for blank in item.blanks:
                assert blank.fact.type is not FactType.OTHER, blank.answer
                if blank.fact.type is FactType.QUANTITY:
                    unit = re.sub(r"[\d.,]+", "#", blank.answer)
                    assert any(re.sub(r"[\d.,]+", "#", d) == unit for d in distractors)


def test_one_gap_per_person_and_no_gapped_name_left_printed() -> None:
    ctx = _context(ELECTION)
    facts = extract_facts(ctx.doc)
    marsh = [f for f in facts if f.type is FactType.PERSON and "Peter" in f.text]
    assert len(marsh) >= 2, [f.text for f in facts]
    assert same_entity(marsh[0], marsh[1])
    for item in build_cloze(facts, ctx):
        shown = item.prompt.replace(BLANK, " ")
        for blank in item.blanks:
            if blank.fact.type is FactType.PERSON:
                surname = blank.answer.split()[-1]
                assert not re.search(rf"\b{surname}\b", shown), item.prompt
                assert not ("Sir" in blank.answer and "Peter" in shown), item.prompt


def test_two_gaps_of_one_kind_in_one_list_are_not_both_asked() -> None:
    assert in_one_list(", Canada, ")
    assert in_one_list(" and ")
    assert not in_one_list(" last year, and prices in ")
    _, items = _passages(ELECTION)
    for item in items:
        assert "_____ and _____" not in item.prompt, item.prompt


def test_a_passage_never_opens_on_a_pronoun_it_does_not_resolve() -> None:
    text = (
        "Mill reopens\n\n"
        "The mill in Leeds closed in 1998. As a result he lost 300 jobs in 1999 and 120 in "
        "2001, and sales fell to £4m from £9m.\n"
    )
    _, items = _passages(text)
    for item in items:
        found = re.search(r"\b(?:he|she|his|her)\b", item.prompt, re.I)
        assert not found, item.prompt


def test_typed_forms_of_a_gap_are_ones_a_student_writes() -> None:
    assert fair_accepted("7%", ("7", "seven", "seven%")) == ("7", "seven")
    assert fair_accepted("$60bn", ("60", "sixty", "$sixtybn")) == ("60", "sixty")
    assert fair_accepted("Robert De Niro", ("De Niro", "Niro")) == ("De Niro",)


# Names a tagger may call people or places that a bank of their type would show as nonsense.
BOX_TRACKER = (
    "Comedy tops the chart\n\n"
    "The comedy took $46m over the weekend, said Paul Dergarabedian, president of the "
    "industry's tracker Exhibitor Relations. Mr Dergarabedian said Christmas Day sales "
    "were the best since 1999, and water firm Suez sponsored the premiere in Paris.\n"
)


def test_a_gap_goes_only_on_a_name_of_a_sure_kind() -> None:
    ctx = _context(BOX_TRACKER)
    facts = extract_facts(ctx.doc)
    sure = {f.text: sure_kind(f, ctx.sentence(f), ctx.doc) for f in facts}
    assert sure.get("Paul Dergarabedian") is True  # a surname of his own later
    for name in ("Exhibitor Relations", "Christmas Day", "Suez"):
        assert sure.get(name, False) is False, name
    for item in build_cloze(facts, ctx):
        answers = {b.answer for b in item.blanks}
        assert not answers & {"Exhibitor Relations", "Christmas Day", "Suez"}, item.prompt
        assert "Suez" not in item.bank
