"""Population figures from Statistics Norway (SSB), table 07459, as a user downloads them.

Population figures age every year: the reports relate members to the inhabitants and to the
residents of each ensemble's ages (``vrus.reports.municipalities``). This package reads a
download of table 07459 from SSB's Statbank and stores its figures, all or nothing:

- ``reading``: which kind of file it is (CSV or JSON-stat; an Excel or PX file is refused
  with a clear message), decoded;
- ``statbank_csv`` and ``jsonstat``: the two formats, each into ``cells.Cell``s;
- ``cells``: what one cell says (municipality number, year, age, sex, persons), as SSB
  writes it in codes or texts;
- ``counts``: the cells summed to one figure per municipality, year and age;
- ``storing``: what would change in the register, and storing it in one transaction;
- ``summary``: what would change or changed, in lines for the command line and the window.

No Qt here: the command line (``vrus population import``) and Settings -> Municipalities
share it.
"""

from vrus.population.errors import PopulationFileError
from vrus.population.storing import ImportResult, import_population

__all__ = ["ImportResult", "PopulationFileError", "import_population"]
