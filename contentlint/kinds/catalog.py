"""The closed set of check kinds a rule YAML can name. Adding a kind means adding it here."""

from __future__ import annotations

from contentlint.kinds.alt_text import AltText
from contentlint.kinds.audience import ChannelAudienceMismatch, MissingAudience, UnknownAudience
from contentlint.kinds.base import Kind
from contentlint.kinds.brand.claims import UnsubstantiatedClaim
from contentlint.kinds.brand.disclosure import MissingDisclosure
from contentlint.kinds.brand.name import BrandNameCasing
from contentlint.kinds.brand.off_brand import OffBrand
from contentlint.kinds.brand.terms import BannedTerm, CompetitorMention, DeprecatedTerm
from contentlint.kinds.brand.terms_note import MissingTermsNote
from contentlint.kinds.clarity import HardToRead, LongSentence, MissingTitle, WallOfText
from contentlint.kinds.emoji_use import EmojiUse
from contentlint.kinds.fancy_text import FancyText
from contentlint.kinds.front_matter import FrontMatterValid, KnownChannel, ValidDate
from contentlint.kinds.front_matter_fields import MissingChannel, UnknownField
from contentlint.kinds.generic import Conditional, Existence, Metric, Occurrence, Substitution
from contentlint.kinds.hashtags.banned import BannedHashtag
from contentlint.kinds.hashtags.brand_tag import MissingBrandHashtag
from contentlint.kinds.hashtags.broken import BrokenHashtag
from contentlint.kinds.hashtags.casing import HashtagCasing
from contentlint.kinds.hashtags.count import TooManyHashtags
from contentlint.kinds.hashtags.duplicate import DuplicateHashtag
from contentlint.kinds.hashtags.placement import HashtagMidSentence
from contentlint.kinds.hashtags.topic import OffTopicHashtag
from contentlint.kinds.invisible_text import InvisibleCharacters
from contentlint.kinds.length import ChannelLength, HookBeforeFold
from contentlint.kinds.link_text import VagueLinkText
from contentlint.kinds.passive import PassiveVoice
from contentlint.kinds.repetition import CrossChannelRepeat, RepeatedPost
from contentlint.kinds.shouting import Shouting
from contentlint.kinds.wordlist import WordList

# Kinds a team may use in its own rule packs without writing Python.
GENERIC_KINDS: dict[str, type[Kind]] = {
    "existence": Existence,
    "substitution": Substitution,
    "occurrence": Occurrence,
    "conditional": Conditional,
    "metric": Metric,
}

KINDS: dict[str, type[Kind]] = {
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
