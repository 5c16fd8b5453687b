"""The check-in code a confirmation email shows: the registration's id as a QR code, a PNG the HTML part carries
inline (multipart/related, by Content-ID), since mail readers show no SVG and block images from the web."""

import io

import segno


def check_in_png(code: str | None) -> bytes | None:
    """A QR code of `code` (error correction M, 8 px a module: a phone held to a scanner reads it), or None."""
    if not code:
        return None
    picture = io.BytesIO()
    segno.make(code, error="m").save(picture, kind="png", scale=8, border=4)
    return picture.getvalue()
