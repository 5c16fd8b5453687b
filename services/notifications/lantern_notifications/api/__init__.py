"""Notifications' internal HTTP API (called by the edge only): recipients, preferences, SMS consent, inboxes, the
delivery log, and the SMS provider's webhooks."""

from . import deliveries, inbox, preferences, recipients, sms_consent, sms_webhooks

ROUTERS = [recipients.router, preferences.router, sms_consent.router, inbox.router, deliveries.router,
           sms_webhooks.router]
