"""Lantern devices service."""
