"""Notifications' internal HTTP API (called by the edge only): recipients, preferences, SMS consent, inboxes, the
delivery log, the SMS provider's webhooks, and guests' sign-in codes."""

from . import deliveries, inbox, preferences, recipients, sign_in_codes, sms_consent, sms_webhooks

ROUTERS = [recipients.router, preferences.router, sms_consent.router, inbox.router, deliveries.router,
           sms_webhooks.router, sign_in_codes.router]
