"""The word list that tells whether a column break cut through a word."""

from __future__ import annotations

import importlib.util

import pytest

from cleaner import lexicon


def test_a_word_across_the_junction_gains() -> None:
    assert lexicon.join_gain("大家都助", "力那些年轻人") > 3  # 助力
    assert lexicon.join_gain("大家都助", "通用模型") < 0.01  # nothing crosses


def test_spaces_and_script_do_not_matter() -> None:
    plain = lexicon.join_gain("现在觉得生病才叫那个悲惨，大家都帮", "忙那些年轻人")  # 帮忙
    assert plain > 3
    assert lexicon.join_gain("大 家 都 帮", "忙 那 些") == pytest.approx(plain)
    assert lexicon.join_gain("大家都幫", "忙那些") == pytest.approx(plain)  # traditional 幫


def test_the_crossing_word_is_named() -> None:
    assert lexicon.crossing_word("大家都助", "力那些年轻人") == "助力"
    assert lexicon.crossing_word("大家都幫", "忙那些") == "帮忙"  # read in simplified script
    assert lexicon.crossing_word("大家都助", "通用模型") is None


def test_punctuation_at_the_junction_gains_nothing() -> None:
    assert lexicon.join_gain("大家都来了。", "助力那些") == 0.0
    assert lexicon.join_gain("", "助力") == 0.0


def test_missing_word_list_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "jieba" else real(name, *a))
    with pytest.raises(lexicon.LexiconError, match="pip install jieba"):
        lexicon.dictionary_path()
