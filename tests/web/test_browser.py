"""End to end in a real browser: `intake serve` on a free port, Debian's Chromium driven by Playwright.

Log in, see a new item appear in the queue without a reload, open the most urgent item, see its
highlighted page, correct the invalid NPI, save, watch it turn ready, release it, deliver the
outbox (`intake outbox deliver --once`) and find it delivered; the server's log holds no PHI.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from referrals.config import Settings
from referrals.store.engine import engine_for, session_scope, upgrade
from referrals.users import Role, add_user
from tests.web.seed import MEMBER, VALID_NPI, seed_fax_referral

CHROMIUM = Path("/usr/bin/chromium")
INTAKE = Path(sys.executable).with_name("intake")
PASSWORD = "correct horse battery staple"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed (/usr/bin/chromium)"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def home(tmp_path: Path) -> tuple[Path, str, str]:
    """A service home with a user, an urgent fax with a bad NPI, and a less urgent one."""
    home = tmp_path / "home"
    engine = engine_for(Settings(home=home))
    upgrade(engine)
    with session_scope(engine) as session:
        add_user(session, "clerk", Role.INTAKE, PASSWORD)
    later = seed_fax_referral(engine, home, urgent=False, due_in_hours=40, name="later.png")
    urgent = seed_fax_referral(engine, home, urgent=True, due_in_hours=3, name="urgent.png")
    engine.dispose()
    return home, urgent, later


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    return {**env, "INTAKE_HOME": str(home), "INTAKE_QUEUE_POLL_SECONDS": "1"}


@pytest.fixture
def server(home: tuple[Path, str, str]) -> Iterator[str]:
    port = free_port()
    log = (home[0] / "serve.log").open("wb")
    process = subprocess.Popen(
        [str(INTAKE), "serve", "--home", str(home[0]), "--port", str(port)],
        env=_env(home[0]),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("intake serve exited early; see serve.log in the test's home")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("intake serve did not come up in 30 s")


def test_clerk_fixes_the_most_urgent_item_and_it_is_delivered(server: str, home: tuple[Path, str, str]) -> None:
    from playwright.sync_api import expect, sync_playwright

    service_home, urgent_id, _ = home
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-background-networking"]
        )
        try:
            page = browser.new_page()
            page.goto(f"{server}/queue")
            expect(page).to_have_url(f"{server}/login?next=/queue")
            page.fill("input[name=username]", "clerk")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            expect(page).to_have_url(f"{server}/queue")
            expect(page.locator("#count-total")).to_have_text("2")
            _new_fax_arrives(service_home)  # the page polls: no reload
            expect(page.locator("#count-total")).to_have_text("3", timeout=15_000)

            first = page.locator("table.queue tbody tr").first
            expect(first.locator(".tag.urgent")).to_be_visible()
            first.locator("a.open").click()
            expect(page).to_have_url(f"{server}/records/{urgent_id}")

            image = page.locator("figure.page img")
            expect(image).to_be_visible()
            page.wait_for_function("document.querySelector('figure.page img').naturalWidth > 0")
            npi_box = page.locator('rect.box.error[data-field="ordering_provider.npi"]')
            expect(npi_box).to_be_visible()
            assert (npi_box.bounding_box() or {}).get("width", 0) > 20

            npi = page.locator('input[name="f:ordering_provider.npi"]')
            npi.focus()
            expect(npi_box).to_have_class("box error active")
            npi.fill(VALID_NPI)
            page.click("#save")
            expect(page.locator("#record-status")).to_have_text("ready")
            expect(page.locator("#save-result")).to_contain_text("the record is ready")

            page.click("#release")
            expect(page.locator("#delivery")).to_have_text("pending")
            _deliver_outbox(service_home)
            page.reload()
            expect(page.locator("#delivery")).to_have_text("delivered")
        finally:
            browser.close()

    served_log = (service_home / "serve.log").read_text()
    assert f"GET /records/{urgent_id}" in served_log
    for value in (MEMBER.first_name, MEMBER.last_name, MEMBER.member_id, "1941-03-14"):
        assert value and value not in served_log
    delivered = json.loads((service_home / "outbox" / f"{urgent_id}.json").read_text())
    assert delivered["id"] == urgent_id
    assert delivered["status"] == "ready"
    assert delivered["ordering_provider"]["npi"] == VALID_NPI


def _new_fax_arrives(home: Path) -> None:
    engine = engine_for(Settings(home=home))
    seed_fax_referral(engine, home, urgent=False, due_in_hours=60, name="arrives-later.png")
    engine.dispose()


def _deliver_outbox(home: Path) -> None:
    """The service's relay, as an operator would run it."""
    result = subprocess.run(
        [str(INTAKE), "outbox", "deliver", "--once", "--home", str(home)],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
