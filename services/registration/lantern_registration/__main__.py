from lantern_shared.cli import service_main

from .app import MIGRATIONS, create_app
from .settings import RegistrationSettings

service_main(RegistrationSettings, create_app, MIGRATIONS)
