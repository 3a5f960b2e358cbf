"""The project's packages are the ones imported, and pyproject.toml lists every one of them."""

from __future__ import annotations

import tomllib

from tests.conftest import ROOT


def test_validators_is_this_repos_package_not_the_pypi_one() -> None:
    import validators

    assert validators.__file__ is not None
    assert ROOT in __import__("pathlib").Path(validators.__file__).resolve().parents
    assert hasattr(validators, "validate_record")


def test_pyproject_lists_every_package() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    top = ("referrals", "parsers", "validators", "ingest", "outbox")
    found = {
        ".".join(init.parent.relative_to(ROOT).parts) for name in top for init in (ROOT / name).rglob("__init__.py")
    }
    assert found == listed
