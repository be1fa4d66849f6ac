"""The closed set of check kinds a rule YAML can name. Adding a kind means adding it here."""

from __future__ import annotations

# imports: accessibility
from contentlint.kinds.alt_text import AltText

# imports: brand
from contentlint.kinds.audience import ChannelAudienceMismatch, MissingAudience, UnknownAudience
from contentlint.kinds.brand import (
    BannedTerm,
    BrandNameCasing,
    CompetitorMention,
    DeprecatedTerm,
    MissingDisclosure,
    MissingTermsNote,
    OffBrand,
    UnsubstantiatedClaim,
)

# imports: clarity
from contentlint.kinds.clarity import HardToRead, LongSentence, MissingTitle, WallOfText
from contentlint.kinds.emoji_use import EmojiUse
from contentlint.kinds.fancy_text import FancyText
from contentlint.kinds.front_matter import FrontMatterValid, KnownChannel, ValidDate
from contentlint.kinds.front_matter_fields import MissingChannel, UnknownField
from contentlint.kinds.generic import Conditional, Existence, Metric, Occurrence, Substitution

# imports: hashtags
from contentlint.kinds.hashtags import (
    BannedHashtag,
    BrokenHashtag,
    DuplicateHashtag,
    HashtagCasing,
    HashtagMidSentence,
    MissingBrandHashtag,
    OffTopicHashtag,
    TooManyHashtags,
)
from contentlint.kinds.invisible_text import InvisibleCharacters
from contentlint.kinds.length import ChannelLength, HookBeforeFold
from contentlint.kinds.link_text import VagueLinkText
from contentlint.kinds.passive import PassiveVoice

# imports: repetition
from contentlint.kinds.repetition import CrossChannelRepeat, RepeatedPost
from contentlint.kinds.shouting import Shouting
from contentlint.kinds.wordlist import WordList

# Kinds a team may use in its own rule packs without writing Python.
GENERIC_KINDS = {
    "existence": Existence,
    "substitution": Substitution,
    "occurrence": Occurrence,
    "conditional": Conditional,
    "metric": Metric,
}

KINDS: dict[str, type] = {
    **GENERIC_KINDS,
    "front-matter": FrontMatterValid,
    "known-channel": KnownChannel,
    "valid-date": ValidDate,
    "missing-channel": MissingChannel,
    "unknown-field": UnknownField,
    "channel-length": ChannelLength,
    "hook-before-fold": HookBeforeFold,
    # kinds: brand
    "brand-name-casing": BrandNameCasing,
    "deprecated-term": DeprecatedTerm,
    "banned-term": BannedTerm,
    "competitor-mention": CompetitorMention,
    "off-brand": OffBrand,
    "missing-disclosure": MissingDisclosure,
    "unsubstantiated-claim": UnsubstantiatedClaim,
    "missing-terms-note": MissingTermsNote,
    "missing-audience": MissingAudience,
    "unknown-audience": UnknownAudience,
    "channel-audience-mismatch": ChannelAudienceMismatch,
    # kinds: hashtags
    "too-many-hashtags": TooManyHashtags,
    "off-topic-hashtag": OffTopicHashtag,
    "banned-hashtag": BannedHashtag,
    "hashtag-casing": HashtagCasing,
    "duplicate-hashtag": DuplicateHashtag,
    "missing-brand-hashtag": MissingBrandHashtag,
    "broken-hashtag": BrokenHashtag,
    "hashtag-mid-sentence": HashtagMidSentence,
    # kinds: clarity
    "hard-to-read": HardToRead,
    "long-sentence": LongSentence,
    "passive-voice": PassiveVoice,
    "word-list": WordList,
    "shouting": Shouting,
    "vague-link-text": VagueLinkText,
    "wall-of-text": WallOfText,
    "missing-title": MissingTitle,
    # kinds: accessibility
    "alt-text": AltText,
    "emoji-use": EmojiUse,
    "fancy-text": FancyText,
    "invisible-characters": InvisibleCharacters,
    # kinds: repetition
    "cross-channel-repeat": CrossChannelRepeat,
    "repeated-post": RepeatedPost,
}
