"""`python -m lantern_web serve`: the web app under uvicorn, on LANTERN_WEB_HTTP_HOST:LANTERN_WEB_HTTP_PORT."""

import logging
import sys

import uvicorn

from .app import create_app
from .settings import WebSettings


def main() -> None:
    if sys.argv[1:] != ["serve"]:
        sys.exit("usage: python -m lantern_web serve")
    logging.basicConfig(level=logging.INFO, format='{"time": "%(asctime)s", "level": "%(levelname)s", '
                                                   '"logger": "%(name)s", "message": "%(message)s"}')
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per edge call is noise, not news
    settings = WebSettings()
    uvicorn.run(create_app(settings), host=settings.http_host, port=settings.http_port, proxy_headers=True,
                access_log=False, log_level="info")


if __name__ == "__main__":
    main()
