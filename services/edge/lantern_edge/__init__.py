"""Lantern edge service."""
