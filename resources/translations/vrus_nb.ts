<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About VRUS</source>
        <translation>Om VRUS</translation>
    </message>
    <message>
        <source>The administration program of Vestregionens Ungdomssymfonikere: the register of members, juniors and aspirants, the season&apos;s events with sign-ups and attendance, lunch at the seminars, and the reports.</source>
        <translation>Administrasjonsprogrammet til Vestregionens Ungdomssymfonikere: registeret over medlemmer, juniorer og aspiranter, sesongens arrangementer med påmelding og oppmøte, lunsjen på seminarene og rapportene.</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versjon:</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>Lisens:</translation>
    </message>
    <message>
        <source>Running on:</source>
        <translation>Kjører på:</translation>
    </message>
    <message>
        <source>Register:</source>
        <translation>Register:</translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation>Sikkerhetskopier:</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Loggfil:</translation>
    </message>
    <message>
        <source>Window settings:</source>
        <translation>Vindusinnstillinger:</translation>
    </message>
    <message>
        <source>The register and its backups hold children&apos;s personal data and are readable by your user only; the log names no personal data. The user guide (F1) tells more under Backups.</source>
        <translation>Registeret og sikkerhetskopiene inneholder personopplysninger om barn og kan bare leses av din bruker; loggen nevner ingen personopplysninger. Brukerveiledningen (F1) forteller mer under Sikkerhetskopier.</translation>
    </message>
</context>
<context>
    <name>AccessExportButton</name>
    <message>
        <source>Export everything (access request)…</source>
        <translation>Eksporter alt (innsyn)…</translation>
    </message>
    <message>
        <source>Everything the register holds about this person, as a PDF to read or as JSON for machines (GDPR article 15)</source>
        <translation>Alt registeret har om denne personen, som PDF til å lese eller som JSON for maskiner (GDPR artikkel 15)</translation>
    </message>
    <message>
        <source>The export was not written</source>
        <translation>Eksporten ble ikke skrevet</translation>
    </message>
    <message>
        <source>Access request</source>
        <translation>Innsyn</translation>
    </message>
    <message>
        <source>Everything the register holds about {name} is in
{path}

The file holds personal and health data: hand it over safely and delete your copy when it is no longer needed.</source>
        <translation>Alt registeret har om {name}, ligger i
{path}

Filen inneholder personopplysninger og helseopplysninger: lever den ut på en trygg måte, og slett din egen kopi når den ikke lenger trengs.</translation>
    </message>
    <message>
        <source>PDF to read (*.pdf)</source>
        <translation>PDF til å lese (*.pdf)</translation>
    </message>
    <message>
        <source>JSON for machines (*.json)</source>
        <translation>JSON for maskiner (*.json)</translation>
    </message>
    <message>
        <source>Export everything about {name}</source>
        <translation>Eksporter alt om {name}</translation>
    </message>
</context>
<context>
    <name>AddConsentDialog</name>
    <message>
        <source>Record a consent for {name}</source>
        <translation>Registrer et samtykke for {name}</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registrer</translation>
    </message>
    <message>
        <source>{name} (the member)</source>
        <translation>{name} (medlemmet selv)</translation>
    </message>
    <message>
        <source>The version of the consent form that was signed, as printed on it</source>
        <translation>Versjonen av samtykkeskjemaet som ble signert, slik den står trykt på skjemaet</translation>
    </message>
    <message>
        <source>A member of 15 or more may consent to photos and to their name in print themselves; consent to health data needs a guardian until the member is 18.</source>
        <translation>Et medlem på 15 år eller mer kan selv samtykke til foto og til navn i program; samtykke til helseopplysninger må gis av en foresatt til medlemmet er 18 år.</translation>
    </message>
    <message>
        <source>Consent to:</source>
        <translation>Samtykke til:</translation>
    </message>
    <message>
        <source>Given by:</source>
        <translation>Gitt av:</translation>
    </message>
    <message>
        <source>Given on:</source>
        <translation>Gitt den:</translation>
    </message>
    <message>
        <source>Text version:</source>
        <translation>Tekstversjon:</translation>
    </message>
</context>
<context>
    <name>AgeLimitPanel</name>
    <message>
        <source>Ages are the ages the persons turn this year, as the ensembles count them; the limits are the ensembles&apos; limits in Settings.</source>
        <translation>Alderen er den personen fyller i år, slik ensemblene regner; grensene er ensemblenes aldersgrenser under Innstillinger.</translation>
    </message>
    <message>
        <source>Reading the register…</source>
        <translation>Leser registeret …</translation>
    </message>
    <message>
        <source>The age limits could not be read.</source>
        <translation>Aldersgrensene kunne ikke leses.</translation>
    </message>
    <message>
        <source>The {year} season</source>
        <translation>Sesongen {year}</translation>
    </message>
    <message>
        <source>Ages out after the season ({count})</source>
        <translation>Går ut etter sesongen ({count})</translation>
    </message>
    <message>
        <source>May move up ({count})</source>
        <translation>Kan flytte opp ({count})</translation>
    </message>
    <message>
        <source>Outside the age limits now ({count})</source>
        <translation>Utenfor aldersgrensene nå ({count})</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>VRUS – error</source>
        <translation>VRUS – feil</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Gjenoppretting</translation>
    </message>
    <message>
        <source>The new register is encrypted.</source>
        <translation>Det nye registeret er kryptert.</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>Koble til en server</translation>
    </message>
    <message>
        <source>The register on the server did not open.</source>
        <translation>Registeret på serveren kunne ikke åpnes.</translation>
    </message>
    <message>
        <source>The backup was not restored.</source>
        <translation>Sikkerhetskopien ble ikke gjenopprettet.</translation>
    </message>
    <message>
        <source>The backup was restored but could not be upgraded.</source>
        <translation>Sikkerhetskopien ble gjenopprettet, men kunne ikke oppgraderes.</translation>
    </message>
    <message>
        <source>The backup is restored:
{path}</source>
        <translation>Sikkerhetskopien er gjenopprettet:
{path}</translation>
    </message>
    <message>
        <source>The register as it was before is kept in
{path}</source>
        <translation>Registeret slik det var før, er tatt vare på i
{path}</translation>
    </message>
    <message>
        <source>The register could not be opened again.</source>
        <translation>Registeret kunne ikke åpnes igjen.</translation>
    </message>
    <message>
        <source>Encrypting the register and its backups…</source>
        <translation>Krypterer registeret og sikkerhetskopiene&#xa0;…</translation>
    </message>
    <message>
        <source>Encrypt the register</source>
        <translation>Krypter registeret</translation>
    </message>
    <message>
        <source>The register was not encrypted; it is as it was.</source>
        <translation>Registeret ble ikke kryptert; det er som før.</translation>
    </message>
    <message>
        <source>VRUS</source>
        <translation>VRUS</translation>
    </message>
    <message>
        <source>The register is encrypted.</source>
        <translation>Registeret er kryptert.</translation>
    </message>
    <message>
        <source>Backups encrypted too: {count}.</source>
        <translation>Sikkerhetskopier som også ble kryptert: {count}.</translation>
    </message>
    <message>
        <source>Damaged backups that could not be read and were deleted: {count}.</source>
        <translation>Skadede sikkerhetskopier som ikke kunne leses og derfor ble slettet: {count}.</translation>
    </message>
    <message>
        <source>Copies saved elsewhere, on a USB stick for instance, are still not encrypted: delete them, or make new ones.</source>
        <translation>Kopier som er lagret andre steder, for eksempel på en minnepinne, er fortsatt ukrypterte: slett dem, eller lag nye.</translation>
    </message>
    <message>
        <source>VRUS cannot open the register</source>
        <translation>VRUS kan ikke åpne registeret</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <source>Taken</source>
        <translation>Tatt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Størrelse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Daglig</translation>
    </message>
    <message>
        <source>On closing</source>
        <translation>Ved avslutning</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Laget for hånd</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Før en gjenoppretting</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Før en oppgradering</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>God</translation>
    </message>
    <message>
        <source>Cannot be restored: {problem}</source>
        <translation>Kan ikke gjenopprettes: {problem}</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Ikke kontrollert</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Season calendar</source>
        <translation>Sesongkalender</translation>
    </message>
    <message>
        <source>All ensembles</source>
        <translation>Alle ensembler</translation>
    </message>
    <message>
        <source>&amp;Season:</source>
        <translation>&amp;Sesong:</translation>
    </message>
    <message>
        <source>&amp;Ensemble:</source>
        <translation>&amp;Ensemble:</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Lagre…</translation>
    </message>
    <message>
        <source>One file with the season&apos;s events for the families&apos; calendars (Google, Apple, Outlook): times, venue, what to bring and lunch, in Norwegian. Importing an updated file updates the events instead of adding them twice; a cancelled event is marked cancelled. The file holds no personal data, so it can be sent to everyone or put on the web.</source>
        <translation>Én fil med sesongens arrangementer til familienes kalendere (Google, Apple, Outlook): tider, sted, hva som skal tas med, og lunsj, på norsk. Når en oppdatert fil importeres, oppdateres arrangementene i stedet for å legges inn to ganger; et avlyst arrangement merkes som avlyst. Filen inneholder ingen personopplysninger, så den kan sendes til alle eller legges ut på nettet.</translation>
    </message>
</context>
<context>
    <name>CalendarExport</name>
    <message>
        <source>Save the season calendar</source>
        <translation>Lagre sesongkalenderen</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Season calendar with {events} event(s) saved to {path}</source>
        <translation>Sesongkalender med {events} arrangement(er) lagret i {path}</translation>
    </message>
    <message>
        <source>The calendar was not saved</source>
        <translation>Kalenderen ble ikke lagret</translation>
    </message>
</context>
<context>
    <name>CandidateDelegate</name>
    <message>
        <source>Choose the person…</source>
        <translation>Velg personen…</translation>
    </message>
    <message>
        <source>None of them</source>
        <translation>Ingen av dem</translation>
    </message>
    <message>
        <source>A near match is saved only when you choose the person it is meant for.</source>
        <translation>Et nesten-treff lagres bare når du velger personen det gjelder.</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>3. Check</source>
        <translation>3. Kontroll</translation>
    </message>
    <message>
        <source>VRUS reads every row and checks it against the register. Nothing is saved yet.</source>
        <translation>VRUS leser hver rad og kontrollerer den mot registeret. Ingenting er lagret ennå.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>Kontrollerer {name}&#xa0;…</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <source>The clipboard is cleared in {minutes} minutes and when VRUS closes, unless you have copied something else meanwhile.</source>
        <translation>Utklippstavlen tømmes om {minutes} minutter og når VRUS lukkes, med mindre du har kopiert noe annet i mellomtiden.</translation>
    </message>
</context>
<context>
    <name>ColumnsModel</name>
    <message>
        <source>Column in the file</source>
        <translation>Kolonne i filen</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Eksempler</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>Importeres som</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Importeres ikke</translation>
    </message>
    <message>
        <source>Chosen twice: leave one out</source>
        <translation>Valgt to ganger: utelat den ene</translation>
    </message>
    <message>
        <source>Unknown heading</source>
        <translation>Ukjent overskrift</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>Ditt valg</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>2. What the columns hold</source>
        <translation>2. Hva kolonnene inneholder</translation>
    </message>
    <message>
        <source>Check what each column will be imported as. For a column VRUS does not know, choose what it holds, or leave it out.</source>
        <translation>Se over hva hver kolonne importeres som. For en kolonne VRUS ikke kjenner, velg hva den inneholder, eller utelat den.</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leser {name}&#xa0;…</translation>
    </message>
    <message>
        <source>{name}: {rows} rows. VRUS recognised {known} of {total} columns by their heading.</source>
        <translation>{name}: {rows} rader. VRUS kjente igjen {known} av {total} kolonner på overskriften.</translation>
    </message>
    <message>
        <source>The import needs a column for: {fields}.</source>
        <translation>Importen trenger en kolonne for: {fields}.</translation>
    </message>
    <message>
        <source>More than one column is imported as {field}: leave all but one out.</source>
        <translation>Mer enn én kolonne importeres som {field}: utelat alle unntatt én.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Endret av noen andre</translation>
    </message>
    <message>
        <source>Someone else saved the same while you were editing</source>
        <translation>Noen andre lagret det samme mens du redigerte</translation>
    </message>
    <message>
        <source>Keep mine saves your values over theirs. Keep theirs leaves the register as it is and drops your change.</source>
        <translation>«Behold min» lagrer verdiene dine i stedet for deres. «Behold deres» lar registeret være som det er, og endringen din forkastes.</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Behold min</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Behold deres</translation>
    </message>
    <message>
        <source>{what} was changed by someone else since you opened it.</source>
        <translation>{what} er endret av noen andre etter at du begynte å redigere.</translation>
    </message>
    <message>
        <source>Last changed by {user}.</source>
        <translation>Sist endret av {user}.</translation>
    </message>
    <message>
        <source>Last changed by {user} at {time}.</source>
        <translation>Sist endret av {user} {time}.</translation>
    </message>
    <message>
        <source>Your change</source>
        <translation>Din endring</translation>
    </message>
    <message>
        <source>Now in the register</source>
        <translation>Nå i registeret</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Ikke lagret</translation>
    </message>
</context>
<context>
    <name>Consents</name>
    <message>
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Name in print</source>
        <translation>Navn i program</translation>
    </message>
    <message>
        <source>Health data</source>
        <translation>Helseopplysninger</translation>
    </message>
    <message>
        <source>Photos and film of the person may be published</source>
        <translation>Bilder og film av personen kan publiseres</translation>
    </message>
    <message>
        <source>The name may be printed in concert programmes and published</source>
        <translation>Navnet kan trykkes i konsertprogrammer og publiseres</translation>
    </message>
    <message>
        <source>Allergies and diets may be stored and given to the lunch team</source>
        <translation>Allergier og kosthold kan lagres og gis videre til dem som lager lunsj</translation>
    </message>
    <message>
        <source>Old yes/no field</source>
        <translation>Gammelt ja/nei-felt</translation>
    </message>
    <message>
        <source>From a spreadsheet import</source>
        <translation>Fra import av regneark</translation>
    </message>
</context>
<context>
    <name>ConsentsModel</name>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Gitt av</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Gitt</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Trukket</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <source>Carried over without a date: counts as given</source>
        <translation>Overført uten dato: regnes som gitt</translation>
    </message>
    <message>
        <source>The member</source>
        <translation>Medlemmet selv</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Ukjent</translation>
    </message>
</context>
<context>
    <name>ConsentsPanel</name>
    <message>
        <source>Add consent…</source>
        <translation>Legg til samtykke …</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Trekk tilbake …</translation>
    </message>
    <message>
        <source>The chosen consent no longer holds</source>
        <translation>Det valgte samtykket slutter å gjelde</translation>
    </message>
    <message>
        <source>No photo consent in force: keep {name} out of published photos.</source>
        <translation>Ingen gyldig fotosamtykke: {name} skal ikke være med på bilder som publiseres.</translation>
    </message>
    <message>
        <source>In force today: {consents}.</source>
        <translation>Gjelder i dag: {consents}.</translation>
    </message>
    <message>
        <source>new consent for {name}</source>
        <translation>nytt samtykke for {name}</translation>
    </message>
    <message>
        <source>withdrawal of {name}&apos;s consent</source>
        <translation>tilbaketrekking av samtykket til {name}</translation>
    </message>
</context>
<context>
    <name>CopiedTables</name>
    <message>
        <source>Table</source>
        <translation>Tabell</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rader</translation>
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
        <source>person</source>
        <translation>person</translation>
    </message>
    <message>
        <source>membership</source>
        <translation>medlemskap</translation>
    </message>
    <message>
        <source>ensemble</source>
        <translation>ensemble</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>organisasjon</translation>
    </message>
    <message>
        <source>project</source>
        <translation>prosjekt</translation>
    </message>
    <message>
        <source>event</source>
        <translation>arrangement</translation>
    </message>
    <message>
        <source>event day</source>
        <translation>arrangementsdag</translation>
    </message>
    <message>
        <source>staff member</source>
        <translation>medarbeider</translation>
    </message>
    <message>
        <source>staff assignment</source>
        <translation>medarbeideroppdrag</translation>
    </message>
    <message>
        <source>duty</source>
        <translation>vakt</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>samtykke</translation>
    </message>
    <message>
        <source>{what} {id} is not in the register</source>
        <translation>{what} {id} finnes ikke i registeret</translation>
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
        <source>consents</source>
        <translation>samtykker</translation>
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
        <source>diet note</source>
        <translation>kostholdsmerknad</translation>
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
        <source>says otherwise about photos than the consents column</source>
        <translation>sier noe annet om foto enn samtykkekolonnen</translation>
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
        <source>born {date}: {age} years old in {year}, far outside every ensemble&apos;s ages ({low}–{high})</source>
        <translation>født {date}: {age} år gammel i {year}, langt utenfor alderen i alle ensemblene ({low}–{high})</translation>
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
        <source>{file}, row {row}: the row cannot be read ({reason})</source>
        <translation>{file}, rad {row}: raden kan ikke leses ({reason})</translation>
    </message>
    <message>
        <source>{file}, row {row}, column {column}: longer than {limit} characters</source>
        <translation>{file}, rad {row}, kolonne {column}: lengre enn {limit} tegn</translation>
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
        <source>{file}, row {row}: the row has more values than the header has columns ({columns}); check the delimiter and quotes in this row</source>
        <translation>{file}, rad {row}: raden har flere verdier enn overskriftsraden har kolonner ({columns}); kontroller skilletegn og anførselstegn i denne raden</translation>
    </message>
    <message>
        <source>{file}: the file has a header but no rows to import</source>
        <translation>{file}: filen har en overskriftsrad, men ingen rader å importere</translation>
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
        <source>&apos;{value}&apos; does not add up: {number} is {name}</source>
        <translation>&apos;{value}&apos; stemmer ikke: {number} er {name}</translation>
    </message>
    <message>
        <source>{old} is now part of {new}; stored as {old}</source>
        <translation>{old} er nå en del av {new}; lagret som {old}</translation>
    </message>
    <message>
        <source>the note on {allergen} is longer than {limit} characters</source>
        <translation>merknaden om {allergen} er lengre enn {limit} tegn</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a consent: use foto, navn, helse or ingen</source>
        <translation>&apos;{value}&apos; er ikke et samtykke: bruk foto, navn, helse eller ingen</translation>
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
        <source>lunch</source>
        <translation>lunsj</translation>
    </message>
    <message>
        <source>coffee and fruit</source>
        <translation>kaffe og frukt</translation>
    </message>
    <message>
        <source>set-up and clearing</source>
        <translation>rigging og rydding</translation>
    </message>
    <message>
        <source>other task</source>
        <translation>annen oppgave</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a duty: use {allowed}</source>
        <translation>&apos;{value}&apos; er ikke en vakt: bruk {allowed}</translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <translation>er lengre enn {limit} tegn</translation>
    </message>
    <message>
        <source>{name} is already on {task} duty on {day}</source>
        <translation>{name} har allerede vakt ({task}) {day}</translation>
    </message>
    <message>
        <source>the duty of {name} on {day}</source>
        <translation>vakten til {name} {day}</translation>
    </message>
    <message>
        <source>{day}: nobody is on lunch duty at {event}</source>
        <translation>{day}: ingen har lunsjvakt på {event}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a phone number: use 8 digits, or + and the country code</source>
        <translation>&apos;{value}&apos; er ikke et telefonnummer: bruk 8 siffer, eller + og landskoden</translation>
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
        <source>&apos;{value}&apos; is not a clear yes or no</source>
        <translation>&apos;{value}&apos; er ikke et tydelig ja eller nei</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; names a day that is not a day of the event</source>
        <translation>&apos;{value}&apos; nevner en dag som ikke er en av arrangementets dager</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; names no day of the event: give the weekday or the date</source>
        <translation>&apos;{value}&apos; nevner ingen av arrangementets dager: oppgi ukedagen eller datoen</translation>
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
        <source>&apos;{value}&apos; is not a date and time</source>
        <translation>&apos;{value}&apos; er ikke en dato med klokkeslett</translation>
    </message>
    <message>
        <source>the diet note is longer than {limit} characters</source>
        <translation>kostholdsmerknaden er lengre enn {limit} tegn</translation>
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
        <source>contains a control character (U+{code}); retype it</source>
        <translation>inneholder et kontrolltegn (U+{code}); skriv det inn på nytt</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>er påkrevd</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not {what}: use {allowed}</source>
        <translation>&apos;{value}&apos; er ikke {what}: bruk {allowed}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number</source>
        <translation>&apos;{value}&apos; er ikke et helt tall</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>kan ikke være negativt</translation>
    </message>
    <message>
        <source>a kind of event</source>
        <translation>en type arrangement</translation>
    </message>
    <message>
        <source>an IRIS activity type</source>
        <translation>en type IRIS-aktivitet</translation>
    </message>
    <message>
        <source>a staff role</source>
        <translation>en medarbeiderrolle</translation>
    </message>
    <message>
        <source>a section</source>
        <translation>en instrumentgruppe</translation>
    </message>
    <message>
        <source>only IRIS activities have an IRIS type</source>
        <translation>bare IRIS-aktiviteter har en IRIS-type</translation>
    </message>
    <message>
        <source>is not a field that can be edited here</source>
        <translation>er ikke et felt som kan endres her</translation>
    </message>
    <message>
        <source>the event &apos;{title}&apos;</source>
        <translation>arrangementet &apos;{title}&apos;</translation>
    </message>
    <message>
        <source>attendance is recorded for {count} person(s) on that day</source>
        <translation>oppmøte er registrert for {count} person(er) den dagen</translation>
    </message>
    <message>
        <source>{count} parent duty/duties are planned on that day</source>
        <translation>{count} foreldrevakt(er) er satt opp den dagen</translation>
    </message>
    <message>
        <source>cannot remove {day} from &apos;{title}&apos;: {reason}; clear it first</source>
        <translation>kan ikke fjerne {day} fra &apos;{title}&apos;: {reason}; fjern dette først</translation>
    </message>
    <message>
        <source>cannot delete &apos;{title}&apos;: {reason} ({day})</source>
        <translation>kan ikke slette &apos;{title}&apos;: {reason} ({day})</translation>
    </message>
    <message>
        <source>day {day} is not a day of &apos;{title}&apos;</source>
        <translation>dag {day} er ikke en dag i &apos;{title}&apos;</translation>
    </message>
    <message>
        <source>{name} is already assigned to &apos;{title}&apos;</source>
        <translation>{name} er allerede satt opp på &apos;{title}&apos;</translation>
    </message>
    <message>
        <source>forecast: sign-up is still open</source>
        <translation>prognose: påmeldingen er åpen</translation>
    </message>
    <message>
        <source>from the sign-ups: sign-up has closed</source>
        <translation>fra påmeldingene: påmeldingen er stengt</translation>
    </message>
    <message>
        <source>actual: attendance is recorded</source>
        <translation>faktisk: oppmøtet er registrert</translation>
    </message>
    <message>
        <source>vegetarian</source>
        <translation>vegetar</translation>
    </message>
    <message>
        <source>vegan</source>
        <translation>vegansk</translation>
    </message>
    <message>
        <source>halal</source>
        <translation>halal</translation>
    </message>
    <message>
        <source>no pork</source>
        <translation>uten svin</translation>
    </message>
    <message>
        <source>lactose-free</source>
        <translation>laktosefri</translation>
    </message>
    <message>
        <source>gluten-free</source>
        <translation>glutenfri</translation>
    </message>
    <message>
        <source>other diet</source>
        <translation>annen kost</translation>
    </message>
    <message>
        <source>SEVERE</source>
        <translation>ALVORLIG</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderat</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>mild</translation>
    </message>
    <message>
        <source>nobody is on lunch duty</source>
        <translation>ingen har lunsjvakt</translation>
    </message>
    <message>
        <source>without ensemble</source>
        <translation>uten ensemble</translation>
    </message>
    <message>
        <source>came without signing up</source>
        <translation>kom uten å være påmeldt</translation>
    </message>
    <message>
        <source>staff and instructors</source>
        <translation>ledere og instruktører</translation>
    </message>
    <message>
        <source>parents on duty</source>
        <translation>foreldre på vakt</translation>
    </message>
    <message>
        <source>diets</source>
        <translation>kosthold</translation>
    </message>
    <message>
        <source>no lunch</source>
        <translation>ingen lunsj</translation>
    </message>
    <message>
        <source>on duty</source>
        <translation>på vakt</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>advarsel</translation>
    </message>
    <message>
        <source>invited</source>
        <translation>inviterte</translation>
    </message>
    <message>
        <source>sign-up deadline</source>
        <translation>påmeldingsfrist</translation>
    </message>
    <message>
        <source>{day}: {total} lunches ({basis})</source>
        <translation>{day}: {total} lunsjer ({basis})</translation>
    </message>
    <message>
        <source>{n} invited have not answered</source>
        <translation>{n} inviterte har ikke svart</translation>
    </message>
    <message>
        <source>The event has no days.</source>
        <translation>Arrangementet har ingen dager.</translation>
    </message>
    <message>
        <source>{ensembles} (former)</source>
        <translation>{ensembles} (tidligere)</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>arkivert</translation>
    </message>
    <message>
        <source>No one in the register matches &apos;{text}&apos;.</source>
        <translation>Ingen i registeret passer med &apos;{text}&apos;.</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Skrev {path}</translation>
    </message>
    <message>
        <source>Erase {name} (born {born}, id {id}) for good? Names, contact details, health data, notes and exact dates go; only coarse statistics stay. This cannot be undone. [y/N] </source>
        <translation>Slette {name} (født {born}, id {id}) for godt? Navn, kontaktopplysninger, helseopplysninger, merknader og nøyaktige datoer slettes; bare grov statistikk blir igjen. Dette kan ikke angres. [j/N] </translation>
    </message>
    <message>
        <source>Person {id} was erased before.</source>
        <translation>Person {id} er slettet fra før.</translation>
    </message>
    <message>
        <source>erasing cannot be undone: add --yes to erase without a question (there is no terminal to ask on)</source>
        <translation>sletting kan ikke angres: legg til --yes for å slette uten spørsmål (det finnes ingen terminal å spørre på)</translation>
    </message>
    <message>
        <source>Nothing was erased.</source>
        <translation>Ingenting ble slettet.</translation>
    </message>
    <message>
        <source>Erased person {id}. Restoring an older backup erases the person again.</source>
        <translation>Slettet person {id}. Gjenopprettes en eldre sikkerhetskopi, slettes personen på nytt.</translation>
    </message>
    <message>
        <source>{path}: a printout is a PDF; give the file a name ending in .pdf</source>
        <translation>{path}: en utskrift er en PDF; gi filen et navn som slutter på .pdf</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an attendance status: use {allowed} (or nothing for not recorded)</source>
        <translation>&apos;{value}&apos; er ikke en oppmøtestatus: bruk {allowed} (eller ingenting for ikke registrert)</translation>
    </message>
    <message>
        <source>the attendance of {name} on {day}</source>
        <translation>oppmøtet til {name} {day}</translation>
    </message>
    <message>
        <source>{name} is archived</source>
        <translation>{name} er arkivert</translation>
    </message>
    <message>
        <source>{database} is a server database: use the server&apos;s own backups</source>
        <translation>{database} er en serverdatabase: bruk serverens egne sikkerhetskopier</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>det er en mappe</translation>
    </message>
    <message>
        <source>not a database file (a device or a pipe)</source>
        <translation>ikke en databasefil (en enhet eller en rørledning)</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>filen finnes ikke</translation>
    </message>
    <message>
        <source>not a VRUS database (not an SQLite file)</source>
        <translation>ikke en VRUS-database (ikke en SQLite-fil)</translation>
    </message>
    <message>
        <source>encrypted, and this computer holds no key for it: enter its recovery key first (&apos;vrus key import&apos; on a new computer), or give it with --backup-key-file</source>
        <translation>kryptert, og denne datamaskinen har ingen nøkkel til den: skriv inn gjenopprettingsnøkkelen først (&apos;vrus key import&apos; på en ny datamaskin), eller oppgi den med --backup-key-file</translation>
    </message>
    <message>
        <source>encrypted with another key than this register&apos;s (a backup from another computer? restore it with that register&apos;s recovery key: --backup-key-file, or Another file… in the window)</source>
        <translation>kryptert med en annen nøkkel enn dette registerets (en sikkerhetskopi fra en annen datamaskin? Gjenopprett den med det registerets gjenopprettingsnøkkel: --backup-key-file, eller «En annen fil …» i vinduet)</translation>
    </message>
    <message>
        <source>not a VRUS database (no schema version)</source>
        <translation>ikke en VRUS-database (ingen skjemaversjon)</translation>
    </message>
    <message>
        <source>made by a newer VRUS (schema {revision})</source>
        <translation>laget av en nyere VRUS (skjema {revision})</translation>
    </message>
    <message>
        <source>damaged: {reason}</source>
        <translation>skadet: {reason}</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} finnes ikke</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name</source>
        <translation>{path} finnes allerede; velg et annet navn</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>kan ikke skrive {path}: {reason}</translation>
    </message>
    <message>
        <source>1 erasure made after this backup was applied again</source>
        <translation>1 sletting som ble gjort etter denne sikkerhetskopien, er utført på nytt</translation>
    </message>
    <message>
        <source>{count} erasures made after this backup were applied again</source>
        <translation>{count} slettinger som ble gjort etter denne sikkerhetskopien, er utført på nytt</translation>
    </message>
    <message>
        <source>{path}: a backup is a database file; give it a name ending in .sqlite3 (for a spreadsheet, use &apos;vrus export&apos;)</source>
        <translation>{path}: en sikkerhetskopi er en databasefil; gi den et navn som slutter på .sqlite3 (bruk &apos;vrus export&apos; for et regneark)</translation>
    </message>
    <message>
        <source>the backup to {path} failed: {reason}</source>
        <translation>sikkerhetskopien til {path} mislyktes: {reason}</translation>
    </message>
    <message>
        <source>the backup of {path} was not kept: {problem}</source>
        <translation>sikkerhetskopien av {path} ble ikke beholdt: {problem}</translation>
    </message>
    <message>
        <source>keep between 1 and {most} backups</source>
        <translation>behold mellom 1 og {most} sikkerhetskopier</translation>
    </message>
    <message>
        <source>keep backups between 1 and {most} days (0: the default, {default})</source>
        <translation>behold sikkerhetskopier mellom 1 og {most} dager (0: standardverdien, {default})</translation>
    </message>
    <message>
        <source>the daily backup failed: {reason}</source>
        <translation>den daglige sikkerhetskopien mislyktes: {reason}</translation>
    </message>
    <message>
        <source>1 person erased earlier was back in the register (an older copy of it was put in its place) and was erased again</source>
        <translation>1 person som var slettet tidligere, var tilbake i registeret (en eldre kopi av det ble satt inn i stedet), og er slettet på nytt</translation>
    </message>
    <message>
        <source>{count} persons erased earlier were back in the register (an older copy of it was put in its place) and were erased again</source>
        <translation>{count} personer som var slettet tidligere, var tilbake i registeret (en eldre kopi av det ble satt inn i stedet), og er slettet på nytt</translation>
    </message>
    <message>
        <source>persons erased earlier are back in the register and could not be erased again ({reason}); VRUS tries again the next time it opens the register</source>
        <translation>personer som var slettet tidligere, er tilbake i registeret og kunne ikke slettes på nytt ({reason}); VRUS prøver igjen neste gang registeret åpnes</translation>
    </message>
    <message>
        <source>the backup on closing failed: {reason}</source>
        <translation>sikkerhetskopien ved avslutning mislyktes: {reason}</translation>
    </message>
    <message>
        <source>{path} is in use by another VRUS window or program; close it and restore again</source>
        <translation>{path} er i bruk av et annet VRUS-vindu eller program; lukk det og gjenopprett på nytt</translation>
    </message>
    <message>
        <source>{path} is the register itself</source>
        <translation>{path} er selve registeret</translation>
    </message>
    <message>
        <source>{path} cannot be restored: {problem}</source>
        <translation>{path} kan ikke gjenopprettes: {problem}</translation>
    </message>
    <message>
        <source>restoring {path} failed: {reason}</source>
        <translation>gjenopprettingen av {path} mislyktes: {reason}</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>mandag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>tirsdag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>onsdag</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>torsdag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>fredag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>lørdag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>søndag</translation>
    </message>
    <message>
        <source>{weekday} {date}</source>
        <translation>{weekday} {date}</translation>
    </message>
    <message>
        <source>{path}: not a file name (it holds a NUL character)</source>
        <translation>{path}: ikke et filnavn (det inneholder et NUL-tegn)</translation>
    </message>
    <message>
        <source>{path} is not a database file (a device or a pipe)</source>
        <translation>{path} er ikke en databasefil (en enhet eller en rørledning)</translation>
    </message>
    <message>
        <source>{path} is not a VRUS database (not an SQLite file)</source>
        <translation>{path} er ikke en VRUS-database (ikke en SQLite-fil)</translation>
    </message>
    <message>
        <source>{database} was made by a newer VRUS (schema {revision}); update VRUS</source>
        <translation>{database} er laget av en nyere VRUS (skjema {revision}); oppdater VRUS</translation>
    </message>
    <message>
        <source>{database} is not a VRUS database (unknown tables)</source>
        <translation>{database} er ikke en VRUS-database (ukjente tabeller)</translation>
    </message>
    <message>
        <source>{path} is damaged (integrity check: {problem}); the newest good backup is from {date}: restore it with {command}</source>
        <translation>{path} er skadet (integritetskontroll: {problem}); den nyeste gode sikkerhetskopien er fra {date}: gjenopprett den med {command}</translation>
    </message>
    <message>
        <source>{path} is damaged (integrity check: {problem}) and no good backup was found; keep the file as it is and ask for help</source>
        <translation>{path} er skadet (integritetskontroll: {problem}), og ingen god sikkerhetskopi ble funnet; la filen være som den er, og be om hjelp</translation>
    </message>
    <message>
        <source>it contains a trigger &apos;{name}&apos; that VRUS did not make</source>
        <translation>den inneholder en trigger &apos;{name}&apos; som VRUS ikke har laget</translation>
    </message>
    <message>
        <source>it contains a view &apos;{name}&apos; that VRUS did not make</source>
        <translation>den inneholder en visning &apos;{name}&apos; som VRUS ikke har laget</translation>
    </message>
    <message>
        <source>{path}: the register is encrypted and this computer does not hold its key: use the recovery sheet (&apos;vrus key import&apos;; the window asks for it when it starts)</source>
        <translation>{path}: registeret er kryptert, og denne datamaskinen har ikke nøkkelen: bruk gjenopprettingsarket (&apos;vrus key import&apos;; vinduet spør etter den når det starter)</translation>
    </message>
    <message>
        <source>{path}: the key in {key_file} does not open this register (another register&apos;s key?); use its recovery sheet</source>
        <translation>{path}: nøkkelen i {key_file} åpner ikke dette registeret (nøkkelen til et annet register?); bruk gjenopprettingsarket til registeret</translation>
    </message>
    <message>
        <source>{path}: the key this computer holds for it does not open the register; use the recovery sheet (&apos;vrus key import&apos;)</source>
        <translation>{path}: nøkkelen denne datamaskinen har for registeret, åpner det ikke; bruk gjenopprettingsarket (&apos;vrus key import&apos;)</translation>
    </message>
    <message>
        <source>{path}: no register there (the file does not exist)</source>
        <translation>{path}: det finnes ikke noe register der (filen finnes ikke)</translation>
    </message>
    <message>
        <source>{path}: no register there (the file is empty)</source>
        <translation>{path}: det finnes ikke noe register der (filen er tom)</translation>
    </message>
    <message>
        <source>cannot open the database {database}: {reason}</source>
        <translation>kan ikke åpne databasen {database}: {reason}</translation>
    </message>
    <message>
        <source>{count} person</source>
        <translation>{count} person</translation>
    </message>
    <message>
        <source>{count} persons</source>
        <translation>{count} personer</translation>
    </message>
    <message>
        <source>{count} guardian</source>
        <translation>{count} foresatt</translation>
    </message>
    <message>
        <source>{count} guardians</source>
        <translation>{count} foresatte</translation>
    </message>
    <message>
        <source>{count} season</source>
        <translation>{count} sesong</translation>
    </message>
    <message>
        <source>{count} seasons</source>
        <translation>{count} sesonger</translation>
    </message>
    <message>
        <source>{count} staff member</source>
        <translation>{count} medarbeider</translation>
    </message>
    <message>
        <source>{count} staff members</source>
        <translation>{count} medarbeidere</translation>
    </message>
    <message>
        <source>the register already holds {held}; run &apos;vrus demo --reset&apos; to replace them with the demo</source>
        <translation>registeret har allerede {held}; kjør &apos;vrus demo --reset&apos; for å erstatte dem med demoen</translation>
    </message>
    <message>
        <source>{path} is a folder</source>
        <translation>{path} er en mappe</translation>
    </message>
    <message>
        <source>{file}: choose a file name ending in .csv or .xlsx</source>
        <translation>{file}: velg et filnavn som slutter på .csv eller .xlsx</translation>
    </message>
    <message>
        <source>the folder {folder} does not exist</source>
        <translation>mappen {folder} finnes ikke</translation>
    </message>
    <message>
        <source>{person}: &apos;{column}&apos; will not import back exactly as stored</source>
        <translation>{person}: &apos;{column}&apos; blir ikke importert tilbake nøyaktig slik den er lagret</translation>
    </message>
    <message>
        <source>{person}: no birth date; the import needs one, so the file will not import until it is filled in</source>
        <translation>{person}: ingen fødselsdato; importen trenger en, så filen kan ikke importeres før den er fylt inn</translation>
    </message>
    <message>
        <source>{person} is in the register more than once with the same birth date; the import refuses the file until one of the rows is removed</source>
        <translation>{person} står flere ganger i registeret med samme fødselsdato; importen avviser filen til en av radene er fjernet</translation>
    </message>
    <message>
        <source>{person}: the join date is before the birth date; the import refuses this row</source>
        <translation>{person}: innmeldingsdatoen er før fødselsdatoen; importen avviser denne raden</translation>
    </message>
    <message>
        <source>is already a member of {ensemble} since {date}</source>
        <translation>er allerede medlem av {ensemble} fra {date}</translation>
    </message>
    <message>
        <source>the membership already ended on {date}</source>
        <translation>medlemskapet ble allerede avsluttet {date}</translation>
    </message>
    <message>
        <source>cannot end before it started ({date})</source>
        <translation>kan ikke avsluttes før det startet ({date})</translation>
    </message>
    <message>
        <source>the membership of {name} in {ensemble}</source>
        <translation>medlemskapet til {name} i {ensemble}</translation>
    </message>
    <message>
        <source>has no active membership in an ensemble one can move up from</source>
        <translation>har ikke noe aktivt medlemskap i et ensemble man kan flytte opp fra</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a known gender</source>
        <translation>&apos;{value}&apos; er ikke et kjent kjønn</translation>
    </message>
    <message>
        <source>is not a field of a person</source>
        <translation>er ikke et felt for en person</translation>
    </message>
    <message>
        <source>{name} was changed in another window; reload the person and make the change again</source>
        <translation>{name} ble endret i et annet vindu; last inn personen på nytt og gjør endringen igjen</translation>
    </message>
    <message>
        <source>the person was changed in another window at the same moment; reload the person and make the change again</source>
        <translation>personen ble endret i et annet vindu i samme øyeblikk; last inn personen på nytt og gjør endringen igjen</translation>
    </message>
    <message>
        <source>is not a field of a guardian</source>
        <translation>er ikke et felt for en foresatt</translation>
    </message>
    <message>
        <source>the guardian {name}</source>
        <translation>den foresatte {name}</translation>
    </message>
    <message>
        <source>that guardian is not linked to this person</source>
        <translation>den foresatte er ikke knyttet til denne personen</translation>
    </message>
    <message>
        <source>must be between 0 and {maximum}</source>
        <translation>må være mellom 0 og {maximum}</translation>
    </message>
    <message>
        <source>the lower limit {low} is above the upper {high}</source>
        <translation>den nedre grensen {low} er over den øvre {high}</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a kind of organisation</source>
        <translation>&apos;{kind}&apos; er ikke en type organisasjon</translation>
    </message>
    <message>
        <source>an organisation called &apos;{name}&apos; exists</source>
        <translation>det finnes allerede en organisasjon som heter &apos;{name}&apos;</translation>
    </message>
    <message>
        <source>{name} (now {current})</source>
        <translation>{name} (nå {current})</translation>
    </message>
    <message>
        <source>Birth date missing</source>
        <translation>Fødselsdato mangler</translation>
    </message>
    <message>
        <source>Age in {season}</source>
        <translation>Alder i {season}</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Age distribution per ensemble</source>
        <translation>Aldersfordeling per ensemble</translation>
    </message>
    <message>
        <source>Ages</source>
        <translation>Aldre</translation>
    </message>
    <message>
        <source>Age limits: {limits}.</source>
        <translation>Aldersgrenser: {limits}.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Medlemmer</translation>
    </message>
    <message>
        <source>Ensemble</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <source>Age limits</source>
        <translation>Aldersgrenser</translation>
    </message>
    <message>
        <source>Youngest</source>
        <translation>Yngst</translation>
    </message>
    <message>
        <source>Oldest</source>
        <translation>Eldst</translation>
    </message>
    <message>
        <source>Average age</source>
        <translation>Gjennomsnittsalder</translation>
    </message>
    <message>
        <source>Ages per ensemble</source>
        <translation>Aldre per ensemble</translation>
    </message>
    <message>
        <source>Rule: contact and health data go {months} months after a member left; the rest after 31.12 of the last course year + {years} years.</source>
        <translation>Regel: kontakt- og helseopplysninger slettes {months} måneder etter at et medlem sluttet; resten etter 31.12 i siste kursår + {years} år.</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Due since</source>
        <translation>Forfalt siden</translation>
    </message>
    <message>
        <source>Erase from</source>
        <translation>Slettes fra</translation>
    </message>
    <message>
        <source>Audit entries past their keeping period: {count}</source>
        <translation>Oppføringer i endringsloggen som har passert lagringstiden: {count}</translation>
    </message>
    <message>
        <source>Nothing is due on {date}.</source>
        <translation>Ingenting er til forfall {date}.</translation>
    </message>
    <message>
        <source>Due on {date}:</source>
        <translation>Til forfall {date}:</translation>
    </message>
    <message>
        <source>Step 1, remove contact and health data and guardians ({count}); name, birth date and attendance stay for course grant reports:</source>
        <translation>Trinn 1, fjern kontakt- og helseopplysninger og foresatte ({count}); navn, fødselsdato og oppmøte beholdes for rapportene om kurstilskudd:</translation>
    </message>
    <message>
        <source>Step 2, erase ({count}); gender, birth year, municipality, ensemble, section and seasons stay for statistics:</source>
        <translation>Trinn 2, slett ({count}); kjønn, fødselsår, kommune, ensemble, instrumentgruppe og sesonger beholdes til statistikk:</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Ingenting ble endret.</translation>
    </message>
    <message>
        <source>Removed the contact and health data of {contact} person(s); erased {erased} person(s); deleted {audit} audit entries.</source>
        <translation>Fjernet kontakt- og helseopplysningene til {contact} person(er); slettet {erased} person(er); slettet {audit} oppføringer i endringsloggen.</translation>
    </message>
    <message>
        <source>--yes goes with --apply</source>
        <translation>--yes brukes bare sammen med --apply</translation>
    </message>
    <message>
        <source>Apply? [y/N] </source>
        <translation>Utføre? [j/N] </translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>female</source>
        <translation>jente</translation>
    </message>
    <message>
        <source>male</source>
        <translation>gutt</translation>
    </message>
    <message>
        <source>mother</source>
        <translation>mor</translation>
    </message>
    <message>
        <source>father</source>
        <translation>far</translation>
    </message>
    <message>
        <source>coming</source>
        <translation>kommer</translation>
    </message>
    <message>
        <source>not coming</source>
        <translation>kommer ikke</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>ikke svart</translation>
    </message>
    <message>
        <source>present</source>
        <translation>møtt</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>fravær</translation>
    </message>
    <message>
        <source>excused absence</source>
        <translation>gyldig fravær</translation>
    </message>
    <message>
        <source>the member</source>
        <translation>medlemmet selv</translation>
    </message>
    <message>
        <source>added</source>
        <translation>lagt til</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>endret</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>fjernet</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>eksportert</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>skrevet ut</translation>
    </message>
    <message>
        <source>erased</source>
        <translation>slettet</translation>
    </message>
    <message>
        <source>Number in the register</source>
        <translation>Nummer i registeret</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Etternavn</translation>
    </message>
    <message>
        <source>Participant&apos;s name</source>
        <translation>Deltakerens navn</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fødselsdato</translation>
    </message>
    <message>
        <source>Coming (yes/no)</source>
        <translation>Kommer (ja/nei)</translation>
    </message>
    <message>
        <source>Days coming</source>
        <translation>Dager deltakeren kommer</translation>
    </message>
    <message>
        <source>Lunch (yes/no)</source>
        <translation>Lunsj (ja/nei)</translation>
    </message>
    <message>
        <source>Allergies and diet</source>
        <translation>Allergier og kosthold</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Submitted at</source>
        <translation>Sendt inn</translation>
    </message>
    <message>
        <source>no change of diets or allergies is proposed for person {ids}</source>
        <translation>ingen endring av kosthold eller allergier er foreslått for person {ids}</translation>
    </message>
    <message>
        <source>the register changed since the file was checked; nothing was written: check the file again</source>
        <translation>registeret er endret siden filen ble kontrollert; ingenting ble lagret: kontroller filen på nytt</translation>
    </message>
    <message>
        <source>is mapped to a day that is not a day of this event</source>
        <translation>er koblet til en dag som ikke er en av arrangementets dager</translation>
    </message>
    <message>
        <source>the file has no such column ({field})</source>
        <translation>filen har ingen slik kolonne ({field})</translation>
    </message>
    <message>
        <source>is mapped twice: to {first} and to {second}</source>
        <translation>er koblet to ganger: til {first} og til {second}</translation>
    </message>
    <message>
        <source>no column is mapped to the participant&apos;s name (or to first and last name)</source>
        <translation>ingen kolonne er koblet til deltakerens navn (eller til fornavn og etternavn)</translation>
    </message>
    <message>
        <source>row {row} is not an answer in the file</source>
        <translation>rad {row} er ikke et svar i filen</translation>
    </message>
    <message>
        <source>the answer says nothing about coming; it is not written</source>
        <translation>svaret sier ikke om deltakeren kommer; det blir ikke lagret</translation>
    </message>
    <message>
        <source>longer than the {limit} characters a sign-up&apos;s note keeps; cut</source>
        <translation>lengre enn de {limit} tegnene en merknad på en påmelding kan ha; forkortet</translation>
    </message>
    <message>
        <source>none of the persons offered, as chosen</source>
        <translation>ingen av de foreslåtte personene, etter ditt valg</translation>
    </message>
    <message>
        <source>person {id} is not in the register (or is archived)</source>
        <translation>person {id} er ikke i registeret (eller er arkivert)</translation>
    </message>
    <message>
        <source>chosen by you</source>
        <translation>valgt av deg</translation>
    </message>
    <message>
        <source>replaced by the later answer in row {row}</source>
        <translation>erstattet av det senere svaret i rad {row}</translation>
    </message>
    <message>
        <source>; and {count} more</source>
        <translation>; og {count} til</translation>
    </message>
    <message>
        <source>the file has {count} error(s); nothing was written: {errors}</source>
        <translation>filen har {count} feil; ingenting ble lagret: {errors}</translation>
    </message>
    <message>
        <source>the register changed since the file was checked (a person was archived or removed); nothing was written: check the file again</source>
        <translation>registeret er endret siden filen ble kontrollert (en person er arkivert eller fjernet); ingenting ble lagret: kontroller filen på nytt</translation>
    </message>
    <message>
        <source>person {id} is not in the register</source>
        <translation>person {id} er ikke i registeret</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Postal place</source>
        <translation>Poststed</translation>
    </message>
    <message>
        <source>Note on diet</source>
        <translation>Kostholdsmerknad</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Arkivert</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registrert</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Sist endret</translation>
    </message>
    <message>
        <source>Nothing registered.</source>
        <translation>Ingenting registrert.</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>Personopplysninger</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Verdi</translation>
    </message>
    <message>
        <source>Instruments</source>
        <translation>Instrumenter</translation>
    </message>
    <message>
        <source>Main instrument</source>
        <translation>Hovedinstrument</translation>
    </message>
    <message>
        <source>Diets and allergies</source>
        <translation>Kosthold og allergier</translation>
    </message>
    <message>
        <source>Allergy or diet</source>
        <translation>Allergi eller kosthold</translation>
    </message>
    <message>
        <source>Severity or kind</source>
        <translation>Grad eller type</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>Foresatte</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relasjon</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>Medlemskap</translation>
    </message>
    <message>
        <source>Reason for leaving</source>
        <translation>Årsak til utmelding</translation>
    </message>
    <message>
        <source>Sign-ups</source>
        <translation>Påmeldinger</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Lunsj</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Guardians&apos; volunteer duties</source>
        <translation>Foresattes dugnadsvakter</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Foresatt</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Oppgave</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Samtykker</translation>
    </message>
    <message>
        <source>Consent to</source>
        <translation>Samtykke til</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Gitt av</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Gitt den</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Trukket tilbake den</translation>
    </message>
    <message>
        <source>Text version</source>
        <translation>Tekstversjon</translation>
    </message>
    <message>
        <source>History: who changed or exported what</source>
        <translation>Historikk: hvem som har endret eller eksportert hva</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felt</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Laget</translation>
    </message>
    <message>
        <source>Controller</source>
        <translation>Behandlingsansvarlig</translation>
    </message>
    <message>
        <source>Everything the register holds about the person, as GDPR article 15 gives the right to see it. It holds personal data and health data: keep it safe.</source>
        <translation>Alt registeret har om personen, slik GDPR artikkel 15 gir rett til innsyn i det. Dokumentet inneholder personopplysninger og helseopplysninger: oppbevar det trygt.</translation>
    </message>
    <message>
        <source>Access request: everything the register holds about {name}</source>
        <translation>Innsyn: alt registeret har om {name}</translation>
    </message>
    <message>
        <source>Access request (GDPR art. 15)</source>
        <translation>Innsyn (GDPR art. 15)</translation>
    </message>
    <message>
        <source>Access request – {name}</source>
        <translation>Innsyn – {name}</translation>
    </message>
    <message>
        <source>Ages of the members, season {season}</source>
        <translation>Medlemmenes alder, sesongen {season}</translation>
    </message>
    <message>
        <source>{out} age out after this season; {up} may move up</source>
        <translation>{out} går ut etter denne sesongen; {up} kan flytte opp</translation>
    </message>
    <message>
        <source>Active members on {day}; ages are the ages they turn in {season}.</source>
        <translation>Aktive medlemmer {day}; alderen er den de fyller i {season}.</translation>
    </message>
    <message>
        <source>Ages out after this season</source>
        <translation>Går ut etter denne sesongen</translation>
    </message>
    <message>
        <source>Nobody reaches the upper age limit this season.</source>
        <translation>Ingen når aldersgrensen denne sesongen.</translation>
    </message>
    <message>
        <source>May move up to the next ensemble</source>
        <translation>Kan flytte opp til neste ensemble</translation>
    </message>
    <message>
        <source>Nobody is old enough to move up.</source>
        <translation>Ingen er gamle nok til å flytte opp.</translation>
    </message>
    <message>
        <source>Outside the age limits</source>
        <translation>Utenfor aldersgrensene</translation>
    </message>
    <message>
        <source>Everyone is within the age limits.</source>
        <translation>Alle er innenfor aldersgrensene.</translation>
    </message>
    <message>
        <source>{n} in {ensemble}</source>
        <translation>{n} i {ensemble}</translation>
    </message>
    <message>
        <source>{n} in {ensemble} (aged {age})</source>
        <translation>{n} i {ensemble} ({age} år)</translation>
    </message>
    <message>
        <source>{n} in {ensemble} (aged {low}–{high})</source>
        <translation>{n} i {ensemble} ({low}–{high} år)</translation>
    </message>
    <message>
        <source>In {season} Vestregionens Ungdomssymfonikere had {n} members: {parts}.</source>
        <translation>I {season} hadde Vestregionens Ungdomssymfonikere {n} medlemmer: {parts}.</translation>
    </message>
    <message>
        <source>one weekend seminar</source>
        <translation>ett helgeseminar</translation>
    </message>
    <message>
        <source>{n} weekend seminars</source>
        <translation>{n} helgeseminarer</translation>
    </message>
    <message>
        <source>The orchestra held {seminars} ({days}).</source>
        <translation>Orkesteret holdt {seminars} ({days}).</translation>
    </message>
    <message>
        <source>one rehearsal day</source>
        <translation>én øvingsdag</translation>
    </message>
    <message>
        <source>{n} rehearsal days</source>
        <translation>{n} øvingsdager</translation>
    </message>
    <message>
        <source>No weekend seminars have been held yet.</source>
        <translation>Ingen helgeseminarer er holdt ennå.</translation>
    </message>
    <message>
        <source>{text} Planned for the rest of the season: {seminars}.</source>
        <translation>{text} Planlagt resten av sesongen: {seminars}.</translation>
    </message>
    <message>
        <source>an audience of {n}</source>
        <translation>{n} i publikum</translation>
    </message>
    <message>
        <source>{title} ({details})</source>
        <translation>{title} ({details})</translation>
    </message>
    <message>
        <source>No concerts have been held yet.</source>
        <translation>Ingen konserter er holdt ennå.</translation>
    </message>
    <message>
        <source>Concerts: {concerts}.</source>
        <translation>Konserter: {concerts}.</translation>
    </message>
    <message>
        <source>The IRIS project had {activities}: {items}.</source>
        <translation>IRIS-prosjektet hadde {activities}: {items}.</translation>
    </message>
    <message>
        <source>one activity</source>
        <translation>én aktivitet</translation>
    </message>
    <message>
        <source>{n} activities</source>
        <translation>{n} aktiviteter</translation>
    </message>
    <message>
        <source>On average {turnout} % of the invited members came on each day; each member came on {rate} % of the days they were invited to, on average.</source>
        <translation>I gjennomsnitt kom {turnout} % av de inviterte medlemmene hver dag; hvert medlem kom i gjennomsnitt på {rate} % av dagene det var invitert til.</translation>
    </message>
    <message>
        <source>{reason}: {n}</source>
        <translation>{reason}: {n}</translation>
    </message>
    <message>
        <source>{members} left during the season ({reasons}).</source>
        <translation>{members} sluttet i løpet av sesongen ({reasons}).</translation>
    </message>
    <message>
        <source>One member</source>
        <translation>Ett medlem</translation>
    </message>
    <message>
        <source>{n} members</source>
        <translation>{n} medlemmer</translation>
    </message>
    <message>
        <source>Nobody left during the season.</source>
        <translation>Ingen sluttet i løpet av sesongen.</translation>
    </message>
    <message>
        <source>{text} {members} moved up to the next ensemble.</source>
        <translation>{text} {members} flyttet opp til neste ensemble.</translation>
    </message>
    <message>
        <source>New this season</source>
        <translation>Nye denne sesongen</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Sluttet</translation>
    </message>
    <message>
        <source>Moved up</source>
        <translation>Flyttet opp</translation>
    </message>
    <message>
        <source>Members and ages per ensemble</source>
        <translation>Medlemmer og aldre per ensemble</translation>
    </message>
    <message>
        <source>Ensembles</source>
        <translation>Ensembler</translation>
    </message>
    <message>
        <source>All ensembles</source>
        <translation>Alle ensembler</translation>
    </message>
    <message>
        <source>A member who moved up counts in both ensembles and once among all.</source>
        <translation>Et medlem som flyttet opp, telles i begge ensemblene og én gang blant alle.</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>Seminar</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Datoer</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Present (average per day)</source>
        <translation>Til stede (snitt per dag)</translation>
    </message>
    <message>
        <source>Turnout of the invited</source>
        <translation>Oppmøte blant de inviterte</translation>
    </message>
    <message>
        <source>Weekend seminars held</source>
        <translation>Helgeseminarer som er holdt</translation>
    </message>
    <message>
        <source>Seminars</source>
        <translation>Seminarer</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>Konsert</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Publikum</translation>
    </message>
    <message>
        <source>Concerts</source>
        <translation>Konserter</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivitet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>IRIS activities</source>
        <translation>IRIS-aktiviteter</translation>
    </message>
    <message>
        <source>IRIS</source>
        <translation>IRIS</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <source>Members who left, and why</source>
        <translation>Medlemmer som sluttet, og hvorfor</translation>
    </message>
    <message>
        <source>For the annual report</source>
        <translation>Til årsmeldingen</translation>
    </message>
    <message>
        <source>Vestregionens Ungdomssymfonikere in {season}</source>
        <translation>Vestregionens Ungdomssymfonikere i {season}</translation>
    </message>
    <message>
        <source>Up to {day}.</source>
        <translation>Til og med {day}.</translation>
    </message>
    <message>
        <source>Invited days</source>
        <translation>Inviterte dager</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Til stede</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Gyldig fravær</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Oppmøte</translation>
    </message>
    <message>
        <source>Extra days</source>
        <translation>Ekstra dager</translation>
    </message>
    <message>
        <source>Attendance per member</source>
        <translation>Oppmøte per medlem</translation>
    </message>
    <message>
        <source>Per member</source>
        <translation>Per medlem</translation>
    </message>
    <message>
        <source>present on less than half of the invited days</source>
        <translation>til stede mindre enn halvparten av de inviterte dagene</translation>
    </message>
    <message>
        <source>Extra days: present at an event the member was not invited to; not part of the attendance.</source>
        <translation>Ekstra dager: til stede på et arrangement medlemmet ikke var invitert til; regnes ikke med i oppmøtet.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Arrangement</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Første dag</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dager</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>Inviterte</translation>
    </message>
    <message>
        <source>Attendance per event</source>
        <translation>Oppmøte per arrangement</translation>
    </message>
    <message>
        <source>Per event</source>
        <translation>Per arrangement</translation>
    </message>
    <message>
        <source>Of them invited</source>
        <translation>Av dem inviterte</translation>
    </message>
    <message>
        <source>Turnout per day</source>
        <translation>Oppmøte per dag</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Per dag</translation>
    </message>
    <message>
        <source>Persons present at least once</source>
        <translation>Personer til stede minst én gang</translation>
    </message>
    <message>
        <source>Participants per municipality</source>
        <translation>Deltakere per kommune</translation>
    </message>
    <message>
        <source>Per municipality</source>
        <translation>Per kommune</translation>
    </message>
    <message>
        <source>Municipalities in today&apos;s terms.</source>
        <translation>Kommunene slik de er i dag.</translation>
    </message>
    <message>
        <source>No municipality recorded</source>
        <translation>Ingen kommune registrert</translation>
    </message>
    <message>
        <source>{name} (outside the region)</source>
        <translation>{name} (utenfor regionen)</translation>
    </message>
    <message>
        <source>Counted: {n} days with attendance recorded, up to {day}.</source>
        <translation>Telt: {n} dager med registrert oppmøte, til og med {day}.</translation>
    </message>
    <message>
        <source>On average {share} % of the invited came</source>
        <translation>I gjennomsnitt kom {share} % av de inviterte</translation>
    </message>
    <message>
        <source>Attendance, season {season}</source>
        <translation>Oppmøte, sesongen {season}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a format: use {formats}</source>
        <translation>&apos;{value}&apos; er ikke et format: bruk {formats}</translation>
    </message>
    <message>
        <source>{file}: give the file a name ending in {suffixes}, or choose --format</source>
        <translation>{file}: gi filen et navn som slutter på {suffixes}, eller velg --format</translation>
    </message>
    <message>
        <source>{file}: --format {fmt} writes a .{suffix} file; give it that ending</source>
        <translation>{file}: --format {fmt} skriver en .{suffix}-fil; gi filen den endelsen</translation>
    </message>
    <message>
        <source>&apos;{year}&apos; is not a season year ({first}-{last})</source>
        <translation>&apos;{year}&apos; er ikke et sesongår ({first}–{last})</translation>
    </message>
    <message>
        <source>give at least one event</source>
        <translation>oppgi minst ett arrangement</translation>
    </message>
    <message>
        <source>the events have no days</source>
        <translation>arrangementene har ingen dager</translation>
    </message>
    <message>
        <source>birth date missing</source>
        <translation>fødselsdato mangler</translation>
    </message>
    <message>
        <source>turns {age} in {year}, below {least}</source>
        <translation>fyller {age} i {year}, under {least}</translation>
    </message>
    <message>
        <source>course hours unknown</source>
        <translation>kurstimene er ukjente</translation>
    </message>
    <message>
        <source>attended less than {least} % of the hours</source>
        <translation>deltok på mindre enn {least} % av timene</translation>
    </message>
    <message>
        <source>{day} ({title}) has no start and end time, so the course hours are unknown</source>
        <translation>{day} ({title}) har ikke start- og sluttid, så kurstimene er ukjente</translation>
    </message>
    <message>
        <source>the course has {hours} hours; at least {least} are needed</source>
        <translation>kurset har {hours} timer; minst {least} trengs</translation>
    </message>
    <message>
        <source>{n} participants count; at least {least} are needed</source>
        <translation>{n} deltakere teller med; minst {least} trengs</translation>
    </message>
    <message>
        <source>{day} is still to come: the report will change</source>
        <translation>{day} er ennå ikke kommet: rapporten vil endre seg</translation>
    </message>
    <message>
        <source>nobody is recorded present on {day}</source>
        <translation>ingen er registrert til stede {day}</translation>
    </message>
    <message>
        <source>Signature of the course leader: ______________________________   Date: ______________</source>
        <translation>Kursleders underskrift: ______________________________   Dato: ______________</translation>
    </message>
    <message>
        <source>the age</source>
        <translation>alderen</translation>
    </message>
    <message>
        <source>the attendance</source>
        <translation>oppmøtet</translation>
    </message>
    <message>
        <source>the course hours</source>
        <translation>kurstimene</translation>
    </message>
    <message>
        <source>the participants</source>
        <translation>deltakerne</translation>
    </message>
    <message>
        <source>set in the register</source>
        <translation>satt i registeret</translation>
    </message>
    <message>
        <source>as the rules were in {year}</source>
        <translation>slik reglene var i {year}</translation>
    </message>
    <message>
        <source>set for {year}</source>
        <translation>satt for {year}</translation>
    </message>
    <message>
        <source>The course qualifies for a grant: {hours} hours, {n} participants count.</source>
        <translation>Kurset gir rett til tilskudd: {hours} timer, {n} deltakere teller med.</translation>
    </message>
    <message>
        <source>The course does not qualify: {reasons}.</source>
        <translation>Kurset gir ikke rett til tilskudd: {reasons}.</translation>
    </message>
    <message>
        <source>Rules for {year}: participants turn at least {age} in the course year and attend at least {percent} % of the hours; the course has at least {hours} hours and {n} participants who count.</source>
        <translation>Regler for {year}: deltakerne fyller minst {age} i kursåret og deltar på minst {percent} % av timene; kurset har minst {hours} timer og {n} deltakere som teller med.</translation>
    </message>
    <message>
        <source>{rule} ({source})</source>
        <translation>{rule} ({source})</translation>
    </message>
    <message>
        <source>{line} Not today&apos;s defaults: {rules}.</source>
        <translation>{line} Avvik fra dagens standard: {rules}.</translation>
    </message>
    <message>
        <source>{line} The built-in rule for {year} ({rules}) is removed in the register: the rule for all years applies.</source>
        <translation>{line} Standardregelen for {year} ({rules}) er fjernet i registeret: regelen for alle år gjelder.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Course days</source>
        <translation>Kursdager</translation>
    </message>
    <message>
        <source>no start or end time</source>
        <translation>mangler start- eller sluttid</translation>
    </message>
    <message>
        <source>Course hours</source>
        <translation>Kurstimer</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>this change cannot be saved again; reload and make it again</source>
        <translation>denne endringen kan ikke lagres på nytt; last inn på nytt og gjør endringen igjen</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Født</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kjønn</translation>
    </message>
    <message>
        <source>Culture school</source>
        <translation>Kulturskole</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>Postal town</source>
        <translation>Poststed</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>Kosthold</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>IRIS type</source>
        <translation>IRIS-type</translation>
    </message>
    <message>
        <source>Sign-up deadline</source>
        <translation>Påmeldingsfrist</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Prosjekt</translation>
    </message>
    <message>
        <source>Attending</source>
        <translation>Kommer</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Sluttet</translation>
    </message>
    <message>
        <source>Why it ended</source>
        <translation>Sluttårsak</translation>
    </message>
    <message>
        <source>Note on the end</source>
        <translation>Merknad om avslutningen</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <source>other relation</source>
        <translation>annen relasjon</translation>
    </message>
    <message>
        <source>{what} was changed by someone else meanwhile; nothing was saved</source>
        <translation>{what} ble endret av noen andre i mellomtiden; ingenting ble lagret</translation>
    </message>
    <message>
        <source>the setting &quot;{setting}&quot;</source>
        <translation>innstillingen «{setting}»</translation>
    </message>
    <message>
        <source>other users saved the same rows at the same moment, {n} times over; nothing was saved: try again</source>
        <translation>andre brukere lagret de samme radene i samme øyeblikk, {n} ganger på rad; ingenting ble lagret: prøv igjen</translation>
    </message>
    <message>
        <source>Hours attended</source>
        <translation>Timer deltatt</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Andel</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Teller med</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Hvorfor ikke</translation>
    </message>
    <message>
        <source>Participants: {titles}, {first}–{last}</source>
        <translation>Deltakere: {titles}, {first}–{last}</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltakere</translation>
    </message>
    <message>
        <source>does not count for the grant</source>
        <translation>teller ikke med for tilskuddet</translation>
    </message>
    <message>
        <source>{n} of {total} participants count.</source>
        <translation>{n} av {total} deltakere teller med.</translation>
    </message>
    <message>
        <source>Check: {warning}.</source>
        <translation>Kontroller: {warning}.</translation>
    </message>
    <message>
        <source>Course grant report (adult education)</source>
        <translation>Rapport for kurstilskudd (voksenopplæring)</translation>
    </message>
    <message>
        <source>Course: {titles}</source>
        <translation>Kurs: {titles}</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a course grant rule: use {names}</source>
        <translation>&apos;{name}&apos; er ikke en regel for kurstilskudd: bruk {names}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number</source>
        <translation>&apos;{value}&apos; er ikke et tall</translation>
    </message>
    <message>
        <source>must be between {low} and {high}</source>
        <translation>må være mellom {low} og {high}</translation>
    </message>
    <message>
        <source>there is no built-in rule for &apos;{name}&apos; in {year}</source>
        <translation>det finnes ingen standardregel for &apos;{name}&apos; i {year}</translation>
    </message>
    <message>
        <source>{n} of {size} municipalities represented in {ensemble}</source>
        <translation>{n} av {size} kommuner representert i {ensemble}</translation>
    </message>
    <message>
        <source>{n} of {size} municipalities represented in any ensemble</source>
        <translation>{n} av {size} kommuner representert i minst ett ensemble</translation>
    </message>
    <message>
        <source>{label} ({year})</source>
        <translation>{label} ({year})</translation>
    </message>
    <message>
        <source>Municipalities as they are today ({day}); members registered under a former municipality count under its successor.</source>
        <translation>Kommunene slik de er i dag ({day}); medlemmer registrert under en tidligere kommune telles under kommunen som har tatt over.</translation>
    </message>
    <message>
        <source>Municipalities as they were in {season}; members registered under a municipality of another time count under the one valid then.</source>
        <translation>Kommunene slik de var i {season}; medlemmer registrert under en kommune fra en annen tid telles under den som gjaldt da.</translation>
    </message>
    <message>
        <source>{n} members registered under a municipality formed later are counted where their postal code lay in {season} (Posten&apos;s postal code register, 2018).</source>
        <translation>{n} medlemmer registrert under en kommune som ble opprettet senere, er telt der postnummeret deres lå i {season} (Postens postnummerregister, 2018).</translation>
    </message>
    <message>
        <source>Population on 1 January: inhabitants {population}, residents by age {residents}.</source>
        <translation>Befolkning per 1. januar: innbyggere {population}, innbyggere etter alder {residents}.</translation>
    </message>
    <message>
        <source>{name} = {parts}</source>
        <translation>{name} = {parts}</translation>
    </message>
    <message>
        <source>{name} = {part} only (the register has no figures for the rest)</source>
        <translation>{name} = bare {part} (registeret har ingen tall for resten)</translation>
    </message>
    <message>
        <source>Inhabitants of merged municipalities: {items}.</source>
        <translation>Innbyggere i sammenslåtte kommuner: {items}.</translation>
    </message>
    <message>
        <source>{n} members are not counted under a municipality of the region; they are listed separately.</source>
        <translation>{n} medlemmer telles ikke under en kommune i regionen; de er oppført for seg.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
    <message>
        <source>Inhabitants</source>
        <translation>Innbyggere</translation>
    </message>
    <message>
        <source>Per 10 000 inhabitants</source>
        <translation>Per 10 000 innbyggere</translation>
    </message>
    <message>
        <source>{ensemble} per 1 000 aged {low}–{high}</source>
        <translation>{ensemble} per 1 000 i alderen {low}–{high}</translation>
    </message>
    <message>
        <source>Culture schools</source>
        <translation>Kulturskoler</translation>
    </message>
    <message>
        <source>Members per municipality, season {season}</source>
        <translation>Medlemmer per kommune, sesongen {season}</translation>
    </message>
    <message>
        <source>nobody from the municipality this season</source>
        <translation>ingen fra kommunen denne sesongen</translation>
    </message>
    <message>
        <source>The region ({n} municipalities)</source>
        <translation>Regionen ({n} kommuner)</translation>
    </message>
    <message>
        <source>{n} culture schools</source>
        <translation>{n} kulturskoler</translation>
    </message>
    <message>
        <source>Where the register has no figures for {season}, the newest before it are used.</source>
        <translation>Der registeret ikke har tall for {season}, brukes de nyeste før.</translation>
    </message>
    <message>
        <source>1 member registered under a municipality formed later is counted where their postal code lay in {season} (Posten&apos;s postal code register, 2018).</source>
        <translation>1 medlem registrert under en kommune som ble opprettet senere, er telt der postnummeret lå i {season} (Postens postnummerregister, 2018).</translation>
    </message>
    <message>
        <source>The register has no figures for {season}: the newest before it are used.</source>
        <translation>Registeret har ikke tall for {season}: de nyeste før brukes.</translation>
    </message>
    <message>
        <source>Where the register has no figures for {season} or earlier, the oldest after it are used.</source>
        <translation>Der registeret ikke har tall for {season} eller tidligere, brukes de eldste etter.</translation>
    </message>
    <message>
        <source>{name} ({number}) is larger than {parts}, its part in the region: its figures also count areas that were never in the region, so members per 10 000 inhabitants (and per 1 000 by age) are not comparable with those of {parts} in earlier seasons.</source>
        <translation>{name} ({number}) er større enn {parts}, delen som var med i regionen: tallene omfatter også områder som aldri var med i regionen, så medlemmer per 10 000 innbyggere (og per 1 000 etter alder) kan ikke sammenlignes med tallene for {parts} i tidligere sesonger.</translation>
    </message>
    <message>
        <source>1 member is not counted under a municipality of the region; they are listed separately.</source>
        <translation>1 medlem telles ikke under en kommune i regionen; medlemmet er oppført for seg.</translation>
    </message>
    <message>
        <source>formed after {season} from {candidates} and parts outside the region ({parts}); no postal code in the register says which</source>
        <translation>opprettet etter {season} av {candidates} og deler utenfor regionen ({parts}); ingen postnummer i registeret viser hvilken</translation>
    </message>
    <message>
        <source>formed after {season} from {candidates}; no postal code in the register says which</source>
        <translation>opprettet etter {season} av {candidates}; ingen postnummer i registeret viser hvilken</translation>
    </message>
    <message>
        <source>{name} ({number}): cannot be placed among the municipalities of {season}</source>
        <translation>{name} ({number}): kan ikke plasseres blant kommunene i {season}</translation>
    </message>
    <message>
        <source>the postal code lies in {parts}, which was not part of the region in {season}</source>
        <translation>postnummeret ligger i {parts}, som ikke var med i regionen i {season}</translation>
    </message>
    <message>
        <source>not a municipality in {season}</source>
        <translation>ikke en kommune i {season}</translation>
    </message>
    <message>
        <source>check the register</source>
        <translation>kontroller registeret</translation>
    </message>
    <message>
        <source>outside the region</source>
        <translation>utenfor regionen</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>Members outside the region or not placed</source>
        <translation>Medlemmer utenfor regionen eller uten kommune</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Which municipalities feed which sections</source>
        <translation>Hvilke kommuner rekrutterer til hvilke instrumentgrupper</translation>
    </message>
    <message>
        <source>A member who plays in two sections counts in both.</source>
        <translation>Et medlem som spiller i to instrumentgrupper, telles i begge.</translation>
    </message>
    <message>
        <source>Outside the region or not placed</source>
        <translation>Utenfor regionen eller uten kommune</translation>
    </message>
    <message>
        <source>Trend: members per municipality, seasons {first}–{last}</source>
        <translation>Utvikling: medlemmer per kommune, sesongene {first}–{last}</translation>
    </message>
    <message>
        <source>Members in all</source>
        <translation>Medlemmer i alt</translation>
    </message>
    <message>
        <source>Municipalities represented (of {n})</source>
        <translation>Kommuner representert (av {n})</translation>
    </message>
    <message>
        <source>… of them in {ensemble}</source>
        <translation>… av dem i {ensemble}</translation>
    </message>
    <message>
        <source>Every season counted under today&apos;s municipalities.</source>
        <translation>Hver sesong er telt under dagens kommuner.</translation>
    </message>
    <message>
        <source>Every season counted under the municipalities of {season}.</source>
        <translation>Hver sesong er telt under kommunene i {season}.</translation>
    </message>
    <message>
        <source>Members per municipality and ensemble, season {season}</source>
        <translation>Medlemmer per kommune og ensemble, sesongen {season}</translation>
    </message>
    <message>
        <source>Recruitment coverage</source>
        <translation>Rekrutteringsdekning</translation>
    </message>
    <message>
        <source>Is every municipality represented? Season {season}</source>
        <translation>Er alle kommunene representert? Sesongen {season}</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Instrumentgruppe</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Mangler</translation>
    </message>
    <message>
        <source>Hard to recruit</source>
        <translation>Vanskelig å rekruttere</translation>
    </message>
    <message>
        <source>Members per instrument on {day}</source>
        <translation>Medlemmer per instrument {day}</translation>
    </message>
    <message>
        <source>fewer members than the target</source>
        <translation>færre medlemmer enn målet</translation>
    </message>
    <message>
        <source>Hard to recruit: not taught at the culture schools (oboe, bassoon, viola, double bass).</source>
        <translation>Vanskelig å rekruttere: undervises ikke på kulturskolene (obo, fagott, bratsj, kontrabass).</translation>
    </message>
    <message>
        <source>All instruments</source>
        <translation>Alle instrumenter</translation>
    </message>
    <message>
        <source>Members against the target, in score order</source>
        <translation>Medlemmer mot målet, i partiturrekkefølge</translation>
    </message>
    <message>
        <source>{n} instruments below target, {missing} players missing</source>
        <translation>{n} instrumenter under målet, {missing} musikere mangler</translation>
    </message>
    <message>
        <source>Instrumentation</source>
        <translation>Besetning</translation>
    </message>
    <message>
        <source>Instrumentation against the target, season {season}</source>
        <translation>Besetning mot målet, sesongen {season}</translation>
    </message>
    <message>
        <source>Strings</source>
        <translation>Strykere</translation>
    </message>
    <message>
        <source>Woodwind</source>
        <translation>Treblås</translation>
    </message>
    <message>
        <source>Brass</source>
        <translation>Messing</translation>
    </message>
    <message>
        <source>Percussion</source>
        <translation>Slagverk</translation>
    </message>
    <message>
        <source>Other instruments</source>
        <translation>Andre instrumenter</translation>
    </message>
    <message>
        <source>No instrument</source>
        <translation>Uten instrument</translation>
    </message>
    <message>
        <source>reached the age limit</source>
        <translation>nådde aldersgrensen</translation>
    </message>
    <message>
        <source>talent programme</source>
        <translation>talentprogram</translation>
    </message>
    <message>
        <source>moved away</source>
        <translation>flyttet</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>sluttet</translation>
    </message>
    <message>
        <source>moved up</source>
        <translation>flyttet opp</translation>
    </message>
    <message>
        <source>other reason</source>
        <translation>annen grunn</translation>
    </message>
    <message>
        <source>no reason recorded</source>
        <translation>ingen årsak registrert</translation>
    </message>
    <message>
        <source>Weekend seminar</source>
        <translation>Helgeseminar</translation>
    </message>
    <message>
        <source>IRIS activity</source>
        <translation>IRIS-aktivitet</translation>
    </message>
    <message>
        <source>Rehearsal</source>
        <translation>Øvelse</translation>
    </message>
    <message>
        <source>Master class</source>
        <translation>Mesterklasse</translation>
    </message>
    <message>
        <source>super weekend</source>
        <translation>superhelg</translation>
    </message>
    <message>
        <source>inspiration concert</source>
        <translation>inspirasjonskonsert</translation>
    </message>
    <message>
        <source>ensemble meeting</source>
        <translation>samspilltreff</translation>
    </message>
    <message>
        <source>group rehearsal</source>
        <translation>gruppeøvelse</translation>
    </message>
    <message>
        <source>master class</source>
        <translation>mesterklasse</translation>
    </message>
    <message>
        <source>concert</source>
        <translation>konsert</translation>
    </message>
    <message>
        <source>F</source>
        <translation>K</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>other</source>
        <translation>annet</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nei</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} og {last}</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <source>Marked: {what}</source>
        <translation>Merket: {what}</translation>
    </message>
    <message>
        <source>Shaded rows: {what}</source>
        <translation>Skyggelagte rader: {what}</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammendrag</translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation>Sikkerhetskopi skrevet til {path}</translation>
    </message>
    <message>
        <source>checked: {tables} tables, {rows} rows; row counts and checksums equal on both sides</source>
        <translation>kontrollert: {tables} tabeller, {rows} rader; antall rader og kontrollsummer er like på begge sider</translation>
    </message>
    <message>
        <source>the backup is NOT encrypted: this computer has no key store and no key file was given (--key-file); anyone with the file can read it</source>
        <translation>sikkerhetskopien er IKKE kryptert: denne datamaskinen har ingen nøkkelring, og ingen nøkkelfil ble oppgitt (--key-file); alle som har filen, kan lese den</translation>
    </message>
    <message>
        <source>Encrypted with {key}</source>
        <translation>Kryptert med {key}</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Ingen sikkerhetskopier ennå.</translation>
    </message>
    <message>
        <source>Keeping the newest {count} backups; {deleted} older deleted</source>
        <translation>Beholder de {count} nyeste sikkerhetskopiene; {deleted} eldre er slettet</translation>
    </message>
    <message>
        <source>Keeping backups for {days} days; {deleted} older deleted</source>
        <translation>Beholder sikkerhetskopier i {days} dager; {deleted} eldre er slettet</translation>
    </message>
    <message>
        <source>Restored {backup} into {database}</source>
        <translation>Gjenopprettet {backup} til {database}</translation>
    </message>
    <message>
        <source>The register as it was is kept in {path}</source>
        <translation>Registeret slik det var, er tatt vare på i {path}</translation>
    </message>
    <message>
        <source>{count} person(s) erased after this backup was taken were erased again</source>
        <translation>{count} person(er) som ble slettet etter at denne sikkerhetskopien ble tatt, er slettet på nytt</translation>
    </message>
    <message>
        <source>Wrote {rows} rows to {path}</source>
        <translation>Skrev {rows} rader til {path}</translation>
    </message>
    <message>
        <source>vrus: warning: {message}</source>
        <translation>vrus: advarsel: {message}</translation>
    </message>
    <message>
        <source>vrus: warning: ... and {count} more like these</source>
        <translation>vrus: advarsel: ... og {count} til av samme slag</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a time: use hh:mm</source>
        <translation>&apos;{value}&apos; er ikke et klokkeslett: bruk tt:mm</translation>
    </message>
    <message>
        <source>an event can have at most {count} days</source>
        <translation>et arrangement kan ha høyst {count} dager</translation>
    </message>
    <message>
        <source>{day} ends at {time}, before it starts</source>
        <translation>{day} slutter kl. {time}, før den begynner</translation>
    </message>
    <message>
        <source>an event needs at least one day</source>
        <translation>et arrangement må ha minst én dag</translation>
    </message>
    <message>
        <source>{date} is given twice</source>
        <translation>{date} er oppgitt to ganger</translation>
    </message>
    <message>
        <source>{day} is not a weekend day</source>
        <translation>{day} er ikke en helgedag</translation>
    </message>
    <message>
        <source>event {id} ({title}) has no days</source>
        <translation>arrangement {id} ({title}) har ingen dager</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an answer: use {allowed}</source>
        <translation>&apos;{value}&apos; er ikke et svar: bruk {allowed}</translation>
    </message>
    <message>
        <source>the sign-up of {name} for &apos;{title}&apos;</source>
        <translation>påmeldingen fra {name} til &apos;{title}&apos;</translation>
    </message>
    <message>
        <source>is the same event</source>
        <translation>er det samme arrangementet</translation>
    </message>
    <message>
        <source>{variable}: not a database URL (like sqlite:////path/to/vrus.sqlite3 or postgresql+psycopg://host/vrus)</source>
        <translation>{variable}: ikke en database-URL (for eksempel sqlite:////sti/til/vrus.sqlite3 eller postgresql+psycopg://vert/vrus)</translation>
    </message>
    <message>
        <source>{variable}: the URL names no database file (sqlite:////path/to/file)</source>
        <translation>{variable}: URL-en angir ingen databasefil (sqlite:////sti/til/fil)</translation>
    </message>
    <message>
        <source>{variable}: the database driver for {url} is not installed (install vrus[server] for PostgreSQL)</source>
        <translation>{variable}: databasedriveren for {url} er ikke installert (installer vrus[server] for PostgreSQL)</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file</source>
        <translation>{path} er en mappe, ikke en databasefil</translation>
    </message>
    <message>
        <source>{path}: the register cannot be opened here ({reason})</source>
        <translation>{path}: registeret kan ikke åpnes her ({reason})</translation>
    </message>
    <message>
        <source>The register is busy: another VRUS window or command is saving. Nothing was saved; try again in a moment.</source>
        <translation>Registeret er opptatt: et annet VRUS-vindu eller en kommando lagrer nå. Ingenting ble lagret; prøv igjen om litt.</translation>
    </message>
    <message>
        <source>the figures are from SSB table {table}, not table 07459 (population by region, age and year)</source>
        <translation>tallene er fra SSB-tabell {table}, ikke tabell 07459 (befolkning etter region, alder og år)</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; has no municipality number: download the table from Statbank with codes (code and text)</source>
        <translation>&apos;{value}&apos; har ikke kommunenummer: last ned tabellen fra statistikkbanken med koder (kode og tekst)</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a municipality number</source>
        <translation>&apos;{value}&apos; er ikke et kommunenummer</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is an age group: download single years of age (or all ages together) from Statbank</source>
        <translation>&apos;{value}&apos; er en aldersgruppe: last ned ettårige aldre (eller alle aldre samlet) fra statistikkbanken</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one year of age</source>
        <translation>&apos;{value}&apos; er ikke ett alderstrinn</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a year</source>
        <translation>&apos;{value}&apos; er ikke et årstall</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a sex (men, women or both)</source>
        <translation>&apos;{value}&apos; er ikke et kjønn (menn, kvinner eller begge)</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a count of persons</source>
        <translation>&apos;{value}&apos; er ikke et antall personer (statistikkvariabel)</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number of persons</source>
        <translation>&apos;{value}&apos; er ikke et antall personer</translation>
    </message>
    <message>
        <source>the figure for {number}, {year}, {age} is also given as {other} ({where})</source>
        <translation>tallet for {number}, {year}, {age} er også oppgitt som {other} ({where})</translation>
    </message>
    <message>
        <source>the file has no figures for any municipality</source>
        <translation>filen har ikke tall for noen kommune</translation>
    </message>
    <message>
        <source>the file has figures for one sex only ({where}); choose both sexes, or none, in Statbank</source>
        <translation>filen har tall for bare ett kjønn ({where}); velg begge kjønn, eller ingen, i statistikkbanken</translation>
    </message>
    <message>
        <source>all ages</source>
        <translation>alle aldre</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
    <message>
        <source>{first}; {next}</source>
        <translation>{first}; {next}</translation>
    </message>
    <message>
        <source>{file}: {problem} (and {count} more problems)</source>
        <translation>{file}: {problem} (og {count} problemer til)</translation>
    </message>
    <message>
        <source>not a download of table 07459 from SSB&apos;s Statbank (CSV or JSON-stat)</source>
        <translation>ikke en nedlasting av tabell 07459 fra SSBs statistikkbank (CSV eller JSON-stat)</translation>
    </message>
    <message>
        <source>{where}, {field}: {message}</source>
        <translation>{where}, {field}: {message}</translation>
    </message>
    <message>
        <source>not valid JSON ({reason})</source>
        <translation>ikke gyldig JSON ({reason})</translation>
    </message>
    <message>
        <source>a JSON-stat {kind}, not a dataset: download the table&apos;s figures</source>
        <translation>en JSON-stat-{kind}, ikke et datasett: last ned tabellens tall</translation>
    </message>
    <message>
        <source>JSON, but not a JSON-stat dataset from SSB&apos;s Statbank</source>
        <translation>JSON, men ikke et JSON-stat-datasett fra SSBs statistikkbank</translation>
    </message>
    <message>
        <source>the JSON-stat dataset&apos;s &apos;{key}&apos; is malformed</source>
        <translation>&apos;{key}&apos; i JSON-stat-datasettet er feilformet</translation>
    </message>
    <message>
        <source>the dataset has no &apos;{dimension}&apos; dimension</source>
        <translation>datasettet har ingen dimensjon &apos;{dimension}&apos;</translation>
    </message>
    <message>
        <source>the figures are also divided by &apos;{dimension}&apos;, which VRUS does not read; choose one value, or none, for it in Statbank</source>
        <translation>tallene er også fordelt etter &apos;{dimension}&apos;, som VRUS ikke leser; velg én verdi, eller ingen, for den i statistikkbanken</translation>
    </message>
    <message>
        <source>the dataset has no figures (is it the table&apos;s description?)</source>
        <translation>datasettet har ingen tall (er det tabellens beskrivelse?)</translation>
    </message>
    <message>
        <source>the dataset has {count} figures where its dimensions make room for {expected}</source>
        <translation>datasettet har {count} tall der dimensjonene gir plass til {expected}</translation>
    </message>
    <message>
        <source>value {index} ({cell})</source>
        <translation>verdi {index} ({cell})</translation>
    </message>
    <message>
        <source>the key file {path}</source>
        <translation>nøkkelfilen {path}</translation>
    </message>
    <message>
        <source>the key store ({name})</source>
        <translation>nøkkelringen ({name})</translation>
    </message>
    <message>
        <source>key file {path}: {reason}</source>
        <translation>nøkkelfilen {path}: {reason}</translation>
    </message>
    <message>
        <source>too big to be a key (a key is one line)</source>
        <translation>for stor til å være en nøkkel (en nøkkel er én linje)</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>filen finnes ikke</translation>
    </message>
    <message>
        <source>a folder, not a file</source>
        <translation>en mappe, ikke en fil</translation>
    </message>
    <message>
        <source>not a text file</source>
        <translation>ikke en tekstfil</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>filen er tom</translation>
    </message>
    <message>
        <source>the key store did not answer ({kind}); is it unlocked?</source>
        <translation>nøkkelringen svarte ikke ({kind}); er den låst opp?</translation>
    </message>
    <message>
        <source>this computer has no key store VRUS can use; give a key file with --key-file or {variable}</source>
        <translation>denne datamaskinen har ingen nøkkelring som VRUS kan bruke; oppgi en nøkkelfil med --key-file eller {variable}</translation>
    </message>
    <message>
        <source>an Excel workbook; download the table from Statbank as CSV or JSON-stat instead</source>
        <translation>en Excel-arbeidsbok; last ned tabellen fra statistikkbanken som CSV eller JSON-stat i stedet</translation>
    </message>
    <message>
        <source>a PX file; download the table from Statbank as CSV or JSON-stat instead</source>
        <translation>en PX-fil; last ned tabellen fra statistikkbanken som CSV eller JSON-stat i stedet</translation>
    </message>
    <message>
        <source>no column for the region (Statbank calls it &apos;region&apos;)</source>
        <translation>ingen kolonne for region (statistikkbanken kaller den «region»)</translation>
    </message>
    <message>
        <source>there should be one column of figures beside the year column, not {count}</source>
        <translation>det skal være én kolonne med tall ved siden av årskolonnen, ikke {count}</translation>
    </message>
    <message>
        <source>the column &apos;{column}&apos; has no year, and there is no column for the year</source>
        <translation>kolonnen &apos;{column}&apos; har ikke årstall, og det finnes ingen kolonne for år</translation>
    </message>
    <message>
        <source>no column of figures</source>
        <translation>ingen kolonne med tall</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos;: {problem}</source>
        <translation>kolonne &apos;{column}&apos;: {problem}</translation>
    </message>
    <message>
        <source>row {row} has {count} fields, the heading has {expected}</source>
        <translation>rad {row} har {count} felt, overskriften har {expected}</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>rad {row}</translation>
    </message>
    <message>
        <source>{file}: new figures {new}, changed {changed}, unchanged {unchanged}.</source>
        <translation>{file}: nye tall {new}, endrede {changed}, uendrede {unchanged}.</translation>
    </message>
    <message>
        <source>{name} ({number}) {year}: {details}</source>
        <translation>{name} ({number}) {year}: {details}</translation>
    </message>
    <message>
        <source>inhabitants {new}</source>
        <translation>innbyggere {new}</translation>
    </message>
    <message>
        <source>inhabitants {old} → {new}</source>
        <translation>innbyggere {old} → {new}</translation>
    </message>
    <message>
        <source>new ages {ages}</source>
        <translation>nye aldre {ages}</translation>
    </message>
    <message>
        <source>changed ages {ages}</source>
        <translation>endrede aldre {ages}</translation>
    </message>
    <message>
        <source>age {age}: {old} → {new}</source>
        <translation>alder {age}: {old} → {new}</translation>
    </message>
    <message>
        <source>Not in the register, skipped: {numbers}.</source>
        <translation>Ikke i registeret, hoppet over: {numbers}.</translation>
    </message>
    <message>
        <source>Not in the register, skipped: {numbers} and {count} more municipalities.</source>
        <translation>Ikke i registeret, hoppet over: {numbers} og {count} kommuner til.</translation>
    </message>
    <message>
        <source>Figures for the whole country or for counties, skipped: {count}.</source>
        <translation>Tall for hele landet eller for fylker, hoppet over: {count}.</translation>
    </message>
    <message>
        <source>Cells without a figure (SSB&apos;s &apos;.&apos; or &apos;..&apos;), skipped: {count}.</source>
        <translation>Celler uten tall (SSBs &apos;.&apos; eller &apos;..&apos;), hoppet over: {count}.</translation>
    </message>
    <message>
        <source>Whole populations added up from every age 0–105 (the file has no total): {count}.</source>
        <translation>Hele befolkningen summert fra alle aldre 0–105 (filen har ingen sum): {count}.</translation>
    </message>
    <message>
        <source>The register already has these figures: nothing to store.</source>
        <translation>Registeret har allerede disse tallene: ingenting å lagre.</translation>
    </message>
    <message>
        <source>Dry run: nothing was stored.</source>
        <translation>Prøvekjøring: ingenting ble lagret.</translation>
    </message>
    <message>
        <source>Stored in the register: {count} figures.</source>
        <translation>Lagret i registeret: {count} tall.</translation>
    </message>
    <message>
        <source>person {id} was erased on {date}: the register holds nothing about them</source>
        <translation>person {id} ble slettet {date}: registeret har ingenting om personen</translation>
    </message>
    <message>
        <source>{file}: give the file a name ending in {suffixes}</source>
        <translation>{file}: gi filen et navn som slutter på {suffixes}</translation>
    </message>
    <message>
        <source>keep the audit trail between {least} and {most} days</source>
        <translation>behold endringsloggen mellom {least} og {most} dager</translation>
    </message>
    <message>
        <source>Keep the change history (days)</source>
        <translation>Behold endringsloggen (dager)</translation>
    </message>
    <message>
        <source>photos</source>
        <translation>foto</translation>
    </message>
    <message>
        <source>name publication</source>
        <translation>navn i program</translation>
    </message>
    <message>
        <source>health data</source>
        <translation>helseopplysninger</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a kind of consent</source>
        <translation>&apos;{value}&apos; er ikke en type samtykke</translation>
    </message>
    <message>
        <source>say which version of the consent text was agreed to</source>
        <translation>oppgi hvilken versjon av samtykketeksten det ble samtykket til</translation>
    </message>
    <message>
        <source>a consent cannot be given on a day still to come</source>
        <translation>et samtykke kan ikke være gitt på en dato frem i tid</translation>
    </message>
    <message>
        <source>say who gave the consent: one of the guardians or the member</source>
        <translation>oppgi hvem som ga samtykket: en av de foresatte eller medlemmet selv</translation>
    </message>
    <message>
        <source>the consent cannot be given before the birth date</source>
        <translation>samtykket kan ikke være gitt før fødselsdatoen</translation>
    </message>
    <message>
        <source>the birth date is not known, so the register cannot tell whether the member may consent; a guardian must give the consent, or fill in the birth date first</source>
        <translation>fødselsdatoen er ukjent, så registeret kan ikke avgjøre om medlemmet kan samtykke selv; en foresatt må gi samtykket, eller fyll inn fødselsdatoen først</translation>
    </message>
    <message>
        <source>consent to health data needs a guardian until the member is 18 (the member was {age} on {date})</source>
        <translation>samtykke til helseopplysninger må gis av en foresatt til medlemmet er 18 år (medlemmet var {age} år {date})</translation>
    </message>
    <message>
        <source>a member under 15 cannot give this consent; a guardian must (the member was {age} on {date})</source>
        <translation>et medlem under 15 år kan ikke gi dette samtykket; det må en foresatt gjøre (medlemmet var {age} år {date})</translation>
    </message>
    <message>
        <source>the chosen guardian is not a guardian of this person</source>
        <translation>den valgte foresatte er ikke foresatt for denne personen</translation>
    </message>
    <message>
        <source>the member was 18 or older on {date} and gives their own consent; a guardian no longer can</source>
        <translation>medlemmet var 18 år eller eldre {date} og gir samtykket selv; en foresatt kan ikke lenger gjøre det</translation>
    </message>
    <message>
        <source>a consent to {kind} (text version {version}) is in force since {date}</source>
        <translation>et samtykke til {kind} (tekstversjon {version}) har gjeldt siden {date}</translation>
    </message>
    <message>
        <source>a consent to {kind} (text version {version}) is already in force</source>
        <translation>et samtykke til {kind} (tekstversjon {version}) gjelder allerede</translation>
    </message>
    <message>
        <source>a withdrawal cannot be dated on a day still to come</source>
        <translation>en tilbaketrekking kan ikke dateres frem i tid</translation>
    </message>
    <message>
        <source>the consent was already withdrawn on {date}</source>
        <translation>samtykket ble allerede trukket tilbake {date}</translation>
    </message>
    <message>
        <source>the withdrawal cannot be before the consent was given ({date})</source>
        <translation>tilbaketrekkingen kan ikke være før samtykket ble gitt ({date})</translation>
    </message>
    <message>
        <source>the erasure was saved, but the erasure journal {path} could not be written ({reason}): a backup restored later may bring the person back</source>
        <translation>slettingen ble lagret, men slettejournalen {path} kunne ikke skrives ({reason}): en sikkerhetskopi som gjenopprettes senere, kan hente personen tilbake</translation>
    </message>
    <message>
        <source>give a name, or the start of one, to search for</source>
        <translation>oppgi et navn, eller starten på et, å søke etter</translation>
    </message>
    <message>
        <source>must be between {low} and {high} {unit}</source>
        <translation>må være mellom {low} og {high} {unit}</translation>
    </message>
    <message>
        <source>months</source>
        <translation>måneder</translation>
    </message>
    <message>
        <source>Remove contact and health data after (months)</source>
        <translation>Fjern kontakt- og helseopplysninger etter (måneder)</translation>
    </message>
    <message>
        <source>years</source>
        <translation>år</translation>
    </message>
    <message>
        <source>Erase the person after (years)</source>
        <translation>Slett personen etter (år)</translation>
    </message>
    <message>
        <source>Erase: name, contact and health data, notes and exact dates go; gender, birth year, municipality, ensemble, section and seasons stay for statistics</source>
        <translation>Slett: navn, kontakt- og helseopplysninger, merknader og nøyaktige datoer slettes; kjønn, fødselsår, kommune, ensemble, instrumentgruppe og sesonger beholdes til statistikk</translation>
    </message>
    <message>
        <source>Remove contact and health data and guardians; name, birth date and attendance stay for course grant reports until {date}</source>
        <translation>Fjern kontakt- og helseopplysninger og foresatte; navn, fødselsdato og oppmøte beholdes for rapportene om kurstilskudd til og med {date}</translation>
    </message>
    <message>
        <source>{database} is not encrypted, so it has no key (&apos;vrus encrypt&apos; encrypts it)</source>
        <translation>{database} er ikke kryptert og har derfor ingen nøkkel (&apos;vrus encrypt&apos; krypterer registeret)</translation>
    </message>
    <message>
        <source>the register&apos;s key is the passphrase in {path}: that file is what opens it; keep a copy of it locked away</source>
        <translation>registerets nøkkel er passordfrasen i {path}: det er den filen som åpner registeret; oppbevar en kopi av den innelåst</translation>
    </message>
    <message>
        <source>Recovery sheet written to {path}: print it, then delete the file</source>
        <translation>Gjenopprettingsarket er skrevet til {path}: skriv det ut, og slett deretter filen</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>kan ikke lese {path}: {reason}</translation>
    </message>
    <message>
        <source>Type the recovery key from the sheet (14 groups; spaces and dashes do not matter), then Enter:</source>
        <translation>Skriv inn gjenopprettingsnøkkelen fra arket (14 grupper; mellomrom og bindestreker spiller ingen rolle), og trykk Enter:</translation>
    </message>
    <message>
        <source>The recovery key is kept in the key store ({name}) for {path}</source>
        <translation>Gjenopprettingsnøkkelen er lagret i nøkkelringen ({name}) for {path}</translation>
    </message>
    <message>
        <source>{database} is a server database: the server protects its own files</source>
        <translation>{database} er en serverdatabase: serveren beskytter sine egne filer</translation>
    </message>
    <message>
        <source>{path} is encrypted already</source>
        <translation>{path} er allerede kryptert</translation>
    </message>
    <message>
        <source>Encrypted {path}; the key is kept in {place}</source>
        <translation>{path} er kryptert; nøkkelen oppbevares i {place}</translation>
    </message>
    <message>
        <source>Backups encrypted: {count}</source>
        <translation>Krypterte sikkerhetskopier: {count}</translation>
    </message>
    <message>
        <source>damaged plain backups that could not be read, and were deleted: {count}</source>
        <translation>skadde ukrypterte sikkerhetskopier som ikke kunne leses, og som ble slettet: {count}</translation>
    </message>
    <message>
        <source>{path} is NOT encrypted: anyone who gets the file can read the children&apos;s data; give it only to whoever needs it, and delete it when done</source>
        <translation>{path} er IKKE kryptert: alle som får tak i filen, kan lese barnas opplysninger; gi den bare til den som trenger den, og slett den når den er brukt</translation>
    </message>
    <message>
        <source>Print the recovery sheet now (&apos;vrus key export -o sheet.pdf&apos;); copies written elsewhere with &apos;vrus backup -o&apos; are still plain: delete them or make new ones</source>
        <translation>Skriv ut gjenopprettingsarket nå (&apos;vrus key export -o sheet.pdf&apos;); kopier som er skrevet andre steder med &apos;vrus backup -o&apos;, er fortsatt ukrypterte: slett dem, eller lag nye</translation>
    </message>
    <message>
        <source>Plain copy written to {path}</source>
        <translation>Ukryptert kopi er skrevet til {path}</translation>
    </message>
    <message>
        <source>a server database has no key in this computer&apos;s key store</source>
        <translation>en serverdatabase har ingen nøkkel i nøkkelringen på denne datamaskinen</translation>
    </message>
    <message>
        <source>the converted copy failed its check: {problem}</source>
        <translation>den konverterte kopien besto ikke kontrollen: {problem}</translation>
    </message>
    <message>
        <source>the converted copy differs from the register in the table {table}</source>
        <translation>den konverterte kopien er ulik registeret i tabellen {table}</translation>
    </message>
    <message>
        <source>{path} is in use by another VRUS window or program; close it and try again</source>
        <translation>{path} er i bruk av et annet VRUS-vindu eller program; lukk det og prøv igjen</translation>
    </message>
    <message>
        <source>{path}: no register there to encrypt</source>
        <translation>{path}: det er ikke noe register der som kan krypteres</translation>
    </message>
    <message>
        <source>the register is not encrypted: &apos;vrus backup -o FILE&apos; copies it</source>
        <translation>registeret er ikke kryptert: &apos;vrus backup -o FILE&apos; kopierer det</translation>
    </message>
    <message>
        <source>{path}: a copy of the register is a database file; give it a name ending in .sqlite3</source>
        <translation>{path}: en kopi av registeret er en databasefil; gi den et navn som slutter på .sqlite3</translation>
    </message>
    <message>
        <source>{path} is not encrypted: it needs no key</source>
        <translation>{path} er ikke kryptert og trenger ingen nøkkel</translation>
    </message>
    <message>
        <source>this recovery key does not open {path}: is it this register&apos;s sheet? (a backup made elsewhere is restored with its own key: &apos;vrus restore FILE --backup-key-file KEYFILE&apos;)</source>
        <translation>denne gjenopprettingsnøkkelen åpner ikke {path}: er det dette registerets ark? (en sikkerhetskopi laget et annet sted gjenopprettes med sin egen nøkkel: &apos;vrus restore FILE --backup-key-file KEYFILE&apos;)</translation>
    </message>
    <message>
        <source>a key file</source>
        <translation>en nøkkelfil</translation>
    </message>
    <message>
        <source>VRUS recovery sheet</source>
        <translation>Gjenopprettingsark for VRUS</translation>
    </message>
    <message>
        <source>The key is normally kept in</source>
        <translation>Nøkkelen oppbevares vanligvis i</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Gjenopprettingsnøkkel</translation>
    </message>
    <message>
        <source>14 groups of 4 characters; the last group checks the others. Digits and the letters A-Z except I, L, O and U: 0 is always zero, 1 always one.</source>
        <translation>14 grupper med 4 tegn; den siste gruppen kontrollerer de andre. Sifre og bokstavene A-Z unntatt I, L, O og U: 0 er alltid null, 1 alltid én.</translation>
    </message>
    <message>
        <source>What this sheet is for</source>
        <translation>Hva dette arket er til</translation>
    </message>
    <message>
        <source>With this sheet the register can be opened on a new computer, or on this one after the key store that holds its key is lost.</source>
        <translation>Med dette arket kan registeret åpnes på en ny datamaskin, eller på denne hvis nøkkelringen med nøkkelen har gått tapt.</translation>
    </message>
    <message>
        <source>Type the key in with the command &apos;vrus key import&apos;, or in the window, which asks for it when it cannot open the register.</source>
        <translation>Skriv inn nøkkelen med kommandoen &apos;vrus key import&apos;, eller i vinduet, som spør etter den når det ikke kan åpne registeret.</translation>
    </message>
    <message>
        <source>Keep it safe</source>
        <translation>Ta godt vare på arket</translation>
    </message>
    <message>
        <source>Keep the sheet locked away, like a house key.</source>
        <translation>Lås arket inn, og ta like godt vare på det som på en husnøkkel.</translation>
    </message>
    <message>
        <source>Never photograph it, scan it or send it by e-mail.</source>
        <translation>Arket må aldri fotograferes, skannes eller sendes på e-post.</translation>
    </message>
    <message>
        <source>Anyone who has this sheet and a copy of the register file can read the children&apos;s data.</source>
        <translation>Alle som har dette arket og en kopi av registerfilen, kan lese barnas opplysninger.</translation>
    </message>
    <message>
        <source>If the register gets a new key, this sheet no longer opens it: print a new sheet and shred this one.</source>
        <translation>Får registeret en ny nøkkel, åpner ikke dette arket det lenger: skriv ut et nytt ark, og makuler dette.</translation>
    </message>
    <message>
        <source>this key cannot be written as a recovery key: only a key of 64 hexadecimal characters can; keep a copy of the key file instead</source>
        <translation>denne nøkkelen kan ikke skrives som en gjenopprettingsnøkkel, det kan bare en nøkkel på 64 heksadesimale tegn; oppbevar heller en kopi av nøkkelfilen</translation>
    </message>
    <message>
        <source>the key has 64 characters, as a key written in hexadecimal has, but &apos;{character}&apos; is not a hexadecimal digit (0-9, a-f)</source>
        <translation>nøkkelen har 64 tegn, slik en heksadesimal nøkkel har, men &apos;{character}&apos; er ikke et heksadesimalt siffer (0-9, a-f)</translation>
    </message>
    <message>
        <source>the recovery key has {count} characters; it should have 56 (14 groups of 4)</source>
        <translation>gjenopprettingsnøkkelen har {count} tegn; den skal ha 56 (14 grupper med 4)</translation>
    </message>
    <message>
        <source>the recovery key has &apos;{character}&apos; in group {group}, which is not a character of recovery keys (digits and the letters A-Z except I, L, O and U)</source>
        <translation>gjenopprettingsnøkkelen har &apos;{character}&apos; i gruppe {group}, som ikke er et tegn i gjenopprettingsnøkler (sifre og bokstavene A–Z unntatt I, L, O og U)</translation>
    </message>
    <message>
        <source>the recovery key has a typing error: the last group does not match the others; check each group against the sheet</source>
        <translation>gjenopprettingsnøkkelen har en skrivefeil: den siste gruppen stemmer ikke med de andre; sammenlign hver gruppe med arket</translation>
    </message>
    <message>
        <source>the new register {path} is NOT encrypted: this computer has no key store and no key file was given ({variable}); anyone with the file can read it. Run &apos;vrus encrypt&apos; once it has a key store or a key file</source>
        <translation>det nye registeret {path} er IKKE kryptert: denne datamaskinen har ingen nøkkelring, og ingen nøkkelfil ble oppgitt ({variable}); alle som har filen, kan lese det. Kjør &apos;vrus encrypt&apos; når den har en nøkkelring eller en nøkkelfil</translation>
    </message>
    <message>
        <source>{database} is set up for several users (roles {groups}); add each user with &apos;vrus server add-user NAME --role ROLE&apos;</source>
        <translation>{database} er satt opp for flere brukere (rollene {groups}); legg til hver bruker med &apos;vrus server add-user NAME --role ROLE&apos;</translation>
    </message>
    <message>
        <source>Login {name} created with the role {role} and a password</source>
        <translation>Brukeren {name} er opprettet med rollen {role} og et passord</translation>
    </message>
    <message>
        <source>Login {name} created with the role {role}, without a password (for a server that lets it in by peer or certificate)</source>
        <translation>Brukeren {name} er opprettet med rollen {role}, uten passord (for en server som slipper den inn med peer eller sertifikat)</translation>
    </message>
    <message>
        <source>Set up {server} (it was empty)</source>
        <translation>{server} er satt opp (den var tom)</translation>
    </message>
    <message>
        <source>The register now lives in {server}; {path} is read-only, with a note beside it ({note}).</source>
        <translation>Registeret ligger nå på {server}; {path} er skrivebeskyttet, med et notat ved siden av ({note}).</translation>
    </message>
    <message>
        <source>{path} is on a network share ({kind}): SQLite&apos;s locking does not work there, and the register could be damaged when two computers use it. Keep the file on this computer; for several users, share a server instead (&apos;vrus server setup&apos;, docs/server.md)</source>
        <translation>{path} ligger i en delt nettverksmappe ({kind}): låsingen i SQLite virker ikke der, og registeret kan bli skadet når to datamaskiner bruker det. Ha filen på denne datamaskinen; skal flere bruke registeret, del heller en server (&apos;vrus server setup&apos;, docs/server.md)</translation>
    </message>
    <message>
        <source>not a server address</source>
        <translation>ikke en serveradresse</translation>
    </message>
    <message>
        <source>not a PostgreSQL server address</source>
        <translation>ikke en PostgreSQL-serveradresse</translation>
    </message>
    <message>
        <source>the server&apos;s host name is required</source>
        <translation>vertsnavnet til serveren må oppgis</translation>
    </message>
    <message>
        <source>the host name is one word, like db.example.no</source>
        <translation>vertsnavnet er ett ord, for eksempel db.example.no</translation>
    </message>
    <message>
        <source>the database is required</source>
        <translation>databasen må oppgis</translation>
    </message>
    <message>
        <source>the user name is required</source>
        <translation>brukernavnet må oppgis</translation>
    </message>
    <message>
        <source>the port is a number from 1 to 65535 (usually 5432)</source>
        <translation>porten er et tall fra 1 til 65535 (vanligvis 5432)</translation>
    </message>
    <message>
        <source>{address}: connected, but the database holds no VRUS register yet: its owner runs &apos;vrus server setup&apos; first (docs/server.md)</source>
        <translation>{address}: tilkoblet, men databasen har ikke noe VRUS-register ennå: eieren av databasen kjører &apos;vrus server setup&apos; først (docs/server.md)</translation>
    </message>
    <message>
        <source>{address}: connected; the register is there.</source>
        <translation>{address}: tilkoblet; registeret er der.</translation>
    </message>
    <message>
        <source>the PostgreSQL driver is not installed: install it with pip install &apos;vrus[server]&apos;</source>
        <translation>PostgreSQL-driveren er ikke installert: installer den med pip install &apos;vrus[server]&apos;</translation>
    </message>
    <message>
        <source>{address}: cannot connect: {reason}</source>
        <translation>{address}: kan ikke koble til: {reason}</translation>
    </message>
    <message>
        <source>{address}: the password is wrong (or the server has no user {user})</source>
        <translation>{address}: passordet er feil (eller serveren har ingen bruker {user})</translation>
    </message>
    <message>
        <source>{address}: the server asks for a password; type it in</source>
        <translation>{address}: serveren ber om et passord; skriv det inn</translation>
    </message>
    <message>
        <source>{address}: the server has no user {user} (the database owner adds it with &apos;vrus server add-user&apos;)</source>
        <translation>{address}: serveren har ingen bruker {user} (eieren av databasen legger den til med &apos;vrus server add-user&apos;)</translation>
    </message>
    <message>
        <source>{address}: the server has no database {database}; check the name (the owner of the server creates it)</source>
        <translation>{address}: serveren har ingen database {database}; sjekk navnet (eieren av serveren oppretter den)</translation>
    </message>
    <message>
        <source>{address}: the user {user} may not connect to the database {database}</source>
        <translation>{address}: brukeren {user} har ikke lov til å koble til databasen {database}</translation>
    </message>
    <message>
        <source>{address}: the server does not accept {user} from this computer (its pg_hba.conf; see docs/server.md)</source>
        <translation>{address}: serveren godtar ikke {user} fra denne datamaskinen (serverens pg_hba.conf; se docs/server.md)</translation>
    </message>
    <message>
        <source>{host}: no computer has this name; check the host name and the internet connection</source>
        <translation>{host}: ingen datamaskin har dette navnet; sjekk vertsnavnet og internettforbindelsen</translation>
    </message>
    <message>
        <source>{host}:{port}: no database server answers there; check the host name and port, and that the server is running</source>
        <translation>{host}:{port}: ingen databaseserver svarer der; sjekk vertsnavnet og porten, og at serveren kjører</translation>
    </message>
    <message>
        <source>{host}:{port}: the server does not answer; check the host name and port, the network, and that no firewall is in the way</source>
        <translation>{host}:{port}: serveren svarer ikke; sjekk vertsnavnet og porten, nettverket, og at ingen brannmur er i veien</translation>
    </message>
    <message>
        <source>{address}: the encrypted connection (TLS) failed: the server and this computer do not agree on TLS or its certificate (see docs/server.md)</source>
        <translation>{address}: den krypterte forbindelsen (TLS) mislyktes: serveren og denne datamaskinen er ikke enige om TLS eller sertifikatet (se docs/server.md)</translation>
    </message>
    <message>
        <source>{address}: the server has no free connections now; try again later</source>
        <translation>{address}: serveren har ingen ledige tilkoblinger nå; prøv igjen senere</translation>
    </message>
    <message>
        <source>{address}: the server is starting or stopping; try again in a moment</source>
        <translation>{address}: serveren holder på å starte eller stoppe; prøv igjen om litt</translation>
    </message>
    <message>
        <source>This VRUS register was moved to a database server on {date}. It lives there now; this file is kept read-only as it was at the move.</source>
        <translation>Dette VRUS-registeret ble flyttet til en databaseserver {date}. Det ligger der nå; denne filen er skrivebeskyttet og beholdes slik den var da registeret ble flyttet.</translation>
    </message>
    <message>
        <source>Connect to the server in the window (File menu) or with VRUS_DATABASE_URL.</source>
        <translation>Koble til serveren i vinduet (Fil-menyen) eller med VRUS_DATABASE_URL.</translation>
    </message>
    <message>
        <source>{path} was moved to the server {server}</source>
        <translation>{path} ble flyttet til serveren {server}</translation>
    </message>
    <message>
        <source>{path} was moved to the server {server} on {date}</source>
        <translation>{path} ble flyttet til serveren {server} {date}</translation>
    </message>
    <message>
        <source>{where} and is kept read-only: connect to the server instead (File menu, or VRUS_DATABASE_URL); to use this file as a register of its own again, give it back its write permission</source>
        <translation>{where} og er skrivebeskyttet: koble heller til serveren (Fil-menyen eller VRUS_DATABASE_URL); for å bruke denne filen som et eget register igjen, gi den skrivetilgangen tilbake</translation>
    </message>
    <message>
        <source>{database} is a register file: back it up with &apos;vrus backup&apos;</source>
        <translation>{database} er en registerfil: sikkerhetskopier den med &apos;vrus backup&apos;</translation>
    </message>
    <message>
        <source>the backup of {database} was not kept: {problem}</source>
        <translation>sikkerhetskopien av {database} ble ikke beholdt: {problem}</translation>
    </message>
    <message>
        <source>the backup of {database} failed: {reason}</source>
        <translation>sikkerhetskopieringen av {database} mislyktes: {reason}</translation>
    </message>
    <message>
        <source>your role</source>
        <translation>rollen din</translation>
    </message>
    <message>
        <source>your login ({login}, with no VRUS role)</source>
        <translation>brukeren din ({login}, uten VRUS-rolle)</translation>
    </message>
    <message>
        <source>your role ({role})</source>
        <translation>rollen din ({role})</translation>
    </message>
    <message>
        <source>{who} may not write this row of {table}</source>
        <translation>{who} har ikke lov til å skrive denne raden i {table}</translation>
    </message>
    <message>
        <source>{who} may not do this: {reason}</source>
        <translation>{who} har ikke lov til å gjøre dette: {reason}</translation>
    </message>
    <message>
        <source>{who} may not add {columns}</source>
        <translation>{who} har ikke lov til å legge inn {columns}</translation>
    </message>
    <message>
        <source>{who} may not change {columns}</source>
        <translation>{who} har ikke lov til å endre {columns}</translation>
    </message>
    <message>
        <source>{who} may not read {columns}</source>
        <translation>{who} har ikke lov til å lese {columns}</translation>
    </message>
    <message>
        <source>{who} may not add rows to {table}</source>
        <translation>{who} har ikke lov til å legge til rader i {table}</translation>
    </message>
    <message>
        <source>{who} may not change {table}</source>
        <translation>{who} har ikke lov til å endre {table}</translation>
    </message>
    <message>
        <source>{who} may not delete from {table}</source>
        <translation>{who} har ikke lov til å slette fra {table}</translation>
    </message>
    <message>
        <source>{who} may not read {table}</source>
        <translation>{who} har ikke lov til å lese {table}</translation>
    </message>
    <message>
        <source>{database}: the table {table} is not one this VRUS knows; nothing was copied</source>
        <translation>{database}: tabellen {table} er ikke en tabell denne VRUS-versjonen kjenner; ingenting ble kopiert</translation>
    </message>
    <message>
        <source>{database}: the table {table} is missing; nothing was copied</source>
        <translation>{database}: tabellen {table} mangler; ingenting ble kopiert</translation>
    </message>
    <message>
        <source>{database}: the table {table} has other columns than this VRUS knows; nothing was copied</source>
        <translation>{database}: tabellen {table} har andre kolonner enn denne VRUS-versjonen kjenner; ingenting ble kopiert</translation>
    </message>
    <message>
        <source>the rows of {table} could not be copied ({reason}); nothing was copied</source>
        <translation>radene i {table} kunne ikke kopieres ({reason}); ingenting ble kopiert</translation>
    </message>
    <message>
        <source>the copy of {table} does not match the register (row count or checksum); nothing was copied</source>
        <translation>kopien av {table} stemmer ikke med registeret (antall rader eller kontrollsum); ingenting ble kopiert</translation>
    </message>
    <message>
        <source>the register has schema {source} and {database} schema {target}; nothing was copied</source>
        <translation>registeret har skjema {source} og {database} skjema {target}; ingenting ble kopiert</translation>
    </message>
    <message>
        <source>the login {user} has no VRUS role in the database {database}: the database owner gives it one with &apos;vrus server add-user&apos;</source>
        <translation>brukeren {user} har ingen VRUS-rolle i databasen {database}: eieren av databasen gir den en rolle med &apos;vrus server add-user&apos;</translation>
    </message>
    <message>
        <source>&apos;{command}&apos; is for a register on a PostgreSQL server (postgresql+psycopg://user@host/database); a register file needs no users</source>
        <translation>&apos;{command}&apos; er for et register på en PostgreSQL-server (postgresql+psycopg://bruker@vert/database); en registerfil trenger ingen brukere</translation>
    </message>
    <message>
        <source>only the owner of the database {database} (or a superuser) can set it up; {user} is not</source>
        <translation>bare eieren av databasen {database} (eller en superbruker) kan sette den opp, og det er ikke {user}</translation>
    </message>
    <message>
        <source>the setup was refused by the server ({reason}): the owner needs the right to create roles (CREATEROLE), or a superuser runs &apos;vrus server setup&apos;</source>
        <translation>serveren avviste oppsettet ({reason}): eieren trenger rett til å opprette roller (CREATEROLE), ellers må en superbruker kjøre &apos;vrus server setup&apos;</translation>
    </message>
    <message>
        <source>the setup failed: {reason}</source>
        <translation>oppsettet mislyktes: {reason}</translation>
    </message>
    <message>
        <source>a login needs a name without control characters</source>
        <translation>en bruker må ha et navn uten kontrolltegn</translation>
    </message>
    <message>
        <source>{name}: a login&apos;s name is at most {size} bytes long</source>
        <translation>{name}: navnet på en bruker kan være høyst {size} byte langt</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a role: use {roles}</source>
        <translation>&apos;{value}&apos; er ikke en rolle: bruk {roles}</translation>
    </message>
    <message>
        <source>the database {database} is not set up for several users yet: run &apos;vrus server setup&apos; first</source>
        <translation>databasen {database} er ikke satt opp for flere brukere ennå: kjør &apos;vrus server setup&apos; først</translation>
    </message>
    <message>
        <source>{name}: a login (or role) of that name exists already; choose another name (an existing login&apos;s role is changed by the owner, see docs/server.md)</source>
        <translation>{name}: det finnes allerede en bruker (eller rolle) med det navnet; velg et annet navn (rollen til en eksisterende bruker endres av eieren, se docs/server.md)</translation>
    </message>
    <message>
        <source>{name}: the server refused to create the login ({reason}); the database owner needs the right to create roles (CREATEROLE)</source>
        <translation>{name}: serveren nektet å opprette brukeren ({reason}); eieren av databasen trenger rett til å opprette roller (CREATEROLE)</translation>
    </message>
    <message>
        <source>{name}: the login could not be created: {reason}</source>
        <translation>{name}: brukeren kunne ikke opprettes: {reason}</translation>
    </message>
    <message>
        <source>{path}: cannot read the password file ({reason})</source>
        <translation>{path}: kan ikke lese passordfilen ({reason})</translation>
    </message>
    <message>
        <source>{path}: the password file is empty</source>
        <translation>{path}: passordfilen er tom</translation>
    </message>
    <message>
        <source>the two passwords differ; nothing was created</source>
        <translation>de to passordene er ulike; ingenting ble opprettet</translation>
    </message>
    <message>
        <source>not a database URL (like postgresql+psycopg://user@host/database)</source>
        <translation>ikke en database-URL (for eksempel postgresql+psycopg://bruker@vert/database)</translation>
    </message>
    <message>
        <source>{url} is a register file: a register moves to a server database (postgresql+psycopg://user@host/database); to copy a file, use &apos;vrus backup&apos;</source>
        <translation>{url} er en registerfil: et register flyttes til en serverdatabase (postgresql+psycopg://bruker@vert/database); bruk &apos;vrus backup&apos; for å kopiere en fil</translation>
    </message>
    <message>
        <source>cannot connect to {database}: {reason}</source>
        <translation>kan ikke koble til {database}: {reason}</translation>
    </message>
    <message>
        <source>{database} holds tables of another program; a register moves only into an empty database</source>
        <translation>{database} inneholder tabeller fra et annet program; et register kan bare flyttes inn i en tom database</translation>
    </message>
    <message>
        <source>{database} already holds a register (rows in {table}); a register moves only into an empty database. Nothing was changed.</source>
        <translation>{database} inneholder allerede et register (rader i {table}); et register kan bare flyttes inn i en tom database. Ingenting ble endret.</translation>
    </message>
    <message>
        <source>{database} is already a server database</source>
        <translation>{database} er allerede en serverdatabase</translation>
    </message>
    <message>
        <source>the register was moved to {server} and checked, but {path} could not be marked as moved ({reason}): do not use the file any more</source>
        <translation>registeret ble flyttet til {server} og kontrollert, men {path} kunne ikke merkes som flyttet ({reason}): ikke bruk filen mer</translation>
    </message>
    <message>
        <source>{database}: only the database&apos;s owner (who ran &apos;vrus server setup&apos;) can move a register into it ({reason}); nothing was copied</source>
        <translation>{database}: bare eieren av databasen (den som kjørte &apos;vrus server setup&apos;) kan flytte et register inn i den ({reason}); ingenting ble kopiert</translation>
    </message>
    <message>
        <source>{database} is in use (another connection holds its tables); nothing was copied: try again when nobody else is connected</source>
        <translation>{database} er i bruk (en annen tilkobling holder på tabellene); ingenting ble kopiert: prøv igjen når ingen andre er tilkoblet</translation>
    </message>
    <message>
        <source>{database}: the copy failed ({reason}); nothing was copied</source>
        <translation>{database}: kopieringen mislyktes ({reason}); ingenting ble kopiert</translation>
    </message>
    <message>
        <source>first and last name swapped</source>
        <translation>fornavn og etternavn byttet om</translation>
    </message>
    <message>
        <source>a name missing in the answer</source>
        <translation>et navn mangler i svaret</translation>
    </message>
    <message>
        <source>a name more in the answer than in the register</source>
        <translation>ett navn mer i svaret enn i registeret</translation>
    </message>
    <message>
        <source>name spelt differently</source>
        <translation>navnet er stavet annerledes</translation>
    </message>
    <message>
        <source>same first name, another last name</source>
        <translation>samme fornavn, annet etternavn</translation>
    </message>
    <message>
        <source>same last name, another first name</source>
        <translation>samme etternavn, annet fornavn</translation>
    </message>
    <message>
        <source>birth date with day and month swapped</source>
        <translation>fødselsdato med dag og måned byttet om</translation>
    </message>
    <message>
        <source>birth date with one digit different</source>
        <translation>fødselsdato med ett siffer ulikt</translation>
    </message>
    <message>
        <source>the answer gives no name</source>
        <translation>svaret oppgir ikke noe navn</translation>
    </message>
    <message>
        <source>same name and birth date</source>
        <translation>samme navn og fødselsdato</translation>
    </message>
    <message>
        <source>several persons have this name and birth date</source>
        <translation>flere personer har dette navnet og denne fødselsdatoen</translation>
    </message>
    <message>
        <source>same name; the register has no birth date for this person</source>
        <translation>samme navn; registeret har ingen fødselsdato for denne personen</translation>
    </message>
    <message>
        <source>no person with exactly this name and birth date</source>
        <translation>ingen person med nøyaktig dette navnet og denne fødselsdatoen</translation>
    </message>
    <message>
        <source>same name, another birth date</source>
        <translation>samme navn, annen fødselsdato</translation>
    </message>
    <message>
        <source>a person of this name is in the register with another birth date</source>
        <translation>en person med dette navnet står i registeret med en annen fødselsdato</translation>
    </message>
    <message>
        <source>no person in the register with this name and birth date</source>
        <translation>ingen person i registeret med dette navnet og denne fødselsdatoen</translation>
    </message>
    <message>
        <source>matched by name alone: the answer gives no birth date</source>
        <translation>funnet bare på navnet: svaret oppgir ingen fødselsdato</translation>
    </message>
    <message>
        <source>matched by name alone: the only one of {count} persons of this name invited to the event</source>
        <translation>funnet bare på navnet: den eneste av {count} personer med dette navnet som er invitert til arrangementet</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>samme navn</translation>
    </message>
    <message>
        <source>{count} persons in the register have this name and the answer gives no birth date</source>
        <translation>{count} personer i registeret har dette navnet, og svaret oppgir ingen fødselsdato</translation>
    </message>
    <message>
        <source>no person with exactly this name; the answer gives no birth date</source>
        <translation>ingen person med nøyaktig dette navnet; svaret oppgir ingen fødselsdato</translation>
    </message>
    <message>
        <source>no person in the register with this name</source>
        <translation>ingen person i registeret med dette navnet</translation>
    </message>
    <message>
        <source>{name} is archived (a former member); restore the person first to sign them up</source>
        <translation>{name} er arkivert (tidligere medlem); hent personen tilbake først for å melde vedkommende på</translation>
    </message>
    <message>
        <source>Contact line of invitations</source>
        <translation>Kontaktperson i invitasjoner</translation>
    </message>
    <message>
        <source>a mail link of {limit} characters cannot hold even one address</source>
        <translation>en e-postlenke på {limit} tegn har ikke plass til en eneste adresse</translation>
    </message>
    <message>
        <source>Bring your instrument, a music stand, your music and a pencil.</source>
        <translation>Ta med instrument, notestativ, noter og blyant.</translation>
    </message>
    <message>
        <source>Bring your instrument and your music; wear concert clothes.</source>
        <translation>Ta med instrument og noter, og kom i konsertantrekk.</translation>
    </message>
    <message>
        <source>there is no season {year} in the register</source>
        <translation>det finnes ingen sesong {year} i registeret</translation>
    </message>
    <message>
        <source>{title} (day {number} of {count})</source>
        <translation>{title} (dag {number} av {count})</translation>
    </message>
    <message>
        <source>CANCELLED: {summary}</source>
        <translation>AVLYST: {summary}</translation>
    </message>
    <message>
        <source>{kind}: {type}</source>
        <translation>{kind}: {type}</translation>
    </message>
    <message>
        <source>This event is cancelled.</source>
        <translation>Dette arrangementet er avlyst.</translation>
    </message>
    <message>
        <source>For {ensembles}.</source>
        <translation>For {ensembles}.</translation>
    </message>
    <message>
        <source>Lunch is served.</source>
        <translation>Det serveres lunsj.</translation>
    </message>
    <message>
        <source>Sign up by {deadline}.</source>
        <translation>Meld på innen {deadline}.</translation>
    </message>
    <message>
        <source>{orchestra}: {ensemble}, season {season}</source>
        <translation>{orchestra}: {ensemble}, sesongen {season}</translation>
    </message>
    <message>
        <source>{orchestra}, season {season}</source>
        <translation>{orchestra}, sesongen {season}</translation>
    </message>
    <message>
        <source>the same details were changed again meanwhile (in another window or by another user); nothing was changed</source>
        <translation>de samme opplysningene er endret på nytt i mellomtiden (i et annet vindu eller av en annen bruker); ingenting ble endret</translation>
    </message>
</context>
<context>
    <name>CourseRulesEditor</name>
    <message>
        <source>Minimum age (turned in the course year)</source>
        <translation>Minstealder (fylt i kursåret)</translation>
    </message>
    <message>
        <source>Minimum attendance (share of the hours)</source>
        <translation>Minste oppmøte (andel av timene)</translation>
    </message>
    <message>
        <source>Minimum course hours</source>
        <translation>Minste antall kurstimer</translation>
    </message>
    <message>
        <source>Minimum participants who count</source>
        <translation>Minste antall deltakere som teller</translation>
    </message>
    <message>
        <source>The study association&apos;s rules for adult-education course grants, used by the course report. A change is saved at once, in the register, for everyone who uses it.</source>
        <translation>Studieforbundets regler for tilskudd til voksenopplæring, brukt av kursrapporten. En endring lagres med en gang, i registeret, for alle som bruker det.</translation>
    </message>
    <message>
        <source>For all years</source>
        <translation>For alle år</translation>
    </message>
    <message>
        <source>For one course year</source>
        <translation>For ett kursår</translation>
    </message>
    <message>
        <source>A rule set for one year applies to courses that end in that year, instead of the rule for all years.</source>
        <translation>En regel satt for ett år gjelder kurs som slutter det året, i stedet for regelen for alle år.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Tilbakestill</translation>
    </message>
    <message>
        <source>Use today&apos;s default again</source>
        <translation>Bruk dagens standardverdi igjen</translation>
    </message>
    <message>
        <source>{rule}:</source>
        <translation>{rule}:</translation>
    </message>
    <message>
        <source>Set for the year</source>
        <translation>Sett for året</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>År:</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Regel:</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>Verdi:</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>År</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Verdi</translation>
    </message>
    <message>
        <source>Changed; today&apos;s default is {value}</source>
        <translation>Endret; dagens standardverdi er {value}</translation>
    </message>
    <message>
        <source>Today&apos;s default</source>
        <translation>Dagens standardverdi</translation>
    </message>
    <message>
        <source>not a valid value</source>
        <translation>ikke en gyldig verdi</translation>
    </message>
    <message>
        <source>{value}: removed, the rule for all years applies</source>
        <translation>{value}: fjernet, regelen for alle år gjelder</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Remove built-in rule…</source>
        <translation>Fjern standardregelen…</translation>
    </message>
    <message>
        <source>Built into VRUS from what the sources tell about {year}</source>
        <translation>Lagt inn i VRUS etter det kildene forteller om {year}</translation>
    </message>
    <message>
        <source>Restore the built-in rule</source>
        <translation>Gjenopprett standardregelen</translation>
    </message>
    <message>
        <source>change of {rule}</source>
        <translation>endring av {rule}</translation>
    </message>
    <message>
        <source>reset of {rule}</source>
        <translation>tilbakestilling av {rule}</translation>
    </message>
    <message>
        <source>setting of {rule} for {year}</source>
        <translation>innstilling av {rule} for {year}</translation>
    </message>
    <message>
        <source>removal of {rule} for {year}</source>
        <translation>fjerning av {rule} for {year}</translation>
    </message>
    <message>
        <source>Remove the built-in rule</source>
        <translation>Fjern standardregelen</translation>
    </message>
    <message>
        <source>Remove the built-in rule for {year}: {rule} {value}? Courses that end in {year} then follow the rule for all years. The built-in rule can be restored.</source>
        <translation>Fjerne standardregelen for {year}: {rule} {value}? Kurs som slutter i {year}, følger da regelen for alle år. Standardregelen kan gjenopprettes.</translation>
    </message>
    <message>
        <source>Remove the rule</source>
        <translation>Fjern regelen</translation>
    </message>
    <message>
        <source>removal of the built-in rule for {year} ({rule})</source>
        <translation>fjerning av standardregelen for {year} ({rule})</translation>
    </message>
    <message>
        <source>restoring of the built-in rule for {year} ({rule})</source>
        <translation>gjenoppretting av standardregelen for {year} ({rule})</translation>
    </message>
    <message>
        <source>{rule}: {reason} Nothing was saved.</source>
        <translation>{rule}: {reason} Ingenting ble lagret.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Lagret.</translation>
    </message>
</context>
<context>
    <name>CourseSeminars</name>
    <message>
        <source>Seminars in the &amp;course</source>
        <translation>Seminarer i &amp;kurset</translation>
    </message>
    <message>
        <source>Tick the seminars that are reported together as one course. The course hours are the days&apos; times; the rules are in the report.</source>
        <translation>Kryss av seminarene som rapporteres samlet som ett kurs. Kurstimene regnes fra dagenes klokkeslett; reglene står i rapporten.</translation>
    </message>
</context>
<context>
    <name>DamagedRegisterBox</name>
    <message>
        <source>VRUS – damaged register</source>
        <translation>VRUS – skadet register</translation>
    </message>
    <message>
        <source>The register is damaged and cannot be opened as it is.</source>
        <translation>Registeret er skadet og kan ikke åpnes slik det er.</translation>
    </message>
    <message>
        <source>SQLite&apos;s integrity check of {path} found: {problem}</source>
        <translation>Integritetskontrollen av {path} fant: {problem}</translation>
    </message>
    <message>
        <source>No good backup was found. Keep the file as it is and ask for help: the log file says more.</source>
        <translation>Ingen god sikkerhetskopi ble funnet. La filen være som den er, og be om hjelp: loggfilen sier mer.</translation>
    </message>
    <message>
        <source>The newest good backup is from {taken} ({kind}). Restoring it replaces the damaged register: what was saved after {taken} is lost. The damaged file is kept as a safety copy in the backups folder.</source>
        <translation>Den nyeste gode sikkerhetskopien er fra {taken} ({kind}). Å gjenopprette den erstatter det skadede registeret: det som ble lagret etter {taken}, går tapt. Den skadede filen tas vare på som en sikkerhetskopi i mappen for sikkerhetskopier.</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Gjenopprett sikkerhetskopien</translation>
    </message>
    <message>
        <source>The backup could not be restored.</source>
        <translation>Sikkerhetskopien kunne ikke gjenopprettes.</translation>
    </message>
    <message>
        <source>The backup is restored.</source>
        <translation>Sikkerhetskopien er gjenopprettet.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>dd.mm.åååå</translation>
    </message>
</context>
<context>
    <name>DayPanel</name>
    <message>
        <source>lunches</source>
        <translation>lunsjer</translation>
    </message>
    <message>
        <source>Who eats</source>
        <translation>Hvem spiser</translation>
    </message>
    <message>
        <source>Special diets</source>
        <translation>Spesialkost</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>From the sign-ups</source>
        <translation>Etter påmeldingen</translation>
    </message>
    <message>
        <source>Actual: attendance taken</source>
        <translation>Faktisk: oppmøtet er registrert</translation>
    </message>
    <message>
        <source>Counted from the attendance taken that day: those present who asked for lunch, and those who came without signing up.</source>
        <translation>Telt etter oppmøtet den dagen: de som var til stede og ville ha lunsj, og de som kom uten å være påmeldt.</translation>
    </message>
    <message>
        <source>Sign-up is still open, so the number may change.</source>
        <translation>Påmeldingen er fortsatt åpen, så tallet kan endre seg.</translation>
    </message>
    <message>
        <source>{count} invited have not answered yet.</source>
        <translation>{count} inviterte har ikke svart ennå.</translation>
    </message>
    <message>
        <source>Sign-up has closed: counted from the sign-ups.</source>
        <translation>Påmeldingen er stengt: telt etter påmeldingene.</translation>
    </message>
    <message>
        <source>{count} invited did not answer and are not counted.</source>
        <translation>{count} inviterte svarte ikke og er ikke med i tallet.</translation>
    </message>
    <message>
        <source>No ensemble</source>
        <translation>Uten ensemble</translation>
    </message>
    <message>
        <source>Came without signing up</source>
        <translation>Kom uten påmelding</translation>
    </message>
    <message>
        <source>Staff and instructors</source>
        <translation>Dirigent og instruktører</translation>
    </message>
    <message>
        <source>Parents on duty</source>
        <translation>Foreldre på vakt</translation>
    </message>
    <message>
        <source>No special diets.</source>
        <translation>Ingen spesialkost.</translation>
    </message>
    <message>
        <source>Add a parent on lunch duty below.</source>
        <translation>Sett opp en forelder på lunsjvakt nedenfor.</translation>
    </message>
    <message>
        <source>Allergies ({count})</source>
        <translation>Allergier ({count})</translation>
    </message>
    <message>
        <source>{count} severe, marked in red</source>
        <translation>{count} alvorlige, merket med rødt</translation>
    </message>
    <message>
        <source>No allergies among those attending.</source>
        <translation>Ingen allergier blant dem som kommer.</translation>
    </message>
    <message>
        <source>Add a parent…</source>
        <translation>Sett opp en forelder…</translation>
    </message>
    <message>
        <source>Remove from the roster</source>
        <translation>Ta av vaktlisten</translation>
    </message>
</context>
<context>
    <name>DaysEditor</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Ukedag</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>&amp;Add a day</source>
        <translation>&amp;Legg til en dag</translation>
    </message>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>dd.mm.åååå</translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation>tt:mm</translation>
    </message>
    <message>
        <source>Remove this day</source>
        <translation>Fjern denne dagen</translation>
    </message>
    <message>
        <source>Attendance or parents&apos; duties are recorded for this day, so it cannot be moved or removed.</source>
        <translation>Oppmøte eller foreldrevakter er registrert for denne dagen, så den kan ikke flyttes eller fjernes.</translation>
    </message>
    <message>
        <source>An event needs at least one day.</source>
        <translation>Et arrangement må ha minst én dag.</translation>
    </message>
    <message>
        <source>Write each day&apos;s date as dd.mm.yyyy.</source>
        <translation>Skriv datoen for hver dag som dd.mm.åååå.</translation>
    </message>
    <message>
        <source>{day} ends before it starts.</source>
        <translation>{day} slutter før den begynner.</translation>
    </message>
    <message>
        <source>{day} is given twice.</source>
        <translation>{day} står to ganger.</translation>
    </message>
    <message>
        <source>Write the time as hh:mm, such as 10:00.</source>
        <translation>Skriv klokkeslettet som tt:mm, for eksempel 10:00.</translation>
    </message>
    <message>
        <source>not a date</source>
        <translation>ikke en dato</translation>
    </message>
    <message>
        <source>{weekday}: not a weekend day</source>
        <translation>{weekday}: ikke en helgedag</translation>
    </message>
    <message>
        <source>Weekend seminars are on Saturdays and Sundays: check the date.</source>
        <translation>Helgeseminarer er på lørdager og søndager: sjekk datoen.</translation>
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
    <name>DutyEditor</name>
    <message>
        <source>Put a parent on duty</source>
        <translation>Sett opp en forelder på vakt</translation>
    </message>
    <message>
        <source>Add to the roster</source>
        <translation>Sett på vaktlisten</translation>
    </message>
    <message>
        <source>Eats lunch (counted in the day&apos;s lunches)</source>
        <translation>Spiser lunsj (telles med i dagens lunsjer)</translation>
    </message>
    <message>
        <source>For instance: brings the soup</source>
        <translation>For eksempel: tar med suppen</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Oppgave</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Forelder</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>Type a parent&apos;s or a child&apos;s name</source>
        <translation>Skriv navnet til en forelder eller et barn</translation>
    </message>
    <message>
        <source>family&apos;s duties this season: {count}</source>
        <translation>familiens vakter denne sesongen: {count}</translation>
    </message>
    <message>
        <source>Choose a parent in the list.</source>
        <translation>Velg en forelder i listen.</translation>
    </message>
    <message>
        <source>{name} already has this task on {day}.</source>
        <translation>{name} har allerede denne oppgaven {day}.</translation>
    </message>
    <message>
        <source>{name} on the roster ({task}, {day})</source>
        <translation>{name} satt opp på vaktlisten ({task}, {day})</translation>
    </message>
</context>
<context>
    <name>EncryptionActions</name>
    <message>
        <source>Its key is the one in the key file {path} ({variable}). Keep that file safe: without it the register cannot be opened.</source>
        <translation>Nøkkelen er den som ligger i nøkkelfilen {path} ({variable}). Ta godt vare på den filen: uten den kan ikke registeret åpnes.</translation>
    </message>
    <message>
        <source>Its key is kept in the key store ({name}) on this computer, so VRUS opens the register as before.</source>
        <translation>Nøkkelen oppbevares i nøkkelringen ({name}) på denne datamaskinen, så VRUS åpner registeret som før.</translation>
    </message>
    <message>
        <source>This computer has no key store, so the key is saved in a new key file: you choose where next. Keep the key file safe and never beside the register or its backups; VRUS finds it again on this computer.</source>
        <translation>Denne datamaskinen har ingen nøkkelring, så nøkkelen lagres i en ny nøkkelfil: du velger hvor i neste steg. Ta godt vare på nøkkelfilen, og legg den aldri sammen med registeret eller sikkerhetskopiene; VRUS finner den igjen på denne datamaskinen.</translation>
    </message>
    <message>
        <source>Encrypt the register and all its backups? Then no one who gets hold of this computer, its disk or a backup can read the children&apos;s data.</source>
        <translation>Vil du kryptere registeret og alle sikkerhetskopiene? Da kan ingen som får tak i denne datamaskinen, disken eller en sikkerhetskopi, lese barnas opplysninger.</translation>
    </message>
    <message>
        <source>Afterwards, save and print the recovery sheet: without it the register cannot be opened if this computer or its key is lost.</source>
        <translation>Lagre og skriv ut gjenopprettingsarket etterpå: uten det kan ikke registeret åpnes hvis denne datamaskinen eller nøkkelen går tapt.</translation>
    </message>
    <message>
        <source>The window closes and opens the encrypted register.</source>
        <translation>Vinduet lukkes, og det krypterte registeret åpnes.</translation>
    </message>
    <message>
        <source>Choose key file…</source>
        <translation>Velg nøkkelfil&#xa0;…</translation>
    </message>
    <message>
        <source>Encrypt</source>
        <translation>Krypter</translation>
    </message>
    <message>
        <source>Encrypt the register</source>
        <translation>Krypter registeret</translation>
    </message>
    <message>
        <source>Save the new key file</source>
        <translation>Lagre den nye nøkkelfilen</translation>
    </message>
    <message>
        <source>Key files (*.key)</source>
        <translation>Nøkkelfiler (*.key)</translation>
    </message>
</context>
<context>
    <name>EncryptionSettings</name>
    <message>
        <source>Encryption</source>
        <translation>Kryptering</translation>
    </message>
    <message>
        <source>Encrypt the register…</source>
        <translation>Krypter registeret&#xa0;…</translation>
    </message>
    <message>
        <source>Save recovery sheet…</source>
        <translation>Lagre gjenopprettingsark&#xa0;…</translation>
    </message>
    <message>
        <source>Encrypted: not by VRUS. The database server protects its own data.</source>
        <translation>Kryptert: ikke av VRUS. Databaseserveren beskytter sine egne data.</translation>
    </message>
    <message>
        <source>Encrypted: no. Anyone who gets hold of this computer or a backup can read the children&apos;s data.</source>
        <translation>Kryptert: nei. Alle som får tak i denne datamaskinen eller en sikkerhetskopi, kan lese barnas opplysninger.</translation>
    </message>
    <message>
        <source>Encrypted: yes. The key is kept in the key store ({name}).</source>
        <translation>Kryptert: ja. Nøkkelen oppbevares i nøkkelringen ({name}).</translation>
    </message>
    <message>
        <source>Encrypted: yes. The key is kept in the key file {path}.</source>
        <translation>Kryptert: ja. Nøkkelen oppbevares i nøkkelfilen {path}.</translation>
    </message>
    <message>
        <source>The key is a passphrase of your own, so there is no recovery sheet: keep a copy of the key file locked away.</source>
        <translation>Nøkkelen er en passfrase du har valgt selv, så det finnes ikke noe gjenopprettingsark: oppbevar en kopi av nøkkelfilen innelåst.</translation>
    </message>
    <message>
        <source>The register and its backups open only with this key. Keep the recovery sheet printed and locked away: with it, the register opens on a new computer too.</source>
        <translation>Registeret og sikkerhetskopiene kan bare åpnes med denne nøkkelen. Skriv ut gjenopprettingsarket, og oppbevar det innelåst: med det kan registeret åpnes på en ny datamaskin også.</translation>
    </message>
</context>
<context>
    <name>EndMembershipDialog</name>
    <message>
        <source>End {name}&apos;s membership of {ensemble}</source>
        <translation>Avslutt medlemskapet til {name} i {ensemble}</translation>
    </message>
    <message>
        <source>End membership</source>
        <translation>Avslutt medlemskap</translation>
    </message>
    <message>
        <source>Last day:</source>
        <translation>Siste dag:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grunn:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Merknad:</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>New event</source>
        <translation>Nytt arrangement</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Rediger arrangement</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Ikke oppgitt</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>ikke telt</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>T&amp;ittel</translation>
    </message>
    <message>
        <source>&amp;IRIS type</source>
        <translation>IRIS-t&amp;ype</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Sted</translation>
    </message>
    <message>
        <source>&amp;Audience</source>
        <translation>&amp;Publikum</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beskrivelse</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dager</translation>
    </message>
    <message>
        <source>Invited ensembles</source>
        <translation>Inviterte ensembler</translation>
    </message>
    <message>
        <source>Partner organisations</source>
        <translation>Samarbeidspartnere</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Instruktører og ledere</translation>
    </message>
    <message>
        <source>Write a title for the event.</source>
        <translation>Skriv en tittel for arrangementet.</translation>
    </message>
    <message>
        <source>A day with attendance recorded cannot be removed.</source>
        <translation>En dag med registrert oppmøte kan ikke fjernes.</translation>
    </message>
    <message>
        <source>{name} is on the staff on {day}, which is not a day of the event: choose another day.</source>
        <translation>{name} står blant instruktørene og lederne {day}, som ikke er en dag i arrangementet: velg en annen dag.</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>Lagre likevel?</translation>
    </message>
    <message>
        <source>Not a weekend day</source>
        <translation>Ikke en helgedag</translation>
    </message>
    <message>
        <source>Weekend seminars are on Saturdays and Sundays.</source>
        <translation>Helgeseminarer holdes på lørdager og søndager.</translation>
    </message>
    <message>
        <source>The event could not be saved: {reason}</source>
        <translation>Arrangementet ble ikke lagret: {reason}</translation>
    </message>
    <message>
        <source>new event &apos;{title}&apos;</source>
        <translation>nytt arrangement «{title}»</translation>
    </message>
    <message>
        <source>staff of &apos;{title}&apos;</source>
        <translation>instruktører og ledere i «{title}»</translation>
    </message>
    <message>
        <source>changes to &apos;{title}&apos;</source>
        <translation>endringer i «{title}»</translation>
    </message>
</context>
<context>
    <name>EventLabels</name>
    <message>
        <source>Mon</source>
        <translation>man</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>tir</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>ons</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>tor</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>fre</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>lør</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>søn</translation>
    </message>
    <message>
        <source>Weekend seminar</source>
        <translation>Helgeseminar</translation>
    </message>
    <message>
        <source>IRIS activity</source>
        <translation>IRIS-aktivitet</translation>
    </message>
    <message>
        <source>Concert</source>
        <translation>Konsert</translation>
    </message>
    <message>
        <source>Rehearsal</source>
        <translation>Øvelse</translation>
    </message>
    <message>
        <source>Master class</source>
        <translation>Mesterklasse</translation>
    </message>
    <message>
        <source>Super weekend</source>
        <translation>Superhelg</translation>
    </message>
    <message>
        <source>Inspiration concert</source>
        <translation>Inspirasjonskonsert</translation>
    </message>
    <message>
        <source>Playing together</source>
        <translation>Samspilltreff</translation>
    </message>
    <message>
        <source>Group rehearsal</source>
        <translation>Gruppeøvelse</translation>
    </message>
    <message>
        <source>Conductor</source>
        <translation>Dirigent</translation>
    </message>
    <message>
        <source>Instructor</source>
        <translation>Instruktør</translation>
    </message>
    <message>
        <source>Dextra musician</source>
        <translation>Dextramusiker</translation>
    </message>
    <message>
        <source>Project coordinator</source>
        <translation>Prosjektkoordinator</translation>
    </message>
    <message>
        <source>Soloist</source>
        <translation>Solist</translation>
    </message>
    <message>
        <source>Other role</source>
        <translation>Annen rolle</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nei</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Møtt</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Fravær</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Gyldig fravær</translation>
    </message>
    <message>
        <source>IRIS: {type}</source>
        <translation>IRIS: {type}</translation>
    </message>
    <message>
        <source>{day} is not a weekend day</source>
        <translation>{day} er ikke en helgedag</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Dates</source>
        <translation>Datoer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Turnout</source>
        <translation>Oppmøte</translation>
    </message>
    <message>
        <source>Members present on the last day with attendance recorded</source>
        <translation>Antall som møtte den siste dagen med registrert oppmøte</translation>
    </message>
    <message>
        <source>{title} (cancelled)</source>
        <translation>{title} (avlyst)</translation>
    </message>
    <message>
        <source>{day}: {start}–{end}</source>
        <translation>{day}: {start}–{end}</translation>
    </message>
    <message>
        <source>Cancelled: the event stays in the register with its sign-ups, and the season calendar marks it cancelled.</source>
        <translation>Avlyst: arrangementet blir stående i registeret med påmeldingene, og sesongkalenderen merker det som avlyst.</translation>
    </message>
    <message>
        <source>Invited: {ensembles}</source>
        <translation>Inviterte: {ensembles}</translation>
    </message>
    <message>
        <source>With {partners}</source>
        <translation>Med {partners}</translation>
    </message>
    <message>
        <source>Audience: {count}</source>
        <translation>Publikum: {count}</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>&amp;Season</source>
        <translation>&amp;Sesong</translation>
    </message>
    <message>
        <source>New event…</source>
        <translation>Nytt arrangement…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Rediger…</translation>
    </message>
    <message>
        <source>Enter or double-click</source>
        <translation>Enter eller dobbeltklikk</translation>
    </message>
    <message>
        <source>Sign-ups and attendance</source>
        <translation>Påmelding og oppmøte</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Slett…</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>Delete-tasten</translation>
    </message>
    <message>
        <source>Cancel event…</source>
        <translation>Avlys arrangement…</translation>
    </message>
    <message>
        <source>The event is called off: it stays, marked cancelled, with its sign-ups</source>
        <translation>Arrangementet avlyses: det blir stående, merket som avlyst, med påmeldingene</translation>
    </message>
    <message>
        <source>Calendar (.ics)…</source>
        <translation>Kalender (.ics)…</translation>
    </message>
    <message>
        <source>The season&apos;s events as a file for the families&apos; calendars</source>
        <translation>Sesongens arrangementer som en fil til familienes kalendere</translation>
    </message>
    <message>
        <source>Invitation…</source>
        <translation>Invitasjon…</translation>
    </message>
    <message>
        <source>The selected event&apos;s invitation to the families, to copy or e-mail</source>
        <translation>Invitasjonen til familiene for det valgte arrangementet, til å kopiere eller sende på e-post</translation>
    </message>
    <message>
        <source>Import sign-ups…</source>
        <translation>Importer påmeldinger…</translation>
    </message>
    <message>
        <source>The answers of a web form (CSV or XLSX) as the selected event&apos;s sign-ups</source>
        <translation>Svarene fra et nettskjema (CSV eller XLSX) som påmeldinger til det valgte arrangementet</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Nytt arrangement</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Rediger arrangement</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Slett arrangement</translation>
    </message>
    <message>
        <source>Cancel event</source>
        <translation>Avlys arrangement</translation>
    </message>
    <message>
        <source>No events in {year} yet. New event (Ctrl+N) adds the first seminar.</source>
        <translation>Ingen arrangementer i {year} ennå. Nytt arrangement (Ctrl+N) legger inn det første seminaret.</translation>
    </message>
    <message>
        <source>Reinstate event…</source>
        <translation>Opphev avlysningen…</translation>
    </message>
    <message>
        <source>Reinstate event</source>
        <translation>Opphev avlysning</translation>
    </message>
    <message>
        <source>the attendance list</source>
        <translation>oppmøtelisten</translation>
    </message>
    <message>
        <source>the attendance lists per section</source>
        <translation>oppmøtelistene per gruppe</translation>
    </message>
    <message>
        <source>the sign-in sheet</source>
        <translation>innsjekkingslisten</translation>
    </message>
    <message>
        <source>Print lists</source>
        <translation>Skriv ut lister</translation>
    </message>
    <message>
        <source>Attendance lists and the sign-in sheet of the selected event, as PDF</source>
        <translation>Oppmøtelister og innsjekkingsliste for det valgte arrangementet, som PDF</translation>
    </message>
    <message>
        <source>Delete {title} ({dates})?</source>
        <translation>Slette {title} ({dates})?</translation>
    </message>
    <message>
        <source>Its days, invitations and staff are deleted with it.</source>
        <translation>Dagene, invitasjonene og instruktørene slettes sammen med det.</translation>
    </message>
    <message>
        <source>So are the {count} sign-ups given for it.</source>
        <translation>Det gjør også de {count} påmeldingene.</translation>
    </message>
    <message>
        <source>Delete the event</source>
        <translation>Slett arrangementet</translation>
    </message>
    <message>
        <source>Event kept</source>
        <translation>Arrangementet er beholdt</translation>
    </message>
    <message>
        <source>{title} cannot be deleted: attendance or parents&apos; duties are recorded for it, and they are part of the season&apos;s history.</source>
        <translation>{title} kan ikke slettes: oppmøte eller foreldrevakter er registrert, og de er en del av sesongens historikk.</translation>
    </message>
    <message>
        <source>If the event did not take place, clear its attendance in the grid first.</source>
        <translation>Hvis arrangementet ikke ble holdt, fjern oppmøtet i påmeldingslisten først.</translation>
    </message>
    <message>
        <source>Reinstate {title} ({dates})?</source>
        <translation>Oppheve avlysningen av {title} ({dates})?</translation>
    </message>
    <message>
        <source>It is planned again; the next season calendar shows it as planned. Tell the families.</source>
        <translation>Det blir planlagt igjen; neste sesongkalender viser det som planlagt. Gi beskjed til familiene.</translation>
    </message>
    <message>
        <source>Reinstate the event</source>
        <translation>Opphev avlysningen</translation>
    </message>
    <message>
        <source>Cancel {title} ({dates})?</source>
        <translation>Avlyse {title} ({dates})?</translation>
    </message>
    <message>
        <source>It stays in the register with its sign-ups, marked cancelled. The season calendar marks it cancelled, so the families&apos; calendars drop it once they get the new file; tell the families.</source>
        <translation>Det blir stående i registeret med påmeldingene, merket som avlyst. Sesongkalenderen merker det som avlyst, så det forsvinner fra familienes kalendere når de får den nye filen; gi beskjed til familiene.</translation>
    </message>
    <message>
        <source>Cancel the event</source>
        <translation>Avlys arrangementet</translation>
    </message>
    <message>
        <source>Leave it as it is</source>
        <translation>La det være som det er</translation>
    </message>
    <message>
        <source>The event was not changed</source>
        <translation>Arrangementet ble ikke endret</translation>
    </message>
    <message>
        <source>import of sign-ups for &apos;{title}&apos;</source>
        <translation>import av påmeldinger til «{title}»</translation>
    </message>
    <message>
        <source>deletion of &apos;{title}&apos;</source>
        <translation>sletting av «{title}»</translation>
    </message>
    <message>
        <source>reinstatement of &apos;{title}&apos;</source>
        <translation>oppheving av avlysningen av «{title}»</translation>
    </message>
    <message>
        <source>cancellation of &apos;{title}&apos;</source>
        <translation>avlysning av «{title}»</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Members (imports back into VRUS)</source>
        <translation>Medlemmer (kan importeres tilbake i VRUS)</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>Foresatte</translation>
    </message>
    <message>
        <source>Memberships, also earlier ones</source>
        <translation>Medlemskap, også tidligere</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Arrangementer</translation>
    </message>
    <message>
        <source>Sign-ups</source>
        <translation>Påmeldinger</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Oppmøte</translation>
    </message>
    <message>
        <source>members</source>
        <translation>medlemmer</translation>
    </message>
    <message>
        <source>guardians</source>
        <translation>foresatte</translation>
    </message>
    <message>
        <source>memberships</source>
        <translation>medlemskap</translation>
    </message>
    <message>
        <source>events</source>
        <translation>arrangementer</translation>
    </message>
    <message>
        <source>sign-ups</source>
        <translation>påmeldinger</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>oppmøte</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksporter</translation>
    </message>
    <message>
        <source>Include archived persons</source>
        <translation>Ta med arkiverte personer</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Eksporter:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksporter&#xa0;…</translation>
    </message>
    <message>
        <source>The file name decides the format: .csv opens in Excel with a double click, .xlsx is an Excel workbook. The file holds personal data: keep it where others cannot read it, and delete it when it has done its job.</source>
        <translation>Filnavnet bestemmer formatet: .csv åpnes i Excel med et dobbeltklikk, .xlsx er en Excel-arbeidsbok. Filen inneholder personopplysninger: oppbevar den der andre ikke kan lese den, og slett den når den har gjort jobben sin.</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksporter</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbeidsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>Eksporterer til {name}&#xa0;…</translation>
    </message>
    <message>
        <source>Rows exported: {rows}
File: {path}</source>
        <translation>Rader eksportert: {rows}
Fil: {path}</translation>
    </message>
    <message>
        <source>These values will not import back exactly as they are in the register:</source>
        <translation>Disse verdiene blir ikke importert tilbake nøyaktig slik de er i registeret:</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… og {count} til</translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>Ingenting ble eksportert.</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>Write the name (at most 100 characters).</source>
        <translation>Skriv navnet (høyst 100 tegn).</translation>
    </message>
    <message>
        <source>Write a real date as dd.mm.yyyy.</source>
        <translation>Skriv en gyldig dato som dd.mm.åååå.</translation>
    </message>
    <message>
        <source>Write an age from 0 to 99; the lower limit cannot be above the upper.</source>
        <translation>Skriv en alder fra 0 til 99; nedre grense kan ikke være over øvre.</translation>
    </message>
    <message>
        <source>Write a real date as dd.mm.yyyy, not in the future and not more than 100 years ago.</source>
        <translation>Skriv en gyldig dato som dd.mm.åååå, ikke fram i tid og ikke mer enn 100 år tilbake.</translation>
    </message>
    <message>
        <source>Not a phone number: use 8 digits for a Norwegian one, or + and the country code.</source>
        <translation>Ikke et telefonnummer: bruk 8 siffer for et norsk nummer, eller + og landskoden.</translation>
    </message>
    <message>
        <source>Not an e-mail address: write it as name@example.no.</source>
        <translation>Ikke en e-postadresse: skriv den som navn@eksempel.no.</translation>
    </message>
    <message>
        <source>Use the 4 digits of the postal code, such as 1383 or 0150.</source>
        <translation>Bruk postnummerets 4 sifre, for eksempel 1383 eller 0150.</translation>
    </message>
    <message>
        <source>The end cannot be before the start, and a membership that has ended cannot be ended again.</source>
        <translation>Slutten kan ikke være før starten, og et medlemskap som er avsluttet, kan ikke avsluttes igjen.</translation>
    </message>
    <message>
        <source>The person is already a member of this ensemble.</source>
        <translation>Personen er allerede medlem av dette ensemblet.</translation>
    </message>
    <message>
        <source>Write the number of residents as a whole number, or leave it empty.</source>
        <translation>Skriv innbyggertallet som et helt tall, eller la feltet stå tomt.</translation>
    </message>
    <message>
        <source>Write the year the population was counted, such as 2024.</source>
        <translation>Skriv året innbyggertallet gjelder, for eksempel 2024.</translation>
    </message>
    <message>
        <source>Write how many players are wanted, a whole number from 0 to 200.</source>
        <translation>Skriv hvor mange musikere som trengs, et helt tall fra 0 til 200.</translation>
    </message>
    <message>
        <source>Choose a guardian in the list.</source>
        <translation>Velg en foresatt i listen.</translation>
    </message>
    <message>
        <source>Write a name that no other organisation has.</source>
        <translation>Skriv et navn som ingen annen organisasjon har.</translation>
    </message>
    <message>
        <source>The change could not be saved.</source>
        <translation>Endringen kunne ikke lagres.</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Eksporter&#xa0;…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sikkerhetskopier nå</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Gjenopprett fra sikkerhetskopi&#xa0;…</translation>
    </message>
    <message>
        <source>Co&amp;nnect to a server…</source>
        <translation>&amp;Koble til en server&#xa0;…</translation>
    </message>
    <message>
        <source>&amp;Move the register to a server…</source>
        <translation>&amp;Flytt registeret til en server&#xa0;…</translation>
    </message>
    <message>
        <source>A backup is restored onto a server with &apos;vrus restore FILE&apos;.</source>
        <translation>En sikkerhetskopi gjenopprettes på en server med &apos;vrus restore FILE&apos;.</translation>
    </message>
    <message>
        <source>Backing up the register…</source>
        <translation>Tar sikkerhetskopi av registeret&#xa0;…</translation>
    </message>
    <message>
        <source>The register is backed up.</source>
        <translation>Registeret er sikkerhetskopiert.</translation>
    </message>
    <message>
        <source>The register is backed up. The copy is in
{path}</source>
        <translation>Registeret er sikkerhetskopiert. Kopien ligger i
{path}</translation>
    </message>
    <message>
        <source>The register was not backed up.</source>
        <translation>Registeret ble ikke sikkerhetskopiert.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sikkerhetskopi</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>1. Choose the spreadsheet</source>
        <translation>1. Velg regnearket</translation>
    </message>
    <message>
        <source>A CSV or Excel (XLSX) file with one member per row and the headings in the first row. Nothing is saved before the last step.</source>
        <translation>En CSV- eller Excel-fil (XLSX) med ett medlem per rad og overskriftene i første rad. Ingenting lagres før siste steg.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Ingen fil valgt</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Velg en fil&#xa0;…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <source>VRUS recognises headings in Norwegian and English, such as Fornavn, Etternavn, Fødselsdato, Kommune, Gruppe, Instrument, Foresatt and E-post. In the next step you see what each column will be imported as, and choose for the columns VRUS does not know.</source>
        <translation>VRUS kjenner igjen overskrifter på norsk og engelsk, som Fornavn, Etternavn, Fødselsdato, Kommune, Gruppe, Instrument, Foresatt og E-post. I neste steg ser du hva hver kolonne importeres som, og velger for kolonnene VRUS ikke kjenner.</translation>
    </message>
    <message>
        <source>Persons already in the register (same first name, last name and birth date) are updated, not added twice. If any row has an error, nothing is imported.</source>
        <translation>Personer som allerede er i registeret (samme fornavn, etternavn og fødselsdato), blir oppdatert, ikke lagt inn to ganger. Har en rad en feil, importeres ingenting.</translation>
    </message>
</context>
<context>
    <name>GuardianDialog</name>
    <message>
        <source>First name:</source>
        <translation>Fornavn:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Etternavn:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-post:</translation>
    </message>
    <message>
        <source>Relation:</source>
        <translation>Relasjon:</translation>
    </message>
</context>
<context>
    <name>GuardianEmailDialog</name>
    <message>
        <source>Copy guardians&apos; e-mail addresses</source>
        <translation>Kopier foresattes e-postadresser</translation>
    </message>
    <message>
        <source>The selected persons ({count})</source>
        <translation>De valgte personene ({count})</translation>
    </message>
    <message>
        <source>Everyone in the list ({count})</source>
        <translation>Alle i listen ({count})</translation>
    </message>
    <message>
        <source>Signed up for:</source>
        <translation>Påmeldt til:</translation>
    </message>
    <message>
        <source>{title}, {date} ({count} signed up)</source>
        <translation>{title}, {date} ({count} påmeldt)</translation>
    </message>
    <message>
        <source>No event has sign-ups yet</source>
        <translation>Ingen arrangementer har påmeldinger ennå</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopier</translation>
    </message>
    <message>
        <source>Every guardian of every person chosen, each address once, separated by semicolons: paste them into the Bcc field of your mail program.</source>
        <translation>Alle foresatte til alle personene du velger, hver adresse én gang, skilt med semikolon: lim dem inn i Bcc-feltet i e-postprogrammet.</translation>
    </message>
    <message>
        <source>Addresses copied to the clipboard: {count}.</source>
        <translation>Adresser kopiert til utklippstavlen: {count}.</translation>
    </message>
    <message>
        <source>No addresses to copy: nobody chosen has a guardian with an e-mail address.</source>
        <translation>Ingen adresser å kopiere: ingen av de valgte har en foresatt med e-postadresse.</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>og {count} til</translation>
    </message>
    <message>
        <source>No guardian e-mail for: {names}. Reach them by phone.</source>
        <translation>Ingen e-post til foresatte for: {names}. Ta kontakt på telefon.</translation>
    </message>
</context>
<context>
    <name>GuardiansPanel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relasjon</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Legg til …</translation>
    </message>
    <message>
        <source>Link existing…</source>
        <translation>Koble til …</translation>
    </message>
    <message>
        <source>Link a guardian who is already in the register, such as a sibling&apos;s parent</source>
        <translation>Koble til en foresatt som allerede er i registeret, for eksempel forelderen til et søsken</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Endre …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Add a guardian for {name}</source>
        <translation>Legg til foresatt for {name}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Legg til</translation>
    </message>
    <message>
        <source>new guardian {guardian} for {name}</source>
        <translation>ny foresatt {guardian} for {name}</translation>
    </message>
    <message>
        <source>Edit guardian</source>
        <translation>Endre foresatt</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <source>change of {guardian}&apos;s relation to {name}</source>
        <translation>endring av relasjonen mellom {guardian} og {name}</translation>
    </message>
    <message>
        <source>edit of guardian {guardian}</source>
        <translation>endring av foresatt {guardian}</translation>
    </message>
    <message>
        <source>link of {guardian} as guardian of {name}</source>
        <translation>kobling av {guardian} som foresatt for {name}</translation>
    </message>
    <message>
        <source>Remove guardian</source>
        <translation>Fjern foresatt</translation>
    </message>
    <message>
        <source>Remove {guardian} as guardian of {name}? A guardian with no other child in the register is deleted.</source>
        <translation>Fjerne {guardian} som foresatt for {name}? En foresatt uten andre barn i registeret blir slettet.</translation>
    </message>
    <message>
        <source>removal of {guardian} as guardian of {name}</source>
        <translation>fjerning av {guardian} som foresatt for {name}</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>VRUS user guide</source>
        <translation>Brukerveiledning for VRUS</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← Tilbake</translation>
    </message>
    <message>
        <source>Back to where you were (Alt+Left)</source>
        <translation>Tilbake dit du var (Alt+Venstre)</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Innhold</translation>
    </message>
    <message>
        <source>The list of sections at the top (Alt+Home)</source>
        <translation>Listen over avsnitt øverst (Alt+Home)</translation>
    </message>
    <message>
        <source>Search the guide (Ctrl+F)</source>
        <translation>Søk i veiledningen (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the guide</source>
        <translation>Søk i veiledningen</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Brukerveiledning</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Ikke funnet</translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>{number} av {count}</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Brukerveiledning</translation>
    </message>
    <message>
        <source>How to work with VRUS, section by section</source>
        <translation>Slik bruker du VRUS, avsnitt for avsnitt</translation>
    </message>
    <message>
        <source>&amp;About VRUS</source>
        <translation>&amp;Om VRUS</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Added</source>
        <translation>Lagt til</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Endret</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Fjernet</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Eksportert</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Skrevet ut</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <source>details</source>
        <translation>opplysninger</translation>
    </message>
    <message>
        <source>guardian</source>
        <translation>foresatt</translation>
    </message>
    <message>
        <source>guardian link</source>
        <translation>kobling til foresatt</translation>
    </message>
    <message>
        <source>allergy</source>
        <translation>allergi</translation>
    </message>
    <message>
        <source>diet</source>
        <translation>kosthold</translation>
    </message>
    <message>
        <source>instrument</source>
        <translation>instrument</translation>
    </message>
    <message>
        <source>membership</source>
        <translation>medlemskap</translation>
    </message>
    <message>
        <source>sign-up</source>
        <translation>påmelding</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>oppmøte</translation>
    </message>
    <message>
        <source>volunteer duty</source>
        <translation>dugnadsvakt</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>samtykke</translation>
    </message>
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
        <source>culture school</source>
        <translation>kulturskole</translation>
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
        <source>postal town</source>
        <translation>poststed</translation>
    </message>
    <message>
        <source>diet note</source>
        <translation>kostholdsmerknad</translation>
    </message>
    <message>
        <source>photos</source>
        <translation>foto</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notater</translation>
    </message>
    <message>
        <source>archived</source>
        <translation>arkivert</translation>
    </message>
    <message>
        <source>erased</source>
        <translation>slettet</translation>
    </message>
    <message>
        <source>relation</source>
        <translation>relasjon</translation>
    </message>
    <message>
        <source>order</source>
        <translation>rekkefølge</translation>
    </message>
    <message>
        <source>allergen</source>
        <translation>allergen</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>grad</translation>
    </message>
    <message>
        <source>note</source>
        <translation>merknad</translation>
    </message>
    <message>
        <source>main instrument</source>
        <translation>hovedinstrument</translation>
    </message>
    <message>
        <source>ensemble</source>
        <translation>ensemble</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>innmeldingsdato</translation>
    </message>
    <message>
        <source>left</source>
        <translation>utmeldingsdato</translation>
    </message>
    <message>
        <source>reason for leaving</source>
        <translation>årsak til utmelding</translation>
    </message>
    <message>
        <source>leaving note</source>
        <translation>merknad til utmelding</translation>
    </message>
    <message>
        <source>section</source>
        <translation>gruppe</translation>
    </message>
    <message>
        <source>event</source>
        <translation>arrangement</translation>
    </message>
    <message>
        <source>answer</source>
        <translation>svar</translation>
    </message>
    <message>
        <source>lunch</source>
        <translation>lunsj</translation>
    </message>
    <message>
        <source>day</source>
        <translation>dag</translation>
    </message>
    <message>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <source>task</source>
        <translation>oppgave</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <source>given by guardian</source>
        <translation>gitt av foresatt</translation>
    </message>
    <message>
        <source>given by the member</source>
        <translation>gitt av medlemmet selv</translation>
    </message>
    <message>
        <source>given on</source>
        <translation>gitt den</translation>
    </message>
    <message>
        <source>withdrawn on</source>
        <translation>trukket tilbake den</translation>
    </message>
    <message>
        <source>text version</source>
        <translation>tekstversjon</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Når</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hva</translation>
    </message>
    <message>
        <source>History of {name}</source>
        <translation>Historikk for {name}</translation>
    </message>
    <message>
        <source>Nothing is recorded about this person.</source>
        <translation>Ingenting er loggført om denne personen.</translation>
    </message>
    <message>
        <source>Who changed this person&apos;s data, and who printed or exported their health data. Only the names of the fields are kept, never what was in them. Entries are kept for {days} days.</source>
        <translation>Hvem som har endret personens opplysninger, og hvem som har skrevet ut eller eksportert helseopplysningene. Bare navnene på feltene lagres, aldri hva som sto i dem. Oppføringene beholdes i {days} dager.</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Import members</source>
        <translation>Importer medlemmer</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
        <translation>Regneark (*.csv *.xlsx);;Alle filer (*)</translation>
    </message>
    <message>
        <source>import of members from {file}</source>
        <translation>import av medlemmer fra {file}</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>New persons:</source>
        <translation>Nye personer:</translation>
    </message>
    <message>
        <source>Persons already in the register, to be updated:</source>
        <translation>Personer i registeret som blir oppdatert:</translation>
    </message>
    <message>
        <source>Errors:</source>
        <translation>Feil:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Advarsler:</translation>
    </message>
    <message>
        <source>Nothing can be imported while the file has errors ({count}). Correct them in the spreadsheet and choose it again, or go back and change what the columns are imported as.</source>
        <translation>Ingenting kan importeres så lenge filen har feil ({count}). Rett dem i regnearket og velg det på nytt, eller gå tilbake og endre hva kolonnene importeres som.</translation>
    </message>
    <message>
        <source>The file can be imported. The warnings below do not stop the import; read them first.</source>
        <translation>Filen kan importeres. Advarslene nedenfor stopper ikke importen; les dem først.</translation>
    </message>
    <message>
        <source>The file can be imported: no problems were found.</source>
        <translation>Filen kan importeres: ingen problemer ble funnet.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import members</source>
        <translation>Importer medlemmer</translation>
    </message>
</context>
<context>
    <name>InvitationDialog</name>
    <message>
        <source>Cancellation notice</source>
        <translation>Melding om avlysning</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Invitasjon</translation>
    </message>
    <message>
        <source>The event is cancelled: this notice tells the families invited. It is in Norwegian; edit it as you like before sending.</source>
        <translation>Arrangementet er avlyst: denne meldingen gir beskjed til de inviterte familiene. Den er på norsk; rediger den som du vil før du sender den.</translation>
    </message>
    <message>
        <source>The invitation to the families, in Norwegian. Edit it as you like: the mail program gets the text as it is here.</source>
        <translation>Invitasjonen til familiene, på norsk. Rediger den som du vil: e-postprogrammet får teksten slik den står her.</translation>
    </message>
    <message>
        <source>Name, phone, e-mail</source>
        <translation>Navn, telefon, e-post</translation>
    </message>
    <message>
        <source>Saved for later invitations; its e-mail address gets a copy (To).</source>
        <translation>Lagres til senere invitasjoner; e-postadressen i den får en kopi (Til).</translation>
    </message>
    <message>
        <source>&amp;Subject</source>
        <translation>&amp;Emne</translation>
    </message>
    <message>
        <source>&amp;Contact line</source>
        <translation>&amp;Kontaktperson</translation>
    </message>
    <message>
        <source>The text is too long for a mail link: the messages open without it. Copy the text and paste it into each message.</source>
        <translation>Teksten er for lang for en e-postlenke: meldingene åpnes uten den. Kopier teksten og lim den inn i hver melding.</translation>
    </message>
    <message>
        <source>Copy the text</source>
        <translation>Kopier teksten</translation>
    </message>
    <message>
        <source>Open in the mail program</source>
        <translation>Åpne i e-postprogrammet</translation>
    </message>
    <message>
        <source>{count} e-mail address(es) in Bcc: the guardians of the invited members and the adult members themselves.</source>
        <translation>{count} e-postadresse(r) i Bcc: de foresatte til de inviterte medlemmene og de voksne medlemmene selv.</translation>
    </message>
    <message>
        <source>{count} of the {invited} invited have no address: phone them.</source>
        <translation>{count} av de {invited} inviterte har ingen adresse: ring dem.</translation>
    </message>
    <message>
        <source>Every one of the {invited} invited is reached.</source>
        <translation>Alle de {invited} inviterte nås på e-post.</translation>
    </message>
    <message>
        <source>Open the next message</source>
        <translation>Åpne neste melding</translation>
    </message>
    <message>
        <source>{count} addresses</source>
        <translation>{count} adresser</translation>
    </message>
    <message>
        <source>Message {number} of {total} ({count} addresses)</source>
        <translation>Melding {number} av {total} ({count} adresser)</translation>
    </message>
    <message>
        <source>The text is on the clipboard.</source>
        <translation>Teksten er kopiert til utklippstavlen.</translation>
    </message>
    <message>
        <source>No mail program opened the message. Copy the text instead.</source>
        <translation>Ikke noe e-postprogram åpnet meldingen. Kopier teksten i stedet.</translation>
    </message>
    <message>
        <source>Opened in the mail program.</source>
        <translation>Åpnet i e-postprogrammet.</translation>
    </message>
    <message>
        <source>Opened message {number} of {total}.</source>
        <translation>Åpnet melding {number} av {total}.</translation>
    </message>
    <message>
        <source>change of the contact line of invitations</source>
        <translation>endring av kontaktpersonen i invitasjoner</translation>
    </message>
    <message>
        <source>The contact line is saved for later invitations.</source>
        <translation>Kontaktpersonen er lagret til senere invitasjoner.</translation>
    </message>
    <message>
        <source>No invitation</source>
        <translation>Ingen invitasjon</translation>
    </message>
</context>
<context>
    <name>KeyImportDialog</name>
    <message>
        <source>Enter recovery key</source>
        <translation>Skriv inn gjenopprettingsnøkkel</translation>
    </message>
    <message>
        <source>Type the recovery key from the register&apos;s recovery sheet: the {groups} groups of characters. Spaces, dashes, line breaks and small or capital letters do not matter. VRUS checks the key and keeps it in this computer&apos;s key store.</source>
        <translation>Skriv inn gjenopprettingsnøkkelen fra registerets gjenopprettingsark: de {groups} gruppene med tegn. Mellomrom, bindestreker, linjeskift og små eller store bokstaver spiller ingen rolle. VRUS kontrollerer nøkkelen og oppbevarer den i nøkkelringen på denne datamaskinen.</translation>
    </message>
    <message>
        <source>Register: {path}</source>
        <translation>Register: {path}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Strings</source>
        <translation>Strykere</translation>
    </message>
    <message>
        <source>Woodwind</source>
        <translation>Treblås</translation>
    </message>
    <message>
        <source>Brass</source>
        <translation>Messing</translation>
    </message>
    <message>
        <source>Percussion</source>
        <translation>Slagverk</translation>
    </message>
    <message>
        <source>Other instruments</source>
        <translation>Andre instrumenter</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Former</source>
        <translation>Tidligere</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Arkivert</translation>
    </message>
    <message>
        <source>Ages out after the season</source>
        <translation>Går ut etter sesongen</translation>
    </message>
    <message>
        <source>May move up</source>
        <translation>Kan flytte opp</translation>
    </message>
    <message>
        <source>Below the age limit</source>
        <translation>Under aldersgrensen</translation>
    </message>
    <message>
        <source>Above the age limit</source>
        <translation>Over aldersgrensen</translation>
    </message>
    <message>
        <source>Reached the age limit</source>
        <translation>Nådde aldersgrensen</translation>
    </message>
    <message>
        <source>Talent programme</source>
        <translation>Talentprogram</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>Flyttet</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sluttet</translation>
    </message>
    <message>
        <source>Moved up</source>
        <translation>Flyttet opp</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Annen grunn</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Jente</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Gutt</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annet</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Mor</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>Far</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Foresatt</translation>
    </message>
    <message>
        <source>Culture school</source>
        <translation>Kulturskole</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Samarbeidspartner</translation>
    </message>
    <message>
        <source>Funder</source>
        <translation>Bidragsyter</translation>
    </message>
    <message>
        <source>Orchestra</source>
        <translation>Orkester</translation>
    </message>
    <message>
        <source>English</source>
        <comment>The name of this translation&apos;s language, written in it</comment>
        <translation>Norsk bokmål</translation>
    </message>
</context>
<context>
    <name>LinkGuardianDialog</name>
    <message>
        <source>Link an existing guardian</source>
        <translation>Koble til en foresatt i registeret</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Koble til</translation>
    </message>
    <message>
        <source>Type a name, such as a sibling&apos;s parent</source>
        <translation>Skriv et navn, for eksempel forelderen til et søsken</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>Søk:</translation>
    </message>
    <message>
        <source>Guardian:</source>
        <translation>Foresatt:</translation>
    </message>
    <message>
        <source>Relation:</source>
        <translation>Relasjon:</translation>
    </message>
    <message>
        <source>{name} (guardian of {children})</source>
        <translation>{name} (foresatt for {children})</translation>
    </message>
</context>
<context>
    <name>LunchModels</name>
    <message>
        <source>Lunch</source>
        <translation>Lunsj</translation>
    </message>
    <message>
        <source>Coffee and fruit</source>
        <translation>Kaffe og frukt</translation>
    </message>
    <message>
        <source>Set-up and clearing</source>
        <translation>Rigging og rydding</translation>
    </message>
    <message>
        <source>Vegetarian</source>
        <translation>Vegetar</translation>
    </message>
    <message>
        <source>Vegan</source>
        <translation>Vegan</translation>
    </message>
    <message>
        <source>Halal</source>
        <translation>Halal</translation>
    </message>
    <message>
        <source>No pork</source>
        <translation>Uten svinekjøtt</translation>
    </message>
    <message>
        <source>Lactose-free</source>
        <translation>Laktosefri</translation>
    </message>
    <message>
        <source>Gluten-free</source>
        <translation>Glutenfri</translation>
    </message>
    <message>
        <source>Other diet</source>
        <translation>Annen diett</translation>
    </message>
    <message>
        <source>SEVERE</source>
        <translation>ALVORLIG</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderat</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>Mild</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Grad</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>Allergi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Ensemble</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <source>Note for the kitchen</source>
        <translation>Merknad til kjøkkenet</translation>
    </message>
    <message>
        <source>Severe allergy</source>
        <translation>Alvorlig allergi</translation>
    </message>
    <message>
        <source>brings own lunch (fruit and coffee are for everyone)</source>
        <translation>har med egen lunsj (frukt og kaffe får alle)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Oppgave</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Forelder</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Parent of</source>
        <translation>Forelder til</translation>
    </message>
    <message>
        <source>Eats lunch</source>
        <translation>Spiser lunsj</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>Ticked: the parent is counted among the day&apos;s lunches</source>
        <translation>Krysset av: forelderen telles med i dagens lunsjer</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Arrangement</translation>
    </message>
    <message>
        <source>Nobody is on lunch duty this day</source>
        <translation>Ingen har lunsjvakt denne dagen</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>ingen ennå</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>Foreldre</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Barn</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>Vakter</translation>
    </message>
    <message>
        <source>No duty this season yet</source>
        <translation>Ingen vakt denne sesongen ennå</translation>
    </message>
</context>
<context>
    <name>LunchPage</name>
    <message>
        <source>&amp;Season</source>
        <translation>&amp;Sesong</translation>
    </message>
    <message>
        <source>Se&amp;minar</source>
        <translation>Se&amp;minar</translation>
    </message>
    <message>
        <source>Print lunch sheet</source>
        <translation>Skriv ut lunsjliste</translation>
    </message>
    <message>
        <source>the lunch sheet</source>
        <translation>lunsjlisten</translation>
    </message>
    <message>
        <source>The seminar&apos;s numbers, diets, allergies and parents on duty, a page per day</source>
        <translation>Seminarets antall, spesialkost, allergier og foreldre på vakt, én side per dag</translation>
    </message>
    <message>
        <source>Print season roster</source>
        <translation>Skriv ut sesongens vaktliste</translation>
    </message>
    <message>
        <source>the season&apos;s duty roster</source>
        <translation>sesongens vaktliste</translation>
    </message>
    <message>
        <source>Every seminar day&apos;s parents on duty, and each family&apos;s share of the duties</source>
        <translation>Foreldrene på vakt hver seminardag, og hvor mange vakter hver familie har hatt</translation>
    </message>
    <message>
        <source>Children are shown by first name and ensemble only. Allergies are health data: keep printed lists where only the kitchen sees them, and throw them away after the seminar.</source>
        <translation>Barn vises bare med fornavn og ensemble. Allergier er helseopplysninger: heng utskrevne lister der bare kjøkkenet ser dem, og kast dem etter seminaret.</translation>
    </message>
    <message>
        <source>No weekend seminars in {year}. Seminars are added in Events.</source>
        <translation>Ingen helgeseminarer i {year}. Seminarer legges inn under Arrangementer.</translation>
    </message>
    <message>
        <source>{day}: {count} lunches</source>
        <translation>{day}: {count} lunsjer</translation>
    </message>
    <message>
        <source>Nobody is on lunch duty this day</source>
        <translation>Ingen har lunsjvakt denne dagen</translation>
    </message>
    <message>
        <source>Season duty roster {year}</source>
        <translation>Vaktliste for sesongen {year}</translation>
    </message>
    <message>
        <source>sign-up deadline {date}</source>
        <translation>påmeldingsfrist {date}</translation>
    </message>
    <message>
        <source>{name} off the roster ({task}, {day})</source>
        <translation>{name} fjernet fra vaktlisten ({task}, {day})</translation>
    </message>
    <message>
        <source>lunch of {name} on duty ({task}, {day})</source>
        <translation>lunsj for {name} på vakt ({task}, {day})</translation>
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
        <source>The register is not encrypted: anyone who gets hold of this computer or a backup can read the children&apos;s data.</source>
        <translation>Registeret er ikke kryptert: alle som får tak i denne datamaskinen eller en sikkerhetskopi, kan lese barnas opplysninger.</translation>
    </message>
    <message>
        <source>Encrypt the register…</source>
        <translation>Krypter registeret&#xa0;…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fil</translation>
    </message>
    <message>
        <source>&amp;Import members…</source>
        <translation>&amp;Importer medlemmer&#xa0;…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avslutt</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>R&amp;ediger</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>&amp;Medlemmer</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>Database: {name} (as {role})</source>
        <translation>Database: {name} (som {role})</translation>
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
    <name>MemberActions</name>
    <message>
        <source>That could not be undone: {reason}</source>
        <translation>Det kunne ikke angres: {reason}</translation>
    </message>
</context>
<context>
    <name>MemberFilterBar</name>
    <message>
        <source>Search by name (Ctrl+F)</source>
        <translation>Søk etter navn (Ctrl+F)</translation>
    </message>
    <message>
        <source>All ensembles</source>
        <translation>Alle ensembler</translation>
    </message>
    <message>
        <source>All instruments</source>
        <translation>Alle instrumenter</translation>
    </message>
    <message>
        <source>All municipalities</source>
        <translation>Alle kommuner</translation>
    </message>
    <message>
        <source>Not archived</source>
        <translation>Ikke arkiverte</translation>
    </message>
    <message>
        <source>All flags</source>
        <translation>Alle merknader</translation>
    </message>
    <message>
        <source>Outside the age limits</source>
        <translation>Utenfor aldersgrensene</translation>
    </message>
    <message>
        <source>names matching &quot;{text}&quot;</source>
        <translation>navn som passer med «{text}»</translation>
    </message>
    <message>
        <source>everyone not archived</source>
        <translation>alle som ikke er arkivert</translation>
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
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Ensemble</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Culture school</source>
        <translation>Kulturskole</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Older this year than the ensemble&apos;s upper age limit. The ensemble is for younger players: end the membership, or move the person up to the next ensemble.</source>
        <translation>Eldre i år enn ensemblets øvre aldersgrense. Ensemblet er for yngre musikere: avslutt medlemskapet, eller flytt personen opp til neste ensemble.</translation>
    </message>
    <message>
        <source>Younger this year than the ensemble&apos;s lower age limit. Check the birth date, and whether the person should play in an ensemble for younger players.</source>
        <translation>Yngre i år enn ensemblets nedre aldersgrense. Sjekk fødselsdatoen, og om personen bør spille i et ensemble for yngre musikere.</translation>
    </message>
    <message>
        <source>Turns the ensemble&apos;s upper age limit this year: this is the last season in the ensemble. Plan who takes over the place, and whether the person moves up.</source>
        <translation>Fyller ensemblets øvre aldersgrense i år: dette er siste sesong i ensemblet. Planlegg hvem som overtar plassen, og om personen skal flytte opp.</translation>
    </message>
    <message>
        <source>Old enough this year for the next ensemble up (the juniors&apos; next one is the orchestra). Moving up is done in the person&apos;s Memberships: Move up.</source>
        <translation>Gammel nok i år til neste ensemble (for juniorene er det orkesteret). Flytting opp gjøres under Medlemskap hos personen: Flytt opp.</translation>
    </message>
    <message>
        <source>Age flags, from the ensemble&apos;s age limits (Settings, Ensembles) and the age the person turns this year. Red: outside the limits. Amber: ages out after the season. Blue: may move up. Point at a flag to see what it means.</source>
        <translation>Aldersmerknader, ut fra ensemblets aldersgrenser (Innstillinger, Ensembler) og alderen personen fyller i år. Rødt: utenfor grensene. Oransje: går ut etter sesongen. Blått: kan flytte opp. Hold musepekeren over en merknad for å se hva den betyr.</translation>
    </message>
    <message>
        <source>Persons without a photo consent in force today</source>
        <translation>Personer uten gyldig fotosamtykke i dag</translation>
    </message>
    <message>
        <source>No photos</source>
        <translation>Ingen foto</translation>
    </message>
    <message>
        <source>No photo consent is in force: keep the person out of photos that are published</source>
        <translation>Ingen gyldig fotosamtykke: personen skal ikke være med på bilder som publiseres</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Merknader</translation>
    </message>
    <message>
        <source>The age the person turns in {year}, as ensembles count</source>
        <translation>Alderen personen fyller i {year}, slik ensemblene regner</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>New person…</source>
        <translation>Ny person …</translation>
    </message>
    <message>
        <source>Add a person to the register (Ctrl+N)</source>
        <translation>Legg en person inn i registeret (Ctrl+N)</translation>
    </message>
    <message>
        <source>Copy guardians&apos; e-mail…</source>
        <translation>Kopier foresattes e-post …</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Age limits</source>
        <translation>Aldersgrenser</translation>
    </message>
    <message>
        <source>&amp;New person…</source>
        <translation>&amp;Ny person …</translation>
    </message>
    <message>
        <source>&amp;Find a person</source>
        <translation>&amp;Finn en person</translation>
    </message>
    <message>
        <source>&amp;Open person</source>
        <translation>Å&amp;pne person</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Arkiver</translation>
    </message>
    <message>
        <source>&amp;Remove permanently…</source>
        <translation>&amp;Fjern for godt …</translation>
    </message>
    <message>
        <source>&amp;Copy guardians&apos; e-mail…</source>
        <translation>&amp;Kopier foresattes e-post …</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Angre: {action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Gjør om: {action}</translation>
    </message>
    <message>
        <source>Print contact list</source>
        <translation>Skriv ut kontaktliste</translation>
    </message>
    <message>
        <source>the contact and emergency list</source>
        <translation>kontakt- og nødlisten</translation>
    </message>
    <message>
        <source>The active members with their guardians&apos; names and phone numbers, for the seminar bag: the ensemble chosen in the filter, or all ensembles</source>
        <translation>De aktive medlemmene med foresattes navn og telefonnumre, til seminarvesken: ensemblet som er valgt i filteret, eller alle ensembler</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>Åpnet {path}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Lagret {path}</translation>
    </message>
    <message>
        <source>Reading the register…</source>
        <translation>Leser registeret&#xa0;…</translation>
    </message>
    <message>
        <source>The register could not be listed.</source>
        <translation>Registeret kunne ikke listes opp.</translation>
    </message>
    <message>
        <source>{count} shown</source>
        <translation>{count} vises</translation>
    </message>
    <message>
        <source>archive {name}</source>
        <translation>arkiver {name}</translation>
    </message>
    <message>
        <source>archive {count} persons</source>
        <translation>arkiver {count} personer</translation>
    </message>
    <message>
        <source>Archived: {what}. Ctrl+Z brings it back.</source>
        <translation>Arkivert: {what}. Ctrl+Z henter tilbake.</translation>
    </message>
    <message>
        <source>Remove permanently</source>
        <translation>Fjern for godt</translation>
    </message>
    <message>
        <source>Remove {name} from the register for good?

Erased: the name, the exact birth date, contact details, allergies, diets, consents, notes (also those on sign-ups, attendance and memberships), the change history, and guardians with no other child in the register. Kept for statistics: gender, birth year, municipality, ensembles and sections, and the seasons of membership.

This cannot be undone, and restoring an older backup erases the person again.</source>
        <translation>Fjerne {name} fra registeret for godt?

Dette slettes: navnet, den nøyaktige fødselsdatoen, kontaktopplysninger, allergier, kosthold, samtykker, merknader (også dem på påmeldinger, oppmøte og medlemskap), endringsloggen og foresatte uten andre barn i registeret. Dette beholdes til statistikk: kjønn, fødselsår, kommune, ensembler og grupper, og sesongene med medlemskap.

Dette kan ikke angres, og gjenopprettes en eldre sikkerhetskopi, slettes personen på nytt.</translation>
    </message>
    <message>
        <source>Remove {name} permanently</source>
        <translation>Fjern {name} for godt</translation>
    </message>
    <message>
        <source>{name} was removed from the register.</source>
        <translation>{name} er fjernet fra registeret.</translation>
    </message>
    <message>
        <source>Loading the demo season…</source>
        <translation>Laster inn demosesongen&#xa0;…</translation>
    </message>
</context>
<context>
    <name>MembershipsPanel</name>
    <message>
        <source>Start membership…</source>
        <translation>Start medlemskap …</translation>
    </message>
    <message>
        <source>Move up…</source>
        <translation>Flytt opp …</translation>
    </message>
    <message>
        <source>Ensemble</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grunn</translation>
    </message>
    <message>
        <source>From {low} to {high}</source>
        <translation>Fra {low} til {high}</translation>
    </message>
    <message>
        <source>Only a member of an ensemble with a next one up can move up</source>
        <translation>Bare medlemmer av et ensemble med et neste trinn kan flytte opp</translation>
    </message>
    <message>
        <source>No current membership.</source>
        <translation>Ingen medlemskap nå.</translation>
    </message>
    <message>
        <source>{ensemble}, since {date}</source>
        <translation>{ensemble}, fra {date}</translation>
    </message>
    <message>
        <source>The instrument played in {ensemble}</source>
        <translation>Instrumentet personen spiller i {ensemble}</translation>
    </message>
    <message>
        <source>End…</source>
        <translation>Avslutt …</translation>
    </message>
    <message>
        <source>change the instrument of {name}</source>
        <translation>endre instrumentet til {name}</translation>
    </message>
    <message>
        <source>start of {name}&apos;s membership of {ensemble}</source>
        <translation>start av medlemskapet til {name} i {ensemble}</translation>
    </message>
    <message>
        <source>end of {name}&apos;s membership of {ensemble}</source>
        <translation>avslutning av medlemskapet til {name} i {ensemble}</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Flytt opp</translation>
    </message>
    <message>
        <source>Move {name} up from {low} to {high}? The membership of {low} ends on {date} and the one in {high} starts the same day.</source>
        <translation>Flytte {name} opp fra {low} til {high}? Medlemskapet i {low} avsluttes {date}, og medlemskapet i {high} starter samme dag.</translation>
    </message>
    <message>
        <source>move of {name} up</source>
        <translation>flytting av {name} opp</translation>
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
    <name>MissingKeyBox</name>
    <message>
        <source>VRUS – encrypted register</source>
        <translation>VRUS – kryptert register</translation>
    </message>
    <message>
        <source>This computer has no key store to keep the recovery key in. Start VRUS with the register&apos;s key in a key file ({variable} or --key-file).</source>
        <translation>Denne datamaskinen har ingen nøkkelring å oppbevare gjenopprettingsnøkkelen i. Start VRUS med registerets nøkkel i en nøkkelfil ({variable} eller --key-file).</translation>
    </message>
    <message>
        <source>With the register&apos;s recovery sheet at hand, choose Enter recovery key and type the key from it: VRUS keeps it on this computer and opens the register.</source>
        <translation>Ha registerets gjenopprettingsark for hånden, velg Skriv inn gjenopprettingsnøkkel, og skriv inn nøkkelen fra arket: VRUS oppbevarer den på denne datamaskinen og åpner registeret.</translation>
    </message>
    <message>
        <source>Enter recovery key…</source>
        <translation>Skriv inn gjenopprettingsnøkkel&#xa0;…</translation>
    </message>
</context>
<context>
    <name>MunicipalityEditor</name>
    <message>
        <source>Import population figures…</source>
        <translation>Importer folketall…</translation>
    </message>
    <message>
        <source>Residents per municipality, year and age from SSB&apos;s Statbank: download table 07459 as CSV or JSON-stat.</source>
        <translation>Innbyggere per kommune, år og alder fra SSBs statistikkbank: last ned tabell 07459 som CSV eller JSON-stat.</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Leser filen …</translation>
    </message>
    <message>
        <source>Import population figures</source>
        <translation>Importer folketall</translation>
    </message>
    <message>
        <source>Statbank downloads (*.csv *.json *.txt);;All files (*)</source>
        <translation>Nedlastinger fra statistikkbanken (*.csv *.json *.txt);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Storing the figures…</source>
        <translation>Lagrer tallene …</translation>
    </message>
    <message>
        <source>import of population figures</source>
        <translation>import av befolkningstall</translation>
    </message>
    <message>
        <source>The population figures were not imported.</source>
        <translation>Folketallene ble ikke importert.</translation>
    </message>
</context>
<context>
    <name>NewPersonDialog</name>
    <message>
        <source>New person</source>
        <translation>Ny person</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Opprett</translation>
    </message>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>dd.mm.åååå</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Fornavn:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Etternavn:</translation>
    </message>
    <message>
        <source>Born:</source>
        <translation>Født:</translation>
    </message>
    <message>
        <source>Municipality:</source>
        <translation>Kommune:</translation>
    </message>
    <message>
        <source>new person {name}</source>
        <translation>ny person {name}</translation>
    </message>
    <message>
        <source>Already in the register, perhaps the same person:</source>
        <translation>Allerede i registeret, kanskje samme person:</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;{id}&quot;&gt;{name}&lt;/a&gt;, born {date}</source>
        <translation>&lt;a href=&quot;{id}&quot;&gt;{name}&lt;/a&gt;, født {date}</translation>
    </message>
    <message>
        <source>Choose Create again to add the new person anyway.</source>
        <translation>Velg Opprett likevel for å legge inn den nye personen.</translation>
    </message>
    <message>
        <source>Create anyway</source>
        <translation>Opprett likevel</translation>
    </message>
</context>
<context>
    <name>NewRegisterDialog</name>
    <message>
        <source>New register</source>
        <translation>Nytt register</translation>
    </message>
    <message>
        <source>Encrypted (recommended)</source>
        <translation>Kryptert (anbefalt)</translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation>Ukryptert</translation>
    </message>
    <message>
        <source>Anyone who gets hold of the file, or a copy of it, can read the children&apos;s data: names, addresses, allergies. The register can be encrypted later.</source>
        <translation>Alle som får tak i filen eller en kopi av den, kan lese barnas opplysninger: navn, adresser, allergier. Registeret kan krypteres senere.</translation>
    </message>
    <message>
        <source>Connect to a server…</source>
        <translation>Koble til en server&#xa0;…</translation>
    </message>
    <message>
        <source>Use a register that several people share on a server, instead.</source>
        <translation>Bruk heller et register som flere deler på en server.</translation>
    </message>
    <message>
        <source>There is no register yet. VRUS makes a new one here:
{path}</source>
        <translation>Det finnes ikke noe register ennå. VRUS lager et nytt her:
{path}</translation>
    </message>
    <message>
        <source>The key is the one in the key file {path}. Next, VRUS offers a recovery sheet to print and keep safe.</source>
        <translation>Nøkkelen er den som ligger i nøkkelfilen {path}. Deretter tilbyr VRUS et gjenopprettingsark som du skriver ut og tar godt vare på.</translation>
    </message>
    <message>
        <source>The key is kept in this computer&apos;s key store ({name}). Next, VRUS offers a recovery sheet to print and keep safe: without it, the register cannot be opened if the key store is lost.</source>
        <translation>Nøkkelen oppbevares i nøkkelringen på denne datamaskinen ({name}). Deretter tilbyr VRUS et gjenopprettingsark som du skriver ut og tar godt vare på: uten det kan ikke registeret åpnes hvis nøkkelringen går tapt.</translation>
    </message>
    <message>
        <source>This computer has no key store; start VRUS with a key file ({variable}) to encrypt.</source>
        <translation>Denne datamaskinen har ingen nøkkelring; start VRUS med en nøkkelfil ({variable}) for å kryptere.</translation>
    </message>
</context>
<context>
    <name>OrganisationEditor</name>
    <message>
        <source>All kinds</source>
        <translation>Alle typer</translation>
    </message>
    <message>
        <source>Add organisation…</source>
        <translation>Legg til organisasjon …</translation>
    </message>
    <message>
        <source>Add an organisation</source>
        <translation>Legg til en organisasjon</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Legg til</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Municipality:</source>
        <translation>Kommune:</translation>
    </message>
    <message>
        <source>new organisation {name}</source>
        <translation>ny organisasjon {name}</translation>
    </message>
</context>
<context>
    <name>PageUndo</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Angre: {action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Gjør om: {action}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Angre</translation>
    </message>
    <message>
        <source>That could not be undone: {reason}</source>
        <translation>Det kunne ikke angres: {reason}</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Etternavn</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Født</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Kjønn</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>Culture school</source>
        <translation>Kulturskole</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>Postal town</source>
        <translation>Poststed</translation>
    </message>
    <message>
        <source>Diet</source>
        <translation>Kosthold</translation>
    </message>
    <message>
        <source>Close the person</source>
        <translation>Lukk personen</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Samtykker</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historikk…</translation>
    </message>
    <message>
        <source>Who changed this person&apos;s data, and who printed or exported it</source>
        <translation>Hvem som har endret personens opplysninger, og hvem som har skrevet dem ut eller eksportert dem</translation>
    </message>
    <message>
        <source>{name} was changed by someone else while you were editing; their values were kept and are shown.</source>
        <translation>{name} ble endret av noen andre mens du redigerte; verdiene deres er beholdt og vises nå.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Lukk (Esc)</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Opplysninger</translation>
    </message>
    <message>
        <source>Guardians</source>
        <translation>Foresatte</translation>
    </message>
    <message>
        <source>Memberships</source>
        <translation>Medlemskap</translation>
    </message>
    <message>
        <source>{name} (until {date})</source>
        <translation>{name} (til {date})</translation>
    </message>
    <message>
        <source>{age} years in {year}</source>
        <translation>{age} år i {year}</translation>
    </message>
    <message>
        <source>Archived {date}</source>
        <translation>Arkivert {date}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Hent tilbake</translation>
    </message>
    <message>
        <source>Bring the person back into the register</source>
        <translation>Hent personen tilbake til registeret</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Arkiver</translation>
    </message>
    <message>
        <source>Move the person out of the register; the history is kept (Ctrl+Z undoes)</source>
        <translation>Flytt personen ut av registeret; historikken beholdes (Ctrl+Z angrer)</translation>
    </message>
    <message>
        <source>change {field} of {name}</source>
        <translation>endre {field} for {name}</translation>
    </message>
    <message>
        <source>archive {name}</source>
        <translation>arkiver {name}</translation>
    </message>
    <message>
        <source>restore {name}</source>
        <translation>hent tilbake {name}</translation>
    </message>
</context>
<context>
    <name>PersonRowsModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Ensemble</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Merknader</translation>
    </message>
</context>
<context>
    <name>PopulationPreview</name>
    <message>
        <source>Import population figures</source>
        <translation>Importer folketall</translation>
    </message>
    <message>
        <source>Store these figures in the register? All of them are stored, or none.</source>
        <translation>Lagre disse tallene i registeret? Enten lagres alle, eller ingen.</translation>
    </message>
    <message>
        <source>Store figures</source>
        <translation>Lagre tallene</translation>
    </message>
</context>
<context>
    <name>PrintButton</name>
    <message>
        <source>Show the choices</source>
        <translation>Vis valgene</translation>
    </message>
    <message>
        <source>Alt+Down shows the choices: open, send to a printer, save as PDF</source>
        <translation>Alt+Pil ned viser valgene: åpne, sende til en skriver, lagre som PDF</translation>
    </message>
    <message>
        <source>Open {document} as PDF</source>
        <translation>Åpne {document} som PDF</translation>
    </message>
    <message>
        <source>Send {document} to a printer…</source>
        <translation>Send {document} til en skriver…</translation>
    </message>
    <message>
        <source>Save {document} as PDF…</source>
        <translation>Lagre {document} som PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Lagre som PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumenter (*.pdf)</translation>
    </message>
    <message>
        <source>Printing straight from VRUS needs Qt PDF (the PySide6-Pdf package), which is not installed. The PDF opens in your PDF viewer instead: print it from there.</source>
        <translation>For å skrive ut direkte fra VRUS trengs Qt PDF (pakken PySide6-Pdf), som ikke er installert. PDF-en åpnes i PDF-leseren i stedet: skriv den ut derfra.</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. The PDF opens in your PDF viewer instead: save it there, or print it from a computer with a printer.</source>
        <translation>Ingen skriver er satt opp på denne datamaskinen. PDF-en åpnes i PDF-leseren i stedet: lagre den der, eller skriv den ut fra en datamaskin med skriver.</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>Lager PDF-en…</translation>
    </message>
    <message>
        <source>The PDF could not be made.</source>
        <translation>PDF-en kunne ikke lages.</translation>
    </message>
    <message>
        <source>Opened {file}</source>
        <translation>Åpnet {file}</translation>
    </message>
    <message>
        <source>No PDF viewer could be started. Until VRUS closes, the PDF is in
{path}
Use Save as PDF to keep it.</source>
        <translation>Ingen PDF-leser kunne startes. Til VRUS lukkes, ligger PDF-en i
{path}
Bruk Lagre som PDF for å beholde den.</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>Lagret {file}</translation>
    </message>
    <message>
        <source>Sent {count} pages to the printer</source>
        <translation>Sendte {count} sider til skriveren</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Utskrift</translation>
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
    <name>RecoverySheetDialog</name>
    <message>
        <source>Recovery sheet</source>
        <translation>Gjenopprettingsark</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Lagre som PDF&#xa0;…</translation>
    </message>
    <message>
        <source>The recovery sheet holds the register&apos;s key. With it, the register and its backups can be opened on a new computer, or on this one if the key is lost. Save it as a PDF, print it and keep the paper locked away; then delete the PDF.</source>
        <translation>Gjenopprettingsarket inneholder registerets nøkkel. Med det kan registeret og sikkerhetskopiene åpnes på en ny datamaskin, eller på denne hvis nøkkelen går tapt. Lagre det som PDF, skriv det ut, og oppbevar papiret innelåst; slett deretter PDF-en.</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>Gjenopprettingsnøkkel:</translation>
    </message>
    <message>
        <source>On this computer the key is kept in the key store ({name}): VRUS opens the register without asking.</source>
        <translation>På denne datamaskinen oppbevares nøkkelen i nøkkelringen ({name}): VRUS åpner registeret uten å spørre.</translation>
    </message>
    <message>
        <source>On this computer the key is kept in the key file {path}. Keep that file safe too, and never beside the register or its backups.</source>
        <translation>På denne datamaskinen oppbevares nøkkelen i nøkkelfilen {path}. Ta godt vare på den filen også, og legg den aldri sammen med registeret eller sikkerhetskopiene.</translation>
    </message>
    <message>
        <source>The recovery sheet was not saved.</source>
        <translation>Gjenopprettingsarket ble ikke lagret.</translation>
    </message>
    <message>
        <source>The recovery sheet is saved in
{path}

Print it and keep the paper locked away, then delete the file: anyone who has it and a copy of the register can read the children&apos;s data.</source>
        <translation>Gjenopprettingsarket er lagret i
{path}

Skriv det ut, og oppbevar papiret innelåst; slett deretter filen: alle som har den og en kopi av registeret, kan lese barnas opplysninger.</translation>
    </message>
    <message>
        <source>Save the recovery sheet</source>
        <translation>Lagre gjenopprettingsarket</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumenter (*.pdf)</translation>
    </message>
    <message>
        <source>Open the PDF</source>
        <translation>Åpne PDF-en</translation>
    </message>
</context>
<context>
    <name>ReferenceEditor</name>
    <message>
        <source>Saved.</source>
        <translation>Lagret.</translation>
    </message>
</context>
<context>
    <name>ReferenceModels</name>
    <message>
        <source>{column}: {reason} Nothing was saved.</source>
        <translation>{column}: {reason} Ingenting ble lagret.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>County</source>
        <translation>Fylke</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gyldig</translation>
    </message>
    <message>
        <source>In the region</source>
        <translation>I regionen</translation>
    </message>
    <message>
        <source>Population</source>
        <translation>Innbyggere</translation>
    </message>
    <message>
        <source>Counted in</source>
        <translation>Telleår</translation>
    </message>
    <message>
        <source>Inhabitants (SSB)</source>
        <translation>Innbyggere (SSB)</translation>
    </message>
    <message>
        <source>change of {municipality}</source>
        <translation>endring av {municipality}</translation>
    </message>
    <message>
        <source>{persons} ({year})</source>
        <translation>{persons} ({year})</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Instrumentgruppe</translation>
    </message>
    <message>
        <source>Hard to recruit</source>
        <translation>Vanskelig å rekruttere</translation>
    </message>
    <message>
        <source>Wanted players</source>
        <translation>Ønsket antall</translation>
    </message>
    <message>
        <source>change of {instrument}</source>
        <translation>endring av {instrument}</translation>
    </message>
    <message>
        <source>Ensemble</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <source>Lowest age</source>
        <translation>Laveste alder</translation>
    </message>
    <message>
        <source>Highest age</source>
        <translation>Høyeste alder</translation>
    </message>
    <message>
        <source>Moves up to</source>
        <translation>Flytter opp til</translation>
    </message>
    <message>
        <source>change of the age limits of {ensemble}</source>
        <translation>endring av aldersgrensene for {ensemble}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Nettsted</translation>
    </message>
    <message>
        <source>change of {organisation}</source>
        <translation>endring av {organisation}</translation>
    </message>
</context>
<context>
    <name>RemoteChanges</name>
    <message>
        <source>Also in the register: {names}</source>
        <translation>Også i registeret: {names}</translation>
    </message>
    <message>
        <source>{user} ({role})</source>
        <translation>{user} ({role})</translation>
    </message>
    <message>
        <source>lunch</source>
        <translation>venneforeningen</translation>
    </message>
    <message>
        <source>instructor</source>
        <translation>instruktør</translation>
    </message>
    <message>
        <source>reader</source>
        <translation>leser</translation>
    </message>
    <message>
        <source>{user} on {host}, since {time}</source>
        <translation>{user} på {host}, siden {time}</translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <source>{category}: {figures}</source>
        <translation>{category}: {figures}</translation>
    </message>
    <message>
        <source>(total {total})</source>
        <translation>(i alt {total})</translation>
    </message>
</context>
<context>
    <name>ReportColumns</name>
    <message>
        <source>Persons with a membership of any ensemble during the season, each counted once: a member who moved up counts in both ensembles&apos; columns, but once here.</source>
        <translation>Personer med medlemskap i et ensemble i løpet av sesongen, hver telt én gang: et medlem som har flyttet opp, telles i kolonnene for begge ensemblene, men bare én gang her.</translation>
    </message>
    <message>
        <source>Residents of the municipality on 1 January, from Statistics Norway (SSB): the season&apos;s year when there is a figure for it, otherwise the nearest year. The heading names the year when every row has the same one.</source>
        <translation>Innbyggere i kommunen per 1. januar, fra Statistisk sentralbyrå (SSB): sesongens år når det finnes tall for det, ellers nærmeste år. Overskriften viser året når alle radene har samme år.</translation>
    </message>
    <message>
        <source>Total ÷ inhabitants × 10&#xa0;000: the municipality&apos;s members per 10&#xa0;000 residents of all ages, so that large and small municipalities can be compared.</source>
        <translation>Totalt ÷ innbyggere × 10&#xa0;000: kommunens medlemmer per 10&#xa0;000 innbyggere i alle aldre, slik at store og små kommuner kan sammenlignes.</translation>
    </message>
    <message>
        <source>Members of {ensemble} from the municipality ÷ its residents aged {low}–{high} (the ensemble&apos;s age limits) × 1&#xa0;000. Residents by age on 1 January, from Statistics Norway (Settings, Municipalities); empty where there are no such figures.</source>
        <translation>Medlemmer i {ensemble} fra kommunen ÷ kommunens innbyggere i alderen {low}–{high} (ensemblets aldersgrenser) × 1&#xa0;000. Innbyggere etter alder per 1. januar, fra Statistisk sentralbyrå (Innstillinger, Kommuner); tomt der slike tall mangler.</translation>
    </message>
    <message>
        <source>Persons from the municipality in any ensemble during the season, each counted once; a member who plays in two sections counts in both section columns.</source>
        <translation>Personer fra kommunen i et ensemble i løpet av sesongen, hver telt én gang; et medlem som spiller i to grupper, telles i begge gruppekolonnene.</translation>
    </message>
    <message>
        <source>Target − the orchestra&apos;s members who play the instrument on the report day (today, or the last day of a past season); 0 when the target is met. The targets are set in Settings, Instruments.</source>
        <translation>Mål − orkesterets medlemmer som spiller instrumentet på rapportdagen (i dag, eller siste dag i en tidligere sesong); 0 når målet er nådd. Målene settes under Innstillinger, Instrumenter.</translation>
    </message>
    <message>
        <source>The age the members turn in {season}, as the ensembles count it: the season&apos;s year minus the year of birth.</source>
        <translation>Alderen medlemmene fyller i {season}, slik ensemblene regner: sesongens år minus fødselsåret.</translation>
    </message>
    <message>
        <source>The age the person turns in the season&apos;s year, as the ensembles count it.</source>
        <translation>Alderen personen fyller i sesongens år, slik ensemblene regner.</translation>
    </message>
    <message>
        <source>The lowest age among the ensemble&apos;s members on the report day; ages are those the members turn in the season&apos;s year.</source>
        <translation>Den laveste alderen blant ensemblets medlemmer på rapportdagen; alderen er den medlemmene fyller i sesongens år.</translation>
    </message>
    <message>
        <source>The highest age among the ensemble&apos;s members on the report day; ages are those the members turn in the season&apos;s year.</source>
        <translation>Den høyeste alderen blant ensemblets medlemmer på rapportdagen; alderen er den medlemmene fyller i sesongens år.</translation>
    </message>
    <message>
        <source>The sum of the members&apos; ages ÷ the number of members, on the report day; ages are those the members turn in the season&apos;s year. Members without a birth date are left out.</source>
        <translation>Summen av medlemmenes alder ÷ antall medlemmer, på rapportdagen; alderen er den medlemmene fyller i sesongens år. Medlemmer uten fødselsdato er ikke med.</translation>
    </message>
    <message>
        <source>Counted days of the events the member was invited to. Invited: an active member of an invited ensemble on the event&apos;s first day. Counted: a day up to today on which anyone&apos;s attendance was recorded.</source>
        <translation>Telte dager på arrangementene medlemmet var invitert til. Invitert: aktivt medlem av et invitert ensemble på arrangementets første dag. Telt: en dag til og med i dag der noens oppmøte er registrert.</translation>
    </message>
    <message>
        <source>Invited days on which the member was recorded present.</source>
        <translation>Inviterte dager der medlemmet er registrert som møtt.</translation>
    </message>
    <message>
        <source>Invited days on which the member was recorded as excused; in the attendance they count as not present.</source>
        <translation>Inviterte dager der medlemmet er registrert med gyldig fravær; i oppmøtet regnes de som ikke til stede.</translation>
    </message>
    <message>
        <source>Present days ÷ invited days. Absent, excused and nothing recorded all count as not present; extra days are not part of it.</source>
        <translation>Dager møtt ÷ inviterte dager. Fravær, gyldig fravær og ingenting registrert regnes alle som ikke til stede; ekstra dager er ikke med.</translation>
    </message>
    <message>
        <source>Days the member was present at an event they were not invited to; not part of the attendance.</source>
        <translation>Dager medlemmet var til stede på et arrangement det ikke var invitert til; regnes ikke med i oppmøtet.</translation>
    </message>
    <message>
        <source>The event&apos;s counted days: its days up to today on which anyone&apos;s attendance was recorded.</source>
        <translation>Arrangementets telte dager: dagene til og med i dag der noens oppmøte er registrert.</translation>
    </message>
    <message>
        <source>Members invited to the event: the active members of its invited ensembles on its first day.</source>
        <translation>Medlemmer invitert til arrangementet: de aktive medlemmene av de inviterte ensemblene på arrangementets første dag.</translation>
    </message>
    <message>
        <source>Everyone recorded present on the day, invited or not.</source>
        <translation>Alle som er registrert som møtt den dagen, invitert eller ikke.</translation>
    </message>
    <message>
        <source>Of those present, how many were invited; the others came to an event they were not invited to.</source>
        <translation>Hvor mange av dem som var til stede, som var invitert; de andre kom til et arrangement de ikke var invitert til.</translation>
    </message>
    <message>
        <source>The persons present on each of the event&apos;s counted days, added up, ÷ the number of counted days (its days up to today with attendance recorded).</source>
        <translation>Antall personer til stede på hver av arrangementets telte dager, lagt sammen, ÷ antall telte dager (dagene til og med i dag med registrert oppmøte).</translation>
    </message>
    <message>
        <source>Invited persons present ÷ persons invited, over the event&apos;s counted days together (per day: on that day). Those who came without being invited are left out.</source>
        <translation>Inviterte personer til stede ÷ inviterte personer, over arrangementets telte dager samlet (per dag: den dagen). De som kom uten å være invitert, er ikke med.</translation>
    </message>
    <message>
        <source>Persons recorded present on at least one counted day of the season, each counted once, under their registered municipality (placed as in the coverage report).</source>
        <translation>Personer registrert som møtt minst én telt dag i sesongen, hver telt én gang, under sin registrerte kommune (plassert som i rapporten om rekruttering og dekning).</translation>
    </message>
    <message>
        <source>Memberships of the ensemble that began during the season; a member who moved up begins a new one in the next ensemble.</source>
        <translation>Medlemskap i ensemblet som begynte i løpet av sesongen; et medlem som har flyttet opp, begynner på et nytt i neste ensemble.</translation>
    </message>
    <message>
        <source>Memberships of the ensemble that ended during the season, for any reason but moving up.</source>
        <translation>Medlemskap i ensemblet som sluttet i løpet av sesongen, av en annen grunn enn flytting opp.</translation>
    </message>
    <message>
        <source>Memberships of the ensemble that ended during the season because the member moved up to the next ensemble.</source>
        <translation>Medlemskap i ensemblet som sluttet i løpet av sesongen fordi medlemmet flyttet opp til neste ensemble.</translation>
    </message>
    <message>
        <source>End time − start time of the day; the last row, the course hours, is the sum over its days. A day without both times leaves the course hours unknown.</source>
        <translation>Sluttid − starttid for dagen; den siste raden, kurstimene, er summen over dagene. En dag uten begge klokkeslettene gjør kurstimene ukjente.</translation>
    </message>
    <message>
        <source>The hours of the course days on which the participant was recorded present.</source>
        <translation>Timene på kursdagene der deltakeren er registrert som møtt.</translation>
    </message>
    <message>
        <source>Hours attended ÷ the course hours. The course grant rules (Settings, Course grants) say how large a share a participant needs to count.</source>
        <translation>Timer deltatt ÷ kurstimene. Reglene for kurstilskudd (Innstillinger, Kurstilskudd) sier hvor stor andel en deltaker trenger for å telle med.</translation>
    </message>
    <message>
        <source>Yes when the participant counts for the grant: old enough in the course year and present for a large enough share of the hours, by the rules named above the tables.</source>
        <translation>Ja når deltakeren teller med for tilskuddet: gammel nok i kursåret og til stede en stor nok andel av timene, etter reglene som står over tabellene.</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <source>Total</source>
        <translation>Sum</translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    <message>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <source>The report in prose, to copy into a document</source>
        <translation>Rapporten som tekst, til å kopiere inn i et dokument</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopier</translation>
    </message>
    <message>
        <source>Shaded: {what} ({count})</source>
        <translation>Markert: {what} ({count})</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Recruitment and coverage</source>
        <translation>Rekruttering/dekning</translation>
    </message>
    <message>
        <source>Instrumentation</source>
        <translation>Besetning</translation>
    </message>
    <message>
        <source>Ages</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Oppmøte</translation>
    </message>
    <message>
        <source>Annual report</source>
        <translation>Årsrapport</translation>
    </message>
    <message>
        <source>Course report</source>
        <translation>Kursrapport</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Rapport</translation>
    </message>
    <message>
        <source>&amp;Season</source>
        <translation>&amp;Sesong</translation>
    </message>
    <message>
        <source>&amp;Today&apos;s municipalities</source>
        <translation>&amp;Dagens kommuner</translation>
    </message>
    <message>
        <source>Count everyone under the municipalities of today, to compare seasons across the 2020 municipal reform (Røyken and Hurum count as Asker, Nedre Eiker and Svelvik as Drammen, Sande as Holmestrand).</source>
        <translation>Tell alle under dagens kommuner, for å sammenligne sesonger på tvers av kommunereformen i 2020 (Røyken og Hurum telles som Asker, Nedre Eiker og Svelvik som Drammen, Sande som Holmestrand).</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Eksporter til Excel…</translation>
    </message>
    <message>
        <source>An Excel workbook, a sheet per table (Ctrl+E)</source>
        <translation>En Excel-arbeidsbok med ett ark per tabell (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Eksporter til CSV…</translation>
    </message>
    <message>
        <source>One CSV file with every table, for Excel or another program (Ctrl+Shift+E)</source>
        <translation>Én CSV-fil med alle tabellene, for Excel eller et annet program (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Print / PDF</source>
        <translation>Skriv ut / PDF</translation>
    </message>
    <message>
        <source>the report</source>
        <translation>rapporten</translation>
    </message>
    <message>
        <source>Open the report as PDF, with its charts; the menu sends it to a printer or saves it (Ctrl+P prints)</source>
        <translation>Åpne rapporten som PDF, med diagrammene; menyen sender den til en skriver eller lagrer den (Ctrl+P skriver ut)</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Eksporter til Excel</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Eksporter til CSV</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>Skriv ut rapporten</translation>
    </message>
    <message>
        <source>Tick one or more seminars to see the course report.</source>
        <translation>Kryss av ett eller flere seminarer for å se kursrapporten.</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Lager rapporten…</translation>
    </message>
    <message>
        <source>The report could not be made.</source>
        <translation>Rapporten kunne ikke lages.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbeidsbøker (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Skriver {file}…</translation>
    </message>
    <message>
        <source>Saved {file}</source>
        <translation>Lagret {file}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>Filen kunne ikke skrives.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Gjenopprett fra sikkerhetskopi</translation>
    </message>
    <message>
        <source>Checking the backups…</source>
        <translation>Kontrollerer sikkerhetskopiene&#xa0;…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Gjenopprett&#xa0;…</translation>
    </message>
    <message>
        <source>Another file…</source>
        <translation>En annen fil&#xa0;…</translation>
    </message>
    <message>
        <source>Restoring replaces the register with the backup: everything saved after the backup was taken is lost. The register as it is now is kept as a safety copy first. The window then closes and opens the restored register.</source>
        <translation>Å gjenopprette erstatter registeret med sikkerhetskopien: alt som ble lagret etter at kopien ble tatt, går tapt. Registeret slik det er nå, tas først vare på som en sikkerhetskopi. Deretter lukkes vinduet og åpner det gjenopprettede registeret.</translation>
    </message>
    <message>
        <source>Backups are kept in {folder}</source>
        <translation>Sikkerhetskopiene ligger i {folder}</translation>
    </message>
    <message>
        <source>There are no backups of this register yet.</source>
        <translation>Det finnes ingen sikkerhetskopier av dette registeret ennå.</translation>
    </message>
    <message>
        <source>Backups: {count}, of which {good} can be restored. The newest is at the top.</source>
        <translation>Sikkerhetskopier: {count}, av dem kan {good} gjenopprettes. Den nyeste står øverst.</translation>
    </message>
    <message>
        <source>The backups could not be listed.</source>
        <translation>Sikkerhetskopiene kunne ikke listes opp.</translation>
    </message>
    <message>
        <source>VRUS backups (*.bak *.sqlite3);;All files (*)</source>
        <translation>VRUS-sikkerhetskopier (*.bak *.sqlite3);;Alle filer (*)</translation>
    </message>
    <message>
        <source>{file} cannot be restored: {problem}</source>
        <translation>{file} kan ikke gjenopprettes: {problem}</translation>
    </message>
    <message>
        <source>Backup from another computer</source>
        <translation>Sikkerhetskopi fra en annen datamaskin</translation>
    </message>
    <message>
        <source>{file} is encrypted with another key than this register&apos;s: a backup made on another computer? Type the recovery key from that register&apos;s recovery sheet (14 groups; spaces and dashes do not matter).</source>
        <translation>{file} er kryptert med en annen nøkkel enn dette registerets: en sikkerhetskopi laget på en annen datamaskin? Skriv inn gjenopprettingsnøkkelen fra gjenopprettingsarket til det registeret (14 grupper; mellomrom og bindestreker spiller ingen rolle).</translation>
    </message>
    <message>
        <source>Restore the backup from {taken}?</source>
        <translation>Gjenopprette sikkerhetskopien fra {taken}?</translation>
    </message>
    <message>
        <source>Everything saved after {taken} is lost. The register as it is now is kept as a safety copy in the backups folder first.</source>
        <translation>Alt som er lagret etter {taken}, går tapt. Registeret slik det er nå, tas først vare på som en sikkerhetskopi i mappen for sikkerhetskopier.</translation>
    </message>
    <message>
        <source>The window closes and opens the restored register.</source>
        <translation>Vinduet lukkes og åpner det gjenopprettede registeret.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Gjenopprett</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>4. Import</source>
        <translation>4. Import</translation>
    </message>
    <message>
        <source>All rows are saved together, or none of them.</source>
        <translation>Alle radene lagres samlet, eller ingen av dem.</translation>
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
    <name>RetentionDialog</name>
    <message>
        <source>Retention: what is due</source>
        <translation>Sletteregel: hva som er til forfall</translation>
    </message>
    <message>
        <source>Apply…</source>
        <translation>Utfør&#xa0;…</translation>
    </message>
    <message>
        <source>These persons are due under the retention rule in Settings. Nothing is removed until you apply. Erasing cannot be undone; a backup restored later is erased again.</source>
        <translation>Disse personene er til forfall etter sletteregelen under Innstillinger. Ingenting fjernes før du utfører den. Sletting kan ikke angres; gjenopprettes en sikkerhetskopi senere, slettes personene i den på nytt.</translation>
    </message>
    <message>
        <source>Finding what is due…</source>
        <translation>Finner det som er til forfall&#xa0;…</translation>
    </message>
    <message>
        <source>Nothing is due on {date}.</source>
        <translation>Ingenting er til forfall {date}.</translation>
    </message>
    <message>
        <source>Due on {date}: contact and health data of {contact} person(s) to remove, {erase} person(s) to erase; audit entries past their keeping period: {audit}.</source>
        <translation>Til forfall {date}: kontakt- og helseopplysningene til {contact} person(er) skal fjernes, {erase} person(er) skal slettes; oppføringer i endringsloggen som har passert lagringstiden: {audit}.</translation>
    </message>
    <message>
        <source>Remove the contact and health data of {contact} person(s) and erase {erase} person(s)?</source>
        <translation>Fjerne kontakt- og helseopplysningene til {contact} person(er) og slette {erase} person(er)?</translation>
    </message>
    <message>
        <source>Audit entries past their keeping period are deleted too ({audit}). This cannot be undone.</source>
        <translation>Oppføringer i endringsloggen som har passert lagringstiden, slettes også ({audit}). Dette kan ikke angres.</translation>
    </message>
    <message>
        <source>Apply retention</source>
        <translation>Utfør sletteregelen</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Utfør</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Utfører&#xa0;…</translation>
    </message>
    <message>
        <source>Done: the contact and health data of {contact} person(s) removed, {erased} person(s) erased, {audit} audit entries deleted.</source>
        <translation>Ferdig: kontakt- og helseopplysningene til {contact} person(er) er fjernet, {erased} person(er) er slettet, {audit} oppføringer i endringsloggen er slettet.</translation>
    </message>
    <message>
        <source>Retention could not be applied.</source>
        <translation>Sletteregelen kunne ikke utføres.</translation>
    </message>
    <message>
        <source>What is due could not be listed.</source>
        <translation>Det som er til forfall, kunne ikke listes opp.</translation>
    </message>
</context>
<context>
    <name>RetentionModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Trinn</translation>
    </message>
    <message>
        <source>Due since</source>
        <translation>Forfalt siden</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Hva som skjer</translation>
    </message>
    <message>
        <source>1: contact and health data</source>
        <translation>1: kontakt- og helseopplysninger</translation>
    </message>
    <message>
        <source>2: erase</source>
        <translation>2: sletting</translation>
    </message>
</context>
<context>
    <name>RetentionSettings</name>
    <message>
        <source> months</source>
        <translation> måneder</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dager</translation>
    </message>
    <message>
        <source>Review what is due…</source>
        <translation>Se over hva som er til forfall&#xa0;…</translation>
    </message>
    <message>
        <source>Remove contact and health data:</source>
        <translation>Fjern kontakt- og helseopplysninger:</translation>
    </message>
    <message>
        <source>after a member&apos;s last membership ended (Datatilsynet&apos;s advice to associations: {months} months). Phone, e-mail, address, notes, diets, allergies, health consents and guardians go; the name, birth date, memberships and attendance stay for the course grant reports.</source>
        <translation>etter at medlemmets siste medlemskap tok slutt (Datatilsynets råd til foreninger: {months} måneder). Telefon, e-post, adresse, merknader, kosthold, allergier, samtykker til helseopplysninger og foresatte slettes; navn, fødselsdato, medlemskap og oppmøte beholdes for rapportene om kurstilskudd.</translation>
    </message>
    <message>
        <source>Erase the person:</source>
        <translation>Slett personen:</translation>
    </message>
    <message>
        <source>after the last course year (the last year with a membership or attendance). Course grant reports must document name, birth year and hours for {years} years. Only gender, birth year, municipality (with culture school), ensemble, section and seasons stay, so the statistics of past seasons do not change.</source>
        <translation>etter siste kursår (det siste året med medlemskap eller oppmøte). Rapportene om kurstilskudd må dokumentere navn, fødselsår og timer i {years} år. Bare kjønn, fødselsår, kommune (med kulturskole), ensemble, gruppe og sesonger blir igjen, så statistikken for tidligere sesonger endres ikke.</translation>
    </message>
    <message>
        <source>Keep the change history:</source>
        <translation>Behold endringsloggen:</translation>
    </message>
    <message>
        <source>Who changed what, and who printed or exported health data (field names only, never values). Older entries are removed when the rule is applied; a person&apos;s history goes with the person when erased.</source>
        <translation>Hvem som endret hva, og hvem som skrev ut eller eksporterte helseopplysninger (bare feltnavn, aldri verdier). Eldre oppføringer fjernes når regelen utføres; historikken til en person slettes sammen med personen.</translation>
    </message>
    <message>
        <source>How long the register keeps personal data about members who have left. A member whose membership has no end date is never affected. Nothing is removed until you review the list and apply it. The rule is saved in the register, for everyone who uses it.</source>
        <translation>Hvor lenge registeret beholder personopplysninger om medlemmer som har sluttet. Et medlem med et medlemskap uten sluttdato berøres aldri. Ingenting fjernes før du har sett over listen og utført den. Regelen lagres i registeret, for alle som bruker det.</translation>
    </message>
    <message>
        <source>{reason} Nothing was saved.</source>
        <translation>{reason} Ingenting ble lagret.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Lagret.</translation>
    </message>
    <message>
        <source>change of when contact and health data are removed</source>
        <translation>endring av når kontakt- og helseopplysninger fjernes</translation>
    </message>
    <message>
        <source>change of when persons are erased</source>
        <translation>endring av når personer slettes</translation>
    </message>
    <message>
        <source>change of how long the change history is kept</source>
        <translation>endring av hvor lenge endringshistorikken beholdes</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>coordinator</source>
        <translation>koordinator</translation>
    </message>
    <message>
        <source>lunch</source>
        <translation>venneforeningen</translation>
    </message>
    <message>
        <source>instructor</source>
        <translation>instruktør</translation>
    </message>
    <message>
        <source>reader</source>
        <translation>leser</translation>
    </message>
</context>
<context>
    <name>RosterPanel</name>
    <message>
        <source>Double-click a day to open its seminar above</source>
        <translation>Dobbeltklikk på en dag for å åpne seminaret</translation>
    </message>
    <message>
        <source>Duty days</source>
        <translation>Vaktdager</translation>
    </message>
    <message>
        <source>Duties per family (fewest first; yellow: none yet)</source>
        <translation>Vakter per familie (færrest øverst; gult: ingen ennå)</translation>
    </message>
    <message>
        <source>Nobody on lunch duty yet: {days}</source>
        <translation>Ingen på lunsjvakt ennå: {days}</translation>
    </message>
    <message>
        <source>No families with children in the {year} season.</source>
        <translation>Ingen familier med barn i sesongen {year}.</translation>
    </message>
    <message>
        <source>{families} families have children in the {year} season; {none} of them have had no duty yet. Spread evenly, each family would have {share} duties.</source>
        <translation>{families} familier har barn i sesongen {year}; {none} av dem har ikke hatt vakt ennå. Fordelt jevnt ville hver familie hatt {share} vakter.</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>coordinator</source>
        <translation>koordinator</translation>
    </message>
    <message>
        <source>lunch and duties</source>
        <translation>venneforeningen – lunsj og vakter</translation>
    </message>
    <message>
        <source>instructor</source>
        <translation>instruktør</translation>
    </message>
    <message>
        <source>reports only</source>
        <translation>bare rapporter</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>Koble til en server</translation>
    </message>
    <message>
        <source>A register that several people use lives on a PostgreSQL server. Whoever set the server up gives you these details; each person has a user of their own.</source>
        <translation>Et register som flere bruker, ligger på en PostgreSQL-server. Den som satte opp serveren, gir deg disse opplysningene; hver person har sin egen bruker.</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>Husk passordet på denne datamaskinen</translation>
    </message>
    <message>
        <source>Remember the password (this computer has no key store)</source>
        <translation>Husk passordet (denne datamaskinen har ingen nøkkelring)</translation>
    </message>
    <message>
        <source>Kept in the computer&apos;s key store ({name}), not in a file.</source>
        <translation>Oppbevares i nøkkelringen på datamaskinen ({name}), ikke i en fil.</translation>
    </message>
    <message>
        <source>This computer has no key store: the password is asked at each start.</source>
        <translation>Denne datamaskinen har ingen nøkkelring: du blir spurt om passordet hver gang VRUS starter.</translation>
    </message>
    <message>
        <source>Open this server when VRUS starts</source>
        <translation>Åpne denne serveren når VRUS starter</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Bruker:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passord:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Koble til</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test tilkoblingen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avslutt</translation>
    </message>
    <message>
        <source>Use the register on this computer</source>
        <translation>Bruk registeret på denne datamaskinen</translation>
    </message>
    <message>
        <source>kept on this computer</source>
        <translation>lagret på denne datamaskinen</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>Kobler til {server}&#xa0;…</translation>
    </message>
    <message>
        <source>{found} Your role: {role}.</source>
        <translation>{found} Din rolle: {role}.</translation>
    </message>
    <message>
        <source>The connection failed for a reason VRUS does not know; see the log.</source>
        <translation>Tilkoblingen mislyktes av en grunn VRUS ikke kjenner; se loggen.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>General</source>
        <translation>Generelt</translation>
    </message>
    <message>
        <source>Population and whether a municipality belongs to the region are used by the recruitment report. Double-click a number to change it.</source>
        <translation>Innbyggertall og om kommunen hører til regionen, brukes i rekrutteringsrapporten. Dobbeltklikk på et tall for å endre det.</translation>
    </message>
    <message>
        <source>How many players the orchestra wants of each instrument, and which are hard to recruit (not taught in most culture schools).</source>
        <translation>Hvor mange musikere orkesteret ønsker på hvert instrument, og hvilke som er vanskelige å rekruttere (undervises ikke i de fleste kulturskoler).</translation>
    </message>
    <message>
        <source>The age limits decide the flags in the Members view: who ages out, who may move up, who is outside the limits.</source>
        <translation>Aldersgrensene styrer merknadene i medlemslisten: hvem som går ut, hvem som kan flytte opp, og hvem som er utenfor grensene.</translation>
    </message>
    <message>
        <source>Culture schools, partners, funders and orchestras.</source>
        <translation>Kulturskoler, samarbeidspartnere, bidragsytere og orkestre.</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>Kommuner</translation>
    </message>
    <message>
        <source>Instruments</source>
        <translation>Instrumenter</translation>
    </message>
    <message>
        <source>Ensembles</source>
        <translation>Ensembler</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Organisasjoner</translation>
    </message>
    <message>
        <source>Course grants</source>
        <translation>Kurstilskudd</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Personvern</translation>
    </message>
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
    <message>
        <source> days</source>
        <translation> dager</translation>
    </message>
    <message>
        <source>Daily, closing and hand-made backups beyond this number are deleted, the oldest first, when the next backup is made; so is every backup older than the days to keep them, including the copies made before a restore or an upgrade. The newest good backup is always kept. The settings are saved in the register, for everyone who uses it.</source>
        <translation>Daglige sikkerhetskopier, kopier ved avslutning og kopier laget for hånd ut over dette antallet slettes, de eldste først, når neste kopi tas; det samme gjelder alle sikkerhetskopier som er eldre enn antall dager de skal beholdes, også kopiene tatt før en gjenoppretting eller oppgradering. Den nyeste gode sikkerhetskopien beholdes alltid. Innstillingene lagres i registeret, for alle som bruker det.</translation>
    </message>
    <message>
        <source>Backups to keep:</source>
        <translation>Sikkerhetskopier å beholde:</translation>
    </message>
    <message>
        <source>Keep backups for:</source>
        <translation>Behold sikkerhetskopier i:</translation>
    </message>
    <message>
        <source>The server&apos;s own backups apply to this database.</source>
        <translation>Serverens egne sikkerhetskopier gjelder for denne databasen.</translation>
    </message>
    <message>
        <source>Backups:</source>
        <translation>Sikkerhetskopier:</translation>
    </message>
    <message>
        <source>change of the number of backups to keep</source>
        <translation>endring av hvor mange sikkerhetskopier som beholdes</translation>
    </message>
    <message>
        <source>change of how long backups are kept</source>
        <translation>endring av hvor lenge sikkerhetskopier beholdes</translation>
    </message>
</context>
<context>
    <name>SignupAnswersModel</name>
    <message>
        <source>Matched</source>
        <translation>Funnet</translation>
    </message>
    <message>
        <source>Near match</source>
        <translation>Nesten-treff</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ukjent</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Name in the form</source>
        <translation>Navn i skjemaet</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Født</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Treff</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Hvorfor</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Attending</source>
        <translation>Kommer</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dager</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Lunsj</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Alle dager</translation>
    </message>
</context>
<context>
    <name>SignupFilePage</name>
    <message>
        <source>1. Choose the form&apos;s answers</source>
        <translation>1. Velg svarene fra skjemaet</translation>
    </message>
    <message>
        <source>The answers downloaded from the web form (Nettskjema, Microsoft Forms, Google Forms) as CSV or Excel (XLSX). Nothing is saved before the last step.</source>
        <translation>Svarene lastet ned fra nettskjemaet (Nettskjema, Microsoft Forms, Google Forms) som CSV eller Excel (XLSX). Ingenting lagres før siste steg.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Ingen fil valgt</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Velg en fil&#xa0;…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <source>Each answer is matched to a person by the name and birth date given. A name that is nearly right is offered, never taken without your choice. A later answer for the same person replaces an earlier one. Changed allergies or diets are proposed, and saved only if you tick them.</source>
        <translation>Hvert svar knyttes til en person ut fra navnet og fødselsdatoen som er oppgitt. Et navn som nesten stemmer, blir foreslått, men aldri brukt uten at du velger det. Et senere svar for samme person erstatter et tidligere. Endrede allergier eller kosthold blir foreslått, og lagres bare hvis du krysser dem av.</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>Filen finnes ikke.</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leser {name}&#xa0;…</translation>
    </message>
    <message>
        <source>{name}: {rows} answers, {columns} columns.</source>
        <translation>{name}: {rows} svar, {columns} kolonner.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Filen kunne ikke leses.</translation>
    </message>
</context>
<context>
    <name>SignupGridModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Attending</source>
        <translation>Kommer</translation>
    </message>
    <message>
        <source>Lunch</source>
        <translation>Lunsj</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>ikke svart</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nei</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>ikke registrert</translation>
    </message>
    <message>
        <source>present</source>
        <translation>møtt</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>fravær</translation>
    </message>
    <message>
        <source>excused</source>
        <translation>gyldig fravær</translation>
    </message>
    <message>
        <source>A click or the key L switches lunch on or off; a right click the choices</source>
        <translation>Et klikk eller tasten L slår lunsj av eller på; et høyreklikk viser valgene</translation>
    </message>
    <message>
        <source>A double click or F2 edits the note; Enter saves it</source>
        <translation>Dobbeltklikk eller F2 redigerer merknaden; Enter lagrer den</translation>
    </message>
    <message>
        <source>not recorded; said they will not come</source>
        <translation>ikke registrert; har gitt beskjed om at de ikke kommer</translation>
    </message>
    <message>
        <source>{status}; came without signing up</source>
        <translation>{status}; møtte uten å være påmeldt</translation>
    </message>
    <message>
        <source>{name}, {day}: {status}</source>
        <translation>{name}, {day}: {status}</translation>
    </message>
    <message>
        <source>{name}, attending: {answer}</source>
        <translation>{name}, kommer: {answer}</translation>
    </message>
    <message>
        <source>{name}, lunch: yes</source>
        <translation>{name}, lunsj: ja</translation>
    </message>
    <message>
        <source>{name}, lunch: no</source>
        <translation>{name}, lunsj: nei</translation>
    </message>
    <message>
        <source>{name}, note: none</source>
        <translation>{name}, merknad: ingen</translation>
    </message>
    <message>
        <source>{name}, note: {note}</source>
        <translation>{name}, merknad: {note}</translation>
    </message>
    <message>
        <source>{name}, instrument: {instrument}</source>
        <translation>{name}, instrument: {instrument}</translation>
    </message>
    <message>
        <source>Not in an ensemble on the day</source>
        <translation>Ikke i et ensemble på dagen</translation>
    </message>
    <message>
        <source>A click or Space gives the next answer, a right click the choices. Keys: J yes, N no, Delete not answered</source>
        <translation>Et klikk eller mellomrom gir neste svar, et høyreklikk viser valgene. Taster: J ja, N nei, Delete ikke svart</translation>
    </message>
    <message>
        <source>No instrument</source>
        <translation>Uten instrument</translation>
    </message>
    <message>
        <source>not coming</source>
        <translation>kommer ikke</translation>
    </message>
    <message>
        <source>Came without signing up (no yes on the sign-up)</source>
        <translation>Møtte uten å være påmeldt (ikke ja på påmeldingen)</translation>
    </message>
    <message>
        <source>Signed up, but said they will not come this day. Keys: M present, F absent, G excused</source>
        <translation>Påmeldt, men har gitt beskjed om at de ikke kommer denne dagen. Taster: M møtt, F fravær, G gyldig fravær</translation>
    </message>
    <message>
        <source>A click or Space gives the next status, a right click the choices. Keys: M present, F absent, G excused, Delete not recorded</source>
        <translation>Et klikk eller mellomrom gir neste status, et høyreklikk viser valgene. Taster: M møtt, F fravær, G gyldig fravær, Delete ikke registrert</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>Not invited: on the sheet because of a sign-up or attendance</source>
        <translation>Ikke invitert: står på listen på grunn av en påmelding eller oppmøte</translation>
    </message>
    <message>
        <source>Came without signing up</source>
        <translation>Møtte uten å være påmeldt</translation>
    </message>
</context>
<context>
    <name>SignupGridPanel</name>
    <message>
        <source>← All events</source>
        <translation>← Alle arrangementer</translation>
    </message>
    <message>
        <source>All yes</source>
        <translation>Alle ja</translation>
    </message>
    <message>
        <source>Every invited member answers yes (with lunch at a seminar); a no already given stays</source>
        <translation>Alle inviterte svarer ja (med lunsj på et seminar); et nei som alt er gitt, blir stående</translation>
    </message>
    <message>
        <source>Copy from the previous seminar</source>
        <translation>Kopier fra forrige seminar</translation>
    </message>
    <message>
        <source>Import sign-ups…</source>
        <translation>Importer påmeldinger…</translation>
    </message>
    <message>
        <source>The answers of a web form (CSV or XLSX)</source>
        <translation>Svarene fra et nettskjema (CSV eller XLSX)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Angre</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gjør om</translation>
    </message>
    <message>
        <source>Back to the events</source>
        <translation>Tilbake til arrangementene</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Angre: {action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Gjør om: {action}</translation>
    </message>
    <message>
        <source>Copy from the previous event of this kind</source>
        <translation>Kopier fra forrige arrangement av samme type</translation>
    </message>
    <message>
        <source>Sign-ups</source>
        <translation>Påmelding</translation>
    </message>
    <message>
        <source>All signed up present</source>
        <translation>Alle påmeldte møtt</translation>
    </message>
    <message>
        <source>Everyone who answered yes and has nothing recorded on {day} is marked present</source>
        <translation>Alle som svarte ja og ikke har noe registrert {day}, føres som møtt</translation>
    </message>
    <message>
        <source>{yes} yes · {no} no · {unknown} not answered · {lunch} with lunch</source>
        <translation>{yes} ja · {no} nei · {unknown} ikke svart · {lunch} med lunsj</translation>
    </message>
    <message>
        <source>{present} present · {absent} absent · {excused} excused · {missing} not recorded</source>
        <translation>{present} møtt · {absent} fravær · {excused} gyldig fravær · {missing} ikke registrert</translation>
    </message>
    <message>
        <source>{count} cells selected</source>
        <translation>{count} celler merket</translation>
    </message>
    <message>
        <source>The sign-ups are the coordinator&apos;s: here you record attendance.</source>
        <translation>Påmeldingene er koordinatorens: her registrerer du oppmøte.</translation>
    </message>
    <message>
        <source>{count} cells saved. Ctrl+Z undoes them together.</source>
        <translation>{count} celler lagret. Ctrl+Z angrer dem samlet.</translation>
    </message>
    <message>
        <source>answers of {count} persons</source>
        <translation>svarene til {count} personer</translation>
    </message>
    <message>
        <source>lunch of {count} persons</source>
        <translation>lunsj for {count} personer</translation>
    </message>
    <message>
        <source>attendance in {count} cells</source>
        <translation>oppmøte i {count} celler</translation>
    </message>
    <message>
        <source>answer of {name}</source>
        <translation>svaret til {name}</translation>
    </message>
    <message>
        <source>lunch of {name}</source>
        <translation>lunsj for {name}</translation>
    </message>
    <message>
        <source>note of {name}</source>
        <translation>merknaden til {name}</translation>
    </message>
    <message>
        <source>attendance of {name} on {day}</source>
        <translation>oppmøtet til {name} {day}</translation>
    </message>
    <message>
        <source>copy from the previous event</source>
        <translation>kopiering fra forrige arrangement</translation>
    </message>
    <message>
        <source>all signed up present on {day}</source>
        <translation>alle påmeldte møtt {day}</translation>
    </message>
    <message>
        <source>all yes</source>
        <translation>alle ja</translation>
    </message>
    <message>
        <source>A click or Space gives a cell its next value, a right click the choices; drag or shift-click for a range. Keys: J yes, N no, L lunch on/off; on a day M present, F absent, G excused; Delete clears. Everything saves at once; Ctrl+Z undoes.</source>
        <translation>Et klikk eller mellomrom gir cellen neste verdi, et høyreklikk viser valgene; dra eller skift-klikk for å merke flere. Taster: J ja, N nei, L lunsj av/på; på en dag M møtt, F fravær, G gyldig fravær; Delete tømmer. Alt lagres med en gang; Ctrl+Z angrer.</translation>
    </message>
    <message>
        <source>A click or Space gives a day its next status, a right click the choices; drag or shift-click for a range. Keys on a day: M present, F absent, G excused; Delete clears. Everything saves at once; Ctrl+Z undoes. The sign-ups are the coordinator&apos;s.</source>
        <translation>Et klikk eller mellomrom gir dagen neste status, et høyreklikk viser valgene; dra eller skift-klikk for å merke flere. Taster på en dag: M møtt, F fravær, G gyldig fravær; Delete tømmer. Alt lagres med en gang; Ctrl+Z angrer. Påmeldingene er koordinatorens.</translation>
    </message>
    <message>
        <source>{count} answers set to yes.</source>
        <translation>{count} svar satt til ja.</translation>
    </message>
    <message>
        <source>There is no earlier event of this kind to copy from.</source>
        <translation>Det finnes ikke noe tidligere arrangement av samme type å kopiere fra.</translation>
    </message>
    <message>
        <source>{count} answers copied from the previous event.</source>
        <translation>{count} svar kopiert fra forrige arrangement.</translation>
    </message>
    <message>
        <source>{count} marked present.</source>
        <translation>{count} ført som møtt.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Ikke lagret: {reason}</translation>
    </message>
    <message>
        <source>The sign-ups are the coordinator&apos;s</source>
        <translation>Påmeldingene er koordinatorens</translation>
    </message>
    <message>
        <source>Edit note…</source>
        <translation>Rediger merknad…</translation>
    </message>
    <message>
        <source>Yes	J</source>
        <translation>Ja	J</translation>
    </message>
    <message>
        <source>No	N</source>
        <translation>Nei	N</translation>
    </message>
    <message>
        <source>Not answered	Del</source>
        <translation>Ikke svart	Del</translation>
    </message>
    <message>
        <source>Lunch	L</source>
        <translation>Lunsj	L</translation>
    </message>
    <message>
        <source>No lunch	L</source>
        <translation>Uten lunsj	L</translation>
    </message>
    <message>
        <source>Present	M</source>
        <translation>Møtt	M</translation>
    </message>
    <message>
        <source>Absent	F</source>
        <translation>Fravær	F</translation>
    </message>
    <message>
        <source>Excused	G</source>
        <translation>Gyldig fravær	G</translation>
    </message>
    <message>
        <source>Not recorded	Del</source>
        <translation>Ikke registrert	Del</translation>
    </message>
</context>
<context>
    <name>SignupImport</name>
    <message>
        <source>{count} signed up</source>
        <translation>{count} påmeldt</translation>
    </message>
    <message>
        <source>{count} not coming</source>
        <translation>{count} kommer ikke</translation>
    </message>
    <message>
        <source>{count} near match</source>
        <translation>{count} nesten-treff</translation>
    </message>
    <message>
        <source>{count} near matches</source>
        <translation>{count} nesten-treff</translation>
    </message>
    <message>
        <source>{count} unknown</source>
        <translation>{count} ukjent</translation>
    </message>
    <message>
        <source>{count} replaced</source>
        <translation>{count} erstattet</translation>
    </message>
    <message>
        <source>The file cannot be imported: {count} error. Nothing has been changed.</source>
        <translation>Filen kan ikke importeres: {count} feil. Ingenting er endret.</translation>
    </message>
    <message>
        <source>The file cannot be imported: {count} errors. Nothing has been changed.</source>
        <translation>Filen kan ikke importeres: {count} feil. Ingenting er endret.</translation>
    </message>
</context>
<context>
    <name>SignupImportFlow</name>
    <message>
        <source>Import sign-ups</source>
        <translation>Importer påmeldinger</translation>
    </message>
    <message>
        <source>Form answers (*.csv *.xlsx);;All files (*)</source>
        <translation>Skjemasvar (*.csv *.xlsx);;Alle filer (*)</translation>
    </message>
</context>
<context>
    <name>SignupImportWizard</name>
    <message>
        <source>Import sign-ups: {title}</source>
        <translation>Importer påmeldinger: {title}</translation>
    </message>
</context>
<context>
    <name>SignupMappingPage</name>
    <message>
        <source>2. What the form&apos;s columns hold</source>
        <translation>2. Hva skjemaets kolonner inneholder</translation>
    </message>
    <message>
        <source>Choose the column for each question. A form that asks day by day has one column per day; leave what the form does not ask at “(not in the form)”.</source>
        <translation>Velg kolonnen for hvert spørsmål. Et skjema som spør dag for dag, har én kolonne per dag; la det skjemaet ikke spør om, stå på «(ikke i skjemaet)».</translation>
    </message>
    <message>
        <source>One column per day (yes/no):</source>
        <translation>Én kolonne per dag (ja/nei):</translation>
    </message>
    <message>
        <source>The first answers in the file:</source>
        <translation>De første svarene i filen:</translation>
    </message>
    <message>
        <source>(not in the form)</source>
        <translation>(ikke i skjemaet)</translation>
    </message>
    <message>
        <source>Known form: the mapping from last time is used.</source>
        <translation>Kjent skjema: koblingen fra forrige gang brukes.</translation>
    </message>
    <message>
        <source>VRUS guessed the columns from their headings: check them.</source>
        <translation>VRUS har gjettet kolonnene ut fra overskriftene: kontroller dem.</translation>
    </message>
    <message>
        <source>Checking the answers…</source>
        <translation>Kontrollerer svarene&#xa0;…</translation>
    </message>
    <message>
        <source>The answers could not be checked.</source>
        <translation>Svarene kunne ikke kontrolleres.</translation>
    </message>
</context>
<context>
    <name>SignupProposalsModel</name>
    <message>
        <source>Person (tick to change)</source>
        <translation>Person (kryss av for å endre)</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Now in the register</source>
        <translation>Nå i registeret</translation>
    </message>
    <message>
        <source>From the form</source>
        <translation>Fra skjemaet</translation>
    </message>
</context>
<context>
    <name>SignupResultPage</name>
    <message>
        <source>4. Import</source>
        <translation>4. Import</translation>
    </message>
    <message>
        <source>All answers are saved together, or none of them.</source>
        <translation>Alle svarene lagres samlet, eller ingen av dem.</translation>
    </message>
    <message>
        <source>Saving the sign-ups…</source>
        <translation>Lagrer påmeldingene&#xa0;…</translation>
    </message>
    <message>
        <source>The sign-ups are saved.</source>
        <translation>Påmeldingene er lagret.</translation>
    </message>
    <message>
        <source>Sign-ups saved: {count}.</source>
        <translation>Påmeldinger lagret: {count}.</translation>
    </message>
    <message>
        <source>Answers replaced by a later one: {count}.</source>
        <translation>Svar erstattet av et senere svar: {count}.</translation>
    </message>
    <message>
        <source>Answers not saved (unknown, or no person chosen): {count}.</source>
        <translation>Svar som ikke ble lagret (ukjent, eller ingen person valgt): {count}.</translation>
    </message>
    <message>
        <source>Health changes saved: {count}.</source>
        <translation>Helseendringer lagret: {count}.</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Ingenting ble lagret.</translation>
    </message>
    <message>
        <source>The sign-ups could not be imported.</source>
        <translation>Påmeldingene kunne ikke importeres.</translation>
    </message>
</context>
<context>
    <name>SignupReviewPage</name>
    <message>
        <source>3. Check the answers</source>
        <translation>3. Kontroller svarene</translation>
    </message>
    <message>
        <source>Choose the person for each near match. Tick the health changes that are right. Nothing is saved yet.</source>
        <translation>Velg personen for hvert nesten-treff. Kryss av helseendringene som stemmer. Ingenting er lagret ennå.</translation>
    </message>
    <message>
        <source>Import sign-ups</source>
        <translation>Importer påmeldinger</translation>
    </message>
    <message>
        <source>The form gives other allergies or diets than the register has. A ticked change replaces what the register has for that person; the others are left as they are. (Space ticks the selected row.)</source>
        <translation>Skjemaet oppgir andre allergier eller kosthold enn registeret har. En endring som er krysset av, erstatter det registeret har for den personen; de andre blir stående som de er. (Mellomrom krysser av den valgte raden.)</translation>
    </message>
    <message>
        <source>Checking the answers…</source>
        <translation>Kontrollerer svarene&#xa0;…</translation>
    </message>
    <message>
        <source>&amp;Answers ({count})</source>
        <translation>&amp;Svar ({count})</translation>
    </message>
    <message>
        <source>&amp;Health changes ({count})</source>
        <translation>&amp;Helseendringer ({count})</translation>
    </message>
    <message>
        <source>&amp;Problems ({count})</source>
        <translation>&amp;Problemer ({count})</translation>
    </message>
    <message>
        <source>Correct the cells in the spreadsheet and choose it again, or go back and change the columns.</source>
        <translation>Rett cellene i regnearket og velg det på nytt, eller gå tilbake og endre kolonnene.</translation>
    </message>
    <message>
        <source>The file can be imported. Near matches are left out until you choose the person in the “Person” column.</source>
        <translation>Filen kan importeres. Nesten-treff utelates til du velger personen i kolonnen «Person».</translation>
    </message>
    <message>
        <source>The file can be imported.</source>
        <translation>Filen kan importeres.</translation>
    </message>
    <message>
        <source>The answers could not be checked.</source>
        <translation>Svarene kunne ikke kontrolleres.</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Staff member to add</source>
        <translation>Medarbeider som skal legges til</translation>
    </message>
    <message>
        <source>No section</source>
        <translation>Ingen gruppe</translation>
    </message>
    <message>
        <source>All days of the event, or one day</source>
        <translation>Alle dagene i arrangementet, eller én dag</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Legg til</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Da&amp;y:</source>
        <translation>&amp;Dag:</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Alle dager</translation>
    </message>
    <message>
        <source>{day} (not a day of the event)</source>
        <translation>{day} (ikke en dag i arrangementet)</translation>
    </message>
    <message>
        <source>{name} is already on the staff: remove that row first.</source>
        <translation>{name} står allerede blant instruktørene og lederne: fjern den raden først.</translation>
    </message>
    <message>
        <source>{name} is already on the staff on {day}.</source>
        <translation>{name} står allerede blant instruktørene og lederne {day}.</translation>
    </message>
    <message>
        <source>Day of {name}</source>
        <translation>Dag for {name}</translation>
    </message>
</context>
<context>
    <name>StartMembershipDialog</name>
    <message>
        <source>Start a membership for {name}</source>
        <translation>Start et medlemskap for {name}</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Ensemble:</source>
        <translation>Ensemble:</translation>
    </message>
    <message>
        <source>Instrument:</source>
        <translation>Instrument:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Fra:</translation>
    </message>
</context>
<context>
    <name>TaskPage</name>
    <message>
        <source>%p%</source>
        <translation>%p&#xa0;%</translation>
    </message>
    <message>
        <source>The spreadsheet could not be read.</source>
        <translation>Regnearket kunne ikke leses.</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Move the register to a server</source>
        <translation>Flytt registeret til en server</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Flytt</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Bruker:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passord:</translation>
    </message>
    <message>
        <source>The whole register is copied into an empty database on a PostgreSQL server, as its owner (who set the server up): every row with its number. Each table is checked on both sides before anything is kept. Then the register lives on the server, and this file stays read-only as it is now, with a note beside it saying where the register went.</source>
        <translation>Hele registeret kopieres inn i en tom database på en PostgreSQL-server, innlogget som eieren av databasen (den som satte opp serveren): hver rad med sitt nummer. Hver tabell kontrolleres på begge sider før noe beholdes. Deretter ligger registeret på serveren, og denne filen blir værende skrivebeskyttet slik den er nå, med et notat ved siden av som sier hvor registeret ble av.</translation>
    </message>
    <message>
        <source>Copying the register to {server} and checking it…</source>
        <translation>Kopierer registeret til {server} og kontrollerer det&#xa0;…</translation>
    </message>
    <message>
        <source>Moved and checked: {tables} tables, {rows} rows, equal on both sides. The register now lives in {server}. This file is read-only from now on; the note {note} beside it says where the register went.</source>
        <translation>Flyttet og kontrollert: {tables} tabeller, {rows} rader, like på begge sider. Registeret ligger nå på {server}. Denne filen er skrivebeskyttet fra nå av; notatet {note} ved siden av sier hvor registeret ble av.</translation>
    </message>
    <message>
        <source>Open the register on the server</source>
        <translation>Åpne registeret på serveren</translation>
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
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw the consent to {what} for {name}</source>
        <translation>Trekk tilbake samtykket til {what} for {name}</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Trekk tilbake</translation>
    </message>
    <message>
        <source>From this day the consent no longer holds. The record stays, so the register can still show what was agreed before.</source>
        <translation>Fra denne dagen gjelder ikke samtykket lenger. Registreringen blir stående, så registeret fortsatt kan vise hva det var samtykket til før.</translation>
    </message>
    <message>
        <source>Withdrawn on:</source>
        <translation>Trukket tilbake den:</translation>
    </message>
</context>
</TS>
