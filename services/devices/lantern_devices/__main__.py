from lantern_shared.cli import service_main

from .app import MIGRATIONS, create_app
from .settings import DevicesSettings

service_main(DevicesSettings, create_app, MIGRATIONS)
