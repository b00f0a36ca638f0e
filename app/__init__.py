"""Siyu (私域助手): a desktop app for a small shop's private-domain operations."""

__version__ = "0.1.0"
APP_NAME = "Siyu"
