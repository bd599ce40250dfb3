"""Writing a plan into a content folder: which files an import may replace, and which never."""

import hashlib
import json
from pathlib import Path

import pytest

from plugins.importer import apply, plan

NEW = "Title: T\n\n![A]({static}/images/x.jpg)\n"
OLD = "Title: T\n\n![A](http://old.example/wp-content/uploads/x.jpg)\n"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize(
    ("there", "state", "outcome", "left", "recorded"),
    [
        (None, None, "written", NEW, _sha(NEW)),
        (NEW, None, "unchanged", NEW, _sha(NEW)),
        # an earlier import's, unedited: this import knows better (the pictures copied since)
        (OLD, {"posts/p.md": _sha(OLD)}, "updated", NEW, _sha(NEW)),
        # edited since: never overwritten, and still known as the import's old text
        (OLD + "An edit.\n", {"posts/p.md": _sha(OLD)}, "conflicts", OLD + "An edit.\n", _sha(OLD)),
        (OLD, None, "conflicts", OLD, None),  # nothing says the import wrote it
        (OLD, {"posts/other.md": _sha(OLD)}, "conflicts", OLD, None),
        (OLD, "not json", "conflicts", OLD, None),
    ],
    ids=["new", "same", "unedited", "edited", "no-state", "state-of-others", "bad-state"],
)
def test_a_file_is_replaced_only_as_an_earlier_import_left_it(
    tmp_path: Path, there, state, outcome, left, recorded
):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    if there is not None:
        (content / "posts" / "p.md").write_text(there, encoding="utf-8")
    if state is not None:
        text = state if isinstance(state, str) else json.dumps({"version": 1, "files": state})
        (content / apply.STATE).write_text(text, encoding="utf-8")
    done = apply.write_files(plan.Plan(files={"posts/p.md": NEW}), content, "webmentions.json")
    assert getattr(done, outcome) == ["posts/p.md"]
    assert (content / "posts" / "p.md").read_text(encoding="utf-8") == left
    assert apply.load_state(content).get("posts/p.md") == recorded
