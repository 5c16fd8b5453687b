"""Notifications' internal HTTP API (called by the edge only): recipients, preferences, inboxes, the delivery log,
sign-in codes."""

from . import deliveries, inbox, preferences, recipients, sign_in_codes

ROUTERS = [recipients.router, preferences.router, inbox.router, deliveries.router, sign_in_codes.router]
