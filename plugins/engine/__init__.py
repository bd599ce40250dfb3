"""engine: what the plugins share, as plain Python (not a Pelican plugin: never in PLUGINS).

- ``config``: merging a plugin's settings over its defaults, with the unknown-key check.

Pure: no Pelican import here, so each plugin's ``settings.py`` stays pure too.
"""
