from lantern_shared.cli import service_main

from .app import MIGRATIONS, create_app
from .settings import PartnersSettings

service_main(PartnersSettings, create_app, MIGRATIONS)
