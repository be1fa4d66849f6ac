"""AX001: every image needs alt text that describes it, within what the channel accepts.

A screen reader reads the alt text in place of the image. No alt text, a camera file name
("IMG_2034.jpg") or a bare "image" tell a blind reader nothing, so they are as bad as none; an
alt text over the channel's limit is cut off or refused when the post is uploaded.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

import regex

from contentlint.config.wordlists import TermList
from contentlint.kinds.base import Kind, RuleContext, option
from contentlint.model.violation import Finding

if TYPE_CHECKING:
    from contentlint.text.document import Document, Image

_FILE_NAME = regex.compile(
    r"^[^\s/\\]+(?: [^\s/\\]+)*\.(?:jpe?g|png|gif|webp|heic|heif|avif|svg|bmp|tiff?|mp4|mov|webm)$",
    regex.IGNORECASE,
)
_CAMERA_NAME = regex.compile(
    r"^(?:IMG|DSC[NF]?|PXL|MVIMG|GOPR|VID|PANO|Screenshot|Screen Shot|WhatsApp Image|Photo)"
    r"[ _-]?\d[\d _.:-]*(?:at [\d _.:]+(?:[AP]M)?)?",
    regex.IGNORECASE,
)
_NOTHING = regex.compile(r"^[\p{P}\p{S}\p{Z}\s]*$")


@dataclass(frozen=True)
class AltText(Kind):
    """Report images without useful alt text, or with alt text longer than the channel allows."""

    message_keys = ("too_long",)

    placeholder_list: TermList | None = option(
        "alt-text-placeholders.txt", 'a word list of alt texts that say nothing ("image", "photo")'
    )
    placeholders: tuple[str, ...] | None = option(None, "alt texts that say nothing, in place of the list")

    @cached_property
    def placeholder_set(self) -> frozenset[str]:
        words = self.placeholders if self.placeholders is not None else self._listed()
        return frozenset(word.strip().casefold() for word in words)

    def _listed(self) -> tuple[str, ...]:
        return self.placeholder_list.terms if self.placeholder_list else ()

    def problem(self, alt: str | None, src: str) -> str | None:
        """Why this alt text describes nothing, or None when it is a description."""
        if alt is None:
            return "has no alt text"
        text = alt.strip()
        if _NOTHING.match(text):
            return "has empty alt text" if not text else f"has alt text '{text}', which describes nothing"
        stem = posixpath.basename(src.strip())
        if (
            _FILE_NAME.match(text)
            or _CAMERA_NAME.fullmatch(text)
            or (stem and text in (stem, posixpath.splitext(stem)[0]) and _CAMERA_NAME.match(stem))
        ):
            return f"has the file name '{text}' as alt text; screen readers read it out letter by letter"
        if text.casefold().rstrip(".") in self.placeholder_set:
            return f"has only '{text}' as alt text, which does not say what the image shows"
        return None

    def check(self, doc: Any, ctx: RuleContext) -> Iterator[Finding]:
        from contentlint.text.counting import measure

        profiles = ctx.profiles_for(doc)
        for image in doc.images:
            start, end = _alt_span(doc, image)
            problem = self.problem(image.alt, image.src)
            name = image.src or "an image"
            if problem:
                yield Finding(start, end, {"src": name, "problem": problem})
                continue
            for profile in profiles:
                for result in measure(image.alt or "", profile, "alt"):
                    if result.over:
                        args = {"src": name, "count": result.count, "channel": profile.name, "limit": result.limit}
                        yield Finding(start, end, args, message="too_long")


def _alt_span(doc: Document, image: Image) -> tuple[int, int]:
    """Point at the alt value of a front matter image when it has one, else at the image entry."""
    if image.start >= doc.body_start:
        return image.start, image.end
    images = doc.meta.get("images")
    if isinstance(images, list):
        for index in range(len(images)):
            if doc.front_matter.span("images", index) == (image.start, image.end):
                if ("images", index, "alt") in doc.front_matter.positions:
                    return doc.front_matter.span("images", index, "alt")
                break
    return image.start, image.end
