"""Notifications' internal HTTP API (called by the edge only): recipients, preferences, inboxes, the delivery log."""

from . import deliveries, inbox, preferences, recipients

ROUTERS = [recipients.router, preferences.router, inbox.router, deliveries.router]
