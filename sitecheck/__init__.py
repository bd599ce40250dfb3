"""Checks over a built site (used by `invoke check`); pure Python, no Pelican import."""
