"""Files in and out of the window: import wizard, export, backup and restore, printing, and the
damaged-register start."""
