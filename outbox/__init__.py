"""Transactional outbox: the relay and its sinks (directory, HTTP webhook, acks)."""
