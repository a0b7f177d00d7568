<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>App</name>
    <message>
        <source>VRUS – error</source>
        <translation>VRUS – feil</translation>
    </message>
</context>
<context>
    <name>DemoLoader</name>
    <message>
        <source>The demo season could not be loaded.</source>
        <translation>Demosesongen kunne ikke lastes inn.</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Importer regneark</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
        <translation>Regneark (*.csv *.xlsx);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>Kontrollerer {name}&#xa0;…</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>Importerer {name}&#xa0;…</translation>
    </message>
    <message>
        <source>The import is finished.</source>
        <translation>Importen er fullført.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Ingenting ble importert.</translation>
    </message>
    <message>
        <source>The spreadsheet could not be imported.</source>
        <translation>Regnearket kunne ikke importeres.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Importer regneark</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>Fil: {name}</translation>
    </message>
    <message>
        <source>This was a trial run: nothing has been saved yet.</source>
        <translation>Dette var en prøvekjøring: ingenting er lagret ennå.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>The file has errors that must be corrected before it can be imported. Correct them in the spreadsheet and import it again.</source>
        <translation>Filen har feil som må rettes før den kan importeres. Rett dem i regnearket, og importer det på nytt.</translation>
    </message>
    <message>
        <source>New persons:</source>
        <translation>Nye personer:</translation>
    </message>
    <message>
        <source>Persons updated:</source>
        <translation>Oppdaterte personer:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Feil:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Advarsler:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Members</source>
        <translation>Medlemmer</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Arrangementer</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Lunsj</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Innstillinger</translation>
    </message>
    <message>
        <source>Here the season will be planned: weekend seminars, concerts and IRIS activities, with dates, sign-ups and attendance for each day.</source>
        <translation>Her skal sesongen planlegges: helgeseminarer, konserter og IRIS-aktiviteter, med datoer, påmelding og oppmøte for hver dag.</translation>
    </message>
    <message>
        <source>Here the friends&apos; association will see how many eat lunch on each seminar day, who has allergies or special diets, and which parents are on duty.</source>
        <translation>Her skal Venneforeningen se hvor mange som spiser lunsj hver seminardag, hvem som har allergier eller spesialkost, og hvilke foreldre som har vakt.</translation>
    </message>
    <message>
        <source>Here the reports for the steering group will be made: members per ensemble and instrument, recruitment from each municipality in the region, and attendance.</source>
        <translation>Her skal rapportene til styringsgruppen lages: medlemstall per ensemble og instrument, rekruttering fra hver kommune i regionen og oppmøte.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Import a spreadsheet…</source>
        <translation>&amp;Importer regneark&#xa0;…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>Persons in the register: {count}</source>
        <translation>Personer i registeret: {count}</translation>
    </message>
    <message>
        <source>The demo season is loaded.</source>
        <translation>Demosesongen er lastet inn.</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Last name</source>
        <translation>Etternavn</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Født</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Ensemble</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Loading the demo season…</source>
        <translation>Laster inn demosesongen&#xa0;…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The details are written to the log file:
{path}</source>
        <translation>Detaljene er skrevet til loggfilen:
{path}</translation>
    </message>
    <message>
        <source>VRUS ran into an unexpected error.</source>
        <translation>VRUS støtte på en uventet feil.</translation>
    </message>
    <message>
        <source>What you were doing may not have been completed. What was saved before is safe: every change is saved whole or not at all.</source>
        <translation>Det du holdt på med, ble kanskje ikke fullført. Det som var lagret fra før, er trygt: hver endring lagres helt eller ikke i det hele tatt.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This part of VRUS is not built yet.</source>
        <translation>Denne delen av VRUS er ikke laget ennå.</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolonne</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Alvorlighetsgrad</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Feil</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advarsel</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>The new language is used from the next time VRUS starts.</source>
        <translation>Det nye språket tas i bruk neste gang VRUS startes.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Loggfil:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versjon:</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Load the demo season</source>
        <translation>Last inn demosesongen</translation>
    </message>
    <message>
        <source>Import a spreadsheet…</source>
        <translation>Importer regneark&#xa0;…</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p&#xa0;%</translation>
    </message>
    <message>
        <source>Fictional members, seminars and lunch lists, to get to know the program before the real register is entered.</source>
        <translation>Oppdiktede medlemmer, seminarer og lunsjlister, så du kan bli kjent med programmet før det ekte registeret legges inn.</translation>
    </message>
    <message>
        <source>Bring in the members from a CSV or Excel (XLSX) file. You see what will be imported, and any problems in the file, before anything is saved.</source>
        <translation>Hent inn medlemmene fra en CSV- eller Excel-fil (XLSX). Du ser hva som blir importert, og eventuelle problemer i filen, før noe lagres.</translation>
    </message>
    <message>
        <source>Welcome to VRUS</source>
        <translation>Velkommen til VRUS</translation>
    </message>
    <message>
        <source>The register is empty. Try the program with a demo season, or bring in the members you already have in a spreadsheet.</source>
        <translation>Registeret er tomt. Prøv programmet med en demosesong, eller hent inn medlemmene du allerede har i et regneark.</translation>
    </message>
    <message>
        <source>The demo season is not part of this version.</source>
        <translation>Demosesongen er ikke med i denne versjonen.</translation>
    </message>
    <message>
        <source>Importing is not part of this version.</source>
        <translation>Import er ikke med i denne versjonen.</translation>
    </message>
</context>
</TS>
