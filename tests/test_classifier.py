"""The trained line classifier: training, determinism, the shipped model, safe loading."""

from __future__ import annotations

import base64
import gzip
import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from cleaner import classify, features, train
from cleaner.document import Label, Line
from cleaner.metrics import body_prf
from cleaner.samples import load_samples

from paths import DANIEL, ROOT, SEEDS  # noqa: E402  (tests/ is on sys.path)
FIXTURE = Path(__file__).parent / "fixtures" / "classifier_seed_predictions.json"
WEB_SEEDS = ("000", "001", "002", "004")

BODY = "今天上午，市政府召开新闻发布会，介绍了今年以来全市经济运行的总体情况和下一步工作安排。"
NAV = ["首页", "新闻", "财经", "体育", "娱乐", "登录", "注册"]


def _write_page(folder: Path, name: str, k: int) -> None:
    """A small synthetic web page in the SPEC §3 format: nav, title, meta, body, footer."""
    lines = [" | ".join(NAV[k % 3:]), "", f"第{k}号新闻标题：城市发展迈出新步伐", "2024-01-0{k} 来源：本网", ""]
    labels = {1: "boilerplate", 3: "title", 4: "meta"}
    for j in range(4 + k % 3):
        lines += [f"{BODY[j:]}第{j}段。{BODY[:j + 5]}。", ""]
        labels[len(lines) - 1] = "body"
    lines += ["上一篇 下一篇", "版权所有 © 2024 本网 京ICP备0000号"]
    labels[len(lines) - 1], labels[len(lines)] = "boilerplate", "boilerplate"
    body = [lines[n - 1] for n, v in sorted(labels.items()) if v == "body"]
    (folder / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = {"file": f"{name}.txt", "layout": "web", "line_labels": {str(n): v for n, v in labels.items()},
            "articles": [{"title": lines[2], "body": body}], "captions": []}
    (folder / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny"
    folder.mkdir()
    for k in range(8):
        _write_page(folder, f"2024010{k}_www.site{k % 4}.com_{k:04x}", k)
    return folder


def _seed_lines(code: str) -> tuple[list[Line], object]:
    sample = next(s for s in load_samples(SEEDS) if s.name.startswith(code + "_"))
    return [Line(i + 1, t) for i, t in enumerate(sample.read_text().splitlines())], sample


def test_training_is_deterministic(tiny: Path, tmp_path: Path) -> None:
    samples = load_samples(tiny)
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    train.write_model(train.train(samples, seed=0, inner_folds=2), a)
    train.write_model(train.train(list(reversed(samples)), seed=0, inner_folds=2), b)
    assert a.read_bytes() == b.read_bytes()
    model = classify.LineModel.load(a)
    lines, _ = _seed_lines("001")
    assert len(model.predict(lines)) == len(lines)


def test_tiny_model_learns_its_pages(tiny: Path, tmp_path: Path) -> None:
    pages = train.load_pages(load_samples(tiny))
    model = train.train(pages, seed=0, inner_folds=2, candidate="linear")
    scores = train.evaluate(model, pages).row()
    assert scores["line_F1_pooled"] > 0.9


def test_rerendered_pages_keep_their_lines_and_labels(tiny: Path) -> None:
    pages = train.load_pages(load_samples(tiny))
    drawn = [train.rerendered(p) for p in pages]
    assert {d.name.rsplit(" (", 1)[1].rstrip(")") for d in drawn} == set(train.RENDERINGS)  # 8 pages: each way used
    for page, d in zip(pages, drawn):
        assert d.site == page.site and (d.y == page.y).all()
        kept = [line.text.strip() for line in page.lines if line.text.strip()]
        assert [line.text.strip() for line in d.lines if line.text.strip()] == kept
        if "blank lines" in d.name:  # a blank line after every non-blank line
            texts = [line.text for line in d.lines]
            assert all(not texts[i + 1].strip() for i, t in enumerate(texts[:-1]) if t.strip())
        if "no indent" in d.name:
            assert all(line.text == line.text.strip() for line in d.lines)
    assert [d.lines for d in drawn] == [train.rerendered(p).lines for p in pages]  # deterministic


def test_augmented_training_is_deterministic(tiny: Path, tmp_path: Path) -> None:
    samples = load_samples(tiny)
    cand = train.Candidate("augmented", ("linear", "trees"), tree_iter=5, augment=True)
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    train.write_model(train.train(samples, seed=0, inner_folds=2, candidate=cand), a)
    train.write_model(train.train(list(reversed(samples)), seed=0, inner_folds=2, candidate=cand), b)
    assert a.read_bytes() == b.read_bytes()
    assert classify.LineModel.load(a).training["rerendered"] == classify.LineModel.load(a).training["pages"] == len(samples)


def test_predict_one_per_line_blank_is_other() -> None:
    lines, _ = _seed_lines("000")
    preds = classify.LineModel.load().predict(lines)
    assert len(preds) == len(lines)
    for line, p in zip(lines, preds):
        if line.blank:
            assert p is classify.BLANK
        else:
            assert p.label in (Label.BODY, Label.TITLE, Label.OTHER)
            assert abs(p.probability - {Label.BODY: p.p_body, Label.TITLE: p.p_title}.get(
                p.label, 1 - p.p_body - p.p_title)) < 1e-9
    assert classify.LineModel.load() is classify.LineModel.load()  # cached default
    assert classify.LineModel.load().predict([]) == []


def test_shipped_model_reproduces_recorded_seed_predictions() -> None:
    recorded = json.loads(FIXTURE.read_text(encoding="utf-8"))
    model = classify.LineModel.load()
    for code in WEB_SEEDS:
        lines, _ = _seed_lines(code)
        got = [p.label.value for p in model.predict(lines)]
        assert got == recorded[code], code


@pytest.mark.parametrize("code", WEB_SEEDS)
def test_shipped_model_reaches_seed_targets(code: str) -> None:
    lines, sample = _seed_lines(code)
    preds = classify.LineModel.load().predict(lines)
    body = "\n".join(line.text for line, p in zip(lines, preds) if p.label is Label.BODY)
    assert body_prf(body, sample.gold_body).f1 >= 0.97


def _shipped() -> dict:
    return classify.read_model_file(classify.default_model_path())


def _b64(values, dtype: str = "<f8") -> str:
    return base64.b64encode(np.asarray(values, dtype=dtype).tobytes()).decode("ascii")


def _b64_with(text: str, i: int, value: int) -> str:
    """An int32 array from a model file with one value replaced."""
    values = np.frombuffer(base64.b64decode(text), dtype="<i4").copy()
    values[i] = value
    return _b64(values, "<i4")


def test_model_file_arrays_are_base64_of_the_same_numbers(tmp_path: Path) -> None:
    model = {"linear": {"hash_index": [3, 7], "intercept": [0.1, -2.5e-7, 3.0]}, "trees": None, "labels": ["body"]}
    path = tmp_path / "m.json"
    train.write_model(model, path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["labels"] == ["body"] and raw["trees"] is None
    assert np.frombuffer(base64.b64decode(raw["linear"]["hash_index"]), dtype="<i4").tolist() == [3, 7]
    assert np.frombuffer(base64.b64decode(raw["linear"]["intercept"]), dtype="<f8").tolist() == [0.1, -2.5e-7, 3.0]
    shipped = _shipped()
    assert isinstance(shipped["trees"]["threshold"], str) and shipped["format_version"] == classify.FORMAT_VERSION


class _Evil:
    def __reduce__(self):
        return (print, ("pwned",))


@pytest.mark.parametrize(
    "payload",
    [
        pickle.dumps(_Evil()),
        gzip.compress(pickle.dumps(_Evil())),
        b'{"__reduce__": ["os.system", ["echo pwned"]]}',
        b"\x80\x04not json at all",
        b"",
    ],
)
def test_refuses_files_that_are_not_json_models(tmp_path: Path, payload: bytes) -> None:
    path = tmp_path / "evil.json"
    path.write_bytes(payload)
    with pytest.raises(classify.ModelError):
        classify.LineModel.load(path)


@pytest.mark.parametrize(
    "mutate",
    [
        lambda m: m.update(format_version=99),
        lambda m: m.update(format="something.else"),
        lambda m: m.update(extra=1),
        lambda m: m["linear"].update(__reduce__=["os.system", "echo pwned"]),
        lambda m: m["training"].update(__class__="os.system"),
        lambda m: m.update(format_version=1),  # arrays were JSON lists then
        lambda m: m["linear"].update(intercept="os.system('echo')"),  # not base64
        lambda m: m["linear"].update(hash_coef=[{"py/object": "os.system"}]),
        lambda m: m["linear"].update(intercept=[1.0, "2", 3.0]),
        lambda m: m["linear"].update(intercept=_b64([1.0, np.nan, 3.0])),
        lambda m: m["linear"].update(intercept=_b64([1.0, 2.0])),  # wrong length
        lambda m: m["trees"].update(threshold=_b64([1.0])[:-4]),  # not whole float64 values
        lambda m: m["trees"].update(threshold=_b64([1.0, 2.0], "<f4")),
        lambda m: m["trees"].update(max_depth=True),
        lambda m: m["trees"].update(left=_b64_with(m["trees"]["left"], 0, 10**9)),
        lambda m: m["feature_spec"].update(hash="0000"),
        lambda m: m.update(labels=["other", "body", "title"]),
    ],
)
def test_refuses_tampered_models(tmp_path: Path, mutate) -> None:
    model = _shipped()
    mutate(model)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    with pytest.raises(classify.ModelError):
        classify.LineModel.load(path)


def test_refuses_non_finite_numbers(tmp_path: Path) -> None:
    model = _shipped()
    model["linear"]["intercept"] = [1.0, 2.0]
    text = json.dumps(model).replace('"intercept": [', '"intercept": [NaN, ', 1)
    path = tmp_path / "nan.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(classify.ModelError):
        classify.LineModel.load(path)


def test_featurize_rows_and_shapes() -> None:
    lines = [Line(1, "  首页 | 新闻"), Line(2, ""), Line(3, "正文第一段，内容。"), Line(4, "   ")]
    f = features.featurize(lines)
    assert f.rows.tolist() == [0, 2]
    assert f.dense.shape == (2, len(features.DENSE_NAMES))
    assert f.hashed.shape == (2, features.N_HASH)
    assert np.isfinite(f.dense).all()
    assert features.featurize([]).dense.shape == (0, len(features.DENSE_NAMES))


def test_traditional_and_simplified_share_ngrams() -> None:
    a = features.featurize([Line(1, "經濟發展")]).hashed
    b = features.featurize([Line(1, "经济发展")]).hashed
    assert (a != b).nnz == 0


@pytest.mark.skipif(not DANIEL.is_dir(), reason="daniel data (../shared) not available")
def test_daniel_pages_featurize() -> None:
    sample = load_samples(DANIEL)[0]
    lines = [Line(i + 1, t) for i, t in enumerate(sample.read_text().splitlines())]
    preds = classify.LineModel.load().predict(lines)
    assert len(preds) == len(lines)


def test_max_run_matches_sequential_kadane() -> None:
    def sequential(gains):
        best, span, run, start = -np.inf, (0, 0), 0.0, 0
        for i, g in enumerate(gains):
            run, start = (g, i) if run <= 0 else (run + g, start)
            if run > best:
                best, span = run, (start, i)
        return span

    rng = np.random.default_rng(0)
    for _ in range(500):
        gains = rng.integers(-5, 5, size=int(rng.integers(1, 25))).astype(float)
        assert features._max_run(gains, 0) == sequential(gains.tolist())


def test_one_story_promotes_the_best_line_of_a_page_without_body() -> None:
    probs = np.array([[0.1, 0.8, 0.1], [0.35, 0.0, 0.65], [0.2, 0.0, 0.8]])
    assert classify.one_story(probs).tolist() == [1, 0, 2]  # the headline stays the headline
    prose = np.array([False, False, True])
    assert classify.one_story(probs, prose).tolist() == [1, 2, 0]  # only a prose line can be the story


def test_one_story_drops_stray_body_lines_far_from_the_story() -> None:
    body, other = [0.8, 0.0, 0.2], [0.1, 0.0, 0.9]
    rows = [body] * 5 + [other] * 8 + [[0.7, 0.0, 0.3], [0.95, 0.0, 0.05]]
    labels = classify.one_story(np.array(rows))
    assert labels[:5].tolist() == [0] * 5
    assert labels[13] == 2  # a prose-like line after a strip of chrome: a comment, not the story
    assert labels[14] == 0  # unless the model is sure


def test_prose_features_place_lines_relative_to_the_running_text() -> None:
    text = "正文第一段，内容很长很长很长，还有更多的内容在这里。"
    lines = [Line(1, "首页 | 新闻 | 体育"), Line(2, "城市发展迈出新步伐")] + [Line(3 + i, text) for i in range(4)]
    lines += [Line(7 + i, "相关新闻") for i in range(6)] + [Line(13, "网友评论：说得很好，我也这样认为，支持一下。")]
    f = features.featurize(lines)
    col = {name: f.dense[:, features.DENSE_NAMES.index(name)] for name in features.PROSE_NAMES}
    assert col["in_prose_block"].tolist() == [0, 0, 1, 1, 1, 1] + [0] * 7
    assert col["title_cand"][1] == 1.0
    assert col["after_prose_block_log"][-1] > col["after_prose_block_log"][6]


def test_gap_counts_match_the_gap_regex() -> None:
    """The space-mask count of 3+ space runs gives what a scan with ``_GAP`` gives."""
    texts = ["a   b", "x\u3000\u3000\u3000y  z", "  ", "新闻 \t\u00a0标题    \u3000 论坛", "无空格", "a\u3000 \u3000b\t\t\tc    d"]
    page = "\n".join(texts)
    lengths = np.array([len(t) for t in texts])
    starts = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]])
    codes = features._codes(page)
    line_id = np.repeat(np.arange(len(texts)), lengths + 1)[: len(codes)]
    space = features._class_table()[np.minimum(codes, 0x20000)] == features.CHAR_CLASSES.index("space")
    got = features._gap_counts(space, line_id, len(texts))
    assert got.tolist() == features._pattern_counts(features._GAP, page, starts, len(texts)).tolist() == [1, 1, 0, 2, 0, 3]
    assert features._gap_counts(space[:0], line_id[:0], 2).tolist() == [0.0, 0.0]
