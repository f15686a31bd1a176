"""Tests of cleaner.normalize: SPEC §4 examples, switches, script, properties."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner.config import DEFAULT
from cleaner.document import Fixed
from cleaner.normalize import (
    collapse_repeat,
    convert_script,
    detect_script,
    fix_punctuation,
    fix_spaces,
    fix_width,
    normalize,
    strip_invisible,
)

# --- examples: (input, expected output of normalize) ---------------------------

MUST_CHANGE = [
    # §4.1 invisible characters are deleted, never turned into spaces
    ("\ufeff北京新闻", "北京新闻"),
    ("北\u200b京\u200c新\u200d闻\u2060网\ufeff", "北京新闻网"),
    ("北京\x07\x00新闻", "北京新闻"),
    # §4.2 width
    ("ＡＩ２０２４", "AI2024"),
    ("增长１．２％", "增长1.2%"),
    # §4.3 punctuation next to Chinese
    ("北京(国际)科技", "北京（国际）科技"),
    ("中新社北京2月14日电 (王梦瑶)DeepSeek", "中新社北京2月14日电（王梦瑶）DeepSeek"),
    ("据悉,价格上涨;预计:明年?是!", "据悉，价格上涨；预计：明年？是！"),
    ("时间:10:30", "时间：10:30"),
    ("为什么 ? ! 好", "为什么？！好"),
    ("居全球之首(图)", "居全球之首（图）"),
    ("（记者陶方伟)", "（记者陶方伟）"),
    # §4.4 spaces
    ("2024 年", "2024年"),
    ("AI 芯片", "AI芯片"),
    ("实 现 实 时", "实现实时"),
    ("“ 大 脑 ”", "“大脑”"),
    ("李 贞", "李贞"),
    ("智 能 化 、信 息 化", "智能化、信息化"),
    ("精准 化 。大 数 据 分 析 技 术 ，为", "精准化。大数据分析技术，为"),
    ("一 个 能 思 考 、会 表 达 的", "一个能思考、会表达的"),
    ("CG 绘画、", "CG绘画、"),
    ("菲律宾 iACADEMY分", "菲律宾iACADEMY分"),
    ("的“ 大 脑 ”…… 借 助 智 能", "的“大脑”……借助智能"),
    ("据新华社电 （记者陶方伟、叶平凡） 日前，华为", "据新华社电（记者陶方伟、叶平凡）日前，华为"),
    ("本报记者 李 贞", "本报记者李贞"),
    ("占 60% 的份额", "占60%的份额"),
    ("AI 芯 片子", "AI芯片子"),  # letter-spacing is judged before "AI 芯" is joined
    ("AI “大脑”", "AI“大脑”"),
    ("评论 440 条", "评论440条"),
    ("人工智能产业提前完成三年目标   新质生产力", "人工智能产业提前完成三年目标 新质生产力"),
    ("目标\u3000新质生产力", "目标 新质生产力"),
    ("\u3000\u3000北京抢抓数字经济发展先机", "北京抢抓数字经济发展先机"),
    ("  北京抢抓数字经济发展先机 \t", "北京抢抓数字经济发展先机"),
    ("AI\tPC", "AI PC"),
    ("第一段 \n　第二段", "第一段\n第二段"),
    # §4.6 a line repeating itself
    (
        "一辆自动驾驶环卫车在北京经济技术开发区作业。 新华社记者 鞠焕宗摄"
        "一辆自动驾驶环卫车在北京经济技术开发区作业。 新华社记者 鞠焕宗摄",
        "一辆自动驾驶环卫车在北京经济技术开发区作业。新华社记者 鞠焕宗摄",
    ),
    ("北京抢抓数字经济发展先机 北京抢抓数字经济发展先机", "北京抢抓数字经济发展先机"),
    # all together
    ("\u3000\u3000据新华社电 (记者 李 贞) ＡＩ 芯片产值达 2500 亿元", "据新华社电（记者李贞）AI芯片产值达2500亿元"),
]

MUST_NOT_CHANGE = [
    "1,000",
    "10:30",
    "GPT-4.0 (beta)",
    "AI PC",
    "SU7 Ultra",
    "1.2万余件",
    "（AR、VR、MR）",
    "人工智能产业提前完成三年目标 新质生产力成北京发展新动能",
    "《关于推进公路数字化转型 加快智慧公路建设发展的意见》",
    "韩国女主播是非不断 裸体新闻遭禁播视频画面曝光",
    "新华社记者 鞠焕宗摄",
    "12岁男孩体重达280斤 穿衣吃饭都困难",  # 斤 ends the word "280斤": not letter-spaced
    "2025-02-15 08:23",
    "he said “hello” twice — ok",
    "Hello, world! (see: https://example.com/a?b=1)",
    "比分为3:1，",
    "中国，北京。",
    "哈哈",
    "哈哈哈哈哈哈哈哈",
    "……",
    "小．中．大",
    "",
]


@pytest.mark.parametrize(("text", "expected"), MUST_CHANGE)
def test_must_change(text: str, expected: str) -> None:
    assert normalize(text).text == expected


@pytest.mark.parametrize("text", MUST_NOT_CHANGE)
def test_must_not_change(text: str) -> None:
    assert normalize(text) == Fixed(text, ())


def test_steps_name_what_changed() -> None:
    fixed = normalize("中新社北京2月14日电 (王梦瑶)ＡＩ")
    assert fixed.steps == ("fix_width", "fix_punctuation", "fix_spaces")
    assert normalize("北京").steps == ()


# --- each function on its own ------------------------------------------------


def test_strip_invisible_keeps_tabs_and_newlines() -> None:
    assert strip_invisible("a\tb\nc\r\nd\re") == "a\tb\nc\nd\ne"


def test_fix_width_leaves_cjk_punctuation() -> None:
    assert fix_width("ＧＤＰ，（增长）！") == "GDP，（增长）！"


def test_fix_punctuation_brackets_convert_as_pair() -> None:
    assert fix_punctuation("公司(Apple)发布") == "公司（Apple）发布"
    assert fix_punctuation("AI (人工智能)") == "AI （人工智能）"
    assert fix_punctuation("(a(中)b)") == "(a（中）b)"
    assert fix_punctuation("GPT-4.0 (beta) and (x)") == "GPT-4.0 (beta) and (x)"


def test_fix_spaces_only_touches_spaces() -> None:
    assert fix_spaces("北京 ,AI") == "北京 ,AI"  # punctuation is not its business
    assert fix_spaces("北京") == "北京"


def test_collapse_repeat_options() -> None:
    assert collapse_repeat("北京新闻北京新闻") == "北京新闻"
    assert collapse_repeat("北京北京") == "北京北京"  # too short: a word, not a duplicate
    assert collapse_repeat("北京北京", min_chars=2) == "北京"
    assert collapse_repeat("北京新闻北京新闻北京新闻") == "北京新闻北京新闻北京新闻"  # three copies: not "X X"
    assert collapse_repeat("上海新闻\n北京新闻北京新闻") == "上海新闻\n北京新闻"


# --- switches -------------------------------------------------------------------

SWITCHES = [
    ("strip_invisible", "北\u200b京"),
    ("fix_width", "ＡＩ"),
    ("fix_punctuation", "北京(国际)科技"),
    ("fix_spaces", "2024 年"),
    ("dedupe_repeats", "北京新闻北京新闻"),
]


@pytest.mark.parametrize(("switch", "text"), SWITCHES)
def test_switch_turns_step_off(switch: str, text: str) -> None:
    assert normalize(text).text != text
    assert normalize(text, DEFAULT.with_options(**{switch: False})).text == text


def test_script_keep_is_default() -> None:
    assert normalize("國際新聞報導").text == "國際新聞報導"


# --- script ---------------------------------------------------------------------


def test_convert_script() -> None:
    assert convert_script("國際新聞報導", "simplified") == "国际新闻报导"
    assert convert_script("国际新闻", "traditional") == "國際新聞"
    assert convert_script("國際新聞", "keep") == "國際新聞"
    assert convert_script("軟體", "tw2s") == "软体"
    with pytest.raises(ValueError):
        convert_script("北京", "klingon")


def test_normalize_converts_script() -> None:
    fixed = normalize("國際新聞 報導", DEFAULT.with_options(script="simplified"))
    assert fixed == Fixed("国际新闻 报导", ("convert_script",))
    assert normalize("国际新闻", DEFAULT.with_options(script="traditional")).text == "國際新聞"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("国际新闻报道：北京抢抓数字经济发展先机", "simplified"),
        ("國際新聞報導：台北搶抓數位經濟發展先機", "traditional"),
        ("国际新闻报道 國際新聞報導", "mixed"),
        ("北京", "unknown"),
        ("AI 2024", "unknown"),
        ("", "unknown"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


# --- properties -----------------------------------------------------------------

_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40),  # Han
    st.sampled_from("的是在了中国北京实现时大脑李贞年"),
    st.sampled_from("，。、；：？！（）《》“”‘’…—·"),  # CJK and shared punctuation
    st.sampled_from(",;:?!().-%"),  # half-width punctuation
    st.sampled_from("aAzZ09GPT"),  # ASCII letters and digits
    st.sampled_from("ＡＩ０９％．"),  # full-width forms
    st.sampled_from("  \t\u3000\u00a0\n\r"),  # spaces and line ends
    st.sampled_from("\u200b\u200d\u2060\ufeff\x07"),  # invisible
)
_TEXTS = st.text(_ALPHABET, max_size=40)
_PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_PROPERTY
@given(_TEXTS)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once) == Fixed(once, ())


@_PROPERTY
@given(_TEXTS)
def test_each_step_is_idempotent(text: str) -> None:
    for step in (strip_invisible, fix_width, fix_punctuation, fix_spaces, collapse_repeat):
        once = step(text)
        assert step(once) == once, step.__name__


_MAPPED = {
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},  # full-width → half-width
    **dict(zip(",;:?!()", "，；：？！（）")),  # half-width → full-width punctuation
    **{s: " " for s in "\t\u3000\u00a0"},  # space-likes → space
    "\r": "\n",
}


_SCRIPTS = [DEFAULT, DEFAULT.with_options(script="simplified"), DEFAULT.with_options(script="traditional")]


@settings(max_examples=150, deadline=None)
@given(
    st.text(st.one_of(_ALPHABET, st.sampled_from("國際新聞報導後著於乾發髮臺灣裡")), min_size=1, max_size=30),
    st.sampled_from(["", " ", "\u3000", "\t"]),
    st.sampled_from(_SCRIPTS),
)
def test_repeated_and_converted_text_is_idempotent(x: str, gap: str, config) -> None:
    once = normalize(x + gap + x, config).text
    assert normalize(once, config) == Fixed(once, ())


@_PROPERTY
@given(_TEXTS)
def test_normalize_never_invents_characters(text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    allowed = set(text) | {_MAPPED[c] for c in text if c in _MAPPED}
    assert set(normalize(text).text) <= allowed


def test_doctests() -> None:
    import doctest

    import cleaner.normalize

    assert doctest.testmod(cleaner.normalize).failed == 0
