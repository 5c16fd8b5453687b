"""Devices' use cases, one module per aggregate: each a local transaction (a unit of work) plus the events it causes.

HTTP routes, consumers and scheduled jobs call these.
"""
