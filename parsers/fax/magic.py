"""What kind of fax file this is, by its first bytes (no imaging libraries needed)."""

from __future__ import annotations


def kind_of(head: bytes) -> str | None:
    """'pdf', 'tiff', 'png' or 'jpeg' by magic bytes, else None."""
    if head.startswith(b"%PDF"):
        return "pdf"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return None
