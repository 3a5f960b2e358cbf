"""Taking files out of the inbox: archive them, register their documents, or quarantine them.

Order matters for losing nothing: (1) hash, (2) link the file into the archive, (3) insert the
document row, (4) remove it from the inbox. A crash between any two steps leaves the file in the
inbox, and taking it again finishes the job without a second document. Several files taken
together share step (3): one transaction registers all their documents.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import stat
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from ingest.home import ServiceHome
from ingest.outcomes import Duplicate, Quarantined, Registered, Vanished
from parsers.context import sha256_of
from referrals.store.documents import DocumentRef, KnownDocument, add_documents, document_id, find_all_by_sha
from referrals.store.engine import session_scope
from referrals.store.models import DocumentStatus, utcnow

log = logging.getLogger(__name__)

Arrival = Registered | Duplicate | Quarantined | Vanished


@dataclass(frozen=True)
class InboxFile:
    path: Path
    sha256: str
    size: int
    landed_at: dt.datetime  # when it came into the inbox (see _inspect)


@dataclass(frozen=True)
class Taker:
    """Who takes files: the home, the database, and the lease a new document starts with."""

    home: ServiceHome
    engine: Engine
    owner: str
    lease: dt.timedelta


def take_from_inbox(path: Path, taker: Taker) -> Arrival:
    """Archive and register one inbox file (see `take_all_from_inbox`)."""
    return take_all_from_inbox([path], taker)[0]


def take_all_from_inbox(paths: list[Path], taker: Taker) -> list[Arrival]:
    """Archive and register inbox files (see the module doc for the crash-safe order), in order.

    Newly registered documents are leased to `taker.owner` in the same transaction."""
    arrivals: dict[int, Arrival] = {}
    linked: dict[int, tuple[InboxFile, Path]] = {}
    for index, path in enumerate(paths):
        step = _archive(path, taker.home)
        if isinstance(step, tuple):
            linked[index] = step
        else:
            arrivals[index] = step
    arrivals |= _register_all(linked, taker)
    for index, (seen, _) in linked.items():
        if isinstance(arrivals[index], Duplicate):
            _keep_duplicate(seen, taker.home)
        else:
            seen.path.unlink(missing_ok=True)
    return [arrivals[index] for index in range(len(paths))]


def _archive(path: Path, home: ServiceHome) -> tuple[InboxFile, Path] | Quarantined | Vanished:
    """Hash the file and link it into the archive; or quarantine it; or it is gone already."""
    try:
        seen = _inspect(path)
    except FileNotFoundError:
        return Vanished()
    except OSError as exc:
        return quarantine(path, home, _reason_code(exc))
    if isinstance(seen, Quarantined):
        return quarantine(path, home, seen.reason_code)
    archived = archive_path(home, seen)
    try:
        _link_or_copy(seen.path, archived)
    except FileNotFoundError:  # another watcher took it meanwhile
        return Vanished()
    return seen, archived


def _inspect(path: Path) -> InboxFile | Quarantined:
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return Quarantined("symlink")
    if not stat.S_ISREG(info.st_mode):
        return Quarantined("not_a_regular_file")
    # The change time moves when the file is written or moved in, even when the sender keeps an old
    # mtime (rsync -t, cp -p): the later of the two is when it came to us.
    landed = dt.datetime.fromtimestamp(max(info.st_mtime, info.st_ctime), tz=dt.UTC)
    return InboxFile(path=path, sha256=sha256_of(path), size=info.st_size, landed_at=landed)


def _reason_code(exc: OSError) -> str:
    return "permission_denied" if isinstance(exc, PermissionError) else "unreadable"


def archive_path(home: ServiceHome, seen: InboxFile) -> Path:
    """archive/YYYY-MM-DD/<sha256><suffix>: named by receipt date and content (the date's
    isoformat: strftime costs several times more, for every file taken)."""
    return home.archive / seen.landed_at.date().isoformat() / f"{seen.sha256}{seen.path.suffix.lower()}"


def _link_or_copy(source: Path, target: Path) -> None:
    """Hard-link the original into the archive (there already: done); the day's folder is made
    when the link finds it missing, then the link is tried once more (another worker may have made
    the folder meanwhile: asking whether it exists would not tell a gone source from a race).
    FileNotFoundError when the source is gone."""
    try:
        _link(source, target)
    except FileExistsError:
        return
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            _link(source, target)
        except FileExistsError:
            return


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except (FileExistsError, FileNotFoundError):
        raise
    except OSError:  # another filesystem: copy, fsync, then rename into place
        partial = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.partial")
        shutil.copyfile(source, partial)
        with partial.open("rb") as fh:
            os.fsync(fh.fileno())
        partial.replace(target)


def _register_all(linked: dict[int, tuple[InboxFile, Path]], taker: Taker) -> dict[int, Registered | Duplicate]:
    if not linked:
        return {}
    try:
        with session_scope(taker.engine) as session:
            return _register_in(session, linked, taker)
    except IntegrityError:  # another watcher registered some of these bytes a moment ago: one by one
        return {index: _register(seen, archived, taker) for index, (seen, archived) in linked.items()}


def _register_in(
    session: Session, linked: dict[int, tuple[InboxFile, Path]], taker: Taker
) -> dict[int, Registered | Duplicate]:
    """One query for the known sha256s, one INSERT for the new documents (leased to the taker)."""
    known = find_all_by_sha(session, (seen.sha256 for seen, _ in linked.values()))
    expires = utcnow() + taker.lease
    arrivals: dict[int, Registered | Duplicate] = {}
    new = []
    for index, (seen, archived) in linked.items():
        if seen.sha256 in known:  # stored before, or a copy of a file earlier in this batch
            arrivals[index] = _known(known[seen.sha256], seen)
            continue
        row = _new_document(seen, archived) | {"lease_owner": taker.owner, "lease_expires_at": expires, "attempts": 1}
        known[seen.sha256] = KnownDocument(str(row["id"]), str(seen.path), seen.size)
        new.append(row)
        document = DocumentRef(str(row["id"]), seen.sha256, str(row["original_name"]), str(archived), seen.landed_at)
        arrivals[index] = Registered(document.id, document=document)
    add_documents(session, new)
    return arrivals


def _register(seen: InboxFile, archived: Path, taker: Taker) -> Registered | Duplicate:
    try:
        with session_scope(taker.engine) as session:
            return _register_in(session, {0: (seen, archived)}, taker)[0]
    except IntegrityError:  # another watcher registered the same bytes a moment ago
        return Registered(document_id(seen.sha256))


def _known(known: KnownDocument, seen: InboxFile) -> Registered | Duplicate:
    """Our own earlier, interrupted take of this very file resumes; anything else is a duplicate."""
    if (known.original_path, known.size_bytes) == (str(seen.path), seen.size):
        return Registered(known.id)
    log.info("duplicate of document %s", known.id)
    return Duplicate(known.id)


def _new_document(seen: InboxFile, archived: Path) -> dict[str, object]:
    """The new document's row (columns not named take their defaults)."""
    return {
        "id": document_id(seen.sha256),
        "sha256": seen.sha256,
        "original_name": seen.path.name[:255],
        "original_path": str(seen.path),
        "archive_path": str(archived),
        "size_bytes": seen.size,
        "kind": None,
        "status": DocumentStatus.PENDING.value,
        "outcome": None,
        "error_code": None,
        "received_at": seen.landed_at,
        "processed_at": None,
        "parse_seconds": None,
    }


def _keep_duplicate(seen: InboxFile, home: ServiceHome) -> None:
    stamp = utcnow().strftime("%Y%m%dT%H%M%S%fZ")
    target = home.archive / "duplicates" / f"{seen.sha256}.{stamp}{seen.path.suffix.lower()}"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.move(str(seen.path), target)
    except FileNotFoundError:
        return


def quarantine(path: Path, home: ServiceHome, reason_code: str) -> Quarantined:
    """Move the file to quarantine/ beside a `<name>.reason.json` sidecar saying why."""
    stamp = utcnow().strftime("%Y%m%dT%H%M%S%fZ")
    target = home.quarantine / f"{stamp}-{path.name}"
    try:
        os.rename(path, target)
    except FileNotFoundError:
        return Quarantined(reason_code)
    sidecar = target.with_name(target.name + ".reason.json")
    sidecar.write_text(
        json.dumps(
            {
                "reason": reason_code,
                "message": _REASONS.get(reason_code, reason_code),
                "original_name": path.name,
                "quarantined_at": utcnow().isoformat(),
            }
        )
    )
    log.warning("quarantined an inbox file: %s", reason_code)
    return Quarantined(reason_code)


_REASONS = {
    "permission_denied": "The service may not read this file; fix its permissions and drop it in again.",
    "unreadable": "The file could not be read (I/O error); ask the sender to send it again.",
    "symlink": "Symlinks are not taken from the inbox; copy the file itself into the inbox.",
    "not_a_regular_file": "Only regular files are taken from the inbox (not pipes, devices or sockets).",
}
