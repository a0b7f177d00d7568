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
    <name>Core</name>
    <message>
        <source>first name</source>
        <translation>fornavn</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>etternavn</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>fødselsdato</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>kjønn</translation>
    </message>
    <message>
        <source>municipality</source>
        <translation>kommune</translation>
    </message>
    <message>
        <source>instrument</source>
        <translation>instrument</translation>
    </message>
    <message>
        <source>ensemble</source>
        <translation>ensemble</translation>
    </message>
    <message>
        <source>join date</source>
        <translation>innmeldingsdato</translation>
    </message>
    <message>
        <source>leaving date</source>
        <translation>utmeldingsdato</translation>
    </message>
    <message>
        <source>reason for leaving</source>
        <translation>årsak til utmelding</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>telefon</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-post</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>postal code</source>
        <translation>postnummer</translation>
    </message>
    <message>
        <source>postal place</source>
        <translation>poststed</translation>
    </message>
    <message>
        <source>guardian</source>
        <translation>foresatt</translation>
    </message>
    <message>
        <source>guardian&apos;s phone</source>
        <translation>foresattes telefon</translation>
    </message>
    <message>
        <source>guardian&apos;s e-mail</source>
        <translation>foresattes e-post</translation>
    </message>
    <message>
        <source>diet</source>
        <translation>kosthold</translation>
    </message>
    <message>
        <source>allergies</source>
        <translation>allergier</translation>
    </message>
    <message>
        <source>photo consent</source>
        <translation>fotosamtykke</translation>
    </message>
    <message>
        <source>culture school</source>
        <translation>kulturskole</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>merknader</translation>
    </message>
    <message>
        <source>unknown column; its values are not imported</source>
        <translation>ukjent kolonne; verdiene i den blir ikke importert</translation>
    </message>
    <message>
        <source>a second column for {field} (the first is &apos;{first}&apos;); rename one or choose which to ignore</source>
        <translation>en kolonne til for {field} (den første er &apos;{first}&apos;); gi en av dem nytt navn, eller velg hvilken som skal hoppes over</translation>
    </message>
    <message>
        <source>no column for {field}: a column headed &apos;{header}&apos; or &apos;{other}&apos; is required</source>
        <translation>ingen kolonne for {field}: en kolonne med overskriften &apos;{header}&apos; eller &apos;{other}&apos; er påkrevd</translation>
    </message>
    <message>
        <source>the import stopped and nothing was written: {cause}</source>
        <translation>importen stoppet, og ingenting ble lagret: {cause}</translation>
    </message>
    <message>
        <source>rows {first} and {second} are the same person ({person}); keep one of them</source>
        <translation>rad {first} og {second} er samme person ({person}); behold én av dem</translation>
    </message>
    <message>
        <source>{person} is in the register {count} times (ids {ids}); merge them first</source>
        <translation>{person} står {count} ganger i registeret (id {ids}); slå dem sammen først</translation>
    </message>
    <message>
        <source>{person} was archived on {date}; updated but stays archived</source>
        <translation>{person} ble arkivert {date}; oppdateres, men blir værende arkivert</translation>
    </message>
    <message>
        <source>row {row}, {column}: {message}</source>
        <translation>rad {row}, {column}: {message}</translation>
    </message>
    <message>
        <source>row {row}: {message}</source>
        <translation>rad {row}: {message}</translation>
    </message>
    <message>
        <source>{count} row</source>
        <translation>{count} rad</translation>
    </message>
    <message>
        <source>{count} rows</source>
        <translation>{count} rader</translation>
    </message>
    <message>
        <source>{count} error</source>
        <translation>{count} feil</translation>
    </message>
    <message>
        <source>{count} errors</source>
        <translation>{count} feil</translation>
    </message>
    <message>
        <source>{count} warning</source>
        <translation>{count} advarsel</translation>
    </message>
    <message>
        <source>{count} warnings</source>
        <translation>{count} advarsler</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8 med BOM</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>komma</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>semikolon</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulator</translation>
    </message>
    <message>
        <source>Excel workbook, sheet &apos;{sheet}&apos;</source>
        <translation>Excel-arbeidsbok, arket &apos;{sheet}&apos;</translation>
    </message>
    <message>
        <source>{encoding}, {delimiter}</source>
        <translation>{encoding}, {delimiter}</translation>
    </message>
    <message>
        <source>{created} created, {updated} updated</source>
        <translation>{created} opprettet, {updated} oppdatert</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Importert.</translation>
    </message>
    <message>
        <source>{created} to create, {updated} to update</source>
        <translation>{created} blir opprettet, {updated} blir oppdatert</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>Prøvekjøring: ingenting ble lagret.</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Ingenting ble lagret.</translation>
    </message>
    <message>
        <source>{file} ({source}): {rows}; {counts}; {errors}, {warnings}. {outcome}</source>
        <translation>{file} ({source}): {rows}; {counts}; {errors}, {warnings}. {outcome}</translation>
    </message>
    <message>
        <source>{first} {last}, born {date}</source>
        <translation>{first} {last}, født {date}</translation>
    </message>
    <message>
        <source>missing: {why}</source>
        <translation>mangler: {why}</translation>
    </message>
    <message>
        <source>every row needs a first name</source>
        <translation>hver rad må ha et fornavn</translation>
    </message>
    <message>
        <source>every row needs a last name</source>
        <translation>hver rad må ha et etternavn</translation>
    </message>
    <message>
        <source>the birth date tells persons with the same name apart</source>
        <translation>fødselsdatoen skiller personer med samme navn fra hverandre</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a culture school in the register; left empty</source>
        <translation>&apos;{value}&apos; er ikke en kulturskole i registeret; feltet står tomt</translation>
    </message>
    <message>
        <source>empty: the person will not count in the recruitment report</source>
        <translation>tom: personen blir ikke med i rekrutteringsrapporten</translation>
    </message>
    <message>
        <source>{municipality} is outside Vestregionen</source>
        <translation>{municipality} ligger utenfor Vestregionen</translation>
    </message>
    <message>
        <source>not imported: no guardian named in &apos;{column}&apos; on this row</source>
        <translation>ikke importert: ingen foresatt er oppgitt i &apos;{column}&apos; på denne raden</translation>
    </message>
    <message>
        <source>{given} given for {guardians} guardian(s); give them in the same order as the names</source>
        <translation>{given} oppgitt for {guardians} foresatt(e); oppgi dem i samme rekkefølge som navnene</translation>
    </message>
    <message>
        <source>{date} is before the birth date</source>
        <translation>{date} er før fødselsdatoen</translation>
    </message>
    <message>
        <source>{date} is before the join date {joined}</source>
        <translation>{date} er før innmeldingsdatoen {joined}</translation>
    </message>
    <message>
        <source>a reason for leaving needs a date in &apos;{column}&apos;</source>
        <translation>en årsak til utmelding trenger en dato i &apos;{column}&apos;</translation>
    </message>
    <message>
        <source>empty: the person is registered without a membership</source>
        <translation>tom: personen registreres uten medlemskap</translation>
    </message>
    <message>
        <source>turns {age} this year, below the minimum age of {ensemble} ({limit})</source>
        <translation>fyller {age} i år, under minstealderen for {ensemble} ({limit})</translation>
    </message>
    <message>
        <source>turns {age} this year, above the maximum age of {ensemble} ({limit})</source>
        <translation>fyller {age} i år, over aldersgrensen for {ensemble} ({limit})</translation>
    </message>
    <message>
        <source>{path} does not exist or is not a file</source>
        <translation>{path} finnes ikke eller er ikke en fil</translation>
    </message>
    <message>
        <source>{file}: this kind of spreadsheet cannot be read; in Excel, use Save As and choose Excel Workbook (.xlsx) or CSV</source>
        <translation>{file}: denne typen regneark kan ikke leses; velg Lagre som i Excel, og velg Excel-arbeidsbok (.xlsx) eller CSV</translation>
    </message>
    <message>
        <source>{file}: the text encoding is not recognised; save the file again as CSV UTF-8 from Excel</source>
        <translation>{file}: tegnkodingen ble ikke gjenkjent; lagre filen på nytt som CSV UTF-8 fra Excel</translation>
    </message>
    <message>
        <source>{file}: cannot be read ({reason})</source>
        <translation>{file}: kan ikke leses ({reason})</translation>
    </message>
    <message>
        <source>{file}: not a readable Excel workbook ({reason})</source>
        <translation>{file}: ikke en lesbar Excel-arbeidsbok ({reason})</translation>
    </message>
    <message>
        <source>{file}: the file is empty</source>
        <translation>{file}: filen er tom</translation>
    </message>
    <message>
        <source>is longer than the {limit} characters the register keeps</source>
        <translation>er lengre enn de {limit} tegnene registeret tar vare på</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an instrument in the register</source>
        <translation>&apos;{value}&apos; er ikke et instrument i registeret</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a municipality number in the register</source>
        <translation>&apos;{value}&apos; er ikke et kommunenummer i registeret</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a municipality in the register</source>
        <translation>&apos;{value}&apos; er ikke en kommune i registeret</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; could be several municipalities ({names}): use the municipality number</source>
        <translation>&apos;{value}&apos; kan være flere kommuner ({names}): bruk kommunenummeret</translation>
    </message>
    <message>
        <source>{old} is now part of {name}; stored as {new}</source>
        <translation>{old} er nå en del av {name}; lagret som {new}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an ensemble; use one of {known}</source>
        <translation>&apos;{value}&apos; er ikke et ensemble; bruk ett av disse: {known}</translation>
    </message>
    <message>
        <source>the text beyond the known diets is longer than {limit} characters</source>
        <translation>teksten utover de kjente kostholdene er lengre enn {limit} tegn</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; does not name what the allergy is to</source>
        <translation>&apos;{value}&apos; sier ikke hva allergien gjelder</translation>
    </message>
    <message>
        <source>&apos;{value}…&apos; is longer than {limit} characters</source>
        <translation>&apos;{value}…&apos; er lengre enn {limit} tegn</translation>
    </message>
    <message>
        <source>the note on {allergen} is longer than {limit} characters</source>
        <translation>merknaden om {allergen} er lengre enn {limit} tegn</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not yes or no: use ja or nei</source>
        <translation>&apos;{value}&apos; er verken ja eller nei: bruk ja eller nei</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a gender: use jente, gutt or annet</source>
        <translation>&apos;{value}&apos; er ikke et kjønn: bruk jente, gutt eller annet</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a known reason (aldersgrense, talentprogram, flyttet, sluttet, annet); stored as &apos;other&apos; with the text as a note</source>
        <translation>&apos;{value}&apos; er ikke en kjent årsak (aldersgrense, talentprogram, flyttet, sluttet, annet); lagret som &apos;annet&apos; med teksten som merknad</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; needs a surname</source>
        <translation>&apos;{name}&apos; mangler etternavn</translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <translation>er lengre enn {limit} tegn</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a Norwegian phone number: use 8 digits, optionally after +47</source>
        <translation>&apos;{value}&apos; er ikke et norsk telefonnummer: bruk 8 siffer, eventuelt etter +47</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an e-mail address</source>
        <translation>&apos;{value}&apos; er ikke en e-postadresse</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a postal code: use 4 digits (a leading zero may have been lost: write 0150, not 150)</source>
        <translation>&apos;{value}&apos; er ikke et postnummer: bruk 4 siffer (en null foran kan ha falt bort: skriv 0150, ikke 150)</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a postal code: use 4 digits</source>
        <translation>&apos;{value}&apos; er ikke et postnummer: bruk 4 siffer</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date: use dd.mm.yyyy</source>
        <translation>&apos;{value}&apos; er ikke en dato: bruk dd.mm.åååå</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a real date</source>
        <translation>&apos;{value}&apos; er ikke en ekte dato</translation>
    </message>
    <message>
        <source>{date} is in the future</source>
        <translation>{date} er frem i tid</translation>
    </message>
    <message>
        <source>{date} is more than {years} years ago; check the year</source>
        <translation>{date} er mer enn {years} år siden; kontroller årstallet</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>er påkrevd</translation>
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
        <source>… and {count} more</source>
        <translation>… og {count} til</translation>
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
        <source>The demo season {season} is loaded. Persons: {persons} (former members: {former}). Guardians: {guardians}. Events: {events}. Everyone in it is fictional.</source>
        <translation>Demosesongen {season} er lastet inn. Personer: {persons} (tidligere medlemmer: {former}). Foresatte: {guardians}. Arrangementer: {events}. Alle i den er oppdiktet.</translation>
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
