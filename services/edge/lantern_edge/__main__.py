from lantern_shared.cli import service_main

from .app import MIGRATIONS, create_app
from .settings import EdgeSettings

service_main(EdgeSettings, create_app, MIGRATIONS, backbone=False)
