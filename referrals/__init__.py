"""referral-intake: faxed orders and X12 278/837 files in, validated records out.

The hub package: the domain model (the record contract), configuration, errors, storage,
queue, CLI and web app. ``parsers`` and ``validators`` depend only on ``referrals.domain``.
"""
