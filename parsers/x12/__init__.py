"""X12 EDI: 837P/837I claims and 278 reviews, walked with pyx12's implementation-guide maps."""
