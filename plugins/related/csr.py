"""Sparse rows in NumPy alone: the few operations the related-posts scorer makes.

SciPy's sparse module cost the scoring fork 0.27 s of processor time to import on top of
NumPy (SciPy 1.17 pulls in ``numpy.f2py``), more than the scoring itself at 100 posts. The
picks are cut at thresholds and their ties broken by score, so every sum here adds the same
numbers in the same order as ``scipy.sparse`` did (its ``csr_matmat``, ``sum(axis=1)``,
``multiply``): the scores are the same to the last bit (``tests/test_related_csr.py``).
"""

from dataclasses import dataclass

import numpy as np


@dataclass
class Csr:
    """Compressed sparse rows: row i holds ``indices``/``data`` from ``indptr[i]`` to
    ``indptr[i + 1]``, in the order SciPy would hold them (not always sorted)."""

    indptr: np.ndarray  # int64, rows + 1
    indices: np.ndarray  # int64
    data: np.ndarray  # float64
    width: int

    @property
    def rows(self) -> int:
        """The number of rows."""
        return len(self.indptr) - 1

    def row_of_each(self) -> np.ndarray:
        """The row of each stored entry."""
        return np.repeat(np.arange(self.rows, dtype=np.int64), np.diff(self.indptr))

    def keep(self, mask: np.ndarray) -> "Csr":
        """Only the entries where ``mask`` is true, in their order."""
        # entries kept before each one: no row number per entry (at 5,000 posts the counts
        # hold 1.5 million entries, 12 MB an array)
        kept = np.concatenate(([0], np.cumsum(mask, dtype=np.int64)))
        return Csr(kept[self.indptr], self.indices[mask], self.data[mask], self.width)


def from_entries(rows: np.ndarray, cols: np.ndarray, data: np.ndarray, n: int, width: int) -> Csr:
    """Rows from entries already in row order (each row's entries kept in their order)."""
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=n), out=indptr[1:])
    return Csr(indptr, cols.astype(np.int64), data.astype(np.float64), width)


def counts(rows: np.ndarray, cols: np.ndarray, n: int, width: int) -> Csr:
    """How many times each (row, column) occurs, each row's columns sorted."""
    keys, times = np.unique(rows * max(width, 1) + cols, return_counts=True)
    return from_entries(keys // max(width, 1), keys % max(width, 1), times, n, width)


def stack(parts: list[Csr], width: int) -> Csr:
    """The rows of ``parts``, one below the other, ``width`` columns wide."""
    if not parts:
        return Csr(np.zeros(1, dtype=np.int64), np.zeros(0, np.int64), np.zeros(0), width)
    offsets = np.cumsum([0] + [p.indptr[-1] for p in parts[:-1]])
    indptr = np.concatenate([[0]] + [p.indptr[1:] + o for p, o in zip(parts, offsets, strict=True)])
    return Csr(
        indptr.astype(np.int64),
        np.concatenate([p.indices for p in parts]),
        np.concatenate([p.data for p in parts]),
        width,
    )


def row_norms(matrix: Csr) -> np.ndarray:
    """Each row's Euclidean norm, summed as SciPy's ``multiply`` then ``sum(axis=1)`` sum it
    (``np.add.reduceat`` over the row's squares in their order)."""
    squares = matrix.data * matrix.data
    if not squares.all():  # SciPy's elementwise product leaves out zeros
        matrix = matrix.keep(squares != 0)
        squares = matrix.data * matrix.data
    sums = np.zeros(matrix.rows)
    filled = np.flatnonzero(np.diff(matrix.indptr))
    if len(filled):
        sums[filled] = np.add.reduceat(squares, matrix.indptr[filled])
    return np.sqrt(sums)


def scale_rows(matrix: Csr, factor: np.ndarray) -> Csr:
    """``diags(factor) @ matrix`` as SciPy makes it: zeros left out, each row's entries in
    the reverse of their order (its ``csr_matmat`` lists a row's columns newest first)."""
    rows = matrix.row_of_each()
    data = factor[rows] * matrix.data
    nonzero = data != 0
    out = from_entries(rows[nonzero], matrix.indices[nonzero], data[nonzero], matrix.rows, 0)
    rows = out.row_of_each()
    mirror = out.indptr[rows] + out.indptr[rows + 1] - 1 - np.arange(len(rows))
    return Csr(out.indptr, out.indices[mirror], out.data[mirror], matrix.width)


def beside(left: Csr, right: Csr) -> Csr:
    """Each row of ``left`` followed by the same row of ``right`` (columns after left's)."""
    rows = np.concatenate([left.row_of_each(), right.row_of_each()])
    order = np.argsort(rows, kind="stable")
    cols = np.concatenate([left.indices, right.indices + left.width])[order]
    data = np.concatenate([left.data, right.data])[order]
    return from_entries(rows[order], cols, data, left.rows, left.width + right.width)


def columns(matrix: Csr, chosen: np.ndarray) -> Csr:
    """Only the columns in ``chosen`` (sorted), renumbered from 0, entries in their order."""
    new = np.full(matrix.width, -1, dtype=np.int64)
    new[chosen] = np.arange(len(chosen))
    mapped = new[matrix.indices]
    kept = matrix.keep(mapped >= 0)
    return Csr(kept.indptr, mapped[mapped >= 0], kept.data, len(chosen))


def dense(matrix: Csr) -> np.ndarray:
    """The rows as a dense array."""
    out = np.zeros((matrix.rows, matrix.width))
    out[matrix.row_of_each(), matrix.indices] = matrix.data
    return out


def transposed(matrix: Csr) -> Csr:
    """Columns as rows; each new row's entries in the order of the old rows."""
    order = np.argsort(matrix.indices, kind="stable")
    indptr = np.zeros(matrix.width + 1, dtype=np.int64)
    np.cumsum(np.bincount(matrix.indices, minlength=matrix.width), out=indptr[1:])
    return Csr(indptr, matrix.row_of_each()[order], matrix.data[order], matrix.rows)


class Product:
    """``matrix @ matrix.T``, a block of rows at a time.

    NumPy alone multiplies about 4 times slower than SciPy's ``csr_matmat`` (30 against 6
    ns a multiplication), which pays for SciPy's import (0.2-0.3 s) from about
    ``SCIPY_FROM`` multiplications (4,000 posts of the benchmark's corpus): there SciPy
    makes the product if it is installed. Both add the same numbers in the same order.
    """

    def __init__(self, matrix: Csr) -> None:
        self.matrix = matrix
        self.other = transposed(matrix)
        work = int(np.diff(self.other.indptr)[matrix.indices].sum())
        self._scipy = _scipy_product(matrix) if work >= SCIPY_FROM else None

    def rows(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The nonzero entries of rows ``start:stop`` as (rows, cols, values), row by row."""
        if self._scipy is not None:
            return self._scipy(start, stop)
        return product_rows(self.matrix, self.other, start, stop)


# multiplications in a product from which SciPy's import costs less than it saves
# (measured: NumPy alone and SciPy level at 4,000 posts of the benchmark's corpus, 11.5 million)
SCIPY_FROM = 11_000_000


def _scipy_product(matrix: Csr):
    try:
        from scipy import sparse
    except ImportError:  # SciPy is optional: NumPy makes the same product, slower
        return None
    whole = sparse.csr_matrix(
        (matrix.data, matrix.indices, matrix.indptr), shape=(matrix.rows, matrix.width)
    )
    other = whole.T.tocsr()

    def rows(start: int, stop: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        block = whole[start:stop] @ other
        found = np.repeat(np.arange(start, stop, dtype=np.int64), np.diff(block.indptr))
        return found, block.indices.astype(np.int64), block.data

    return rows


def product_rows(
    matrix: Csr, other_t: Csr, start: int, stop: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The nonzero entries of rows ``start:stop`` of ``matrix @ other_t.T`` as (rows, cols,
    values), row by row.

    Each (row, col) sum adds its products in the order of the row's entries, from 0.0, as
    SciPy's ``csr_matmat`` does, here with ``np.bincount`` (which adds in the order given)
    into a dense block of rows; rows are taken a few at a time, at most ``PRODUCTS_AT_ONCE``
    products (each row's sums are the same whatever rows go with it).
    """
    terms = matrix.indices[matrix.indptr[start] : matrix.indptr[stop]]
    lengths = other_t.indptr[terms + 1] - other_t.indptr[terms]
    row = np.repeat(np.arange(stop - start), np.diff(matrix.indptr[start : stop + 1]))
    # products made by the end of each row
    done = np.cumsum(np.bincount(row, weights=lengths, minlength=stop - start))
    found, first = [], 0
    while first < stop - start:
        before = done[first - 1] if first else 0
        last = max(first + 1, int(np.searchsorted(done, before + PRODUCTS_AT_ONCE, "right")))
        found.append(_product_some_rows(matrix, other_t, start + first, start + last))
        first = last
    if not found:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    return tuple(np.concatenate(parts) for parts in zip(*found, strict=True))


# products made at once (each takes about 40 bytes while it is made): 600 posts sharing
# most of their terms made 500,000 a block of 128 rows, 19 MB, against SciPy's 7 MB
PRODUCTS_AT_ONCE = 100_000


def _product_some_rows(
    matrix: Csr, other_t: Csr, start: int, stop: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    width = other_t.width
    lo, hi = matrix.indptr[start], matrix.indptr[stop]
    terms = matrix.indices[lo:hi]
    local = np.repeat(
        np.arange(stop - start, dtype=np.int64), np.diff(matrix.indptr[start : stop + 1])
    )
    begin = other_t.indptr[terms]
    lengths = other_t.indptr[terms + 1] - begin
    total = int(lengths.sum())
    # the position in other_t of each product: each term's run of entries, one after another
    at = np.repeat(begin - (np.cumsum(lengths) - lengths), lengths) + np.arange(total)
    values = np.repeat(matrix.data[lo:hi], lengths) * other_t.data[at]
    cells = np.repeat(local * width, lengths) + other_t.indices[at]
    sums = np.bincount(cells, weights=values, minlength=(stop - start) * width)
    found = np.flatnonzero(sums)
    return found // width + start, found % width, sums[found]


def row_product_sums(a: Csr, row_a: int, b: Csr, row_b: int, cut: int) -> tuple[float, float]:
    """Sums of the elementwise product of two rows, over columns before ``cut`` and from it,
    as SciPy's ``multiply`` then ``sum()`` add them up: its nonzero products in column order."""
    cols_a, data_a = _row(a, row_a)
    cols_b, data_b = _row(b, row_b)
    where = np.full(max(a.width, b.width), -1, dtype=np.int64)
    where[cols_b] = np.arange(len(cols_b))
    shared = where[cols_a] >= 0
    order = np.argsort(cols_a[shared])
    cols = cols_a[shared][order]
    products = data_a[shared][order] * data_b[where[cols]]
    cols, products = cols[products != 0], products[products != 0]
    return float(np.sum(products[cols < cut])), float(np.sum(products[cols >= cut]))


def _row(matrix: Csr, row: int) -> tuple[np.ndarray, np.ndarray]:
    lo, hi = matrix.indptr[row], matrix.indptr[row + 1]
    return matrix.indices[lo:hi], matrix.data[lo:hi]
