"""The store: SQLModel tables, engines and sessions, and the operations the service makes on them.

Stable API for the other parts (web UI, billing reconciliation):
    from referrals.store import engine_for, session_scope, upgrade
    from referrals.store.models import Document, RecordRow, FindingRow, OutboxMessage, AuditEvent
    from referrals.store.records import RecordFilter, get_record, get_row, list_records, list_rows
    from referrals.queue import Correction, resolve, reject, queue_rows, validation_context_for
    from referrals.stats import collect

    engine = engine_for(settings)   # SQLite in settings.home, or INTAKE_DATABASE_URL
    upgrade(engine)                 # migrations to head (idempotent)
    with session_scope(engine) as session:
        records = list_records(session, RecordFilter(status="needs_clarification"))
"""

from referrals.store.engine import engine_for, make_engine, session_scope, upgrade

__all__ = ["engine_for", "make_engine", "session_scope", "upgrade"]
