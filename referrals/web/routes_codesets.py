"""Admin: the code sets the validators use (CMS HCPCS files, a customer's CPT list), shown and imported.

The code-set store is the validators' (`validators.codesets`, `<home>/codesets/`); when that module
is not part of the installation the page says so (404). An upload is read by the validators' own
importers, stored as a new version, and the import is audited.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request, Response, UploadFile
from fastapi.responses import RedirectResponse

from referrals.errors import NotFoundError, UsageError
from referrals.store.engine import session_scope
from referrals.users import Permission
from referrals.web.audit import record_event
from referrals.web.render import render
from referrals.web.security import Actor, require

router = APIRouter(include_in_schema=False)
CodeSetAdmin = Annotated[Actor, Depends(require(Permission.MANAGE_CODESETS))]
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
READERS = {"hcpcs": "read_hcpcs", "cpt": "read_cpt_list"}


def _module(name: str) -> Any:
    try:
        return importlib.import_module(f"validators.{name}")
    except ModuleNotFoundError:
        raise NotFoundError("code-set management is not part of this installation") from None


def _directory(request: Request) -> Path:
    home: Path = request.app.state.settings.home
    return home / "codesets"


@router.get("/admin/codesets")
def codesets_page(request: Request, actor: CodeSetAdmin) -> Response:
    stored = _module("codesets").stored_codesets(_directory(request))
    rows = [
        {"system": system.upper(), "effective": v.effective, "codes": len(v.codes), "name": v.name}
        for system, versions in stored.versions.items()
        for v in versions
    ]
    return render(request, "codesets.html", {"versions": rows, "systems": list(READERS)})


@router.post("/admin/codesets")
async def import_codeset(
    request: Request,
    actor: CodeSetAdmin,
    system: Annotated[str, Form(pattern="^(hcpcs|cpt)$")],
    file: UploadFile,
    effective: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    data = await file.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise UsageError("the file is larger than 50 MB")
    imported = _read_upload(system, _safe_name(file.filename), data, _day(effective))
    source = {
        "name": imported.source_name,
        "sha256": imported.source_sha256,
        "imported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    codesets = _module("codesets")
    codesets.store_version(_directory(request), imported.system, imported.effective, source, imported.codes)
    with session_scope(request.app.state.engine) as session:
        note = f"{system} effective {imported.effective.isoformat()}, {len(imported.codes)} codes"
        record_event(session, actor=actor.name, action="codeset_import", note=note)
    return RedirectResponse("/admin/codesets", status_code=303)


def _read_upload(system: str, name: str, data: bytes, effective: dt.date | None) -> Any:
    """Run the validators' importer on the upload (kept under its own name: the name can carry the date)."""
    importer = _module("codeset_import")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            return getattr(importer, READERS[system])(path, effective)
        except importer.CodeSetFileError as exc:
            raise UsageError(f"not a usable code-set file: {exc}") from None


def _safe_name(filename: str | None) -> str:
    """The upload's base name in safe characters (the importers read the date and type from it)."""
    name = re.sub(r"[^A-Za-z0-9._-]", "_", Path(filename or "").name).lstrip(".")
    return name or "upload"


def _day(text: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError("the effective date must be YYYY-MM-DD") from None
