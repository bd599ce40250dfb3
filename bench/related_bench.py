"""Benchmark the related-posts step alone on a deterministic synthetic blog.

    .venv/bin/python -m bench.related_bench [--sizes 2000 5000 10000] [--runs 5]

Reports the median wall and CPU time of `related()` (it runs on one core) per size, and the
ratio of CPU costs between sizes, so near-linear growth can be checked (5,000 posts should
cost < 3x 2,000 posts). CPU time is the steadier figure on a shared machine.
"""

import argparse
import gc
import itertools
import random
import statistics
import time

from plugins.related.scoring import Doc, Weights, related

TOPICS = 40
WORDS_PER_TOPIC = 60


def word(n: int) -> str:
    """A made-up lower-case word for a number (the tokenizer reads letters only)."""
    letters = []
    while True:
        n, digit = divmod(n, 26)
        letters.append(chr(97 + digit))
        if not n:
            break
    return "qu" + "".join(letters) + "x"


COMMON = [word(10_000 + i) for i in range(400)]


def synthetic_docs(n: int, seed: int = 7) -> list[Doc]:
    """n posts of ~900 words on one of TOPICS topics, with tags, categories, authors, series."""
    rng = random.Random(seed)
    topic_words = [
        [word(t * WORDS_PER_TOPIC + w) for w in range(WORDS_PER_TOPIC)] for t in range(TOPICS)
    ]
    docs = []
    for i in range(n):
        topic = rng.randrange(TOPICS)
        words = rng.choices(topic_words[topic], k=250) + rng.choices(COMMON, k=650)
        rng.shuffle(words)
        tags = (
            f"topic{topic}",
            rng.choice(["news", "engineering", "people"]),
            f"tag{rng.randrange(200)}",
        )
        docs.append(
            Doc(
                key=f"post-{i:05d}",
                lang="en",
                text=" ".join(words),
                date=1.6e9 + i * 3600.0,
                tags=tags,
                category=f"cat{rng.randrange(10)}",
                authors=(f"author{rng.randrange(25)}",),
                series=f"series{i // 4}" if i % 50 < 4 else None,
            )
        )
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 5000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    docs = {n: synthetic_docs(n) for n in args.sizes}
    walls: dict[int, list[float]] = {n: [] for n in args.sizes}
    cpus: dict[int, list[float]] = {n: [] for n in args.sizes}
    # sizes take turns within each round, so a slow spell on a shared machine hits all alike
    for _ in range(args.runs):
        for n in args.sizes:
            gc.collect()
            wall, cpu = time.perf_counter(), time.process_time()
            related(docs[n], 3, Weights())
            walls[n].append(time.perf_counter() - wall)
            cpus[n].append(time.process_time() - cpu)
    medians, cpu_medians = {}, {}
    for n in args.sizes:
        medians[n], cpu_medians[n] = statistics.median(walls[n]), statistics.median(cpus[n])
        print(
            f"related step, {n:>6} posts: median {medians[n]:.2f} s wall "
            f"({min(walls[n]):.2f}-{max(walls[n]):.2f}), {cpu_medians[n]:.2f} s CPU, "
            f"{args.runs} runs",
            flush=True,
        )
    for a, b in itertools.pairwise(sorted(medians)):
        print(
            f"cost ratio {b}/{a} posts (CPU): {cpu_medians[b] / cpu_medians[a]:.2f}x "
            f"(size ratio {b / a:.1f}x)"
        )


if __name__ == "__main__":
    main()
