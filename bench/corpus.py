"""A deterministic synthetic company blog for the benchmarks.

    .venv/bin/python -m bench.corpus OUT --posts 2000 [--photos 24]

Writes OUT/posts/*.md (Markdown with headings, lists, code, links and a table now and then),
OUT/team/*.md (25 people), OUT/series/*.md, OUT/pages/about.md and OUT/galleries/<slug>/ with
large JPEG photos. The same arguments always give the same bytes, so runs compare like with like.
"""

import argparse
import datetime
import random
from pathlib import Path

# Each topic has its own vocabulary, so related posts have something real to find.
TOPICS = {
    "bookings": "booking calendar slot overlap range reservation recurring weekly cancel refund "
    "deposit hall room availability clash timezone daylight schedule organiser hire",
    "frontend": "widget browser render layout component stylesheet accessible keyboard focus "
    "screen reader contrast button form validation bundle script mobile viewport",
    "database": "postgresql index query planner vacuum migration schema constraint exclusion "
    "transaction lock replica backup restore partition table column row",
    "infra": "server deploy runner pipeline container kernel memory disk latency outage "
    "monitor alert pager incident rollback cache proxy certificate network",
    "community": "volunteer translation village club kitchen makerspace council meeting "
    "newsletter forum contributor member charity grant trustee parish",
    "company": "cooperative surplus salary hiring interview onboarding offsite retreat "
    "budget revenue pricing subscription contract policy holiday office",
    "design": "sketch prototype usability research interview persona journey wireframe "
    "typography colour icon illustration feedback workshop sticky whiteboard",
    "security": "password token session audit vulnerability patch encryption secret "
    "permission role phishing disclosure report scanner dependency upgrade",
}
COMMON = [
    "team",
    "people",
    "work",
    "week",
    "project",
    "plan",
    "first",
    "good",
    "small",
    "large",
    "simple",
    "change",
    "better",
    "problem",
    "idea",
    "question",
    "answer",
    "start",
    "finish",
    "year",
    "month",
    "morning",
    "evening",
    "number",
    "part",
    "place",
    "thing",
    "point",
    "story",
    "reason",
    "result",
    "sense",
    "step",
    "test",
    "version",
    "way",
    "world",
]
GLUE = [
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "that",
    "it",
    "is",
    "was",
    "for",
    "on",
    "with",
    "as",
    "we",
    "our",
    "this",
    "they",
    "at",
    "by",
    "from",
]
CATEGORIES = ["Engineering", "Company", "Community", "Design", "Product", "Security",
              "Operations", "Events", "Releases", "Notes"]  # fmt: skip
FIRST = ["Ada", "Bea", "Cai", "Dev", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kit", "Lou",
         "Max", "Nia", "Oli", "Pip", "Quin", "Ros", "Sol", "Tam", "Uma", "Vic", "Wyn", "Xan",
         "Yas"]  # fmt: skip
LAST = ["Abbott", "Baines", "Carver", "Dunmore", "Ellery", "Fenwick", "Garland", "Hollis",
        "Ingram", "Jessop", "Keeling", "Lockett", "Marlow", "Norris", "Orchard", "Pryce",
        "Quarry", "Rowntree", "Sutcliffe", "Thorne", "Upton", "Vance", "Whitby", "Yardley",
        "Zeller"]  # fmt: skip
CODE = '''```python
def free_slots(bookings, day):
    """Return the gaps between bookings on one day."""
    start = day.opens
    for booking in sorted(bookings, key=lambda b: b.start):
        if booking.start > start:
            yield (start, booking.start)
        start = max(start, booking.end)
    if start < day.closes:
        yield (start, day.closes)
```'''


def _sentence(rng: random.Random, topic_words: list[str]) -> str:
    words = []
    for _ in range(rng.randint(8, 22)):
        roll = rng.random()
        pool = topic_words if roll < 0.35 else COMMON if roll < 0.6 else GLUE
        words.append(rng.choice(pool))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random, topic_words: list[str]) -> str:
    text = " ".join(_sentence(rng, topic_words) for _ in range(rng.randint(3, 6)))
    if rng.random() < 0.3:
        text += (
            f" See [the {rng.choice(topic_words)} notes](https://example.org/{rng.randrange(99)})."
        )
    if rng.random() < 0.3:
        text += f" We renamed `{rng.choice(topic_words)}_{rng.choice(COMMON)}` on the way."
    return text


def post_body(rng: random.Random, topic_words: list[str], words: int) -> str:
    """Markdown of roughly `words` words: sections, paragraphs, lists, a code block or table."""
    blocks, count = [], 0
    while count < words:
        blocks.append(f"## {_sentence(rng, topic_words)[:-1]}")
        for _ in range(rng.randint(2, 4)):
            paragraph = _paragraph(rng, topic_words)
            blocks.append(paragraph)
            count += paragraph.count(" ") + 1
        roll = rng.random()
        if roll < 0.25:
            blocks.append("\n".join(f"- {_sentence(rng, topic_words)}" for _ in range(4)))
            count += 50
        elif roll < 0.4:
            blocks.append(CODE)
        elif roll < 0.45:
            rows = [f"| {rng.choice(topic_words)} | {rng.randrange(1000)} |" for _ in range(4)]
            blocks.append("| Thing | Count |\n|:--|--:|\n" + "\n".join(rows))
    return "\n\n".join(blocks) + "\n"


def people() -> list[tuple[str, str]]:
    """(name, slug) of the 25 synthetic staff."""
    names = [f"{FIRST[i]} {LAST[(i * 7) % len(LAST)]}" for i in range(25)]
    return [(name, name.lower().replace(" ", "-")) for name in names]


def _photo(path: Path, seed: int, size: tuple[int, int]) -> None:
    """A large JPEG with photo-like detail (noise over gradients), so encoders do real work."""
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    small = Image.effect_noise((size[0] // 8, size[1] // 8), 60).convert("RGB")
    tint = Image.new("RGB", small.size, tuple(rng.randrange(40, 220) for _ in range(3)))
    small = Image.blend(small, tint, 0.6).filter(ImageFilter.GaussianBlur(2))
    big = small.resize(size, Image.Resampling.BICUBIC)
    grain = Image.effect_noise(size, 25).convert("RGB")
    Image.blend(big, grain, 0.15).save(path, quality=90)


def write_corpus(out: Path, posts: int, photos: int = 24, seed: int = 2026) -> None:
    """Write the synthetic site's content folder (deterministic for the same arguments)."""
    rng = random.Random(seed)
    topic_names = sorted(TOPICS)
    vocab = {t: TOPICS[t].split() for t in topic_names}
    staff = people()
    for folder in ("posts", "team", "series", "pages"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    for name, slug in staff:
        (out / "team" / f"{slug}.md").write_text(
            f"Name: {name}\nRole: {rng.choice(['Engineer', 'Designer', 'Support', 'Editor'])}\n\n"
            f"{name.split()[0]} works on {rng.choice(topic_names)} at Tessellate.\n",
            encoding="utf-8",
        )
    (out / "pages" / "about.md").write_text(
        "Title: About\n\nA synthetic blog for the benchmark.\n", encoding="utf-8"
    )
    series_count = max(1, posts // 100)
    for s in range(series_count):
        (out / "series" / f"series-{s}.md").write_text(
            f"Title: Series {s}\nSummary: Parts on one theme.\n\nAn introduction to series {s}.\n",
            encoding="utf-8",
        )
    tags = [f"{rng.choice(topic_names)}-{i}" for i in range(200)]
    start = datetime.datetime(2018, 1, 1, 9, 0)
    galleries = _write_galleries(out, photos, rng) if photos else []
    series_parts = [0] * series_count
    for i in range(posts):
        topic = topic_names[rng.randrange(len(topic_names))]
        words = max(200, int(rng.lognormvariate(6.55, 0.35)))  # ~950 words with lists and headings
        authors = rng.sample(staff, 2 if rng.random() < 0.05 else 1)
        meta = [
            f"Title: {_sentence(rng, vocab[topic])[:-1][:70]} ({i})",
            f"Date: {(start + datetime.timedelta(hours=17 * i)).strftime('%Y-%m-%d %H:%M')}",
            f"Category: {rng.choice(CATEGORIES)}",
            f"Tags: {', '.join(sorted(set(rng.sample(tags, rng.randint(1, 4)))))}",
            f"Authors: {', '.join(name for name, _ in authors)}",
            f"Slug: post-{i:05d}",
            f"Summary: {_sentence(rng, vocab[topic])}",
        ]
        if rng.random() < 0.12:
            s = rng.randrange(series_count)
            series_parts[s] += 1
            meta += [f"Series: Series {s}", f"Series_index: {series_parts[s]}"]
        if galleries and rng.random() < 0.002:
            meta.append(f"Gallery: {rng.choice(galleries)}")
        (out / "posts" / f"post-{i:05d}.md").write_text(
            "\n".join(meta) + "\n\n" + post_body(rng, vocab[topic], words), encoding="utf-8"
        )


def _write_galleries(out: Path, photos: int, rng: random.Random) -> list[str]:
    """A few galleries of large photos (about 3000×2000), reused across runs from a cache."""
    slugs = [f"event-{g}" for g in range(max(1, photos // 8))]
    cache = Path(".cache/bench/photos")
    cache.mkdir(parents=True, exist_ok=True)
    for g, slug in enumerate(slugs):
        folder = out / "galleries" / slug
        folder.mkdir(parents=True, exist_ok=True)
        lines = [f"Title: Event {g}", "Date: 2024-06-01", ""]
        for p in range(g * 8, min(photos, g * 8 + 8)):
            name = f"photo-{p:03d}.jpg"
            cached = cache / name
            if not cached.exists():
                _photo(cached, p, (3000, 2000))
            (folder / name).write_bytes(cached.read_bytes())
            lines.insert(-1, f"Photo: {name} | Photo {p} of the event. | A synthetic photo {p}.")
        (folder / "gallery.md").write_text("\n".join(lines) + "\nPhotos.\n", encoding="utf-8")
        rng.random()
    return slugs


def main() -> None:
    """Write a corpus from the command line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--photos", type=int, default=24)
    args = parser.parse_args()
    write_corpus(args.out, args.posts, args.photos)


if __name__ == "__main__":
    main()
