"""Modal screens: help, open files, export."""
