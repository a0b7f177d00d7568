"""The Help menu: the user guide (F1) in a window of VRUS, offline, and About VRUS."""
