"""Lantern common mechanisms shared by every service."""
