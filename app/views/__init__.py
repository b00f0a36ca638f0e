"""Widgets, dialogs and the main window. Views call services and show models; they never run SQL."""
