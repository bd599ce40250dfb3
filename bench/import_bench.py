"""How long `invoke import-wordpress` takes on a large export.

    .venv/bin/python -m bench.import_bench --posts 1000 [--runs 3]

Writes a deterministic WXR of N posts in the shape of a real WordPress blog (HTML bodies in
WordPress's raw form from bench.corpus's text, a [caption] picture in one post of three, and
under each post the mix the issue describes: 6 comments — 2 of them replies —, 3 pingbacks and
12 spam), plus an uploads folder with the pictures. Then runs the real command into a fresh
content folder and a fresh Isso database `--runs` times and prints the median wall time, and
the time of a second run over the first (nothing to write: the idempotent path).
"""

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image

from bench.corpus import TOPICS, post_body

ROOT = Path(__file__).resolve().parent.parent
SITE = "http://old-blog.example"


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _comment(cid: int, parent: int, kind: str, approved: str, when: str, text: str) -> str:
    return (
        f"<wp:comment><wp:comment_id>{cid}</wp:comment_id>"
        f"<wp:comment_author>{_cdata(f'Reader {cid}')}</wp:comment_author>"
        f"<wp:comment_author_email>r{cid}@readers.example</wp:comment_author_email>"
        f"<wp:comment_author_url>http://readers.example/{cid}/</wp:comment_author_url>"
        f"<wp:comment_date_gmt>{when}</wp:comment_date_gmt>"
        f"<wp:comment_content>{_cdata(text)}</wp:comment_content>"
        f"<wp:comment_approved>{approved}</wp:comment_approved>"
        f"<wp:comment_type>{kind}</wp:comment_type>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def _raw_wordpress(markdown: str) -> str:
    """The corpus's Markdown as WordPress stores a classic post: block tags for headings,
    lists and code, paragraphs as text separated by blank lines."""
    blocks = []
    for block in markdown.strip().split("\n\n"):
        if block.startswith("## "):
            blocks.append(f"<h2>{escape(block[3:])}</h2>")
        elif block.startswith("- "):
            items = "".join(f"<li>{escape(line[2:])}</li>" for line in block.splitlines())
            blocks.append(f"<ul>{items}</ul>")
        elif block.startswith("```"):
            code = "\n".join(block.splitlines()[1:-1])
            blocks.append(f"<pre><code>{escape(code)}</code></pre>")
        elif block.startswith("|"):
            rows = [r for r in block.splitlines() if not r.startswith("|:")]
            cells = [
                "".join(f"<td>{escape(c.strip())}</td>" for c in r.strip("|").split("|"))
                for r in rows
            ]
            blocks.append("<table>" + "".join(f"<tr>{c}</tr>" for c in cells) + "</table>")
        else:
            blocks.append(block)
    return "\n\n".join(blocks)


def write_export(folder: Path, posts: int, seed: int = 2026) -> tuple[Path, Path]:
    """The export file and its uploads folder."""
    rng = random.Random(seed)
    uploads = folder / "uploads"
    items = []
    cid = 10_000
    for n in range(1, posts + 1):
        topic = rng.choice(sorted(TOPICS))
        words = TOPICS[topic].split()
        markdown = post_body(rng, words, rng.randint(300, 900))
        body = _raw_wordpress(markdown)
        year, month, day = 2010 + n % 12, 1 + n % 12, 1 + n % 28
        when = f"{year}-{month:02d}-{day:02d} 09:00:00"
        if n % 3 == 0:
            picture = f"{year}/{month:02d}/picture-{n}.jpg"
            path = uploads / picture
            path.parent.mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (64, 48), (n % 255, 90, 120)).save(path)
            body = (
                f'[caption id="attachment_{n}" width="300"]<img src="{SITE}/wp-content/uploads/'
                f'{picture}" alt="A picture for post {n}" /> Post {n}\'s picture.[/caption]\n\n'
                + body
            )
        comments = []
        first = cid
        for k in range(6):
            parent = first if k in (1, 2) else 0
            comments.append(_comment(cid, parent, "comment", "1", when, f"Comment {k} on {n}."))
            cid += 1
        for _ in range(3):
            comments.append(_comment(cid, 0, "pingback", "1", when, "[…] a citing page […]"))
            cid += 1
        for _ in range(12):
            comments.append(_comment(cid, 0, "comment", "spam", when, "Buy things"))
            cid += 1
        slug = f"post-{n}-{topic}"
        items.append(
            f"<item><title>{escape(f'Post {n} about {topic}')}</title>"
            f"<link>{SITE}/{year}/{month:02d}/{day:02d}/{slug}/</link>"
            f"<dc:creator>{_cdata(f'author{n % 7}')}</dc:creator>"
            f"<content:encoded>{_cdata(body)}</content:encoded>"
            f"<wp:post_id>{n}</wp:post_id><wp:post_date>{when}</wp:post_date>"
            f"<wp:post_name>{slug}</wp:post_name><wp:status>publish</wp:status>"
            f"<wp:post_type>post</wp:post_type><wp:comment_status>open</wp:comment_status>"
            f'<category domain="category" nicename="{topic}">{_cdata(topic.title())}</category>'
            f'<category domain="post_tag" nicename="{words[0]}">{_cdata(words[0])}</category>'
            + "".join(comments)
            + "</item>"
        )
    authors = "".join(
        f"<wp:author><wp:author_login>author{a}</wp:author_login>"
        f"<wp:author_display_name>{_cdata(f'Writer {a}')}</wp:author_display_name></wp:author>"
        for a in range(7)
    )
    export = folder / "export.xml"
    export.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Old blog</title>'
        f"<link>{SITE}</link><language>en-GB</language><wp:wxr_version>1.2</wp:wxr_version>"
        f"{authors}{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )
    return export, uploads


def _run(export: Path, content: Path, database: Path, uploads: Path) -> float:
    command = [
        str(Path(sys.executable).parent / "invoke"), "import-wordpress", str(export),
        "--content", str(content), "--isso-db", str(database), "--uploads", str(uploads),
    ]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export, uploads = write_export(folder, args.posts)
        size = export.stat().st_size / 1e6
        fresh, again = [], []
        for run in range(args.runs):
            content, database = folder / f"content-{run}", folder / f"isso-{run}.db"
            fresh.append(_run(export, content, database, uploads))
            again.append(_run(export, content, database, uploads))
        print(
            f"{args.posts} posts ({size:.1f} MB, {args.posts * 21} responses): import "
            f"median {statistics.median(fresh):.1f} s (runs: "
            f"{', '.join(f'{t:.1f}' for t in fresh)}); again over it, median "
            f"{statistics.median(again):.1f} s"
        )


if __name__ == "__main__":
    main()
