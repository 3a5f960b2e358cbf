"""The web app and JSON API for the intake desk (`intake serve`)."""

from referrals.web.app import create_app

__all__ = ["create_app"]
