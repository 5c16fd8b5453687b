"""Lantern notifications service."""
