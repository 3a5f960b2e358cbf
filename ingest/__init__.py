"""Wires the stages together: read a file, parse it, validate its records, hand them on."""
