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


@pytest.mark.parametrize(
    ("there", "added", "other"),
    [
        # the site's own post at the import's path: the export's comments are not put under it
        ("Title: Our own hello\nSlug: hello-world\n\nOurs.\n", 0, True),
        # the import's post, edited since: still this post (its Comment_id), comments go in
        ("Title: Hello world!\nSlug: hello-world\nComment_id: hello-world\n\nEdited.\n", 1, False),
    ],
    ids=["another-post", "edited-import"],
)
def test_comments_never_go_under_another_post_at_the_imports_path(
    tmp_path: Path, there, added, other
):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "hello-world.md").write_text(there, encoding="utf-8")
    text = "Title: Hello world!\nSlug: hello-world\nComment_id: hello-world\n\nHi.\n"
    comment = plan.ThreadComment("1/1", None, "Mr WordPress", "", 1325770246.0, "Hi, this.\n")
    made = plan.Plan(
        files={"posts/hello-world.md": text},
        threads=[plan.Thread("hello-world", "Hello world!", [comment])],
    )
    done = apply.write_files(made, content, "webmentions.json")
    assert done.conflicts == ["posts/hello-world.md"]
    assert (done.others == ["posts/hello-world.md"]) is other
    apply.fill_isso(made.threads, tmp_path / "comments.db", done)
    assert done.comments_added == added
    assert (content / "posts" / "hello-world.md").read_text(encoding="utf-8") == there
