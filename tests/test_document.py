"""Documents: offsets always point at the original file, whatever the markup or line endings."""

from __future__ import annotations

from contentlint.text.document import guess_lang, parse_date, parse_document


def test_prose_mask_keeps_length_and_blanks_markup() -> None:
    text = (
        "---\nchannel: x\n---\nSee `code here` and [our shop](https://inkwell.com/cheap) "
        "![pens](img/a.png) <!-- note -->\n```\nsecret cheap\n```\nend\n"
    )
    doc = parse_document("p.md", text)
    assert len(doc.prose) == len(text)
    assert "code here" not in doc.prose and "secret" not in doc.prose and "inkwell.com" not in doc.prose
    assert "our shop" in doc.prose and "end" in doc.prose
    assert doc.prose.count("\n") == text.count("\n")
    assert doc.images[0].src == "img/a.png" and doc.images[0].alt == "pens"


def test_txt_files_keep_markdown_characters() -> None:
    doc = parse_document("p.txt", "Use `this` now")
    assert "`this`" in doc.prose


def test_line_col_with_crlf_and_lone_cr() -> None:
    text = "---\r\nchannel: x\r\n---\r\nfirst\r\nsecond\rthird"
    doc = parse_document("p.md", text)
    assert doc.channels == ("x",)
    assert doc.line_col(text.index("second")) == (5, 1)
    assert doc.line_col(text.index("third")) == (6, 1)
    assert doc.line_col(text.index("irst")) == (4, 2)


def test_columns_are_code_points() -> None:
    text = "😀 এক্সক্লুসিভ X"
    doc = parse_document("p.md", text)
    assert doc.line_col(text.index("X")) == (1, 15)


def test_front_matter_fields_and_positions() -> None:
    text = "---\nchannels: [X, Instagram]\naudience: Students\npublish_at: 2026-12-01T10:00:00+05:30\n---\nHi"
    doc = parse_document("p.md", text)
    assert doc.channels == ("x", "instagram")
    assert doc.audiences == ("students",)
    assert doc.publish_at is not None and doc.publish_at.utcoffset().total_seconds() == 5.5 * 3600
    start, end = doc.front_matter.span("channels", 1)
    assert text[start:end] == "Instagram"


def test_invalid_front_matter_keeps_body() -> None:
    doc = parse_document("p.md", "---\nchannel: [x\n---\nBody text")
    assert doc.front_matter.error and doc.body == "Body text"
    assert doc.meta == {}


def test_front_matter_not_a_mapping() -> None:
    doc = parse_document("p.md", "---\n- a\n- b\n---\nBody")
    assert "a list" in (doc.front_matter.error or "")


def test_defaults_apply_only_when_front_matter_is_silent() -> None:
    doc = parse_document("p.md", "Body", default_channels=("x",), default_audiences=("students",))
    assert doc.channels == ("x",) and doc.audiences == ("students",)
    doc = parse_document("p.md", "---\nchannel: linkedin\n---\nBody", default_channels=("x",))
    assert doc.channels == ("linkedin",)


def test_language_from_front_matter_script_or_default() -> None:
    assert parse_document("p.md", "---\nlang: bn-BD\n---\nHello").lang == "bn"
    assert parse_document("p.md", "নতুন কলম এসেছে। Shop now", default_lang="en").lang == "bn"
    assert parse_document("p.md", "New pens", default_lang="de").lang == "de"
    assert guess_lang("New pens") is None


def test_plain_blanks_urls_mentions_hashtags_emails() -> None:
    text = "Write to hello@inkwell.com or @inkwell, see inkwell.com/cheap #CheapPens cheap"
    doc = parse_document("p.md", text)
    assert doc.plain.split() == ["Write", "to", "or", ",", "see", "cheap"]


def test_published_text_drops_directives() -> None:
    doc = parse_document("p.md", "---\nchannel: x\n---\n<!-- contentlint-disable -->\nHello\n")
    assert doc.published_text == "Hello"


def test_dates() -> None:
    assert parse_date("2026-12-01") is not None
    assert parse_date("2026-12-01T10:00:00Z").tzinfo is not None
    assert parse_date("12/01/2026") is None
    assert parse_date(20261201) is None


def test_latin_post_is_not_measured_as_the_configs_bengali() -> None:
    assert parse_document("p.md", "We are hiring cabin crew in Dhaka.", default_lang="bn").lang == "en"
    assert parse_document("p.md", "আমরা কেবিন ক্রু নিয়োগ দিচ্ছি।", default_lang="bn").lang == "bn"
    assert parse_document("p.md", "Wir suchen Verstärkung.", default_lang="de").lang == "de"
