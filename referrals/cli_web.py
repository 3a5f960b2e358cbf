"""`intake serve`: the web app (queue, records, dashboard, API) under uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


@app.command("serve")
def serve_command(
    home: Annotated[Path | None, typer.Option(help="service home (default INTAKE_HOME or .intake)")] = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="port to listen on")] = 8000,
    ssl_certfile: Annotated[Path | None, typer.Option(help="serve HTTPS with this certificate (PEM)")] = None,
    ssl_keyfile: Annotated[Path | None, typer.Option(help="the certificate's private key (PEM)")] = None,
) -> None:
    """Serve the web app and the JSON API (/api, OpenAPI at /api/openapi.json)."""
    import uvicorn

    from referrals.config import load_settings
    from referrals.web import create_app

    web_app = create_app(load_settings(home=home))
    uvicorn.run(
        web_app,
        host=host,
        port=port,
        proxy_headers=True,  # X-Forwarded-Proto from a local TLS proxy makes cookies Secure
        log_level="info",
        ssl_certfile=str(ssl_certfile) if ssl_certfile else None,
        ssl_keyfile=str(ssl_keyfile) if ssl_keyfile else None,
    )
