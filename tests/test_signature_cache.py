"""SignatureCache: round trip, self-healing on bad files, safe concurrent saves."""

from __future__ import annotations

import hashlib
import multiprocessing
from pathlib import Path

import numpy as np

from contentlint.cache import signature_cache
from contentlint.cache.signature_cache import FILE_NAME, SignatureCache, post_key
from contentlint.kinds.corpus import IndexEntry, PostMeta
from contentlint.text.similarity import NORMALISATION_VERSION, make_signature
from contentlint.text.similarity_words import similarity_tokens

POSTS = [
    "Our Glide gel pens dry in under a second. #InkWell",
    "পরীক্ষা আসছে, আপনার জেল পেন তৈরি তো?",
    "Hi",
    "",
]


def content_key(data: bytes, lang: str) -> str:
    return post_key(hashlib.sha256(data).hexdigest(), lang)


def meta(i: int) -> PostMeta:
    return PostMeta(
        ("x", "linkedin")[: 1 + i % 2],
        ("students",) * (i % 2),
        "2026-12-01T10:00:00+05:30" if i else None,
        "bn" if i == 1 else "en",
        4 + i,
        1,
        30 + i,
        60 + i,
    )


def fill(cache: SignatureCache, posts: list[str] = POSTS, lang: str = "en") -> dict[str, IndexEntry]:
    made = {}
    for i, text in enumerate(posts):
        key = content_key(text.encode(), lang)
        made[key] = IndexEntry(make_signature(similarity_tokens(text)), meta(i))
        cache.put(key, made[key])
    return made


def test_post_key_depends_on_digest_context_and_version(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    k = post_key("ab" * 32, "en")
    assert len(k) == 64 and k == post_key("ab" * 32, "en")
    assert k != post_key("ab" * 32, "bn") and k != post_key("ac" * 32, "en")
    monkeypatch.setattr(signature_cache, "NORMALISATION_VERSION", NORMALISATION_VERSION + 1)
    assert k != post_key("ab" * 32, "en")


def test_round_trip(tmp_path: Path) -> None:
    cache = SignatureCache(tmp_path)
    made = fill(cache)
    cache.save()
    again = SignatureCache(tmp_path)
    assert len(again) == len(POSTS)
    for key, sig in made.items():
        assert again.get(key) == sig
    assert again.get("0" * 64) is None
    assert (tmp_path / ".gitignore").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_disabled_cache_stores_nothing(tmp_path: Path) -> None:
    cache = SignatureCache(None)
    fill(cache)
    cache.save()
    assert cache.get(content_key(POSTS[0].encode(), "en")) is None


def test_save_keeps_only_entries_used_in_this_run(tmp_path: Path) -> None:
    first = SignatureCache(tmp_path)
    made = fill(first)
    first.save()
    second = SignatureCache(tmp_path)
    kept = next(iter(made))
    assert second.get(kept) is not None
    second.put(content_key(b"new post", "en"), IndexEntry(make_signature(["new", "post"]), meta(0)))
    second.save()
    third = SignatureCache(tmp_path)
    assert len(third) == 2 and third.get(kept) == made[kept]


def test_corrupt_file_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_bytes(b"PK\x03\x04 definitely not a zip")
    cache = SignatureCache(tmp_path)
    assert len(cache) == 0
    made = fill(cache)
    cache.save()
    assert len(SignatureCache(tmp_path)) == len(made)
    (tmp_path / FILE_NAME).write_bytes((tmp_path / FILE_NAME).read_bytes()[:200])  # truncated
    assert len(SignatureCache(tmp_path)) == 0


def test_other_version_is_ignored(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cache = SignatureCache(tmp_path)
    fill(cache)
    cache.save()
    monkeypatch.setattr(signature_cache, "NORMALISATION_VERSION", NORMALISATION_VERSION + 1)
    assert len(SignatureCache(tmp_path)) == 0
    monkeypatch.setattr(signature_cache, "NORMALISATION_VERSION", NORMALISATION_VERSION)
    monkeypatch.setattr(signature_cache, "CACHE_FORMAT", signature_cache.CACHE_FORMAT + 1)
    assert len(SignatureCache(tmp_path)) == 0


def test_inconsistent_arrays_are_ignored(tmp_path: Path) -> None:
    np.savez(
        tmp_path / FILE_NAME,
        version=np.array([signature_cache.CACHE_FORMAT, NORMALISATION_VERSION]),
        keys=np.array(["a" * 64], dtype="S64"),
        offsets=np.array([0, 5]),
        shingles=np.zeros(2, dtype=np.uint64),
        meta=np.frombuffer(b'[[[],[],null,"en",1,1]]', dtype=np.uint8),
    )
    assert len(SignatureCache(tmp_path)) == 0


def _writer(args: tuple[str, int]) -> None:
    folder, who = args
    for round_ in range(15):
        cache = SignatureCache(Path(folder))
        posts = [f"writer {who} round {round_} post {i} about gel pens and notebooks" for i in range(50)]
        fill(cache, posts)
        cache.save()


def test_two_concurrent_writers_leave_a_loadable_cache(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        pool.map(_writer, [(str(tmp_path), 1), (str(tmp_path), 2)])
    cache = SignatureCache(tmp_path)
    assert len(cache) >= 50  # whoever saved last, complete
    last = [
        p
        for p in [f"writer {w} round 14 post 0 about gel pens and notebooks" for w in (1, 2)]
        if cache.get(content_key(p.encode(), "en")) is not None
    ]
    assert last
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_kept_entries_are_copied_exactly_beside_new_ones(tmp_path: Path) -> None:
    """save() copies kept entries array to array: every kept signature and meta comes back
    as it was, whatever its position, with new entries after them."""
    posts = [f"post number {i} about gel pens and notebooks {'x ' * i}" for i in range(40)] + POSTS
    first = SignatureCache(tmp_path)
    made = fill(first, posts)
    first.save()
    second = SignatureCache(tmp_path)
    kept = [key for i, key in enumerate(made) if i % 3 != 1]  # every third one deleted or edited
    for key in kept:
        assert second.get(key) is not None
    added = {
        content_key(f"brand new {i}".encode(), "en"): IndexEntry(
            make_signature(["brand", "new", str(i), "post"]), meta(i)
        )
        for i in range(3)
    }
    for key, post in added.items():
        second.put(key, post)
    second.save()
    third = SignatureCache(tmp_path)
    assert len(third) == len(kept) + len(added)
    for key in kept:
        assert third.get(key) == made[key] and third.get(key).meta == made[key].meta  # type: ignore[union-attr]
    for key, post in added.items():
        assert third.get(key) == post and third.get(key).meta == post.meta  # type: ignore[union-attr]
