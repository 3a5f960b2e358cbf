"""The store: SQLModel tables, engines and sessions, and the operations the service makes on them.

Stable API for the other parts (web UI, billing reconciliation):
    from referrals.store import engine_for, session_scope, upgrade
    from referrals.store.models import Document, RecordRow, FindingRow, OutboxMessage, AuditEvent
    from referrals.store.records import get_record, list_records, record_of_row
"""

from referrals.store.engine import engine_for, make_engine, session_scope, upgrade

__all__ = ["engine_for", "make_engine", "session_scope", "upgrade"]
