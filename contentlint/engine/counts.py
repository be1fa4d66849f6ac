"""A post's length on each channel, counted exactly as that channel counts (what BV001 checks and
`contentlint count` prints): for the live counters of an editor or the web page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from contentlint.text.channels import ChannelProfile
from contentlint.text.counting import Measure, measure
from contentlint.text.document import Document


@dataclass(frozen=True)
class ChannelCount:
    """One channel's view of a post: every limit of its body (and title), and its fold."""

    channel: str
    measures: tuple[Measure, ...]
    fold: int | None  # characters shown before "see more"; None where the channel has no fold
    own: bool  # one of the post's own channels

    @property
    def over(self) -> bool:
        return any(m.over for m in self.measures)


def channel_counts(
    doc: Document, profiles: Mapping[str, ChannelProfile], channels: Sequence[str] | None = None
) -> list[ChannelCount]:
    """Counts on `channels` (default: the post's own channels, else every channel)."""
    names = list(channels) if channels is not None else [c for c in doc.channels if c in profiles]
    if not names:
        names = sorted(profiles)
    fields = {"body": doc.published_text}
    if doc.title is not None:
        fields["title"] = doc.title
    found = []
    for name in names:
        profile = profiles.get(name)
        if profile is None:
            continue
        measures = tuple(m for field, value in fields.items() for m in measure(value, profile, field))
        found.append(ChannelCount(name, measures, profile.fold, name in doc.channels))
    return found
