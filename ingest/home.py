"""The service home: inbox (watched), archive, quarantine, outbox, acks and the SQLite database.

`ServiceHome.prepare()` creates the folders and refuses setups that would lose or loop files:
an archive, outbox, quarantine or acks folder inside the inbox, and symlinked folders.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from referrals.errors import ConfigError

FOLDERS = ("inbox", "archive", "quarantine", "outbox", "acks")


@dataclass(frozen=True)
class ServiceHome:
    """The folders are joined once per home (cached), not once per file that uses them."""

    root: Path

    @cached_property
    def inbox(self) -> Path:
        return self.root / "inbox"

    @cached_property
    def archive(self) -> Path:
        return self.root / "archive"

    @cached_property
    def quarantine(self) -> Path:
        return self.root / "quarantine"

    @cached_property
    def outbox(self) -> Path:
        return self.root / "outbox"

    @cached_property
    def acks(self) -> Path:
        return self.root / "acks"

    def folders(self) -> dict[str, Path]:
        return {name: getattr(self, name) for name in FOLDERS}

    def prepare(self) -> ServiceHome:
        """Create the folders (if missing) and check that the layout is safe; returns self."""
        refuse_unsafe_layout(self)
        for path in self.folders().values():
            path.mkdir(parents=True, exist_ok=True)
        refuse_unsafe_layout(self)
        return self


def refuse_unsafe_layout(home: ServiceHome) -> None:
    """ConfigError for symlinked folders, or output folders that sit inside the inbox."""
    for name, path in {"home": home.root, **home.folders()}.items():
        if path.is_symlink():
            raise ConfigError(
                f"the service {name} folder is a symlink",
                remedy="Point INTAKE_HOME at a real folder; symlinks are refused.",
            )
    inbox = home.inbox.resolve()
    for name, path in home.folders().items():
        if name != "inbox" and path.resolve().is_relative_to(inbox):
            raise ConfigError(
                f"the {name} folder is inside the inbox",
                remedy="Keep archive, quarantine, outbox and acks outside the watched inbox.",
            )
