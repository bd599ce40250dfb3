"""Benchmark the image pipeline on the sample galleries against raw Pillow, in the same run.

    .venv/bin/python -m bench.images_bench [--runs 3] [--jobs 0] [--copies 1]

For every photo in content/galleries/*/ (``--copies`` repeats the set, as distinct files), the
galleries plugin's renditions (GALLERY_WIDTHS x GALLERY_FORMATS, fitted, never upscaled):

- raw:       plain Pillow in the same worker pool: read, open, exif_transpose, resize from the
             one decode, encode each format with the pipeline's options; no cache, no hashing;
- first:     the pipeline with an empty cache (hashing, draft mode, stripping, atomic writes);
- unchanged: the pipeline again with that cache (what an unchanged rebuild pays).

Reports medians of ``--runs`` and first/raw throughput (the issue's goal: >= 0.8x), and the
unchanged rebuild per 100 photos (goal: <= 1 s). Machines here are shared: compare the two in
the same run, not across runs.
"""

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from galleries.settings import DEFAULTS  # noqa: E402
from images import pipeline  # noqa: E402

OPTIONS = {
    "jpeg": {"quality": 82, "optimize": True, "progressive": True},
    "webp": {"quality": 80, "method": 5},
    "avif": {"quality": 60, "speed": pipeline.AVIF_SPEED},
}


def raw_one(path: str, widths: tuple[int, ...], formats: tuple[str, ...]) -> int:
    """Decode once, orient, resize to each width, encode each format in memory."""
    with Image.open(io.BytesIO(Path(path).read_bytes())) as image:
        image = ImageOps.exif_transpose(image)
        written = 0
        for width in widths:
            w = min(width, image.width)
            resized = image.resize((w, max(1, round(image.height * w / image.width))))
            for fmt in formats:
                out = io.BytesIO()
                resized.save(out, pipeline.FORMATS[fmt][0], **OPTIONS[fmt])
                written += out.tell()
        return written


def sources(copies: int, folder: Path) -> list[Path]:
    found = sorted((ROOT / "content" / "galleries").glob("*/*.jp*g"))
    out = []
    for n in range(copies):
        for path in found:
            target = folder / f"{n}-{path.parent.name}-{path.name}"
            data = path.read_bytes()
            # distinct bytes per copy, so the cache cannot share them
            target.write_bytes(data + n.to_bytes(4, "big") if n else data)
            out.append(target)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=0, help="workers; 0: one per CPU")
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args()
    jobs = args.jobs or os.cpu_count() or 1
    widths = DEFAULTS["GALLERY_WIDTHS"]
    formats = tuple(f for f in DEFAULTS["GALLERY_FORMATS"] if pipeline.encoder_available(f))
    specs = tuple(pipeline.RenditionSpec(w, 100_000, format=f) for w in widths for f in formats)
    with tempfile.TemporaryDirectory() as tmp:
        photos = sources(args.copies, Path(tmp))
        print(
            f"{len(photos)} photos, widths {widths}, formats {formats}, {jobs} worker(s), "
            f"{len(photos) * len(specs)} renditions per build"
        )
        raw, first, unchanged = [], [], []
        with ProcessPoolExecutor(jobs) as pool:
            list(pool.map(abs, range(jobs)))  # start the workers before timing
            for _ in range(args.runs):
                started = time.perf_counter()
                list(
                    pool.map(
                        raw_one, map(str, photos), [widths] * len(photos), [formats] * len(photos)
                    )
                )
                raw.append(time.perf_counter() - started)

                cache = Path(tmp) / "cache"
                shutil.rmtree(cache, ignore_errors=True)
                requests = [pipeline.RenditionRequest(p, specs) for p in photos]
                started = time.perf_counter()
                results = pipeline.render(
                    requests, cache, jobs=jobs, pool=lambda n: pool, pool_running=True
                )
                first.append(time.perf_counter() - started)
                assert all(r.error is None for r in results), [r.error for r in results]

                started = time.perf_counter()
                again = pipeline.render(requests, cache, jobs=jobs, pool=lambda n: pool)
                unchanged.append(time.perf_counter() - started)
                assert sum(r.rendered for r in again) == 0
    raw_s, first_s, same_s = map(statistics.median, (raw, first, unchanged))
    print(f"raw Pillow          {raw_s:7.2f} s  ({len(photos) / raw_s:5.2f} photos/s)")
    print(f"pipeline, first     {first_s:7.2f} s  ({len(photos) / first_s:5.2f} photos/s)")
    print(f"first / raw throughput: {raw_s / first_s:.2f}x (goal >= 0.8x)")
    print(
        f"pipeline, unchanged {same_s:7.3f} s  ({same_s * 100 / len(photos):.3f} s per 100 photos; "
        "goal <= 1 s)"
    )


if __name__ == "__main__":
    main()
