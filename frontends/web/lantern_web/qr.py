"""The check-in code a patron shows at the kiosk: a QR code of their registration's id, drawn on the server as SVG
(no script and no image request; the kiosk's scanner types what it reads into its code field, as it does a card)."""

import html

import segno
from markupsafe import Markup


def check_in_code(text: str, label: str) -> Markup:
    """An inline SVG QR code of `text` (error correction M: a cracked phone screen still scans), named `label`."""
    svg = segno.make(text, error="m").svg_inline(scale=5, border=4, dark="#1b1b1b", light="#ffffff")
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label, quote=True)}" ', 1))
