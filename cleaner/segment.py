"""Pages → stories.

A web page holds one story: its headline, metadata lines and body lines.

A print page (several stories typeset on one newspaper page) is read from its
rejoined blocks:

1. Each block gets a role from its own text and its neighbours: photo caption
   (ends in a photo credit ``…摄``), metadata (byline, dateline), title (a
   short unpunctuated block that is followed by a story start, another title,
   or nothing), heading (a short block between paragraphs of one story), or
   body.  Whether the paragraphs around a short block are one story is told
   by their vocabulary: text below that shares almost no character pairs with
   the text above starts another story (a main story without byline set
   under another), and a short block read after another story's title is a
   subheading only when the text around it shares its words.
2. Stories start at a body paragraph that opens with a dateline
   (``据新华社电（记者…）``), at the first paragraph after a title or byline,
   and at a photo caption that has a title right above it (a photo story).
3. Titles are assigned to stories by word overlap, not by position: print
   layout often puts a title after its story.  A story no title matches gets
   ``None``, never one that shares none of its words.  A short title that
   matches no story is a section label (``资讯速览``) and becomes the column of
   the stories after it.  A title no story took that names the text from some
   paragraph on opens a story there; so does a pair of titles read one above
   the other over a story (stories set side by side) when each names one part
   of its text, either way round.  A subheading that
   names a photo caption left without a title, more than the story it was
   read in, is that photo's title (a photo set inside the story's columns).
   Once the stories are settled, a title no story took read right above or
   below a story's own title that names its text is that title's other line
   (a two-line headline read with a blank line between), and a story still
   without a title (a photo story too) takes the title read right above it,
   or else right below it, or else above the run of titled stories right
   before it (headlines set side by side, read one above the other), if they
   share a word.
4. A piece of text with no title, byline or dateline of its own joins the
   story whose vocabulary it shares (a column break or a displaced title left
   it apart).  So does a piece under a short block no story took as its
   title, when it shares more of a story's vocabulary: a subheading is
   followed by more of the same story, and the block becomes that
   subheading — unless it names a photo caption of the page (the photo's
   title, set beside).  So, too, does text read after a brief that shares
   none of the brief's words but another story's: a brief is opened by its
   dateline, so that text is the rest of the story the brief was set inside.
   A piece under a byline with no title above it is the lede of the story it
   shares its words with, if that story has no byline of its own: a byline is
   set under its story's title, and a story has one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import regex

from cleaner import metadata
from cleaner.config import DEFAULT, Config
from cleaner.document import Block, Decision, Kind, Label, Story
from cleaner.heuristics import content_length
from cleaner.layout import ends_sentence
from cleaner.metrics import bigrams, canonical

_SENTENCE_END = regex.compile(r"[。！？!?…]\s*[”’」』）)]?\s*$")
_CLAUSE_PUNCT = regex.compile(r"[，。；！？,;]")
_PHOTO_CREDIT = regex.compile(r"(?:记者|通讯员|摄影)?\s*(?:\p{Han}\s?){2,4}\s*摄\s*[）)]?\s*$")


# --- web ---------------------------------------------------------------------


def segment_web(decisions: Sequence[Decision]) -> list[Story]:
    """A web page is one story: headline, metadata lines, body and heading lines."""
    body: list[Decision] = []
    titles: list[Decision] = []
    meta: list[Decision] = []
    captions: list[Decision] = []
    # one pass, by label: on Python 3.11 every ``Label.X`` (and ``in_body``) read in a
    # per-block loop goes through the enum metaclass's __getattr__ hook
    parts = {Label.BODY: body, Label.HEADING: body, Label.TITLE: titles, Label.META: meta, Label.CAPTION: captions}
    for d in decisions:
        part = parts.get(d.label)
        if part is not None:
            part.append(d)
    if not body:
        return []
    return [Story(titles[0] if titles else None, tuple(meta), tuple(body), tuple(captions))]


# --- print: block roles ------------------------------------------------------


def _is_short_label(text: str, config: Config) -> bool:
    """Short and unpunctuated: a title, heading or section label, not text."""
    n = content_length(text)
    return 0 < n <= config.print_title_max_chars and not _CLAUSE_PUNCT.search(text)


def _starts_story(text: str) -> bool:
    """The paragraph opens with a dateline (read with the extractor's spaces
    removed: ``本报上海 2 月 25 日电`` is ``本报上海2月25日电``)."""
    lead = metadata.read_lead("".join(text[:80].split()))
    return bool(lead and lead.dateline)


def _role(block: Block, config: Config) -> tuple[Label, str]:
    """A block's role from its own text and the layout stage's notes on it."""
    text = block.text.strip()
    if "photo credit" in block.joins:
        return Label.META, "photo credit"
    if any(note.startswith("caption ends") for note in block.joins) or (_PHOTO_CREDIT.search(text) and content_length(text) > 12):
        return Label.CAPTION, "photo caption: ends with a photo credit"
    meta = metadata.read_meta_line(text)
    if meta is not None and meta.kind in ("byline", "editor", "photo_credit", "dateline_source"):
        return Label.META, f"metadata line ({meta.kind}): {meta.reason}"
    if _is_short_label(text, config):
        return Label.TITLE, "short unpunctuated block"
    return Label.BODY, "paragraph"


def _set_across_columns(block: Block) -> bool:
    """The layout stage found the block wider than the column of the text below
    it: a story's title spans its columns, a subheading stays inside one."""
    return any(note.startswith("title across columns") for note in block.joins)


_WORD_RUN = regex.compile(r"[\p{Han}A-Za-z0-9]+")


def _word_pairs(text: str) -> set[tuple[str, str]]:
    """The character pairs inside runs of Han, Latin and digits (no pair spans
    punctuation or a space): a story's vocabulary, as the pages' own script spells it."""
    return {pair for run in _WORD_RUN.findall(text) for pair in zip(run, run[1:])}


def _body_around(blocks: Sequence[Block], roles: Sequence[tuple[Label, str]], j: int, step: int, limit: int) -> str:
    """Up to ``limit`` characters of the body paragraphs from block ``j`` on
    (``step`` −1: backwards, up to the last title or metadata line; +1: forwards,
    up to the next one), nearest characters first."""
    texts: list[str] = []
    while 0 <= j < len(blocks) and roles[j][0] is Label.BODY and sum(map(len, texts)) < limit:
        texts.append(blocks[j].text)
        j += step
    joined = "".join(reversed(texts)) if step < 0 else "".join(texts)
    return joined[-limit:] if step < 0 else joined[:limit]


def _shared_vocabulary(blocks: Sequence[Block], roles: Sequence[tuple[Label, str]], above: int, below: int, config: Config) -> float | None:
    """How much vocabulary the text from block ``below`` on shares with the text
    up to block ``above``: the share of the smaller side's character pairs found
    on the other side (None when one side is too short to tell).  A story goes
    on in the same words (names, places, topic); another story's text shares
    almost none."""
    limit = config.print_story_context_chars
    before = _word_pairs(_body_around(blocks, roles, above, -1, limit))
    after = _word_pairs(_body_around(blocks, roles, below, +1, limit))
    smaller = min(len(before), len(after))
    if smaller < config.print_story_context_min_pairs:
        return None
    return len(before & after) / smaller


def _previous_text(roles: Sequence[tuple[Label, str]], i: int) -> int:
    """The nearest block before block ``i`` that is not a title (−1 if none)."""
    j = i - 1
    while j >= 0 and roles[j][0] is Label.TITLE:
        j -= 1
    return j


def _heading_role(blocks: Sequence[Block], roles: Sequence[tuple[Label, str]], i: int, config: Config) -> tuple[Label, str] | None:
    """The new role of the short block ``i`` when it sits between paragraphs of one
    story (None: it stays a title).  Another story's title may be read between
    the paragraph above and the subheading (the extractor took it from a story
    set beside); then only shared vocabulary says the story goes on."""
    if _set_across_columns(blocks[i]) or roles[i + 1][0] is not Label.BODY or _starts_story(blocks[i + 1].text):
        return None
    above = _previous_text(roles, i)
    if above < 0 or roles[above][0] is not Label.BODY:
        return None
    shared = _shared_vocabulary(blocks, roles, above, i + 1, config)
    if above == i - 1:
        if shared is not None and shared < config.print_story_min_shared:
            return Label.TITLE, f"title: the text below shares {shared:.0%} of its vocabulary with the text above"
        return Label.HEADING, "short block between paragraphs of one story"
    if shared is None or shared < config.print_heading_min_shared:
        return None
    return Label.HEADING, f"short block between paragraphs of one story ({shared:.0%} shared vocabulary; another story's title read between)"


def label_print(blocks: Sequence[Block], config: Config = DEFAULT) -> list[Decision]:
    """The role of every block of a print page (see the module docstring)."""
    roles = [_role(b, config) for b in blocks]
    # A short block between paragraphs of one story is a heading, not a title.
    for i in range(1, len(roles) - 1):
        if roles[i][0] is Label.TITLE:
            roles[i] = _heading_role(blocks, roles, i, config) or roles[i]
    return [Decision(b.first, b.last, b.text, label, reason) for b, (label, reason) in zip(blocks, roles)]


# --- print: stories ----------------------------------------------------------


@dataclass
class _Draft:
    body: list[Decision] = field(default_factory=list)
    meta: list[Decision] = field(default_factory=list)
    photo: bool = False


@dataclass
class _TitleRef:
    title: Decision
    bylines: list[Decision]
    next_story: int  # the index of the story that follows the title on the page


def _with_credit(caption: Decision, credit: Decision) -> Decision:
    text = f"{caption.text.strip()} {credit.text.strip()}"
    return Decision(caption.first, max(caption.last, credit.last), text, Label.CAPTION, caption.reason)


def _split_stories(decisions: Sequence[Decision]) -> tuple[list[_Draft], list[_TitleRef], list[Decision]]:
    """Walk the page once: story drafts, titles (with what follows them), stray captions."""
    stories: list[_Draft] = []
    titles: list[_TitleRef] = []
    stray: list[Decision] = []
    pending_meta: list[Decision] = []
    fresh = True  # the next body paragraph starts a story
    previous: Decision | None = None
    for d in decisions:
        waiting_title = titles[-1] if titles and titles[-1].next_story == len(stories) else None
        if d.label is Label.TITLE:
            titles.append(_TitleRef(d, [], len(stories)))
            fresh = True
        elif d.label is Label.META and d.reason == "photo credit" and previous is not None and previous.label is Label.CAPTION:
            if stories and stories[-1].photo and stories[-1].body[-1] is previous:
                stories[-1].meta.append(d)
            elif stray and stray[-1] is previous:
                stray[-1] = _with_credit(previous, d)
        elif d.label is Label.META:
            (waiting_title.bylines if waiting_title else pending_meta).append(d)
            fresh = True
        elif d.label is Label.CAPTION:
            if waiting_title is not None and fresh:
                stories.append(_Draft([d], [], photo=True))  # a photo story: its body is the caption
            else:
                stray.append(d)
            fresh = True
        else:  # BODY or HEADING
            if not stories or d.label is Label.BODY and (fresh or _starts_story(d.text)):
                stories.append(_Draft([d], pending_meta))
                pending_meta = []
            else:
                stories[-1].body.append(d)
            fresh = False
        previous = d
    return stories, titles, stray


def _overlap(title: str, story: _Draft) -> float:
    """Share of the title's bigrams that occur in the story's text."""
    return _share(bigrams(canonical(title)), _story_grams(story))


def _story_grams(story: _Draft) -> Counter:
    return bigrams(canonical("".join(d.text for d in story.body)))


def _share(grams: Counter, body: Counter) -> float:
    """Share of the bigrams ``grams`` (a title's) found in ``body`` (a story's)."""
    return sum((grams & body).values()) / sum(grams.values()) if grams else 0.0


def _title_shares(stories: Sequence[_Draft], titles: Sequence[_TitleRef]) -> dict[int, list[float]]:
    """id of each title → :func:`_overlap` with every story, each story's text read once."""
    bodies = [_story_grams(story) for story in stories]
    return {id(ref): [_share(grams, body) for body in bodies] for ref in titles for grams in [bigrams(canonical(ref.title.text))]}


def _best_first(pairs: Sequence[tuple[float, int, int]], bar: float) -> list[tuple[float, int, int]]:
    """Greedy one-to-one matching of scored pairs ``(score, a, b)``: best score
    first (ties by ``a``, then ``b``), from ``bar`` up, neither side taken twice."""
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    chosen = []
    for score, a, b in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if score >= bar and a not in taken_a and b not in taken_b:
            taken_a.add(a)
            taken_b.add(b)
            chosen.append((score, a, b))
    return chosen


def _assign_titles(stories: Sequence[_Draft], titles: Sequence[_TitleRef], config: Config) -> dict[int, _TitleRef]:
    """Greedy best-first matching of titles to stories by word overlap (+ adjacency)."""
    shares = _title_shares(stories, titles)
    pairs = []
    for t, ref in enumerate(titles):
        for s, share in enumerate(shares[id(ref)]):
            adjacency = config.print_title_adjacency if s == ref.next_story else 0.0
            pairs.append((share + adjacency, t, s))
    return {s: titles[t] for _, t, s in _best_first(pairs, config.print_title_min_overlap)}


def _parts_share(head: Sequence[Decision], tail: Sequence[Decision], config: Config) -> bool:
    """The two runs of paragraphs share their vocabulary (at least
    ``config.print_piece_min_shared`` of the smaller side's character pairs, or
    either side too short to tell): they read as one story."""
    before = _word_pairs("".join(d.text for d in head))
    after = _word_pairs("".join(d.text for d in tail))
    smaller = min(len(before), len(after))
    return smaller < config.print_story_context_min_pairs or len(before & after) / smaller >= config.print_piece_min_shared


def _paragraph_seam(above: Decision, below: Decision) -> bool:
    """Two body paragraphs where one story may end and another begin: the one
    above ends a sentence (a subheading above, or a cut sentence, keeps the
    story going)."""
    return above.label is Label.BODY and below.label is Label.BODY and ends_sentence(above.text)


def _own_title_below(story: _Draft, k: int, own: _TitleRef | None) -> bool:
    """The story's own title names its text from paragraph ``k`` on rather than
    the text before: cutting there would leave that title on the wrong part."""
    if own is None:
        return False
    return _overlap(own.title.text, _Draft(story.body[k:])) > _overlap(own.title.text, _Draft(story.body[:k]))


def _free_titles(titles: Sequence[_TitleRef], assigned: dict[int, _TitleRef], config: Config) -> list[_TitleRef]:
    """The titles no story took, but for short ones: those are section labels."""
    taken = {id(ref) for ref in assigned.values()}
    return [ref for ref in titles if id(ref) not in taken and content_length(ref.title.text) > config.section_max_chars]


def _free_title_split(stories: Sequence[_Draft], titles: Sequence[_TitleRef], assigned: dict[int, _TitleRef], config: Config) -> tuple[int, int, _TitleRef] | None:
    """The best place to open a story for a title no story took: a story ``s`` and
    a paragraph ``k`` (not its first) such that the text from ``k`` on holds at
    least ``config.print_title_min_overlap`` of the title's bigrams and the text
    before ``k`` at most ``config.print_title_split_before`` of what the text
    after holds, and the two parts share no vocabulary (:func:`_parts_share`; a
    subheading read as a title names text of its own story), and the story's
    own title stays with the text before (:func:`_own_title_below`).  The extractor read the title apart from its story (or set two
    titles one above the other), so the story's text was glued to the one above
    it.  Short titles are left alone: they are section labels."""
    best: tuple[float, int, int, _TitleRef] | None = None
    for ref in _free_titles(titles, assigned, config):
        for s, story in enumerate(stories):
            if story.photo:
                continue
            for k in range(1, len(story.body)):
                if not _paragraph_seam(story.body[k - 1], story.body[k]):
                    continue
                after = _overlap(ref.title.text, _Draft(story.body[k:]))
                before = _overlap(ref.title.text, _Draft(story.body[:k]))
                lead = _overlap(ref.title.text, _Draft(story.body[k : k + 1]))
                if lead < config.print_title_split_lead or after < config.print_title_min_overlap or before > config.print_title_split_before * after:
                    continue
                if _parts_share(story.body[:k], story.body[k:], config) or _own_title_below(story, k, assigned.get(s)):
                    continue
                if best is None or after - before > best[0]:
                    best = (after - before, s, k, ref)
    return None if best is None else best[1:]


def _title_pair_split(stories: Sequence[_Draft], titles: Sequence[_TitleRef], assigned: dict[int, _TitleRef], config: Config) -> tuple[int, int, _TitleRef, bool] | None:
    """The best place to cut a story in two between its own title and a title no
    story took: a story ``s`` whose title was read right above it, a paragraph
    ``k`` (not its first, a sentence ending above it) and which part each title
    names.  The story's own title holds at least ``config.print_title_pair_min_own``
    of its bigrams in one part, the free title ``config.print_title_pair_min_free``
    in the other, each at most ``config.print_title_pair_max_cross`` in the part
    it does not name, and the two parts share no vocabulary (:func:`_parts_share`).

    Two titles read one above the other (stories set side by side) both sit above
    the first story's text, and the other story's text follows it with nothing
    between: the title naming more of the glued text takes it all and the other is
    left with no story.  Usually the free title names the text before the cut; it
    names the text after only when it too was read right above the story (the
    lower of the two titles).  The story's own title must be longer than a section
    label: a short one took the text by adjacency and may be a title's second line
    read apart.  A title's second line or a subheading taken for a title names text
    of the same story: the vocabulary test keeps those whole.  The cut where the
    titles name their parts most cleanly first.  Returns ``(s, k, free title,
    whether the free title names the text after)``."""
    free = _free_titles(titles, assigned, config)
    own_bar, free_bar = config.print_title_pair_min_own, config.print_title_pair_min_free
    cross = config.print_title_pair_max_cross
    best: tuple[float, int, int, _TitleRef, bool] | None = None
    for s, own in assigned.items():
        story = stories[s]
        if not free or story.photo or own.next_story != s or content_length(own.title.text) <= config.section_max_chars:
            continue
        # The own title's side of the test does not depend on the free title: the cuts
        # it allows, with the bigrams of the two parts, the own title's share in its part
        # and in the other, and whether the free title is to name the text after, are
        # found once.
        own_grams = bigrams(canonical(own.title.text))
        cuts = []
        for k in range(1, len(story.body)):
            if not _paragraph_seam(story.body[k - 1], story.body[k]):
                continue
            head, tail = _story_grams(_Draft(story.body[:k])), _story_grams(_Draft(story.body[k:]))
            own_head, own_tail = _share(own_grams, head), _share(own_grams, tail)
            if own_tail >= own_bar and own_head <= cross:
                cuts.append((k, head, tail, own_tail, own_head, False))
            if own_head >= own_bar and own_tail <= cross:
                cuts.append((k, head, tail, own_head, own_tail, True))
        shared: dict[int, bool] = {}  # k → the two parts share their vocabulary (asked once per cut)
        for ref in free:
            free_grams = bigrams(canonical(ref.title.text))
            for k, head, tail, own_part, own_other, free_after in cuts:
                if free_after and ref.next_story != s:
                    continue
                free_head, free_tail = _share(free_grams, head), _share(free_grams, tail)
                free_part, free_other = (free_tail, free_head) if free_after else (free_head, free_tail)
                if free_part < free_bar or free_other > cross:
                    continue
                if k not in shared:
                    shared[k] = _parts_share(story.body[:k], story.body[k:], config)
                if shared[k]:
                    continue
                score = free_part - free_other + own_part - own_other
                if best is None or score > best[0]:
                    best = (score, s, k, ref, free_after)
    return None if best is None else best[1:]


def _open_story(stories: list[_Draft], titles: list[_TitleRef], s: int, k: int, note: str) -> None:
    """Make the text of story ``s`` from paragraph ``k`` on a story of its own,
    right after it (``note`` says why, on its first paragraph); the titles read
    before later stories keep pointing at them.  The titles are updated in place:
    a title assignment made before the cut still refers to them."""
    head = stories[s]
    first = head.body[k]
    stories.insert(s + 1, _Draft([replace(first, reason=f"{first.reason}; {note}"), *head.body[k + 1 :]]))
    head.body = head.body[:k]
    for other in titles:
        if other.next_story > s:
            other.next_story += 1


def _split_at_free_titles(stories: list[_Draft], titles: list[_TitleRef], config: Config) -> dict[int, _TitleRef]:
    """Assign titles (:func:`_assign_titles`); while a title no story took names
    the text from some paragraph of a story on (:func:`_free_title_split`), that
    text becomes a story of its own and titles are assigned again."""
    assigned = _assign_titles(stories, titles, config)
    for _ in range(len(titles)):
        found = _free_title_split(stories, titles, assigned, config)
        if found is not None:
            s, k, ref = found
            _open_story(stories, titles, s, k, f"opens a story: the title at line {ref.title.first} (no story took it) names the text from here on")
        elif config.print_title_pair_split and (found := _title_pair_split(stories, titles, assigned, config)) is not None:
            s, k, ref, free_after = found
            own = assigned[s].title
            if free_after:
                _open_story(stories, titles, s, k, f"opens a story: the title at line {ref.title.first} (no story took it) names the text from here on, the story's title at line {own.first} the text before")
                # the lower of the two titles read above the story heads its second part
                ref.next_story = s + 1
            else:
                _open_story(stories, titles, s, k, f"opens a story: the story's title at line {own.first} names the text from here on, the title at line {ref.title.first} (no story took it) the text before")
        else:
            break
        assigned = _assign_titles(stories, titles, config)
    return assigned


def _brief_with_foreign_rest(stories: Sequence[_Draft], assigned: dict[int, _TitleRef], config: Config) -> tuple[int, int, float] | None:
    """A story ``s`` opened by a dateline (a brief) and a paragraph ``k`` of it (not
    its first, no dateline) such that the text from ``k`` on shares no vocabulary
    with the brief's text before (:func:`_parts_share`), the brief's title stays
    with that text (:func:`_own_title_below`), and it shares at least
    ``config.print_piece_min_shared`` of its character pairs with another story:
    the rest of a story the brief was set inside, read after the brief.  Only a
    dateline tells for sure where a story starts, so only a brief is cut.
    The cut whose text shares most first, with that share."""
    best: tuple[float, int, int] | None = None
    for s, story in enumerate(stories):
        if story.photo or not _starts_story(story.body[0].text):
            continue
        for k in range(1, len(story.body)):
            rest = story.body[k:]
            if not _paragraph_seam(story.body[k - 1], rest[0]) or _starts_story(rest[0].text):
                continue
            if _parts_share(story.body[:k], rest, config) or _own_title_below(story, k, assigned.get(s)):
                continue
            found = _sharing_most(_word_pairs("".join(d.text for d in rest)), stories, {s}, config)
            if found is not None and (best is None or found[1] > best[0]):
                best = (found[1], s, k)
    return None if best is None else (best[1], best[2], best[0])


def _cut_foreign_rests(stories: list[_Draft], titles: list[_TitleRef], assigned: dict[int, _TitleRef], config: Config) -> dict[int, _TitleRef]:
    """Cut the rest of another story off each brief (:func:`_brief_with_foreign_rest`):
    a loose piece of its own (no title, metadata or dateline) that
    :func:`_merge_loose_pieces` joins to the story it shares its words with.
    Returns the title assignment with the stories after each cut renumbered."""
    for _ in range(sum(len(story.body) for story in stories)):  # each cut shortens a brief
        found = _brief_with_foreign_rest(stories, assigned, config)
        if found is None:
            break
        s, k, share = found
        note = f"cut from the brief opened at line {stories[s].body[0].first}: shares none of its words, {share:.0%} of its word pairs with another story"
        _open_story(stories, titles, s, k, note)
        assigned = {(n + 1 if n > s else n): ref for n, ref in assigned.items()}
    return assigned


def _pair_photo_titles(
    stories: list[_Draft], titles: Sequence[_TitleRef], assigned: dict[int, _TitleRef], stray: list[Decision], config: Config
) -> list[Decision]:
    """Photo stories from stray captions and the titles no story took, paired by
    word overlap (best pairs first).  Side-by-side photos come out of the
    extractor as title, title, caption, caption: only the second caption has a
    title right above it.  Adds the photo stories (and their titles to
    ``assigned``); returns the captions still without a title."""
    used = {id(ref) for ref in assigned.values()}
    free = [ref for ref in titles if id(ref) not in used]
    pairs = [(_overlap(ref.title.text, _Draft([caption])), t, c) for t, ref in enumerate(free) for c, caption in enumerate(stray)]
    taken_captions: set[int] = set()
    for _, t, c in _best_first(pairs, config.print_photo_min_overlap):
        taken_captions.add(c)
        stories.append(_Draft([stray[c]], [], photo=True))
        assigned[len(stories) - 1] = free[t]
    return [caption for c, caption in enumerate(stray) if c not in taken_captions]


def _photo_titles_in_text(
    stories: list[_Draft], assigned: dict[int, _TitleRef], merged: set[int], stray: list[Decision], config: Config
) -> list[Decision]:
    """Photo stories from the stray captions left and the subheadings read inside
    other stories that name them: a block that holds at least
    ``config.print_photo_min_overlap`` of its bigrams in a caption, and more than
    in the rest of the story it was read in, is the photo's title (the photo is set
    inside that story's columns, and the extractor read its title between the
    story's paragraphs as a short block there).  Best pairs first; the block leaves
    the story.  Stories in ``merged`` (joined to another) are skipped.  Adds the
    photo stories (and their titles to ``assigned``); returns the captions still
    without a title."""
    headings = [
        (s, d)
        for s, story in enumerate(stories)
        if s not in merged and not story.photo and len(story.body) > 1
        for d in story.body
        if d.label is Label.HEADING
    ]
    bar = config.print_photo_min_overlap
    captions = [_Draft([caption]) for caption in stray]
    pairs = []
    for h, (s, heading) in enumerate(headings):
        scores = [(_overlap(heading.text, caption), c) for c, caption in enumerate(captions)]
        if not scores or max(scores)[0] < bar:
            continue  # most pages: no caption named, so the story's own overlap is not needed
        own = _overlap(heading.text, _Draft([d for d in stories[s].body if d is not heading]))
        pairs += [(score, h, c) for score, c in scores if score > own]
    taken_captions: set[int] = set()
    for score, h, c in _best_first(pairs, bar):
        s, heading = headings[h]
        caption = stray[c]
        taken_captions.add(c)
        stories[s].body = [d for d in stories[s].body if d is not heading]
        reason = f"photo title: names the caption at line {caption.first} ({score:.0%} of its bigrams there), read between paragraphs of another story"
        stories.append(_Draft([caption], [], photo=True))
        assigned[len(stories) - 1] = _TitleRef(replace(heading, label=Label.TITLE, reason=reason), [], len(stories) - 1)
    return [caption for c, caption in enumerate(stray) if c not in taken_captions]


def _byline_only(draft: _Draft) -> bool:
    """The story's own metadata is bylines only (no photo credit, editor or source line)."""
    kinds = [metadata.read_meta_line(d.text.strip()) for d in draft.meta]
    return bool(kinds) and all(meta is not None and meta.kind == "byline" for meta in kinds)


def _is_byline_piece(stories: Sequence[_Draft], titles: Sequence[_TitleRef], assigned: dict[int, _TitleRef], s: int) -> bool:
    """Story ``s`` has a byline but no title and no dateline, and no title at all is
    read right above it: a newspaper sets a byline under its story's title, so a
    byline with no title was read apart from it (the extractor took the rest of the
    story, title first, before the byline and the lede)."""
    draft = stories[s]
    if s in assigned or draft.photo or not _byline_only(draft) or _starts_story(draft.body[0].text):
        return False
    return not any(ref.next_story == s for ref in titles)


def _is_loose_piece(stories: Sequence[_Draft], titles: Sequence[_TitleRef], assigned: dict[int, _TitleRef], s: int) -> bool:
    """Story ``s`` has no title, no metadata and no dateline, and right above it
    is neither a title no other story took (its own title matched nothing, or a
    section label heads it: ``资讯速览`` over a brief) nor a byline (text set under
    a byline opens a story even when the title above the byline is that of the
    story before it, set after its text: seed 003's untitled commentary).
    Nothing but its place on the page then says it is a story of its own."""
    draft = stories[s]
    if s in assigned or draft.photo or draft.meta or _starts_story(draft.body[0].text):
        return False
    taken = {id(ref) for ref in assigned.values()}
    return not any(ref.next_story == s and (id(ref) not in taken or ref.bylines) for ref in titles)


def _heading_above(
    stories: Sequence[_Draft], titles: Sequence[_TitleRef], assigned: dict[int, _TitleRef], s: int, stray: Sequence[Decision], config: Config
) -> _TitleRef | None:
    """The short block read right above story ``s`` that may be a subheading of
    another story rather than the title of ``s``: story ``s`` has no title, no
    metadata and no dateline, no byline is above it, and the last title above
    it is one no story took and that names no photo caption of the page (that
    is the photo's title, set beside; None otherwise)."""
    draft = stories[s]
    if s in assigned or draft.photo or draft.meta or _starts_story(draft.body[0].text):
        return None
    above = [ref for ref in titles if ref.next_story == s]
    if not above or any(ref.bylines for ref in above):
        return None
    ref = above[-1]
    if any(ref is taken for taken in assigned.values()):
        return None
    if any(_overlap(ref.title.text, _Draft([caption])) >= config.print_photo_min_overlap for caption in stray):
        return None
    return ref


def _piece_home(stories: Sequence[_Draft], s: int, skip: set[int], config: Config, floor: float | None = None) -> tuple[int, float] | None:
    """The story whose vocabulary the loose piece ``s`` shares most, with that
    share (of the piece's character pairs found there), when it reaches
    ``floor`` (default ``config.print_piece_min_shared``); None if no story does."""
    return _sharing_most(_word_pairs("".join(d.text for d in stories[s].body)), stories, skip | {s}, config, floor)


def _sharing_most(own: set[tuple[str, str]], stories: Sequence[_Draft], skip: set[int], config: Config, floor: float | None = None) -> tuple[int, float] | None:
    """The story (not in ``skip``, not a photo) holding most of the character pairs
    ``own``, with that share, when it reaches ``floor`` (default
    ``config.print_piece_min_shared``); None if none does or ``own`` is too small to tell."""
    if len(own) < config.print_story_context_min_pairs:
        return None
    shares = [
        (len(own & _word_pairs("".join(d.text for d in story.body))) / len(own), t)
        for t, story in enumerate(stories)
        if t not in skip and not story.photo
    ]
    share, home = max(shares, default=(0.0, None))
    floor = config.print_piece_min_shared if floor is None else floor
    return (home, share) if home is not None and share >= floor else None


def _merge_loose_pieces(
    stories: Sequence[_Draft], titles: Sequence[_TitleRef], assigned: dict[int, _TitleRef], stray: Sequence[Decision], config: Config
) -> tuple[set[int], set[int]]:
    """Join each loose piece (:func:`_is_loose_piece`) to the story it shares its
    vocabulary with: a displaced title or a column break left it apart (the rest
    of a story read after another story's title).  A piece under a short block
    no story took as its title (:func:`_heading_above`) joins a story only when
    it shares more of its vocabulary (``config.print_subheading_piece_min_shared``):
    a subheading is followed by more of the same story, a new story (whose
    title did not match its text) changes the topic; the block then goes with
    the piece, as its subheading.  The piece goes after that story's paragraphs
    when read after it, before them otherwise.  A piece under a byline with no
    title (:func:`_is_byline_piece`) joins a story with no byline of its own
    that holds ``config.print_byline_piece_min_shared`` of its character pairs,
    first, with its byline: that text is the story's lede.  Returns the indices of the
    pieces joined and the ids of the titles that became subheadings."""
    gone: set[int] = set()
    headings: set[int] = set()
    for s, piece in enumerate(stories):
        heading = None
        opens = False  # the piece opens its story (the text under a byline is the lede)
        if _is_loose_piece(stories, titles, assigned, s):
            found = _piece_home(stories, s, gone, config)
        elif _is_byline_piece(stories, titles, assigned, s):
            # A story has one byline: only a story with none of its own takes the piece.
            bylined = {t for t, other in enumerate(stories) if other.meta or (t in assigned and assigned[t].bylines)}
            found = _piece_home(stories, s, gone | bylined, config, config.print_byline_piece_min_shared)
            opens = True
        else:
            heading = _heading_above(stories, titles, assigned, s, stray, config)
            found = None if heading is None else _piece_home(stories, s, gone, config, config.print_subheading_piece_min_shared)
        if found is None:
            continue
        home, share = found
        story = stories[home]
        first = piece.body[0]
        if opens:
            note = f"{first.reason}; lede of the story at line {story.body[0].first} (under a byline with no title; {share:.0%} of its word pairs there)"
        else:
            note = f"{first.reason}; rest of the story at line {story.body[0].first} (no title, byline or dateline; {share:.0%} of its word pairs there)"
        body = [replace(first, reason=note), *piece.body[1:]]
        if heading is not None:
            title = heading.title
            body.insert(0, replace(title, label=Label.HEADING, reason=f"subheading: the text below continues the story at line {story.body[0].first} ({share:.0%} of its word pairs there)"))
            headings.add(id(heading))
        story.body = story.body + body if home < s and not opens else body + story.body
        story.meta = story.meta + piece.meta
        gone.add(s)
    return gone, headings


def _join_title_lines(
    stories: Sequence[_Draft], titles: Sequence[_TitleRef], assigned: dict[int, _TitleRef], matched: set[int], config: Config
) -> set[int]:
    """A title no story took is the other line of a story's own title (a headline in a
    large type comes out as separate blocks, and the line would otherwise be taken
    for a section label or left out) when

    - it was read right above or below that title (nothing between, no byline
      between) and names the story's text (``config.print_title_line_min_overlap``
      of its bigrams): pdftotext reads a two-line headline with a blank line
      between its lines (``郭德纲受访向伤者道歉`` ⏎⏎ ``称艺人生存现状很悲催``);
    - or, read anywhere, it names the story as a title does
      (``config.print_title_min_overlap``) and no other story as much: pdftotext
      reads a headline set across several columns line by line among the columns'
      text.

    A section label (``资讯速览``) names no story's text.  Photo stories too: their
    caption is the text their title names.  Joins them, in reading order, in
    ``assigned``; returns the ids of the titles joined."""
    joined: set[int] = set()
    two_lines: set[int] = set()  # stories whose title has its two lines
    free = [ref for ref in titles if id(ref) not in matched]
    if not free:
        return joined
    shares = _title_shares(stories, free)

    def join(s: int, own: _TitleRef, line: _TitleRef, how: str) -> None:
        a, b = (line.title, own.title) if line.title.first < own.title.first else (own.title, line.title)
        title = Decision(a.first, b.last, f"{a.text.strip()} {b.text.strip()}", Label.TITLE,
                         f"{own.title.reason}; lines {a.first} and {b.first} are one title read apart (line {line.title.first}, which no story took, {how})")
        assigned[s] = replace(own, title=title)
        joined.update((id(line), id(own)))
        two_lines.add(s)

    for s, own in list(assigned.items()):
        t = next((t for t, ref in enumerate(titles) if ref is own), None)
        if t is None:
            continue
        for other, above in ((t - 1, True), (t + 1, False)):
            if not 0 <= other < len(titles):
                continue
            line = titles[other]
            if id(line) in matched | joined or line.next_story != own.next_story or (line if above else own).bylines:
                continue
            if shares[id(line)][s] >= config.print_title_line_min_overlap:
                join(s, own, line, "read next to it, names the story too")
                break
    if not config.print_title_far_lines:
        return joined
    for s, own in list(assigned.items()):
        if s in two_lines:
            continue
        best: tuple[float, _TitleRef] | None = None
        for line in free:
            if id(line) in joined or line.bylines:
                continue
            share = shares[id(line)][s]
            if share < config.print_title_min_overlap or share < max(shares[id(line)]) or (best is not None and share <= best[0]):
                continue
            best = (share, line)
        if best is not None:
            join(s, own, best[1], f"names the story as a title does ({best[0]:.0%} of its word pairs) and no other story as much")
    return joined


def _titles_by_place(
    stories: Sequence[_Draft], titles: Sequence[_TitleRef], assigned: dict[int, _TitleRef], matched: set[int], merged: set[int], config: Config
) -> set[int]:
    """A story left without a title takes a title no story took that shares some
    words with it (``config.print_title_near_min_overlap`` of its bigrams): too few
    to match it by content alone (a headline paraphrases: ``給台灣醫療體制一個讚``),
    but set where a title goes.  First the title read right above the story (the
    usual place); then the first title read right below it (a brief's title set
    under its text, seed 003) when it names this story more than the one after it.
    Last a title read above the run of titled stories right before it, when it
    names this story more than any of them: headlines set side by side come out
    one above the other over the first story of the row, their texts after.
    Photo stories too (their caption is the text).  Done once the stories are
    settled, so the matching by content decides everything else.  Returns the ids
    of the titles taken."""
    taken: set[int] = set()
    bar = config.print_title_near_min_overlap

    def untitled(s: int) -> bool:
        return s not in assigned and s not in merged

    free = [ref for ref in titles if id(ref) not in matched]
    if not free or not any(map(untitled, range(len(stories)))):
        return taken
    shares = _title_shares(stories, free)

    def take(s: int, ref: _TitleRef, where: str) -> None:
        assigned[s] = replace(ref, title=replace(ref.title, reason=f"{ref.title.reason}; the title right {where} the story, sharing some of its words"))
        taken.add(id(ref))

    for s in range(len(stories)):
        above = [ref for ref in titles if ref.next_story == s and id(ref) not in matched | taken] if untitled(s) else []
        if above and shares[id(above[-1])][s] >= bar:
            take(s, above[-1], "above")
    for s in range(len(stories)):
        below = [ref for ref in titles if ref.next_story == s + 1 and id(ref) not in matched | taken] if untitled(s) else []
        if not below:
            continue
        share = shares[id(below[0])]
        if share[s] >= bar and share[s] > (share[s + 1] if s + 1 < len(stories) else 0.0):
            take(s, below[0], "below")
    for s in range(1, len(stories)):
        if not untitled(s):
            continue
        # the run of titled stories right before it: headlines set side by side come
        # out one above the other, over the first story of the row
        first = s
        while first > 0 and first - 1 in assigned and first - 1 not in merged:
            first -= 1
        if first == s:
            continue
        for ref in titles:
            if first <= ref.next_story < s and id(ref) not in matched | taken:
                share = shares[id(ref)]
                if share[s] >= bar and share[s] > max(share[first:s]):
                    take(s, ref, "above the titled stories before")
                    break
    return taken


def settled_decisions(decisions: Sequence[Decision], stories: Sequence[Story]) -> list[Decision]:
    """The page's decisions with the label and reason segmentation settled on (a short
    block taken for a subheading, a piece joined to the story it shares words with, a
    story opened under a title no story took, a title's two lines joined), so that
    ``cleaner explain`` shows why.  Each keeps its own lines and text."""
    settled: dict[int, Decision] = {}
    for story in stories:
        for d in (*story.meta, *story.body):
            settled[d.first] = d
        if story.title is not None:  # a joined title covers the blocks of both its lines
            for d in decisions:
                if story.title.first <= d.first <= story.title.last:
                    settled[d.first] = story.title
    out = []
    for d in decisions:
        final = settled.get(d.first)
        out.append(d if final is None or (final.label, final.reason) == (d.label, d.reason) else replace(d, label=final.label, reason=final.reason))
    return out


def segment_print(decisions: Sequence[Decision], config: Config = DEFAULT) -> tuple[list[Story], list[Decision]]:
    """Stories of a print page and its stray captions (captions with no photo title)."""
    stories, titles, stray = _split_stories(decisions)
    assigned = _split_at_free_titles(stories, titles, config)
    assigned = _cut_foreign_rests(stories, titles, assigned, config)
    merged, headings = _merge_loose_pieces(stories, titles, assigned, stray, config)
    kept = [ref for ref in titles if id(ref) not in headings]
    stray = _pair_photo_titles(stories, kept, assigned, stray, config)
    if config.print_photo_title_in_text:
        stray = _photo_titles_in_text(stories, assigned, merged, stray, config)
    matched = {id(ref) for ref in assigned.values()} | headings
    if config.print_title_lines:
        matched |= _join_title_lines(stories, titles, assigned, matched, config)
    if config.print_title_near_min_overlap <= 1.0:
        matched |= _titles_by_place(stories, titles, assigned, matched, merged, config)
    # A short title that names no story is a section label: the column of the stories after it.
    sections = [
        (ref.next_story, ref.title.text.strip())
        for ref in titles
        if id(ref) not in matched and content_length(ref.title.text) <= config.section_max_chars
    ]
    result = []
    for s, draft in enumerate(stories):
        if s in merged:
            continue
        ref = assigned.get(s)
        columns = [label for start, label in sections if start <= s]
        kind = Kind.PHOTO if draft.photo else Kind.ARTICLE
        result.append(
            Story(
                ref.title if ref else None,
                tuple(ref.bylines if ref else ()) + tuple(draft.meta),
                tuple(draft.body),
                (),
                columns[-1] if columns and not draft.photo else None,
                kind,
            )
        )
    return result, stray
