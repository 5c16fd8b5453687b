"""The delivery machinery: the dispatcher, what it does with each delivery, templates, and the channels' adapters
(an SMTP server for email, a provider's REST gateway for SMS)."""
