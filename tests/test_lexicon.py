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


def test_punctuation_at_the_junction_gains_nothing() -> None:
    assert lexicon.join_gain("大家都来了。", "助力那些") == 0.0
    assert lexicon.join_gain("", "助力") == 0.0


def test_missing_word_list_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "jieba" else real(name, *a))
    with pytest.raises(lexicon.LexiconError, match="pip install jieba"):
        lexicon.dictionary_path()


def test_words_are_the_likeliest_segmentation() -> None:
    assert lexicon.words("京东商城宣布开通北京市地铁自提点") == ["京东", "商城", "宣布", "开通", "北京市", "地铁", "自", "提", "点"]
    assert lexicon.words("") == []
    # the words' log-probabilities add up to the best segmentation's
    text = "出国旅游小心不要到草丛杂生处"
    assert sum(lexicon.log_probability(w) for w in lexicon.words(text)) == pytest.approx(lexicon.best_segmentation(text))


def test_a_word_the_list_lacks_is_as_rare_as_its_rarest() -> None:
    assert lexicon.log_probability("的") > lexicon.log_probability("记者") > lexicon.log_probability("寿光")
    assert lexicon.log_probability("HTC") == min(lexicon.log_probability(w) for w in ("寿光", "HTC"))
