from lantern_shared.cli import service_main

from .app import create_app
from .settings import EdgeSettings

service_main(EdgeSettings, create_app, None)
