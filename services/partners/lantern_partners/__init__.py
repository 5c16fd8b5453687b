"""Lantern partners service."""
