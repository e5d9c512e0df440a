"""Stems blind graders still failed in session 6: a blank several answers fit ("_____'s team",
"The _____ spokesman"), a description the stem leaves unnamed ("The former France boss", "The
finished image", a bare "players"), the article's own slips ("films ... its", "said X said"),
part of a name asked as a person, a date that reads as another noun's, a quotation naming
someone by first name only (issue 9, item 2)."""

from __future__ import annotations

from quizapp.nlp import generate
from quizapp.nlp.model import Fact
from quizapp.nlp.questions.slips import copied_slip
from tests.nlp.stem_context import stem_context


def _fact(facts: tuple[Fact, ...], text: str) -> Fact:
    return next(f for f in facts if f.text == text or f.attr("canonical") == text)


# An invented rugby report: a captain and a director of rugby, two parties' spokesmen.
RUGBY = (
    "Harriers crash out at home\n\n"
    "Harriers lost 20-31 to Kestrels at Mill Park on Sunday.\n\n"
    "Daniel Ashworth's team must now beat Ravens and Falcons to reach the quarter-finals.\n\n"
    "Harriers director of rugby Colin Brame said his side would not give up.\n\n"
    'Colin Brame said: "Peter played with real heart."\n\n'
    "Kestrels winger Peter Lowry scored two tries, said coach Mark Dyer.\n\n"
    "Ashworth was named in the England squad in January.\n"
)


def test_a_persons_team_is_not_asked_as_the_person() -> None:
    ctx, facts = stem_context(RUGBY)
    # "_____'s team now face ...": the captain, the coach and the chairman all fit.
    assert ctx.stem(_fact(facts, "Daniel Ashworth")) is None


def test_a_quotation_calling_someone_by_first_name_leaves_the_speaker_unasked() -> None:
    ctx, facts = stem_context(RUGBY)
    speaker = next(f for f in facts if f.text == "Colin Brame" and f.sentence == 3)
    # '_____ said: "Peter played with real heart."': which Peter, out of the article?
    assert ctx.stem(speaker) is None


def test_the_subject_the_headline_names_may_be_called_by_first_name() -> None:
    text = RUGBY.replace("Harriers crash out at home", "Lowry stars for Kestrels")
    ctx, facts = stem_context(text)
    speaker = next(f for f in facts if f.text == "Colin Brame" and f.sentence == 3)
    stem = ctx.stem(speaker)
    assert stem is not None
    assert stem.text.startswith('Colin Brame said: "Peter played')


POLITICS = (
    "Ministers attack leaflet\n\n"
    "Tory spokesman Alan Pryce condemned the leaflet on Monday.\n\n"
    "The Tory spokesman criticised the government for its cost.\n\n"
    "Liberal Democrat spokesman Jo Hale said the leaflet was clear.\n\n"
    "Alan Pryce, the Tory spokesman, called it a waste of money.\n"
)


def test_a_blank_qualifying_an_unnamed_role_holder_is_not_asked() -> None:
    ctx, facts = stem_context(POLITICS)
    tory = [f for f in facts if f.text == "Tory"]
    by_sentence = {f.sentence: f for f in tory}
    # "The _____ spokesman criticised ...": any party's spokesman fits.
    assert ctx.stem(by_sentence[1]) is None
    # "Alan Pryce, the _____ spokesman, ...": the apposition names him, and it stays.
    assert ctx.stem(by_sentence[3]) is not None


# An invented football story: a description with a country in it, a group named after a place.
COACH = (
    "Marchand ready for new job\n\n"
    "Former Lyon coach Henri Marchand says he is ready to return to management.\n\n"
    "Marchand left Lyon in May after six years in charge.\n\n"
    "The former France boss was linked with the job of succeeding Owen Price as Wales coach.\n\n"
    "In a study, the Cardiff Valeron team tracked 40 Lyon players for a season.\n"
)


def test_a_description_with_a_country_in_it_gets_the_one_name_before_it() -> None:
    ctx, facts = stem_context(COACH)
    stem = ctx.stem(_fact(facts, "Owen Price"))
    assert stem is not None
    assert stem.text.startswith("Henri Marchand was linked with the job")


def test_a_name_qualifying_a_group_noun_is_not_asked_as_a_person() -> None:
    ctx, facts = stem_context(COACH)
    people = [f for f in facts if f.text == "Cardiff Valeron"]
    assert all(ctx.stem(f) is None for f in people)


GADGETS = (
    "Millions buy DAB radios\n\n"
    "A survey by the Radio Trust found 4 million homes own DAB radios.\n\n"
    "Almost a third of those with cars have radios, compared to 12% of those without.\n\n"
    "The finished design is 40% smaller than the Zeno X1 radio made by Tovar.\n\n"
    "Music players like the Zeno and the Arc Mini earned £3m in its first month.\n\n"
    "The Radio Trust launched a series of surveys on use of radios by families in March 2004.\n\n"
    "The Radio Trust moved its offices to Leeds in June 2005.\n"
)


def test_a_bare_noun_gets_the_product_word_of_the_headline() -> None:
    ctx, facts = stem_context(GADGETS)
    stem = ctx.stem(_fact(facts, "12%"))
    assert stem is not None
    assert "those with cars have DAB radios, compared to" in stem.text


def test_an_unnamed_participle_description_is_not_asked() -> None:
    ctx, facts = stem_context(GADGETS)
    # "The finished design": which design, the stem cannot say.
    assert ctx.stem(_fact(facts, "40%")) is None


def test_a_plural_subject_with_its_is_the_articles_slip() -> None:
    ctx, facts = stem_context(GADGETS)
    assert ctx.stem(_fact(facts, "£3m")) is None


def test_a_date_closing_a_chain_of_phrases_reads_as_the_last_nouns() -> None:
    ctx, facts = stem_context(GADGETS)
    # "... surveys on use of radios by families in the north in _____": whose date?
    assert ctx.stem(_fact(facts, "March 2004")) is None
    # "moved its offices to Leeds in _____": the verb's date, and it stays.
    stem = ctx.stem(_fact(facts, "June 2005"))
    assert stem is not None
    assert stem.text == "The Radio Trust moved its offices to Leeds in June 2005."


def test_a_speech_verb_typed_twice_is_the_articles_slip() -> None:
    text = '"We will appeal," said campaign chairman Peter Sands said.'
    assert copied_slip(text, 0, 0) is not None
    assert copied_slip('"We will appeal," said campaign chairman Peter Sands.', 0, 0) is None


def test_a_nickname_the_article_never_explains_leaves_the_speaker_unasked() -> None:
    text = RUGBY.replace("Peter played with real heart.", "Bazza played with real heart.")
    ctx, facts = stem_context(text)
    speaker = next(f for f in facts if f.text == "Colin Brame" and f.sentence == 3)
    assert ctx.stem(speaker) is None


def test_one_of_a_list_of_players_with_their_countries_is_not_asked() -> None:
    text = (
        "Lions squad named\n\n"
        "France's Pierre Morel, Ewan Dow of Scotland and Italy's Marco Lenti are in the "
        "northern squad for the charity match.\n\n"
        "The match will be played at Twickenham on 5 March.\n"
    )
    ctx, facts = stem_context(text)
    # Any of the three fits the blank; and "_____'s Pierre Morel" asks only his country.
    for name in ("Pierre Morel", "Marco Lenti", "France", "Italy"):
        assert all(ctx.stem(f) is None for f in facts if f.text == name), name


def test_the_articles_grammar_slips_are_not_copied() -> None:
    assert copied_slip("He argues that the fact the America is growing has helped.", 0, 0)
    assert not copied_slip("He argues that the Netherlands is growing fast.", 0, 0)
    assert copied_slip("It won four titles between 1965-71 and a cup in 1971.", 0, 0)
    assert not copied_slip("It won four titles between 1965 and 1971.", 0, 0)


def test_more_of_the_articles_slips_are_not_copied() -> None:
    text = (
        "Pirate site closed\n\n"
        "Police raided a site in Turku that let 9,000 users shared pirated films and games.\n\n"
        "The Turku thriller starring Anna Berg, was ruled ineligible by a Paris court in 2004.\n\n"
        "Berg will face Ines Roy , Lea Marr and Sofia Dahl for best actress in 2005.\n\n"
        "Police closed a second site in Turku that let 4,000 users share films in 2003.\n"
    )
    ctx, facts = stem_context(text)
    # "let 9,000 users shared", "The thriller ..., was ruled", "Ines Roy , Lea Marr".
    assert ctx.stem(_fact(facts, "9,000 users")) is None
    assert ctx.stem(_fact(facts, "2004")) is None
    assert ctx.stem(_fact(facts, "2005")) is None
    # "let 4,000 users share films": English, and it stays.
    assert ctx.stem(_fact(facts, "2003")) is not None


def test_his_after_two_owners_of_a_fortune_is_not_resolved() -> None:
    text = (
        "Composers top rich list\n\n"
        "Andrew Hallam's wealth rose to £700m, while producer Ivor Crane's fortune rose to "
        "£400m.\n\n"
        "His recent hits have included the West End show Lanterns.\n\n"
        "Ivor Crane said he would stage Lanterns in New York in 2006.\n\n"
        "He added that tickets would go on sale in March.\n"
    )
    ctx, facts = stem_context(text)
    # "His": the first name only owns the subject; the man named nearest is the other one.
    assert ctx.stem(_fact(facts, "Lanterns")) is None
    # "He" after a sentence whose subject is "Ivor Crane" stays resolved.
    stem = ctx.stem(_fact(facts, "March"))
    assert stem is not None and stem.text.startswith("Ivor Crane added")


def test_a_place_owning_a_theatre_is_still_asked() -> None:
    text = (
        "Actor backs theatre\n\n"
        "Film star Owen Kerr has held a dinner in Boston to promote Galway's Quay Theatre.\n"
    )
    ctx, facts = stem_context(text)
    stem = ctx.stem(_fact(facts, "Galway"))
    assert stem is not None and "promote Galway's Quay Theatre" in stem.text


def test_a_counted_description_left_unnamed_is_not_asked() -> None:
    text = (
        "Giant photo of Leiden\n\n"
        "A Dutch lab stitched together 400 single snaps to make one image of Leiden.\n\n"
        "The 400 component pictures were taken in July 2004 by a Canon camera.\n\n"
        "The lab in Delft was founded in 1932 by the Dutch state.\n"
    )
    ctx, facts = stem_context(text)
    # "The 400 component pictures": which pictures, read alone, the stem does not say.
    assert ctx.stem(_fact(facts, "July 2004")) is None
    assert ctx.wh_question(_fact(facts, "July 2004")) is None
    stem = ctx.stem(_fact(facts, "1932"))
    assert stem is not None and stem.text.startswith("The lab in Delft was founded")


def test_it_for_its_is_the_articles_slip() -> None:
    text = (
        "Robot meets pupils\n\n"
        "At the Leeds Museum, the Kato robot greeted 40 pupils, moving it arm as a pointer.\n\n"
        "At the Leeds Museum, the Kato robot gave it time to greet 30 teachers.\n"
    )
    ctx, facts = stem_context(text)
    assert ctx.stem(_fact(facts, "40 pupils")) is None
    assert ctx.stem(_fact(facts, "30 teachers")) is not None


def test_no_item_names_a_speaker_from_a_sentence_that_says_said_twice() -> None:
    text = (
        "Campaigners fight runway plan\n\n"
        "Campaigners at Halton Airport said the plan, published in March 2004, was flawed.\n\n"
        '"We do not underestimate the scale of the challenge before us in the courts," said '
        "Save Halton Fields chairman Peter Sands said.\n\n"
        "Halton Airport wants a second runway by 2015 at a cost of £900m.\n"
    )
    quiz = generate(text, max_items=20)
    assert quiz.items
    speech = "We do not underestimate"
    assert all(speech not in item.source.quote for item in quiz.items)
