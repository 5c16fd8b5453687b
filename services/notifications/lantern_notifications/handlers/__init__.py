"""Notifications' use cases: plain async functions taking the service's Deps and a UnitOfWork.

Handlers for arriving events only record deliveries (in the event's transaction); the dispatcher sends them.
"""
