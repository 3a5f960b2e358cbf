"""Parsers turn one file into records. They depend only on `referrals.domain`.

`parsers.registry` picks the parser by the file's content (never its name).
"""
