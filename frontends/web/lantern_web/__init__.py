"""Lantern's web app: server-rendered pages for browsers, calling only the edge's public API."""
