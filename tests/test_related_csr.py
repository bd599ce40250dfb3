"""The related-posts scorer's sparse rows in NumPy (plugins/related/csr.py) against SciPy.

The scores are cut at thresholds and ties broken by them, so NumPy's sums must be SciPy's to
the last bit: each operation is checked against the ``scipy.sparse`` call it replaced (SciPy
stays in the test requirements), and whole random sites' picks and scores with the product
made by NumPy and by SciPy.
"""

import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from plugins.related import csr, scoring
from plugins.related.model import Doc, Weights

ROOT = Path(__file__).resolve().parent.parent


def _random_rows(rng: np.random.Generator, n: int, width: int, shuffled: bool) -> csr.Csr:
    """Random sparse rows, each row's columns sorted or, with ``shuffled``, in any order."""
    rows, cols = [], []
    for i in range(n):
        chosen = rng.choice(width, size=rng.integers(0, width + 1), replace=False)
        rows += [i] * len(chosen)
        cols += list(chosen if shuffled else np.sort(chosen))
    data = rng.random(len(cols)) * rng.choice([1e-3, 1.0, 1e3], size=len(cols))
    return csr.from_entries(np.array(rows, dtype=np.int64), np.array(cols), data, n, width)


def _scipy(matrix: csr.Csr) -> sparse.csr_matrix:
    return sparse.csr_matrix(
        (matrix.data.copy(), matrix.indices.copy(), matrix.indptr.copy()),
        shape=(matrix.rows, matrix.width),
    )


def _same(ours: csr.Csr, theirs: sparse.csr_matrix) -> None:
    """The same rows, the same entries in the same order, the same bits."""
    assert (ours.rows, ours.width) == theirs.shape
    assert ours.indptr.tolist() == theirs.indptr.tolist()
    assert ours.indices.tolist() == theirs.indices.tolist()
    assert ours.data.tobytes() == theirs.data.tobytes()


@pytest.mark.parametrize("seed", range(40))
def test_each_operation_is_scipys(seed):
    rng = np.random.default_rng(seed)
    n, width = int(rng.integers(1, 30)), int(rng.integers(1, 40))
    matrix = _random_rows(rng, n, width, shuffled=False)
    theirs = _scipy(matrix)
    # counting (row, column) pairs: coo_matrix(...).tocsr() with its duplicates summed
    rows = rng.integers(0, n, size=200)
    cols = rng.integers(0, width, size=200)
    counted = sparse.coo_matrix((np.ones(200), (rows, cols)), shape=(n, width)).tocsr()
    counted.sum_duplicates()
    order = np.argsort(rows, kind="stable")
    _same(csr.counts(rows[order], cols[order], n, width), counted)
    # norms: sqrt(multiply(self).sum(axis=1))
    norms = np.sqrt(np.asarray(theirs.multiply(theirs).sum(axis=1)).ravel())
    assert csr.row_norms(matrix).tobytes() == norms.tobytes()
    # diags(f) @ m: zeros left out, each row reversed
    factor = rng.random(n) * (rng.random(n) > 0.2)
    scaled = csr.scale_rows(matrix, factor)
    _same(scaled, sparse.diags(factor) @ theirs)
    # hstack, a column subset, dense columns
    tags = _random_rows(rng, n, 6, shuffled=False)
    _same(csr.beside(scaled, tags), sparse.hstack([_scipy(scaled), _scipy(tags)], format="csr"))
    chosen = np.flatnonzero(rng.random(6) > 0.5)
    _same(csr.columns(tags, chosen), _scipy(tags)[:, chosen])
    assert (csr.dense(csr.columns(tags, chosen)) == _scipy(tags)[:, chosen].toarray()).all()


@pytest.mark.parametrize("seed", range(40))
def test_the_product_and_the_explained_sums_are_scipys(monkeypatch, seed):
    rng = np.random.default_rng(seed)
    # rows multiplied a few at a time, or all of a block at once
    monkeypatch.setattr(csr, "PRODUCTS_AT_ONCE", [1, 60, 10**9][seed % 3])
    n, width = int(rng.integers(1, 40)), int(rng.integers(1, 30))
    # rows as the scorer holds them: reversed text columns, then sorted tag columns
    matrix = csr.beside(
        csr.scale_rows(_random_rows(rng, n, width, shuffled=False), rng.random(n)),
        _random_rows(rng, n, 5, shuffled=False),
    )
    theirs = _scipy(matrix)
    whole = (theirs @ theirs.T.tocsr()).toarray()
    other = csr.transposed(matrix)
    for start in range(0, n, 7):
        stop = min(n, start + 7)
        rows, cols, values = csr.product_rows(matrix, other, start, stop)
        found = np.zeros((stop - start, n))
        found[rows - start, cols] = values
        assert found.tobytes() == whole[start:stop].tobytes()
        assert np.count_nonzero(whole[start:stop]) == len(values)
    cut = width
    for a, b in rng.integers(0, n, size=(10, 2)):
        product = theirs[a].multiply(theirs[b])
        expected = (float(product[:, :cut].sum()), float(product[:, cut:].sum()))
        assert csr.row_product_sums(matrix, a, matrix, b, cut) == expected


def _site(rng: random.Random) -> tuple[list[Doc], Weights, int]:
    """A random small site: words from a small vocabulary, tags, languages, series, pins."""
    n = rng.randrange(1, 60)
    vocabulary = ["".join(rng.choices("abcdefgh", k=rng.randrange(3, 6))) for _ in range(60)]
    tags = [f"t{i}" for i in range(rng.randrange(1, 8))]
    keys = [f"p{i}" for i in range(n)]
    docs = [
        Doc(
            key=key,
            lang=rng.choice(["en", "en", "fr"]),
            text=" ".join(rng.choices(vocabulary, k=rng.randrange(0, 70))),
            date=rng.randrange(50) * 86400.0 * rng.choice([1, 10]),
            tags=tuple(rng.sample(tags, rng.randrange(len(tags) + 1))),
            category=rng.choice(["", "a", "b"]),
            authors=tuple(rng.sample(["x", "y", "z"], rng.randrange(3))),
            series=rng.choice([None, None, "s1", "s2"]),
            pins=tuple(rng.sample([*keys, "nope"], 1)) if rng.random() < 0.1 else (),
            excludes=tuple(rng.sample(keys, 1)) if rng.random() < 0.1 else (),
        )
        for key in keys
    ]
    weights = Weights(
        text=rng.choice([1.0, 0.0, 2.5]),
        tags=rng.choice([0.6, 0.0, 1.3]),
        category=rng.choice([0.05, 0.3]),
        recency=rng.choice([0.05, 0.0, 0.4]),
        min_score=rng.choice([0.08, 0.0, 0.3]),
        max_terms=rng.choice([40, 3, 1]),
        max_words=rng.choice([600, 5]),
    )
    return docs, weights, rng.choice([1, 3, 5])


def _scored(docs, k, weights):
    picks, problems = scoring.related(docs, k, weights)
    return {key: [(p.key, p.score, p.parts) for p in ps] for key, ps in picks.items()}, problems


@pytest.mark.parametrize("seed", range(0, 300, 15))
def test_random_sites_pick_the_same_with_the_product_by_numpy_or_scipy(monkeypatch, seed):
    for rng in (random.Random(s) for s in range(seed, seed + 15)):
        docs, weights, k = _site(rng)
        monkeypatch.setattr(csr, "SCIPY_FROM", 0)
        by_scipy = _scored(docs, k, weights)
        monkeypatch.setattr(csr, "SCIPY_FROM", 10**18)
        assert _scored(docs, k, weights) == by_scipy


# the scorer's import and a small site's picks, in a new process
_SMALL = """
import sys
from plugins.related import scoring
from plugins.related.model import Doc, Weights
docs = [Doc(key=f"p{i}", lang="en", text="sourdough flour oven crumb", date=i) for i in range(9)]
scoring.related(docs, 3, Weights())
print("scipy" in sys.modules)
"""


def test_a_small_site_is_scored_without_importing_scipy():
    # SciPy's import cost the scoring fork 0.27 s of CPU on top of NumPy's
    out = subprocess.run(
        [sys.executable, "-c", _SMALL], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False"]
