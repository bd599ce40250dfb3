"""Related posts: a sparse TF-IDF + tag index and a top-k search that never forms N×N.

Each post becomes one sparse vector: its body text (TF-IDF over its strongest terms,
L2-normalised, scaled by sqrt(text weight)) next to its tags (each tag's rarity, scaled by
sqrt(tag weight)). The dot product of two such vectors is the *content score*:
``text_weight * cosine(text) + tag_weight * sum(rarity(t)^2 for shared tags t)``. Candidates
come from that product, computed a block of rows at a time (memory linear in N). Only a post
whose content score reaches ``min_score`` can be picked; category, shared authors and recency
then add small boosts. Category and authors alone never make a post "related".
"""

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import csr
from .csr import Csr
from .model import Doc, Pick, Problem, Weights
from .pins import pinned_picks
from .text import term_of, words

__all__ = ["Doc", "Pick", "Problem", "Weights", "build_index", "explain", "related"]

# rows of the product made at once: a block's pairs are the scorer's largest arrays (at 5,000
# posts, 512 rows held 33 MB of them, 128 rows 16 MB; the scorer's working memory 42 -> 21 MB),
# and each row's sums are the same whatever the block, so the picks are too
BLOCK_ROWS = 128
# posts whose words are counted at once (build_index): each word takes about 50 bytes of
# arrays while its chunk is counted, so 500 posts (300,000 words) made the scorer's peak
# 10 MB higher than 100 do, in about the same time (build_index at 5,000 posts: 0.51-0.62 s
# of processor time either way)
COUNT_ROWS = 100
# below this many posts, no term is dropped for being common (IDF alone weighs it)
COMMON_TERM_FLOOR = 50


@dataclass
class _Index:
    matrix: Csr  # rows: posts; columns: terms, then tags
    text_columns: int
    # Tags on many posts would make the product near N×N; their columns are left out of
    # the candidate search and added back exactly for the pairs it finds (see _common_tags)
    search: Csr
    common: np.ndarray  # dense, posts × common tags
    bound: np.ndarray  # per post: the most its common tags can add to any pair


def _tag_rarity(df: int, n: int) -> float:
    """A tag's weight in [0, 1]: 1 for a tag on one post, falling to 0 for a tag on all."""
    if n <= 1:
        return 1.0
    return math.log(n / df) / math.log(n)


def build_index(docs: Sequence[Doc], weights: Weights) -> _Index:
    """The sparse vectors of one language's posts (vectorised: no per-word Python loop)."""
    n = len(docs)
    # each distinct word is cleaned and stemmed once, when first met
    columns = _Columns()
    raw = _counts(docs, columns, weights.max_words)
    width = len(columns.terms)
    df = np.bincount(raw.indices, minlength=width)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    raw.data = (1.0 + np.log(raw.data)) * idf[raw.indices]
    # normalise on every term, then keep only the terms that can help: the products left are
    # exact shares of the true cosine, just never more than it
    norms = csr.row_norms(raw)
    norms[norms == 0] = 1.0
    # a term on one post matches nothing; at scale, one on most posts says nothing and costs
    # the most to multiply out
    useful = (df > 1) & (df <= max(int(0.5 * n), COMMON_TERM_FLOOR))
    raw.data = raw.data * useful[raw.indices]
    raw = raw.keep(raw.data != 0)
    text = _strongest_per_row(raw, weights.max_terms)
    text = csr.scale_rows(text, math.sqrt(weights.text) / norms)

    tag_df: Counter[str] = Counter(t for d in docs for t in set(d.tags))
    tag_names = sorted(tag_df)
    tag_column = {t: i for i, t in enumerate(tag_names)}
    tag_rows, tag_cols = [], []
    for i, doc in enumerate(docs):
        for tag in set(doc.tags):
            tag_rows.append(i)
            tag_cols.append(tag_column[tag])
    value = np.array(
        [math.sqrt(weights.tags) * _tag_rarity(tag_df[t], n) for t in tag_names], dtype=float
    )
    # each row's tags in column order (a post's tags come as a set, in no fixed order)
    rows = np.array(tag_rows, dtype=np.int64)
    cols = np.array(tag_cols, dtype=np.int64)
    order = np.lexsort((cols, rows))
    tags = csr.from_entries(rows[order], cols[order], value[cols[order]], n, len(tag_names))
    matrix = csr.beside(text, tags)
    common = _common_tags(tags, np.array([tag_df[t] for t in tag_names]), value, weights)
    rare = np.setdiff1d(np.arange(len(tag_names)), common)
    search = csr.beside(text, csr.columns(tags, rare))
    dense = csr.dense(csr.columns(tags, common))
    return _Index(matrix, width, search, dense, (dense**2).sum(axis=1))


def _common_tags(tags: Csr, df: np.ndarray, value: np.ndarray, weights: Weights) -> np.ndarray:
    """Columns of tags common enough to leave out of the candidate search, exactly.

    A pair the search skips shares no term and no other tag, so its score is what its
    common tags add, at most a row's `bound`; keeping every bound under min_score means no
    such pair could have been picked. Commonest (and so lightest) tags go first.
    """
    n = tags.rows
    rows = tags.row_of_each()
    bound = np.zeros(n)
    chosen = []
    for column in np.argsort(-df, kind="stable"):
        # a tag on few posts costs little in the product: not worth the bookkeeping
        if df[column] <= max(COMMON_TERM_FLOOR, n // 50):
            break
        on = tags.indices == column
        has = np.zeros(n, dtype=bool)
        has[rows[on]] = tags.data[on] > 0
        added = bound + value[column] ** 2 * has
        if added.max() < weights.min_score:
            bound = added
            chosen.append(column)
    return np.array(sorted(chosen), dtype=np.int64)


class _Columns(dict):
    """word -> column of its term (-1: not a term); a new word is looked up when first met."""

    def __init__(self) -> None:
        super().__init__()
        self.terms: dict[str, int] = {}

    def __missing__(self, word: str) -> int:
        term = term_of(word)
        column = -1 if term is None else self.terms.setdefault(term, len(self.terms))
        self[word] = column
        return column


def _counts(docs: Sequence[Doc], columns: _Columns, max_words: int) -> Csr:
    """Each post's count of each term, as rows of a CSR matrix (columns as met so far).

    Made ``COUNT_ROWS`` posts at a time: the words of only that many posts are held at once
    (3 million at 5,000 posts would be), and each chunk's duplicates (a word used twice, two
    words with one stem) add up into counts as soon as it is made.
    """
    column_of = columns.__getitem__
    chunks = []
    for start in range(0, len(docs), COUNT_ROWS):
        chunk = docs[start : start + COUNT_ROWS]
        parts = [np.fromiter(map(column_of, words(d.text, max_words)), np.int64) for d in chunk]
        lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(chunk))
        ids = np.concatenate(parts)  # a chunk has at least one post
        rows = np.repeat(np.arange(len(chunk), dtype=np.int64), lengths)
        keep = ids >= 0
        chunks.append(csr.counts(rows[keep], ids[keep], len(chunk), len(columns.terms)))
    return csr.stack(chunks, len(columns.terms))


def _strongest_per_row(matrix: Csr, keep: int) -> Csr:
    """Only each row's `keep` largest entries (a post's strongest terms)."""
    matrix = Csr(matrix.indptr, matrix.indices, matrix.data.copy(), matrix.width)
    for row in np.flatnonzero(np.diff(matrix.indptr) > keep):
        lo, hi = matrix.indptr[row], matrix.indptr[row + 1]
        values = matrix.data[lo:hi]
        cut = np.partition(values, -keep)[-keep]
        weak = values < cut
        if (values >= cut).sum() > keep:  # equal values at the cut: drop the later columns
            tied = np.flatnonzero(values == cut)
            weak[tied[keep - int((values > cut).sum()) :]] = True
        values[weak] = 0.0
    return matrix.keep(matrix.data != 0)


@dataclass(frozen=True)
class _Signals:
    """Per-post arrays the boosts are computed from, aligned with the index rows."""

    dates: np.ndarray
    recency: np.ndarray
    category: np.ndarray  # ids, -1 for none
    series: np.ndarray  # ids, -1 for none
    first_author: np.ndarray  # ids, -1 for none
    several_authors: np.ndarray  # bool
    authors: list[frozenset[str]]


def _signals(group: Sequence[Doc], weights: Weights) -> _Signals:
    dates = np.array([d.date for d in group], dtype=np.float64)
    age_days = np.maximum(0.0, dates.max() - dates) / 86400
    return _Signals(
        dates=dates,
        recency=weights.recency * 0.5 ** (age_days / weights.recency_half_life_days),
        category=_ids([d.category or None for d in group]),
        series=_ids([d.series for d in group]),
        first_author=_ids([d.authors[0] if d.authors else None for d in group]),
        several_authors=np.array([len(d.authors) > 1 for d in group], dtype=bool),
        authors=[frozenset(d.authors) for d in group],
    )


@dataclass
class _Block:
    """Candidate pairs of a block of rows, sorted best first within each row."""

    rows: np.ndarray
    cols: np.ndarray
    content: np.ndarray
    category: np.ndarray
    authors: np.ndarray
    recency: np.ndarray
    total: np.ndarray
    rank: np.ndarray  # 0 for a row's best candidate, 1 for the next...


def _scored_blocks(
    index: _Index, signals: _Signals, weights: Weights, depth: int, edited: np.ndarray
):
    """Yield the candidate pairs of each block of rows, scored and ranked.

    The product is taken a block of rows at a time and stays sparse; pairs under min_score
    are dropped first, then every pair that cannot be among its row's best `depth`; only the
    few left are sorted.
    """
    search = index.search
    product = csr.Product(search)
    n = search.rows
    has_common = index.common.shape[1] > 0
    for start in range(0, n, BLOCK_ROWS):
        # every array below stays sorted by row
        rows, cols, content = product.rows(start, min(n, start + BLOCK_ROWS))
        if has_common:
            keep = content >= weights.min_score - index.bound[rows]
            rows, cols, content = rows[keep], cols[keep], content[keep]
            content = content + np.einsum("ij,ij->i", index.common[rows], index.common[cols])
        keep = content >= weights.min_score
        rows, cols, content = rows[keep], cols[keep], content[keep]
        # never itself, never another part of its own series (the series nav lists those)
        same_series = (signals.series[rows] == signals.series[cols]) & (signals.series[rows] >= 0)
        valid = (rows != cols) & ~same_series
        rows, cols, content = rows[valid], cols[valid], content[valid]
        # boosts add at most `lift`: a pair that far under its row's depth-th best content
        # cannot reach the best `depth` totals
        lift = weights.category + weights.authors + weights.recency
        keep = (content >= _nth_largest_by_row(rows, content, depth) - lift - 1e-12) | edited[rows]
        rows, cols, content = rows[keep], cols[keep], content[keep]
        category = np.where(
            (signals.category[rows] == signals.category[cols]) & (signals.category[rows] >= 0),
            weights.category,
            0.0,
        )
        shared = (signals.first_author[rows] == signals.first_author[cols]) & (
            signals.first_author[rows] >= 0
        )
        for j in np.flatnonzero(signals.several_authors[rows] | signals.several_authors[cols]):
            shared[j] = bool(signals.authors[rows[j]] & signals.authors[cols[j]])
        authors = np.where(shared, weights.authors, 0.0)
        recency = signals.recency[cols]
        total = content + category + authors + recency
        # Keep each row's best `depth` pairs (and any tied with the last of them; every pair
        # of an edited row), then order those fully: by row, best first, ties by date
        # (newest first), then key (column order).
        keep = (total >= _nth_largest_by_row(rows, total, depth) - 1e-12) | edited[rows]
        rows, cols, content, category, authors, recency, total = (
            a[keep] for a in (rows, cols, content, category, authors, recency, total)
        )
        order = np.lexsort((cols, -signals.dates[cols], -np.round(total, 12), rows))
        rows = rows[order]
        first = np.searchsorted(rows, rows, side="left")
        yield _Block(
            rows,
            cols[order],
            content[order],
            category[order],
            authors[order],
            recency[order],
            total[order],
            np.arange(len(rows)) - first,
        )


def _nth_largest_by_row(rows: np.ndarray, values: np.ndarray, nth: int) -> np.ndarray:
    """For each entry, the nth largest value of its row (its smallest if the row is shorter).

    `rows` must be sorted. Takes `nth` linear passes instead of sorting every pair.
    """
    if not len(rows):
        return values
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    group = np.cumsum(np.r_[False, rows[1:] != rows[:-1]])
    work = values.astype(np.float64, copy=True)
    found = np.full(len(starts), -np.inf)
    for _ in range(nth):
        best = np.maximum.reduceat(work, starts)
        present = best > -np.inf
        found[present] = best[present]
        # take out one entry per row holding its best, so the next pass finds the next
        hits = np.flatnonzero(work == best[group])
        firsts = hits[np.r_[True, group[hits[1:]] != group[hits[:-1]]]] if len(hits) else hits
        work[firsts] = -np.inf
    return found[group]


def related(
    docs: Sequence[Doc], k: int, weights: Weights
) -> tuple[dict[tuple[str, str], list[Pick]], list[Problem]]:
    """The related posts of every post, keyed by (lang, key), and problems with pins/excludes.

    Posts are only compared within their language. Never picked: the post itself, parts of
    its own series, and anything not given in ``docs`` (drafts, hidden and future posts).
    Ties break by date (newest first), then key.
    """
    results: dict[tuple[str, str], list[Pick]] = {}
    problems: list[Problem] = []
    by_lang: dict[str, list[Doc]] = {}
    for doc in docs:
        by_lang.setdefault(doc.lang, []).append(doc)
    all_keys = {d.key for d in docs}
    for lang, group in sorted(by_lang.items()):
        group.sort(key=lambda d: d.key)  # so a column's order is its key's order
        position = {d.key: i for i, d in enumerate(group)}
        index = build_index(group, weights)
        signals = _signals(group, weights)
        chosen: list[list[Pick]] = [[] for _ in group]
        edited = np.zeros(len(group), dtype=bool)  # posts with Related or Related_exclude
        for i, doc in enumerate(group):
            if doc.pins or doc.excludes:
                edited[i] = True
                chosen[i] = pinned_picks(doc, position, all_keys, lang, k, problems)
        for block in _scored_blocks(index, signals, weights, k, edited):
            # most posts: their first k candidates; edited posts: walk their list
            wanted = (block.rank < k) | edited[block.rows]
            # plain Python numbers, converted once per block rather than once per value
            columns = zip(
                *(
                    a[wanted].tolist()
                    for a in (
                        block.rows,
                        block.cols,
                        block.total,
                        block.content,
                        block.category,
                        block.authors,
                        block.recency,
                    )
                ),
                strict=True,
            )
            for i, col, total, content, category, authors, recency in columns:
                picks = chosen[i]
                if len(picks) >= k:
                    continue
                key = group[col].key
                if edited[i] and (key in group[i].excludes or any(p.key == key for p in picks)):
                    continue
                parts = {
                    "content": content,
                    "category": category,
                    "authors": authors,
                    "recency": recency,
                }
                picks.append(Pick(key, total, parts))
        for doc, picks in zip(group, chosen, strict=True):
            results[(lang, doc.key)] = picks
    return results, problems


def _ids(values: Sequence[str | None]) -> np.ndarray:
    """Small integer ids for values, -1 for None (so None never equals None)."""
    table: dict[str, int] = {}
    return np.array([-1 if v is None else table.setdefault(v, len(table)) for v in values])


def explain(docs: Sequence[Doc], key: str, lang: str, k: int, weights: Weights) -> list[Pick]:
    """The picks for one post with the content score split into text and tags."""
    group = sorted((d for d in docs if d.lang == lang), key=lambda d: d.key)
    index = build_index(group, weights)
    position = {d.key: i for i, d in enumerate(group)}
    picks = related(docs, k, weights)[0].get((lang, key), [])
    if key not in position:
        return picks
    me, matrix = position[key], index.matrix
    for pick in picks:
        text_part, tags_part = csr.row_product_sums(
            matrix, me, matrix, position[pick.key], index.text_columns
        )
        pick.parts = {
            "text": text_part,
            "tags": tags_part,
            **{name: value for name, value in pick.parts.items() if name != "content"},
        }
    return picks
