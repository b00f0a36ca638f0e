"""The domain in plain Python: no Qt widgets, usable from the command line and testable without a screen."""
