"""fastbuild's IdentityList answers ``in`` exactly as a list does, through a set."""

import copy
import pickle
from types import SimpleNamespace

import pytest

from plugins.fastbuild.members import IdentityList, compares_by_identity, indexed
from plugins.fastbuild.signals import _index_taxonomies


class Post:
    """Like Pelican's content objects: no __eq__ of its own."""


class Named:
    """Equal to any Named of the same name, as Pelican's tags are."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Named) and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)


A, B, C = Post(), Post(), Post()


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Post(), True), (Named("x"), False), ("text", False), (1, False), (None, True)],
)
def test_compares_by_identity(value, expected):
    assert compares_by_identity(value) is expected


@pytest.mark.parametrize(
    ("items", "value"),
    [
        ([A, B], A),
        ([A, B], C),
        ([], A),
        ([A, A], A),
        ([A, Named("t")], Named("t")),  # an item with its own __eq__: the list's own lookup
        ([Named("t")], Named("t")),
        ([Named("t")], Named("u")),
        ([A, B], Named("t")),
        ([A, 1], 1.0),  # 1 == 1.0: equal, not identical
        ([A, B], "text"),
    ],
)
def test_in_answers_as_a_list(items, value):
    assert (value in IdentityList(items)) is (value in list(items))


class EqualToEveryPost:
    """A looked-up value whose own __eq__ claims equality: the list's answer still holds."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Post)

    __hash__ = object.__hash__


def test_a_value_with_its_own_eq_is_looked_up_the_lists_way():
    value = EqualToEveryPost()
    assert (value in IdentityList([A])) is (value in [A]) is True


@pytest.mark.parametrize(
    ("change", "value", "expected"),
    [
        (lambda items: items.append(C), C, True),
        (lambda items: items.extend([C]), C, True),
        (lambda items: items.insert(0, C), C, True),
        (lambda items: items.remove(A), A, False),
        (lambda items: items.pop(), B, False),
        (lambda items: items.clear(), A, False),
        (lambda items: items.__setitem__(0, C), A, False),
        (lambda items: items.__setitem__(slice(0, 1), [C]), C, True),
        (lambda items: items.__delitem__(0), A, False),
        (lambda items: items.__iadd__([C]), C, True),
        (lambda items: items.__imul__(0), B, False),
        (lambda items: items.sort(key=id), A, True),
        (lambda items: items.append(Named("t")), Named("t"), True),
    ],
)
def test_changing_the_list_changes_the_answer(change, value, expected):
    items = IdentityList([A, B])
    assert A in items  # the set is built before the change
    change(items)
    assert (value in items) is expected


def test_it_is_a_list_with_the_same_items_in_the_same_order():
    items = IdentityList([B, A, C])
    assert isinstance(items, list)
    assert items == [B, A, C]
    assert items[1:] == [A, C]
    assert type(items[1:]) is list
    assert len(items) == 3


def test_copies_and_pickles_rebuild_the_set_from_their_own_items():
    items = IdentityList([A, B])
    assert A in items
    copied = copy.copy(items)
    assert type(copied) is IdentityList and A in copied and C not in copied
    restored = pickle.loads(pickle.dumps(IdentityList([1, "two"])))
    assert type(restored) is IdentityList and restored == [1, "two"]
    assert "two" in restored and 3 not in restored
    thawed = pickle.loads(pickle.dumps(items))
    # the unpickled list holds new objects: identities from this process must not match
    assert A not in thawed and thawed[0] in thawed


@pytest.mark.parametrize(
    ("value", "kind"),
    [([A], IdentityList), ((A,), tuple), ("text", str), (IdentityList([A]), IdentityList)],
)
def test_indexed_turns_only_plain_lists(value, kind):
    assert type(indexed(value)) is kind
    assert list(indexed(value)) == list(value)


def test_the_generators_taxonomies_are_indexed_in_place():
    tags, categories, authors = {"t": [A, B]}, [("c", [A]), "not a pair"], [("a", [B, C])]
    generator = SimpleNamespace(tags=tags, categories=categories, authors=authors, dates=[A])
    context = {"tags": tags, "categories": categories, "authors": authors}
    _index_taxonomies(generator)
    assert context["tags"] is generator.tags and type(tags["t"]) is IdentityList
    assert type(categories[0][1]) is IdentityList and categories[1] == "not a pair"
    assert type(authors[0][1]) is IdentityList and authors[0] == ("a", [B, C])
    assert type(generator.dates) is list  # only the taxonomies' lists
