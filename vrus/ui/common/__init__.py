"""What every page uses: widgets, dialogs, labels, messages, background tasks, undo, change
notifications and the typed settings."""
