"""Hostile inputs built on demand, for the tests that refuse them and the benchmark that
measures what refusing them costs (issue 13): a summary PDF whose attached `case.json`
inflates to far more than the upload limit."""

from __future__ import annotations

import io
import zlib

import pikepdf


def pdf_with_attachment(payload: bytes, compressed: bool = True, copies: int = 1) -> bytes:
    """A PDF carrying `payload` as `case.json`, Flate-compressed (a 72 MB run of zeros fits in
    about 70 KB), `copies` times under the same name."""
    pdf = pikepdf.new()
    names = []
    for _ in range(copies):
        stream = pikepdf.Stream(pdf, zlib.compress(payload, 9) if compressed else payload)
        if compressed:
            stream.Filter = pikepdf.Name.FlateDecode
        spec = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F="case.json", EF=pikepdf.Dictionary(F=stream))
        )
        names += [pikepdf.String("case.json"), spec]
    pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(Names=pikepdf.Array(names)))
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
