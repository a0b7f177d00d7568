"""The Qt window of VRUS.

Only this package imports Qt. It calls the core (``vrus``, ``vrus.db``) for every piece of
work and keeps no register logic of its own, so everything the window does can also be done
and tested without a screen.
"""
