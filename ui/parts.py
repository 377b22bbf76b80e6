"""The areas of the app, installed into the main window in this order."""

INSTALLERS: list = []
