from lantern_shared.cli import service_main

from .app import MIGRATIONS, create_app
from .settings import NotificationsSettings

service_main(NotificationsSettings, create_app, MIGRATIONS)
