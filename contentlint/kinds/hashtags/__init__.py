"""HT001-HT008: hashtags counted, judged and placed the way each channel tags them.

Every rule works from the tags a platform would actually link (text/extract.py, per the
channel's `hashtag_syntax`), so a `#` the platform ignores is never counted as a tag, and HT007
explains exactly those. Tags are compared case-insensitively after NFC normalisation
(`tags.tag_key`). One module a rule: `count` (HT001), `topic` (HT002), `banned` (HT003),
`casing` (HT004), `duplicate` (HT005), `brand_tag` (HT006), `broken` (HT007), `placement` (HT008).
"""
