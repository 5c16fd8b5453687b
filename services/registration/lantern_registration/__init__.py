"""Lantern registration service."""
