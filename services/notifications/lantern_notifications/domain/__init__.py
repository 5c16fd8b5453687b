"""Notifications' rules, free of I/O: who hears what, on which channel, when, and in which language."""
