"""The demo register: a fictional season modelled on the orchestra's 2014 season.

``vrus demo`` and the window's demo action call :func:`load_demo`; everything else in this
package is the machinery behind it (cast, families, calendar, activity), kept Qt-free.
"""

from vrus.demo.loader import load_demo
from vrus.demo.summary import DemoSummary

__all__ = ["DemoSummary", "load_demo"]
