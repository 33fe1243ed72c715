def test_numbers_are_grouped_as_each_language_writes_them() -> None:
    from pathways.content.dates import format_number

    assert [format_number(100_000, lang) for lang in ("nl", "fr", "de", "en")] == [
        "100.000",
        "100\u202f000",
        "100.000",
        "100,000",
    ]
