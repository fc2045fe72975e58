"""The chrome-line classifier: which lines it judges, what it sees of them, and how the
cleaning uses a model (the shipped one, a folder's, or none)."""

import pytest

from pipeline import chrome, clean
from pipeline.learn import LinearModel
from pipeline.training import chrome as training_chrome

PAGE = "\n".join(
    [
        "Home",
        "Ministers sign a labour mobility agreement in Geneva",
        "GENEVA, 3 May 2024 - The two ministers signed an agreement on labour mobility today.",
        "Region focus: labour mobility and migrant workers",
        "The agreement will protect the rights of migrant workers in both countries.",
        "Share this post",
    ]
)
# a model that calls a "Label:" line chrome and nothing else
LABELS = LinearModel(weights={"label_field": 6.0}, bias=-3.0)


def page_of(text: str) -> clean.Layout:
    found = clean.layout(text)
    assert found is not None
    return found


def test_only_body_lines_no_rule_removes_are_judged():
    page = page_of(PAGE)
    judged = [page.numbered[i][1] for i in chrome.candidates(page)]
    assert judged == [  # not "Home" (a rule's), the headline or the dateline's sentence
        "Region focus: labour mobility and migrant workers",
        "The agreement will protect the rights of migrant workers in both countries.",
    ]


def test_a_line_carrying_on_a_broken_sentence_is_never_judged():
    text = "\n".join(
        [
            "Ministers sign a labour mobility agreement in Geneva",
            "The agreement recognises the growing importance of regional cooperation and will",
            "strengthen it.",
            "Region focus: labour mobility",
        ]
    )
    page = page_of(text)
    assert "strengthen it." not in [page.numbered[i][1] for i in chrome.candidates(page)]


@pytest.mark.parametrize(
    "line, present, absent",
    [
        ("Region focus: labour mobility", ["label_field", "first=region", "rule=none"], []),
        ("Picture desk © www.iom.int archive 2023", ["mark=©", "mark=www."], ["all_caps"]),
        ("FOR IMMEDIATE RELEASE", ["all_caps", "rule=menu_item"], ["label_field"]),
        ("“We will protect them,” she said.", ["quoted", "end=."], ["label_field"]),
    ],
)
def test_a_line_is_described_by_its_shape_and_place(line, present, absent):
    page = page_of(f"Ministers sign a labour mobility agreement\n{line}\nThe body goes on here.")
    features = chrome.line_features(page, 1)
    assert all(name in features for name in present), features
    assert not any(name in features for name in absent), features
    assert "after_headline=1" in features and "next=end" not in features


def test_a_model_removes_the_lines_it_finds_chrome_and_names_itself():
    page = page_of(PAGE)
    judged = chrome.judged(page, LABELS)
    assert [page.numbered[i][1] for i in judged] == [
        "Region focus: labour mobility and migrant workers"
    ]
    assert all(rule.startswith("model:chrome@") for rule in judged.values())
    result = clean.cleaned(page, judged)
    assert "Region focus" not in result.text and "protect the rights" in result.text
    removed = [(t, r) for _, t, r in result.removed]
    assert ("Region focus: labour mobility and migrant workers", judged[3]) in removed


def test_cleaning_reads_the_models_folder_unless_learned_parts_are_off(tmp_path, monkeypatch):
    (tmp_path / "chrome.json").write_text(LABELS.to_json(), encoding="utf-8")
    monkeypatch.setenv("ACCORDS_MODELS", str(tmp_path))
    assert "Region focus" not in chrome.clean_text(PAGE).text
    assert "Region focus" in chrome.clean_text(PAGE, learned=False).text
    assert "Region focus" in clean.clean_text(PAGE).text  # the rules alone
    monkeypatch.setenv("ACCORDS_LEARNED", "off")
    assert "Region focus" in chrome.clean_text(PAGE).text
    monkeypatch.setenv("ACCORDS_LEARNED", "on")
    monkeypatch.setenv("ACCORDS_MODELS", str(tmp_path / "none"))
    assert "Region focus" in chrome.clean_text(PAGE).text


@pytest.mark.parametrize(
    "line, boilerplate, expected",
    [
        ("Share this post", ["Share this post"], True),
        # a fragment glued to a body line does not make the line chrome
        ("The ministers met in Geneva. Read more", ["Read more"], False),
        ("By: Haruna Kuyateh | 3 May 2024", ["By: Haruna Kuyateh | 3 May 2024"], True),
        # the gold's first body words keep their line, whatever else it lists
        ("GENEVA - The ministers signed", ["GENEVA - The ministers signed"], False),
    ],
)
def test_a_candidate_is_chrome_where_the_gold_lists_it(line, boilerplate, expected):
    gold = {"boilerplate": boilerplate, "body_first": "The ministers signed", "body_last": "x"}
    assert training_chrome.is_chrome(line, gold) is expected


@pytest.mark.parametrize(
    "line, judged",
    [
        ("GENEVA", False),  # a dateline on its own line
        ("Palikir, Pohnpei – FSM Information Services", False),
        ("UNHCR", False),  # a list of partners, one a line
        ("Mombasa", False),
        ("Briefings", True),
        ("Haruna Kuyateh | 3 May 2024", True),
    ],
)
def test_a_line_opening_with_a_known_place_or_body_is_never_judged(line, judged):
    page = page_of(f"Ministers sign a labour mobility agreement\n{line}\nThe body goes on here.")
    assert (1 in chrome.candidates(page)) is judged


@pytest.mark.parametrize(
    "line, named",
    [
        ("Geneva", True),  # a place the gazetteers know opens it
        ("Nuku'alofa, Tonga", True),  # a dateline on its own line, its town unknown
        ("Apia, Samoa", True),
        ("Home, News", False),
        ("Follow us on Twitter, Facebook", False),
        ("Share, Tweet, Email", False),
    ],
)
def test_a_line_that_names_a_place_is_never_judged(line, named):
    from pipeline.chrome import opens_with_a_name

    assert opens_with_a_name(line) is named


MENU_PAGE = "\n".join(
    [
        "Ministers sign a labour mobility agreement in Geneva",
        "",
        "Head of State",
        "The Cabinet",
        "Overseas Missions",
        "The Treaties",
        "Press Room",
        "Site Help",
        "",
        "The Senate",
        "Overseas Missions",
        "Site Help",
        "",
        "GENEVA, 3 May 2024 - The two ministers signed an agreement on labour mobility today.",
    ]
)


def indices(page: clean.Layout, lines: list[str]) -> set[int]:
    return {i for i, (_, line) in enumerate(page.numbered) if line in lines and i > page.headline}


@pytest.mark.parametrize(
    "chrome_lines, expected",
    [
        # half of a run of six short lines is chrome: the rest of the run is the menu's
        (
            ["Head of State", "Overseas Missions", "Site Help"],
            ["The Cabinet", "The Treaties", "Press Room"],
        ),
        # a third is not enough
        (["Head of State", "Site Help"], []),
    ],
)
def test_the_rest_of_a_menu_the_model_half_removed_is_chrome(chrome_lines, expected):
    page = page_of(MENU_PAGE)
    found = {i: "model:chrome@0.9" for i in indices(page, chrome_lines)}
    first_run = {i for i in indices(page, chrome_lines) if page.numbered[i][0] < 10}
    found = {i: rule for i, rule in found.items() if i in first_run}
    added = chrome.menu_blocks(page, found)
    assert {page.numbered[i][1] for i in added} == set(expected)
    assert set(added.values()) <= {chrome.MENU_BLOCK_RULE}


def test_a_run_of_three_short_lines_is_no_menu():
    page = page_of(MENU_PAGE)
    found = {i: "model:chrome@0.9" for i in indices(page, ["The Senate", "Overseas Missions"])}
    found = {i: rule for i, rule in found.items() if page.numbered[i][0] > 10}
    assert chrome.menu_blocks(page, found) == {}


def test_a_menu_run_keeps_the_lines_the_classifier_may_not_judge():
    page = page_of(MENU_PAGE.replace("The Treaties", "UNHCR"))  # a known body opens it
    found = {i: "model:chrome@0.9" for i in indices(page, ["Head of State", "Site Help"])}
    found |= {i: "model:chrome@0.9" for i in indices(page, ["Overseas Missions"])}
    found = {i: rule for i, rule in found.items() if page.numbered[i][0] < 10}
    added = {page.numbered[i][1] for i in chrome.menu_blocks(page, found)}
    assert added == {"The Cabinet", "Press Room"}


def test_rules_alone_make_no_menu_of_a_run():
    lines = MENU_PAGE.replace("Press Room", "Share").replace("Site Help", "Tweet")
    page = page_of(lines.replace("Head of State", "Print this page"))
    assert chrome.menu_blocks(page, {}) == {}
