"""A real fax through the real pipeline (fax reader, tesseract) shown on the record page: every
field box lies on its page, and the field with the bad NPI is outlined as an error.

Runs once the fax reader (parsers/fax, with its generated fixtures) is part of the build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from referrals.config import Settings
from referrals.users import Role
from tests.web.conftest import Person

FAX = Path(__file__).resolve().parents[1] / "fixtures" / "fax" / "generated" / "bad-npi.tif"
pytestmark = [pytest.mark.slow, pytest.mark.tesseract]


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'intake.db'}"


def test_fax_fields_are_boxed_on_their_page(
    client: TestClient, app: FastAPI, settings: Settings, people: dict[Role, Person]
) -> None:
    pytest.importorskip("parsers.fax", reason="the fax reader is not in this build")
    if not FAX.is_file() or shutil.which("tesseract") is None:
        pytest.skip("the fax fixture or tesseract is missing")
    from ingest.pipeline import Service, process_file

    service = Service.start(settings)
    process_file(shutil.copy(FAX, service.home.inbox / FAX.name), service)
    auth = people[Role.INTAKE].bearer
    [item] = client.get("/api/queue", headers=auth).json()
    page = client.get(f"/records/{item['id']}", headers=auth).text
    width, height = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', page).groups())  # type: ignore[union-attr]
    boxes = re.findall(
        r'<rect class="box (\w+)" data-field="([^"]+)"\s+x="([\d.]+)" y="([\d.]+)" '
        r'width="([\d.]+)" height="([\d.]+)"',
        page,
    )
    assert len(boxes) >= 5
    for _, _, x, y, w, h in boxes:
        assert float(x) >= 0 and float(x) + float(w) <= width + 1
        assert float(y) >= 0 and float(y) + float(h) <= height + 1
    assert ("error", "ordering_provider.npi") in {(kind, field) for kind, field, *_ in boxes}
    assert client.get(f"/records/{item['id']}/pages/1.png", headers=auth).status_code == 200
