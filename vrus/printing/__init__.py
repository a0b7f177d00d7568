"""PDFs for the seminar bag and the kitchen wall: attendance lists, lunch sheets, the contact
and emergency list and the duty roster (reportlab Platypus, A4, Norwegian Bokmål).

Core code without Qt: the window and the command line call the same functions, which return
the PDF as bytes; ``vrus.private_files.write_private_file`` puts them in a file.
"""

from __future__ import annotations

from vrus.printing.attendance_list import attendance_list_pdf
from vrus.printing.contact_list import contact_list_pdf
from vrus.printing.duty_roster import duty_roster_pdf
from vrus.printing.layout import default_filename
from vrus.printing.lunch_sheet import lunch_sheet_pdf

__all__ = [
    "attendance_list_pdf",
    "contact_list_pdf",
    "default_filename",
    "duty_roster_pdf",
    "lunch_sheet_pdf",
]
