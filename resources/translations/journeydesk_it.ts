<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About JourneyDesk</source>
        <translation>Informazioni su JourneyDesk</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Informazioni</translation>
    </message>
    <message>
        <source>Third-party licences</source>
        <translation>Licenze di terze parti</translation>
    </message>
    <message>
        <source>An offline desktop editor for customer journey maps.</source>
        <translation>Un editor desktop offline per le mappe del customer journey.</translation>
    </message>
    <message>
        <source>JourneyDesk is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version (%1). It comes with no warranty.</source>
        <translation>JourneyDesk è software libero: puoi redistribuirlo e/o modificarlo secondo i termini della GNU General Public License pubblicata dalla Free Software Foundation, nella versione 3 della licenza o (a tua scelta) in qualsiasi versione successiva (%1). È distribuito senza alcuna garanzia.</translation>
    </message>
    <message>
        <source>It is built on Qt, PySide6, ffmpeg and other free software; their licences are in the Third-party licences tab.</source>
        <translation>È basato su Qt, PySide6, ffmpeg e altro software libero; le relative licenze si trovano nella sezione Licenze di terze parti.</translation>
    </message>
    <message>
        <source>Qt %1 · PySide6 %2 · Python %3 · %4</source>
        <translation>Qt %1 · PySide6 %2 · Python %3 · %4</translation>
    </message>
</context>
<context>
    <name>BacklogModel</name>
    <message>
        <source>Map</source>
        <translation>Mappa</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Passo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Responsabili</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidenze</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Affidabilità</translation>
    </message>
    <message>
        <source>Related</source>
        <translation>Collegate</translation>
    </message>
    <message>
        <source>Edit title</source>
        <translation>Modifica titolo</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Imposta stato</translation>
    </message>
</context>
<context>
    <name>CardKinds</name>
    <message>
        <source>Touchpoint</source>
        <translation>Punto di contatto</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Thought</source>
        <translation>Pensiero</translation>
    </message>
    <message>
        <source>Feeling</source>
        <translation>Emozione</translation>
    </message>
    <message>
        <source>Pain point</source>
        <translation>Punto critico</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Opportunità</translation>
    </message>
    <message>
        <source>Moment of truth</source>
        <translation>Momento della verità</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Processo</translation>
    </message>
    <message>
        <source>Physical evidence</source>
        <translation>Evidenza fisica</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrica</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Immagine</translation>
    </message>
</context>
<context>
    <name>ChangedBar</name>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Ricarica</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;Ignora</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <source>Website</source>
        <translation>Sito web</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Negozio</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Social network</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Posta</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>Venditore</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Consegna</translation>
    </message>
    <message>
        <source>Self-service kiosk</source>
        <translation>Totem self-service</translation>
    </message>
    <message>
        <source>Word of mouth</source>
        <translation>Passaparola</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>Comment</source>
        <translation>Commento</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autore</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commenti</translation>
    </message>
    <message>
        <source>Write a comment or a reply…</source>
        <translation>Scrivi un commento o una risposta…</translation>
    </message>
    <message>
        <source>Comment text</source>
        <translation>Testo del commento</translation>
    </message>
    <message>
        <source>Comment on Selection</source>
        <translation>Commenta la selezione</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Rispondi</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Risolvi</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Riapri</translation>
    </message>
    <message>
        <source>(resolved) %1</source>
        <translation>(risolto) %1</translation>
    </message>
</context>
<context>
    <name>CompareController</name>
    <message>
        <source>Differences</source>
        <translation>Differenze</translation>
    </message>
    <message>
        <source>Compare &amp;With…</source>
        <translation>Confronta con &amp;un file…</translation>
    </message>
    <message>
        <source>Compare with Ori&amp;ginal Map</source>
        <translation>Confronta con la mappa d’ori&amp;gine</translation>
    </message>
    <message>
        <source>&amp;Merge From…</source>
        <translation>Unisci &amp;da…</translation>
    </message>
    <message>
        <source>JourneyDesk projects (*.journey);;All files (*)</source>
        <translation>Progetti JourneyDesk (*.journey);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Cannot read the file</source>
        <translation>Impossibile leggere il file</translation>
    </message>
    <message>
        <source>%1 cannot be read:
%2</source>
        <translation>Impossibile leggere %1:
%2</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Confronta con</translation>
    </message>
    <message>
        <source>Compared with %1</source>
        <translation>Confronto con %1</translation>
    </message>
    <message>
        <source>This map is not derived from another map.</source>
        <translation>Questa mappa non deriva da un’altra mappa.</translation>
    </message>
    <message>
        <source>Compared with the original map %1</source>
        <translation>Confronto con la mappa d’origine %1</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuovo</translation>
    </message>
    <message>
        <source>Gone</source>
        <translation>Scomparso</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificato</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Spostato</translation>
    </message>
    <message>
        <source>Merge from</source>
        <translation>Unisci da</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Precedente</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Successivo</translation>
    </message>
    <message>
        <source>&amp;Close Comparison</source>
        <translation>&amp;Chiudi il confronto</translation>
    </message>
</context>
<context>
    <name>ConnectionKinds</name>
    <message>
        <source>Flow</source>
        <translation>Flusso</translation>
    </message>
    <message>
        <source>Handoff</source>
        <translation>Passaggio di consegne</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Diramazione</translation>
    </message>
    <message>
        <source>Loop</source>
        <translation>Ciclo</translation>
    </message>
</context>
<context>
    <name>Curves</name>
    <message>
        <source>That curve already has a point in this step</source>
        <translation>Quella curva ha già un punto in questo passo</translation>
    </message>
    <message>
        <source>this curve</source>
        <translation>questa curva</translation>
    </message>
    <message>
        <source>%1 already has a point in this step: it moved there (one point per step)</source>
        <translation>%1 ha già un punto in questo passo: è stato spostato lì (un punto per passo)</translation>
    </message>
</context>
<context>
    <name>DataExchange</name>
    <message>
        <source>Import %1</source>
        <translation>Importa %1</translation>
    </message>
    <message>
        <source>Added: %1   Updated: %2   Unchanged: %3   Refused: %4</source>
        <translation>Aggiunti: %1   Aggiornati: %2   Invariati: %3   Rifiutati: %4</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Creato: %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importa</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importa…</translation>
    </message>
    <message>
        <source>Paste &amp;Mermaid Journey</source>
        <translation>Incolla percorso &amp;Mermaid</translation>
    </message>
    <message>
        <source>Export Cards as &amp;CSV…</source>
        <translation>Esporta schede in &amp;CSV…</translation>
    </message>
    <message>
        <source>Export Cards as E&amp;xcel Workbook…</source>
        <translation>Esporta schede in cartella E&amp;xcel…</translation>
    </message>
    <message>
        <source>Export as Mer&amp;maid Journey…</source>
        <translation>Esporta come percorso Mer&amp;maid…</translation>
    </message>
    <message>
        <source>Cards, Mermaid or KPIs (*.csv *.xlsx *.mmd *.mermaid *.txt);;All files (*)</source>
        <translation>Schede, Mermaid o KPI (*.csv *.xlsx *.mmd *.mermaid *.txt);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Cartella di lavoro Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Mermaid (*.mmd)</source>
        <translation>Mermaid (*.mmd)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <source>The clipboard holds no text.</source>
        <translation>Gli appunti non contengono testo.</translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation>appunti</translation>
    </message>
    <message>
        <source>%1 is too large to import.</source>
        <translation>%1 è troppo grande per essere importato.</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation>%1 non è testo UTF-8.</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Esportato in %1</translation>
    </message>
</context>
<context>
    <name>DecidePanel</name>
    <message>
        <source>Filter the backlog…</source>
        <translation>Filtra il backlog…</translation>
    </message>
    <message>
        <source>Backlog</source>
        <translation>Backlog</translation>
    </message>
    <message>
        <source>What the map still lacks</source>
        <translation>Cosa manca ancora alla mappa</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Verifica</translation>
    </message>
    <message>
        <source>Stale after (days):</source>
        <translation>Scaduto dopo (giorni):</translation>
    </message>
    <message>
        <source>Stale items</source>
        <translation>Elementi scaduti</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Scaduti</translation>
    </message>
    <message>
        <source>Touchpoints by team and stage</source>
        <translation>Punti di contatto per team e fase</translation>
    </message>
    <message>
        <source>Touchpoints with no owner</source>
        <translation>Punti di contatto senza responsabile</translation>
    </message>
    <message>
        <source>Touchpoints with no owner:</source>
        <translation>Punti di contatto senza responsabile:</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Responsabili</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matrice</translation>
    </message>
    <message>
        <source>Pain points: %1</source>
        <translation>Punti critici: %1</translation>
    </message>
    <message>
        <source>%1: %2 (%3 days ago)</source>
        <translation>%1: %2 (%3 giorni fa)</translation>
    </message>
    <message>
        <source>stage “%1”, metric “%2”: value as of %3</source>
        <translation>fase “%1”, metrica “%2”: valore al %3</translation>
    </message>
    <message>
        <source>card “%1”: evidence from “%2”, %3</source>
        <translation>scheda “%1”: evidenza da “%2”, %3</translation>
    </message>
    <message>
        <source>review due by %1</source>
        <translation>revisione prevista entro il %1</translation>
    </message>
    <message>
        <source>stage “%1” has no touchpoints</source>
        <translation>la fase “%1” non ha punti di contatto</translation>
    </message>
    <message>
        <source>pain point “%1” has no opportunity and is not accepted</source>
        <translation>il punto critico “%1” non ha opportunità e non è accettato</translation>
    </message>
    <message>
        <source>card “%1” has only assumed evidence</source>
        <translation>la scheda “%1” ha solo evidenze presunte</translation>
    </message>
    <message>
        <source>persona “%1” has no emotion curve</source>
        <translation>il personaggio “%1” non ha una curva emotiva</translation>
    </message>
    <message>
        <source>Stale &amp;Badges</source>
        <translation>&amp;Badge di scadenza</translation>
    </message>
</context>
<context>
    <name>DecideWords</name>
    <message>
        <source>Priority matrix</source>
        <translation>Matrice delle priorità</translation>
    </message>
    <message>
        <source>Quick wins</source>
        <translation>Risultati rapidi</translation>
    </message>
    <message>
        <source>Big bets</source>
        <translation>Grandi scommesse</translation>
    </message>
    <message>
        <source>Fill-ins</source>
        <translation>Riempitivi</translation>
    </message>
    <message>
        <source>Money pits</source>
        <translation>Pozzi senza fondo</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Senza punteggio</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuno)</translation>
    </message>
    <message>
        <source>Last reviewed {date}</source>
        <translation>Ultima revisione {date}</translation>
    </message>
    <message>
        <source>Owner: {name}</source>
        <translation>Responsabile: {name}</translation>
    </message>
    <message>
        <source>Who touches the customer</source>
        <translation>Chi tocca il cliente</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Punti critici</translation>
    </message>
    <message>
        <source>Touchpoints with no owner</source>
        <translation>Punti di contatto senza responsabile</translation>
    </message>
</context>
<context>
    <name>EvidenceMethods</name>
    <message>
        <source>Survey</source>
        <translation>Sondaggio</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Intervista</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Osservazione</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Dati analitici</translation>
    </message>
    <message>
        <source>Employee input</source>
        <translation>Contributo dei dipendenti</translation>
    </message>
    <message>
        <source>Desk research</source>
        <translation>Ricerca documentale</translation>
    </message>
    <message>
        <source>Support logs</source>
        <translation>Registro assistenza</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <source>PDF poster</source>
        <translation>Poster PDF</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>Immagine PNG</translation>
    </message>
    <message>
        <source>HTML page (opens offline in a browser)</source>
        <translation>Pagina HTML (si apre offline in un browser)</translation>
    </message>
    <message>
        <source>SVG drawing (one map, text as text)</source>
        <translation>Disegno SVG (una mappa, testo come testo)</translation>
    </message>
    <message>
        <source>Persona sheets (PDF, one A4 page each)</source>
        <translation>Schede persona (PDF, una pagina A4 ciascuna)</translation>
    </message>
    <message>
        <source>Maps to export</source>
        <translation>Mappe da esportare</translation>
    </message>
    <message>
        <source>Personas to export</source>
        <translation>Personas da esportare</translation>
    </message>
    <message>
        <source>(last used)</source>
        <translation>(ultimo usato)</translation>
    </message>
    <message>
        <source>A0–A4, Letter, Legal, Tabloid, ANSI C/D/E, or WxHmm</source>
        <translation>A0–A4, Letter, Legal, Tabloid, ANSI C/D/E o larghezza×altezza in mm (es. 1189x841mm)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatico</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Orizzontale</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Verticale</translation>
    </message>
    <message>
        <source>No tiling (one sheet)</source>
        <translation>Nessuna suddivisione (un solo foglio)</translation>
    </message>
    <message>
        <source>Tile on %1 sheets</source>
        <translation>Suddividi su fogli %1</translation>
    </message>
    <message>
        <source>3 mm bleed and crop marks (print shop)</source>
        <translation>Abbondanza di 3 mm e segni di taglio (per la tipografia)</translation>
    </message>
    <message>
        <source>Crop marks only</source>
        <translation>Solo segni di taglio</translation>
    </message>
    <message>
        <source>Show comment counts</source>
        <translation>Mostra il numero di commenti</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legenda</translation>
    </message>
    <message>
        <source>Lanes to show</source>
        <translation>Corsie da mostrare</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>Mappe</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profilo</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientamento</translation>
    </message>
    <message>
        <source>Tiling</source>
        <translation>Suddivisione</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>Sovrapposizione</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Risoluzione</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenuto</translation>
    </message>
    <message>
        <source>Preview of the first page</source>
        <translation>Anteprima della prima pagina</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Esporta…</translation>
    </message>
    <message>
        <source>Save as Profile…</source>
        <translation>Salva come profilo…</translation>
    </message>
    <message>
        <source>Save as Profile</source>
        <translation>Salva come profilo</translation>
    </message>
    <message>
        <source>Name of the export profile:</source>
        <translation>Nome del profilo di esportazione:</translation>
    </message>
    <message>
        <source>Choose at least one map.</source>
        <translation>Scegli almeno una mappa.</translation>
    </message>
    <message numerus="yes">
        <source>%n map(s) in one self-contained page: zoom, details of every card, persona sheets and the storyline; no network needed</source>
        <translation>
            <numerusform>%n mappa in un&apos;unica pagina autonoma: zoom, dettagli di ogni scheda, schede persona e storyline; nessuna rete necessaria</numerusform>
            <numerusform>%n mappe in un&apos;unica pagina autonoma: zoom, dettagli di ogni scheda, schede persona e storyline; nessuna rete necessaria</numerusform>
        </translation>
    </message>
    <message>
        <source>The first chosen map, text as text, fonts embedded</source>
        <translation>La prima mappa scelta, testo come testo, caratteri incorporati</translation>
    </message>
    <message>
        <source>An SVG holds one map: “%1”</source>
        <translation>Un SVG contiene una sola mappa: “%1”</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 pixel</translation>
    </message>
    <message>
        <source>%1, %2 × %3 mm, body text %4 pt</source>
        <translation>%1, %2 × %3 mm, corpo del testo %4 pt</translation>
    </message>
    <message>
        <source>%1 sheets (%2 × %3) and an assembly page per map</source>
        <translation>%1 fogli (%2 × %3) e una pagina di montaggio per mappa</translation>
    </message>
    <message>
        <source>Warning: body text prints below 6 pt; choose a larger paper.</source>
        <translation>Attenzione: il testo verrebbe stampato sotto i 6 pt; scegli un formato di carta più grande.</translation>
    </message>
    <message numerus="yes">
        <source>%n map(s), one page each</source>
        <translation>
            <numerusform>%n mappa, una pagina</numerusform>
            <numerusform>%n mappe, una pagina ciascuna</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one persona.</source>
        <translation>Scegli almeno una persona.</translation>
    </message>
    <message numerus="yes">
        <source>%n persona sheet(s), one A4 page each</source>
        <translation>
            <numerusform>%n scheda persona, una pagina A4</numerusform>
            <numerusform>%n schede persona, una pagina A4 ciascuna</numerusform>
        </translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>File PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Immagini PNG (*.png)</translation>
    </message>
    <message>
        <source>HTML pages (*.html)</source>
        <translation>Pagine HTML (*.html)</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Disegni SVG (*.svg)</translation>
    </message>
    <message>
        <source>The export would replace the project file itself.</source>
        <translation>L’esportazione sostituirebbe il file stesso del progetto.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Esportazione in corso…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Esportazione non riuscita</translation>
    </message>
</context>
<context>
    <name>ExportWarnings</name>
    <message>
        <source>%1 text(s) did not fit and end with an ellipsis (…)</source>
        <translation>Testi che non entravano e finiscono con i puntini (…): %1</translation>
    </message>
    <message>
        <source>Map “%1”: %2 character(s) the bundled font cannot draw show as empty boxes in the PDF: %3</source>
        <translation>Mappa “%1”: caratteri che il font incluso non sa disegnare (%2), nel PDF appaiono come riquadri vuoti: %3</translation>
    </message>
    <message>
        <source>Map “%1”: %2 character(s) the bundled font cannot draw are left to the viewer&apos;s fonts (they may look different, not fit, or show as boxes): %3</source>
        <translation>Mappa “%1”: caratteri che il font incluso non sa disegnare (%2), lasciati ai font del visualizzatore (potrebbero apparire diversi, non starci o come riquadri): %3</translation>
    </message>
    <message>
        <source>Map “%1”: body text would print at %2 pt on %3 (below %4 pt); choose a larger paper, or show fewer lanes</source>
        <translation>Mappa “%1”: il testo uscirebbe a %2 pt su %3 (sotto i %4 pt); scegli un foglio più grande o mostra meno corsie</translation>
    </message>
    <message>
        <source>%1 older slide file(s) in the folder (from %2) are not part of this export; the manifest lists the slides</source>
        <translation>Nella cartella ci sono file di diapositive precedenti (%1, da %2) che non fanno parte di questa esportazione; il manifest elenca le diapositive</translation>
    </message>
    <message>
        <source>The image is %1×%2 pixels (%3 megapixels): many image viewers and libraries refuse images over %4 megapixels or open them slowly; %5 DPI or less keeps it under that, and a PDF poster opens anywhere</source>
        <translation>L’immagine è di %1×%2 pixel (%3 megapixel): molti visualizzatori e librerie di immagini rifiutano immagini oltre %4 megapixel o le aprono lentamente; con %5 DPI o meno resta sotto questo limite, e un poster PDF si apre ovunque</translation>
    </message>
    <message>
        <source>%1 image(s) could not be read and show as a dashed frame: %2</source>
        <translation>Immagini non leggibili (%1), appaiono come cornici tratteggiate: %2</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nuovo…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Apri…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Apri &amp;recenti</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Salva c&amp;on nome…</translation>
    </message>
    <message>
        <source>Save as &amp;Template…</source>
        <translation>Salva come &amp;modello…</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>R&amp;ipristina</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pre&amp;ferenze…</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (mancante)</translation>
    </message>
    <message>
        <source>&amp;Clear Recent Files</source>
        <translation>&amp;Svuota elenco file recenti</translation>
    </message>
    <message>
        <source>Open Recent</source>
        <translation>Apri recenti</translation>
    </message>
    <message>
        <source>“%1” no longer exists; it was removed from the recent files.</source>
        <translation>“%1” non esiste più ed è stato rimosso dai file recenti.</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Apri progetto</translation>
    </message>
    <message>
        <source>JourneyDesk projects (*.journey);;All files (*)</source>
        <translation>Progetti JourneyDesk (*.journey);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Senza titolo</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>Salva progetto con nome</translation>
    </message>
    <message>
        <source>JourneyDesk projects (*.journey)</source>
        <translation>Progetti JourneyDesk (*.journey)</translation>
    </message>
    <message>
        <source>Saved “%1”</source>
        <translation>“%1” salvato</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Impossibile salvare</translation>
    </message>
    <message>
        <source>“%1” could not be saved.</source>
        <translation>Impossibile salvare “%1”.</translation>
    </message>
    <message>
        <source>%1

The file on disk, if there was one, is unchanged.</source>
        <translation>%1

L’eventuale file già presente sul disco non è stato modificato.</translation>
    </message>
    <message>
        <source>Save as Template</source>
        <translation>Salva come modello</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>Nome del modello:</translation>
    </message>
    <message>
        <source>My template</source>
        <translation>Il mio modello</translation>
    </message>
    <message>
        <source>A template named “%1” exists. Replace it?</source>
        <translation>Esiste già un modello di nome “%1”. Sostituirlo?</translation>
    </message>
    <message>
        <source>Template “%1” saved</source>
        <translation>Modello “%1” salvato</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Ripristina</translation>
    </message>
    <message>
        <source>Discard your unsaved changes and reload “%1” from disk?</source>
        <translation>Scartare le modifiche non salvate e ricaricare “%1” dal disco?</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifiche non salvate</translation>
    </message>
    <message>
        <source>Save the changes to “%1” before closing?</source>
        <translation>Salvare le modifiche a “%1” prima di chiudere?</translation>
    </message>
    <message>
        <source>If you don’t save, your changes will be lost.</source>
        <translation>Se non salvi, le modifiche andranno perse.</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Salvataggio automatico non riuscito: %1</translation>
    </message>
    <message>
        <source>%1 (on disk, read-only)</source>
        <translation>%1 (su disco, sola lettura)</translation>
    </message>
</context>
<context>
    <name>FileGuard</name>
    <message>
        <source>File in use</source>
        <translation>File in uso</translation>
    </message>
    <message>
        <source>“%1” is open in another JourneyDesk (%2, since %3).</source>
        <translation>“%1” è aperto in un altro JourneyDesk (%2, da %3).</translation>
    </message>
    <message>
        <source>You can open a read-only copy: you can look at it and save it under another name.</source>
        <translation>Puoi aprirne una copia in sola lettura: puoi consultarla e salvarla con un altro nome.</translation>
    </message>
    <message>
        <source>Open &amp;Read-Only</source>
        <translation>Apri in sola &amp;lettura</translation>
    </message>
    <message>
        <source>“%1” was deleted or moved by another program.</source>
        <translation>“%1” è stato eliminato o spostato da un altro programma.</translation>
    </message>
    <message>
        <source>“%1” was changed by another program. Reload it (losing your changes)?</source>
        <translation>“%1” è stato modificato da un altro programma. Ricaricarlo (perdendo le tue modifiche)?</translation>
    </message>
    <message>
        <source>“%1” was changed by another program. Reload it?</source>
        <translation>“%1” è stato modificato da un altro programma. Ricaricarlo?</translation>
    </message>
    <message>
        <source>Reloaded “%1” from disk</source>
        <translation>“%1” ricaricato dal disco</translation>
    </message>
    <message>
        <source>“%1” is open in another JourneyDesk window or program (%2).</source>
        <translation>“%1” è aperto in un’altra finestra o in un altro programma JourneyDesk (%2).</translation>
    </message>
    <message>
        <source>Save under another name, or close it there first.</source>
        <translation>Salva con un altro nome, oppure chiudilo prima là.</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>File modificato su disco</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else since you opened or saved it.</source>
        <translation>“%1” è stato modificato da qualcun altro da quando l’hai aperto o salvato.</translation>
    </message>
    <message>
        <source>Overwrite replaces their version with yours. Save As keeps both. Reload shows their version and drops your changes.</source>
        <translation>Sovrascrivi sostituisce la loro versione con la tua. Salva con nome le conserva entrambe. Ricarica mostra la loro versione e scarta le tue modifiche.</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>&amp;Sovrascrivi</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Salva c&amp;on nome…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Ricarica</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find cards…</source>
        <translation>Trova schede…</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Trova</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Qualsiasi tipo</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>Qualsiasi fase</translation>
    </message>
    <message>
        <source>Any lane</source>
        <translation>Qualsiasi corsia</translation>
    </message>
    <message>
        <source>Any persona</source>
        <translation>Qualsiasi persona</translation>
    </message>
    <message>
        <source>Any channel</source>
        <translation>Qualsiasi canale</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Qualsiasi responsabile</translation>
    </message>
    <message>
        <source>Any sentiment</source>
        <translation>Qualsiasi sentiment</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Qualsiasi tag</translation>
    </message>
    <message>
        <source>Any evidence</source>
        <translation>Qualsiasi evidenza</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Chiudi la barra di ricerca</translation>
    </message>
    <message>
        <source>More Filters</source>
        <translation>Altri filtri</translation>
    </message>
    <message>
        <source>More Filters (%1)</source>
        <translation>Altri filtri (%1)</translation>
    </message>
    <message>
        <source>Stage %1</source>
        <translation>Fase %1</translation>
    </message>
    <message>
        <source>No lane of this map belongs to a persona</source>
        <translation>Nessuna corsia di questa mappa appartiene a una persona</translation>
    </message>
    <message>
        <source>%1 of %2 cards</source>
        <translation>%1 di %2 schede</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Inspector</source>
        <translation>Proprietà</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Progetto</translation>
    </message>
    <message>
        <source>Show the project&apos;s properties</source>
        <translation>Mostra le proprietà del progetto</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mappa</translation>
    </message>
    <message>
        <source>Show the shown map&apos;s properties</source>
        <translation>Mostra le proprietà della mappa visualizzata</translation>
    </message>
    <message>
        <source>This item has no properties to edit here.</source>
        <translation>Questo elemento non ha proprietà modificabili qui.</translation>
    </message>
    <message>
        <source>project</source>
        <translation>progetto</translation>
    </message>
    <message>
        <source>persona</source>
        <translation>persona</translation>
    </message>
    <message>
        <source>map</source>
        <translation>mappa</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>fase</translation>
    </message>
    <message>
        <source>step</source>
        <translation>passo</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>corsia</translation>
    </message>
    <message>
        <source>card</source>
        <translation>scheda</translation>
    </message>
    <message>
        <source>emotion point</source>
        <translation>punto emotivo</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>collegamento</translation>
    </message>
    <message>
        <source>emotion curve</source>
        <translation>curva emotiva</translation>
    </message>
    <message>
        <source>separator</source>
        <translation>separatore</translation>
    </message>
    <message>
        <source>team</source>
        <translation>reparto</translation>
    </message>
    <message>
        <source>source</source>
        <translation>fonte</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>metrica</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>evidenza</translation>
    </message>
    <message>
        <source>Edit %1 of %2 %3</source>
        <translation>Modifica %1: %2 %3</translation>
    </message>
    <message>
        <source>One per line</source>
        <translation>Uno per riga</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>Separati da virgole</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuno)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predefinito</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>Scegli un colore</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colore</translation>
    </message>
    <message>
        <source>(all personas)</source>
        <translation>(tutte le personas)</translation>
    </message>
    <message>
        <source>(unnamed persona)</source>
        <translation>(persona senza nome)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>image</source>
        <translation>immagine</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>Choose an image for %1</source>
        <translation>Scegli un’immagine per %1</translation>
    </message>
    <message>
        <source>Remove the image</source>
        <translation>Rimuovi l’immagine</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>Scegli un’immagine</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Immagini (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Cannot use this image</source>
        <translation>Impossibile usare questa immagine</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Autori</translation>
    </message>
    <message>
        <source>Delete %1 %2</source>
        <translation>Elimina %1 %2</translation>
    </message>
    <message>
        <source>New team</source>
        <translation>Nuovo reparto</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Reparti</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>New source</source>
        <translation>Nuova fonte</translation>
    </message>
    <message>
        <source>Research sources</source>
        <translation>Fonti della ricerca</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Riferimento</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>New metric</source>
        <translation>Nuova metrica</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriche</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unità</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direzione</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>Più alto è meglio</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>Più basso è meglio</translation>
    </message>
    <message>
        <source>On target</source>
        <translation>In linea con il target</translation>
    </message>
    <message>
        <source>Vocabularies</source>
        <translation>Vocabolari</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Citazione</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Storia</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Obiettivi</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Bisogni</translation>
    </message>
    <message>
        <source>Pains</source>
        <translation>Frustrazioni</translation>
    </message>
    <message>
        <source>Jobs to be done</source>
        <translation>Jobs to be done</translation>
    </message>
    <message>
        <source>Behaviours</source>
        <translation>Comportamenti</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Obiettivo</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Derived from</source>
        <translation>Derivata da</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>(no persona)</source>
        <translation>(nessuna persona)</translation>
    </message>
    <message>
        <source>Emotion curves</source>
        <translation>Curve emotive</translation>
    </message>
    <message>
        <source>Persona for a new emotion curve</source>
        <translation>Persona per una nuova curva emotiva</translation>
    </message>
    <message>
        <source>Add Curve</source>
        <translation>Aggiungi curva</translation>
    </message>
    <message>
        <source>Add an emotion curve for this persona</source>
        <translation>Aggiungi una curva emotiva per questa persona</translation>
    </message>
    <message>
        <source>Add emotion curve for %1</source>
        <translation>Aggiungi la curva emotiva di %1</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>Narrazione</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Metrica</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Rilevato il</translation>
    </message>
    <message>
        <source>Define metrics in the project first</source>
        <translation>Definisci prima le metriche nel progetto</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Visualizzazione</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Schede</translation>
    </message>
    <message>
        <source>Emotion curve</source>
        <translation>Curva emotiva</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Immagini</translation>
    </message>
    <message>
        <source>Channel grid</source>
        <translation>Griglia dei canali</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsabile</translation>
    </message>
    <message>
        <source>Who answers for the map being true</source>
        <translation>Chi risponde della veridicità della mappa</translation>
    </message>
    <message>
        <source>Last reviewed</source>
        <translation>Ultima revisione</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation>Rivedere entro</translation>
    </message>
    <message>
        <source>After this date the map is listed as stale (YYYY-MM-DD)</source>
        <translation>Dopo questa data la mappa risulta scaduta (AAAA-MM-GG)</translation>
    </message>
    <message>
        <source>Default card kind</source>
        <translation>Tipo di scheda predefinito</translation>
    </message>
    <message>
        <source>Collapsed</source>
        <translation>Compressa</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Testo</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentiment</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutro</translation>
    </message>
    <message>
        <source>Problematic</source>
        <translation>Critico</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Punteggi</translation>
    </message>
    <message>
        <source>Content language</source>
        <translation>Lingua dei contenuti</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglese</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>The language the project is written in: the map and the exports use it</source>
        <translation>La lingua in cui è scritto il progetto: la usano la mappa e le esportazioni</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Immagine</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Responsabili</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Reparto</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Ruolo</translation>
    </message>
    <message>
        <source>Define teams in the project first</source>
        <translation>Definisci prima i reparti nel progetto</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidenze</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Affidabilità</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metodo</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fonte</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Osservata</translation>
    </message>
    <message>
        <source>Assumed</source>
        <translation>Ipotizzata</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposta</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Emozione</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etichetta</translation>
    </message>
    <message>
        <source>Line of interaction</source>
        <translation>Linea di interazione</translation>
    </message>
    <message>
        <source>Line of visibility</source>
        <translation>Linea di visibilità</translation>
    </message>
    <message>
        <source>Line of internal interaction</source>
        <translation>Linea di interazione interna</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizzata</translation>
    </message>
</context>
<context>
    <name>InspectorExtras</name>
    <message>
        <source>Curve %1</source>
        <translation>Curva %1</translation>
    </message>
    <message>
        <source>Lanes spanned</source>
        <translation>Corsie occupate</translation>
    </message>
    <message>
        <source>(untitled card)</source>
        <translation>(scheda senza titolo)</translation>
    </message>
    <message>
        <source>Derived from card</source>
        <translation>Derivata dalla scheda</translation>
    </message>
    <message>
        <source>Related cards</source>
        <translation>Schede correlate</translation>
    </message>
    <message>
        <source>Linked maps</source>
        <translation>Mappe collegate</translation>
    </message>
    <message>
        <source>(unnamed map)</source>
        <translation>(mappa senza nome)</translation>
    </message>
    <message>
        <source>(missing map)</source>
        <translation>(mappa mancante)</translation>
    </message>
    <message>
        <source>label (optional)</source>
        <translation>etichetta (facoltativa)</translation>
    </message>
    <message>
        <source>Label of the link to %1</source>
        <translation>Etichetta del collegamento a %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Apri</translation>
    </message>
    <message>
        <source>Open the linked map %1</source>
        <translation>Apri la mappa collegata %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Remove the link to %1</source>
        <translation>Rimuovi il collegamento a %1</translation>
    </message>
    <message>
        <source>Map to link this card to</source>
        <translation>Mappa da collegare a questa scheda</translation>
    </message>
    <message>
        <source>Link to Map</source>
        <translation>Collega a una mappa</translation>
    </message>
    <message>
        <source>Add another map to the project to link to it</source>
        <translation>Aggiungi un’altra mappa al progetto per collegarla</translation>
    </message>
    <message>
        <source>Curve</source>
        <translation>Curva</translation>
    </message>
    <message>
        <source>This curve already has a point in this step</source>
        <translation>Questa curva ha già un punto in questo passo</translation>
    </message>
    <message>
        <source>(unnamed lane)</source>
        <translation>(corsia senza nome)</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Corsia</translation>
    </message>
    <message>
        <source>(the first curve lane)</source>
        <translation>(la prima corsia delle curve)</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Scala</translation>
    </message>
    <message>
        <source>Lowest score</source>
        <translation>Punteggio minimo</translation>
    </message>
    <message>
        <source>Highest score</source>
        <translation>Punteggio massimo</translation>
    </message>
    <message>
        <source>Score names</source>
        <translation>Nomi dei punteggi</translation>
    </message>
    <message>
        <source>-2 = Very negative; 0 = Neutral; 2 = Very positive</source>
        <translation>-2 = Molto negativa; 0 = Neutra; 2 = Molto positiva</translation>
    </message>
    <message>
        <source>Under lane</source>
        <translation>Sotto la corsia</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>survey, interview, report…</source>
        <translation>sondaggio, intervista, rapporto…</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-GG</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creato</translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation>Ultimo salvataggio</translation>
    </message>
</context>
<context>
    <name>LaneKinds</name>
    <message>
        <source>Actions</source>
        <translation>Azioni</translation>
    </message>
    <message>
        <source>Thoughts</source>
        <translation>Pensieri</translation>
    </message>
    <message>
        <source>Feelings</source>
        <translation>Emozioni</translation>
    </message>
    <message>
        <source>Emotion curve</source>
        <translation>Curva emotiva</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>Punti di contatto</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canali</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Punti critici</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Opportunità</translation>
    </message>
    <message>
        <source>Moments of truth</source>
        <translation>Momenti della verità</translation>
    </message>
    <message>
        <source>Frontstage</source>
        <translation>Front-office</translation>
    </message>
    <message>
        <source>Backstage</source>
        <translation>Back-office</translation>
    </message>
    <message>
        <source>Support processes</source>
        <translation>Processi di supporto</translation>
    </message>
    <message>
        <source>Physical evidence</source>
        <translation>Evidenze fisiche</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Responsabili</translation>
    </message>
    <message>
        <source>Research evidence</source>
        <translation>Evidenze di ricerca</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriche</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <translation>it</translation>
    </message>
</context>
<context>
    <name>LinkHistory</name>
    <message>
        <source>Back to Linking Card</source>
        <translation>Torna alla scheda del collegamento</translation>
    </message>
    <message>
        <source>Show the card whose link opened this map</source>
        <translation>Mostra la scheda il cui collegamento ha aperto questa mappa</translation>
    </message>
    <message>
        <source>The linked map is not in this project</source>
        <translation>La mappa collegata non è in questo progetto</translation>
    </message>
    <message>
        <source>Showing the linked map “%1”: Alt+Left goes back</source>
        <translation>Mappa collegata “%1”: Alt+Sinistra per tornare indietro</translation>
    </message>
</context>
<context>
    <name>LoadErrorBox</name>
    <message numerus="yes">
        <source>… and %n more problem(s)</source>
        <translation>
            <numerusform>… e %n altro problema</numerusform>
            <numerusform>… e altri %n problemi</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Impossibile aprire il progetto</translation>
    </message>
    <message>
        <source>“%1” is not a JourneyDesk project.</source>
        <translation>“%1” non è un progetto JourneyDesk.</translation>
    </message>
    <message>
        <source>“%1” is a damaged JourneyDesk project and cannot be opened.</source>
        <translation>“%1” è un progetto JourneyDesk danneggiato e non si può aprire.</translation>
    </message>
    <message>
        <source>“%1” cannot be opened.</source>
        <translation>Impossibile aprire “%1”.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Maps</source>
        <translation>Mappe</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commenti</translation>
    </message>
    <message>
        <source>Storyline</source>
        <translation>Storyline</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Esporta…</translation>
    </message>
    <message>
        <source>Export &amp;Storyline…</source>
        <translation>Esporta story&amp;line…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>S&amp;tampa…</translation>
    </message>
    <message>
        <source>Print as &amp;Tiled Poster…</source>
        <translation>Stampa come &amp;poster su più fogli…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Es&amp;ci</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ripeti</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Ta&amp;glia</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copia</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Incolla</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplica</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Seleziona t&amp;utto</translation>
    </message>
    <message>
        <source>&amp;Find and Filter…</source>
        <translation>&amp;Trova e filtra…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Trova &amp;successivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Ingrandisci</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Riduci</translation>
    </message>
    <message>
        <source>&amp;Fit Map</source>
        <translation>&amp;Adatta la mappa alla finestra</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Dimensioni effettive</translation>
    </message>
    <message>
        <source>&amp;Present Storyline</source>
        <translation>&amp;Presenta la storyline</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <source>Decide</source>
        <translation>Decidi</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Apertura…</translation>
    </message>
    <message>
        <source>Next &amp;Pane</source>
        <translation>Riquadro &amp;successivo</translation>
    </message>
    <message>
        <source>Pre&amp;vious Pane</source>
        <translation>Riquadro p&amp;recedente</translation>
    </message>
    <message>
        <source>Reset &amp;Layout</source>
        <translation>Ripristina la disposi&amp;zione dei pannelli</translation>
    </message>
    <message>
        <source>&amp;About JourneyDesk</source>
        <translation>&amp;Informazioni su JourneyDesk</translation>
    </message>
    <message>
        <source>Third-party &amp;Licences</source>
        <translation>&amp;Licenze di terze parti</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Esportato in %1</translation>
    </message>
    <message>
        <source>Exported, with warnings</source>
        <translation>Esportazione completata, con avvisi</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Stampa</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s) sent to the printer</source>
        <translation>
            <numerusform>%n foglio inviato alla stampante</numerusform>
            <numerusform>%n fogli inviati alla stampante</numerusform>
        </translation>
    </message>
    <message>
        <source>(untitled project)</source>
        <translation>(progetto senza titolo)</translation>
    </message>
    <message>
        <source>Personas: %1</source>
        <translation>Personas: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n map(s)</source>
        <translation>
            <numerusform>%n mappa</numerusform>
            <numerusform>%n mappe</numerusform>
        </translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Nessun progetto</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Senza titolo</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (sola lettura)</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>Zoom %1%</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Proprietà</translation>
    </message>
</context>
<context>
    <name>MapLabels</name>
    <message>
        <source>Customer journey</source>
        <translation>Percorso del cliente</translation>
    </message>
    <message>
        <source>Day in the life</source>
        <translation>Giornata tipo</translation>
    </message>
    <message>
        <source>Service blueprint</source>
        <translation>Service blueprint</translation>
    </message>
    <message>
        <source>Experience map</source>
        <translation>Mappa dell&apos;esperienza</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mappa</translation>
    </message>
    <message>
        <source>Current state</source>
        <translation>Stato attuale</translation>
    </message>
    <message>
        <source>Future state</source>
        <translation>Stato futuro</translation>
    </message>
    <message>
        <source>Ideal state</source>
        <translation>Stato ideale</translation>
    </message>
    <message>
        <source>Personas</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legenda</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canali</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentiment</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positivo</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutro</translation>
    </message>
    <message>
        <source>Problematic</source>
        <translation>Problematico</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidenze</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Osservata</translation>
    </message>
    <message>
        <source>Assumed</source>
        <translation>Ipotizzata</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposta</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Emozione</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Collegamenti</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>target</source>
        <translation>obiettivo</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Impatto</translation>
    </message>
    <message>
        <source>Effort</source>
        <translation>Sforzo</translation>
    </message>
    <message>
        <source>comments</source>
        <translation>commenti</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aggiornata</translation>
    </message>
    <message>
        <source>Line of interaction</source>
        <translation>Linea di interazione</translation>
    </message>
    <message>
        <source>Line of visibility</source>
        <translation>Linea di visibilità</translation>
    </message>
    <message>
        <source>Line of internal interaction</source>
        <translation>Linea di interazione interna</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>Separatore</translation>
    </message>
    <message>
        <source>Derived from</source>
        <translation>Derivata da</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map</source>
        <translation>Mappa</translation>
    </message>
    <message>
        <source>The image cannot be used: %1</source>
        <translation>Impossibile usare l’immagine: %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copia</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Taglia</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Incolla</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplica</translation>
    </message>
    <message>
        <source>Connect From/To Here</source>
        <translation>Collega da/a qui</translation>
    </message>
    <message>
        <source>Pasted the first %1 of the %2 copied cards (%1 at a time).</source>
        <translation>Incollate le prime %1 delle %2 schede copiate (%1 alla volta).</translation>
    </message>
    <message>
        <source>Select a card to connect from</source>
        <translation>Seleziona la scheda da cui partire</translation>
    </message>
    <message>
        <source>Connecting from “%1”: select the target card and press Ctrl+L (Esc cancels)</source>
        <translation>Collegamento da “%1”: seleziona la scheda di arrivo e premi Ctrl+L (Esc annulla)</translation>
    </message>
    <message>
        <source>Connection cancelled</source>
        <translation>Collegamento annullato</translation>
    </message>
    <message>
        <source>These cards are already connected</source>
        <translation>Queste schede sono già collegate</translation>
    </message>
    <message>
        <source>Edit Title</source>
        <translation>Modifica titolo</translation>
    </message>
    <message>
        <source>Card Kind</source>
        <translation>Tipo di scheda</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Card title</source>
        <translation>Titolo della scheda</translation>
    </message>
    <message>
        <source>Cards go in lanes of cards: move the cell cursor up or down</source>
        <translation>Le schede vanno nelle corsie di schede: sposta il cursore in su o in giù</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(senza titolo)</translation>
    </message>
    <message>
        <source>step {step} of stage {stage}</source>
        <translation>passo {step} della fase {stage}</translation>
    </message>
    <message>
        <source>stage {stage}</source>
        <translation>fase {stage}</translation>
    </message>
    <message>
        <source>lane {lane}</source>
        <translation>corsia {lane}</translation>
    </message>
    <message>
        <source>Stage {name}, {count} steps</source>
        <translation>Fase {name}, {count} passi</translation>
    </message>
    <message>
        <source>Step {name}</source>
        <translation>Passo {name}</translation>
    </message>
    <message>
        <source>Lane {name} ({kind})</source>
        <translation>Corsia {name} ({kind})</translation>
    </message>
    <message>
        <source>Emotion curve {name}</source>
        <translation>Curva emotiva {name}</translation>
    </message>
    <message>
        <source>Connection from {source} to {target}</source>
        <translation>Collegamento da {source} a {target}</translation>
    </message>
    <message>
        <source>Separator {name}</source>
        <translation>Separatore {name}</translation>
    </message>
    <message>
        <source>{kind} card {title}</source>
        <translation>Scheda {kind} {title}</translation>
    </message>
    <message>
        <source>channel {channel}</source>
        <translation>canale {channel}</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positivo</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutro</translation>
    </message>
    <message>
        <source>problematic</source>
        <translation>critico</translation>
    </message>
    <message>
        <source>{count} evidence</source>
        <translation>Evidenze: {count}</translation>
    </message>
    <message>
        <source>Emotion point, score {score}</source>
        <translation>Punto emotivo, punteggio {score}</translation>
    </message>
    <message>
        <source>Map {name}: {cards} cards in {stages} stages</source>
        <translation>Mappa {name}: {cards} schede in {stages} fasi</translation>
    </message>
    <message>
        <source>{count} elements selected</source>
        <translation>{count} elementi selezionati</translation>
    </message>
    <message>
        <source>Cell: {where}, {count} cards; type to add a card</source>
        <translation>Cella: {where}, {count} schede; digita per aggiungere una scheda</translation>
    </message>
    <message>
        <source>Move the cell cursor to a lane of cards first (arrow keys on the map)</source>
        <translation>Porta prima il cursore su una corsia di schede (frecce sulla mappa)</translation>
    </message>
    <message>
        <source>The map has no steps yet</source>
        <translation>La mappa non ha ancora passi</translation>
    </message>
    <message>
        <source>Add an emotion curve lane first</source>
        <translation>Aggiungi prima una corsia della curva emotiva</translation>
    </message>
    <message>
        <source>Add a stage first</source>
        <translation>Aggiungi prima una fase</translation>
    </message>
    <message>
        <source>This entry cannot be placed from the keyboard</source>
        <translation>Questa voce non si può inserire da tastiera</translation>
    </message>
    <message>
        <source>(missing map)</source>
        <translation>(mappa mancante)</translation>
    </message>
    <message>
        <source>(unnamed map)</source>
        <translation>(mappa senza nome)</translation>
    </message>
    <message>
        <source>Open Linked Map “%1”</source>
        <translation>Apri la mappa collegata “%1”</translation>
    </message>
    <message>
        <source>Link to Map</source>
        <translation>Collega a una mappa</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Score across</source>
        <extracomment>laid out again when next shown or asked for (issue #14: a hidden Decide dock laid a big project&apos;s matrix out twice on every open)</extracomment>
        <translation>Punteggio in orizzontale</translation>
    </message>
    <message>
        <source>Score up</source>
        <translation>Punteggio in verticale</translation>
    </message>
    <message>
        <source>Across:</source>
        <translation>In orizzontale:</translation>
    </message>
    <message>
        <source>Up:</source>
        <translation>In verticale:</translation>
    </message>
    <message>
        <source>Dot colour</source>
        <translation>Colore dei punti</translation>
    </message>
    <message>
        <source>Colour by stage</source>
        <translation>Colore per fase</translation>
    </message>
    <message>
        <source>Colour by status</source>
        <translation>Colore per stato</translation>
    </message>
    <message>
        <source>Rescore “%1”</source>
        <translation>Cambia punteggio di “%1”</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge from %1</source>
        <translation>Unisci da %1</translation>
    </message>
    <message>
        <source>Common &amp;Original…</source>
        <translation>&amp;Originale comune…</translation>
    </message>
    <message>
        <source>The file both copies started from: then changes made on both sides show as conflicts.</source>
        <translation>Il file da cui sono partite entrambe le copie: così le modifiche fatte da entrambe le parti appaiono come conflitti.</translation>
    </message>
    <message>
        <source>Accept &amp;All</source>
        <translation>Accetta &amp;tutto</translation>
    </message>
    <message>
        <source>&amp;Reject All</source>
        <translation>&amp;Rifiuta tutto</translation>
    </message>
    <message>
        <source>Common original</source>
        <translation>Originale comune</translation>
    </message>
    <message>
        <source>JourneyDesk projects (*.journey)</source>
        <translation>Progetti JourneyDesk (*.journey)</translation>
    </message>
    <message>
        <source>%1 change(s), %2 conflict(s). Checked changes are taken; conflicts keep yours unless checked.</source>
        <translation>%1 modifiche, %2 conflitti. Le modifiche spuntate vengono applicate; nei conflitti resta la tua versione se non la spunti.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Aggiunto</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Rimosso</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificato</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Spostato</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Conflitto: %1</translation>
    </message>
</context>
<context>
    <name>MultiSelectionForm</name>
    <message>
        <source>Selected items</source>
        <translation>Elementi selezionati</translation>
    </message>
    <message>
        <source>Select items of one kind to edit what they share.</source>
        <translation>Seleziona elementi di un solo tipo per modificarne le proprietà comuni.</translation>
    </message>
    <message>
        <source>Select one of them to edit its properties.</source>
        <translation>Selezionane uno per modificarne le proprietà.</translation>
    </message>
    <message>
        <source>%1 card</source>
        <translation>%1 scheda</translation>
    </message>
    <message>
        <source>%1 cards</source>
        <translation>%1 schede</translation>
    </message>
    <message>
        <source>%1 lane</source>
        <translation>%1 corsia</translation>
    </message>
    <message>
        <source>%1 lanes</source>
        <translation>%1 corsie</translation>
    </message>
    <message>
        <source>%1 stage</source>
        <translation>%1 fase</translation>
    </message>
    <message>
        <source>%1 stages</source>
        <translation>%1 fasi</translation>
    </message>
    <message>
        <source>%1 step</source>
        <translation>%1 passo</translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation>%1 passi</translation>
    </message>
    <message>
        <source>%1 connection</source>
        <translation>%1 collegamento</translation>
    </message>
    <message>
        <source>%1 connections</source>
        <translation>%1 collegamenti</translation>
    </message>
    <message>
        <source>%1 emotion point</source>
        <translation>%1 punto emotivo</translation>
    </message>
    <message>
        <source>%1 emotion points</source>
        <translation>%1 punti emotivi</translation>
    </message>
    <message>
        <source>%1 emotion curve</source>
        <translation>%1 curva emotiva</translation>
    </message>
    <message>
        <source>%1 emotion curves</source>
        <translation>%1 curve emotive</translation>
    </message>
    <message>
        <source>%1 separator</source>
        <translation>%1 separatore</translation>
    </message>
    <message>
        <source>%1 separators</source>
        <translation>%1 separatori</translation>
    </message>
    <message>
        <source>%1 persona</source>
        <translation>%1 persona</translation>
    </message>
    <message>
        <source>%1 personas</source>
        <translation>%1 personas</translation>
    </message>
    <message>
        <source>%1 map</source>
        <translation>%1 mappa</translation>
    </message>
    <message>
        <source>%1 maps</source>
        <translation>%1 mappe</translation>
    </message>
    <message>
        <source>%1 team</source>
        <translation>%1 reparto</translation>
    </message>
    <message>
        <source>%1 teams</source>
        <translation>%1 reparti</translation>
    </message>
    <message>
        <source>%1 source</source>
        <translation>%1 fonte</translation>
    </message>
    <message>
        <source>%1 sources</source>
        <translation>%1 fonti</translation>
    </message>
    <message>
        <source>%1 metric</source>
        <translation>%1 metrica</translation>
    </message>
    <message>
        <source>%1 metrics</source>
        <translation>%1 metriche</translation>
    </message>
    <message>
        <source>%1 evidence</source>
        <translation>%1 evidenza</translation>
    </message>
    <message>
        <source>%1 evidence items</source>
        <translation>%1 evidenze</translation>
    </message>
    <message>
        <source>%1 item</source>
        <translation>%1 elemento</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 elementi</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>Imposta %1 per %2</translation>
    </message>
    <message>
        <source>Applies to all %1</source>
        <translation>Si applica a tutti gli elementi (%1)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuno)</translation>
    </message>
    <message>
        <source>(mixed)</source>
        <translation>(valori misti)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predefinito</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>Scegli un colore</translation>
    </message>
    <message>
        <source>Tags all selected cards have, separated by commas. A tag added here is added to each of them, one removed is removed from each; tags only some of them have are kept.</source>
        <translation>Tag comuni a tutte le schede selezionate, separati da virgole. Un tag aggiunto qui viene aggiunto a ciascuna di esse, uno rimosso viene rimosso da ciascuna; i tag presenti solo in alcune vengono mantenuti.</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Reparto</translation>
    </message>
    <message>
        <source>(unnamed team)</source>
        <translation>(reparto senza nome)</translation>
    </message>
    <message>
        <source>Add to all</source>
        <translation>Aggiungi a tutti</translation>
    </message>
    <message>
        <source>Add the team to all</source>
        <translation>Aggiungi il reparto a tutti gli elementi selezionati</translation>
    </message>
    <message>
        <source>Remove from all</source>
        <translation>Rimuovi da tutti</translation>
    </message>
    <message>
        <source>Remove the team from all</source>
        <translation>Rimuovi il reparto da tutti gli elementi selezionati</translation>
    </message>
    <message>
        <source>Define teams in the project first</source>
        <translation>Definisci prima i reparti nel progetto</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 di %3)</translation>
    </message>
    <message>
        <source>Add owner %1 to %2</source>
        <translation>Aggiungi il responsabile %1 a %2</translation>
    </message>
    <message>
        <source>Remove owner %1 from %2</source>
        <translation>Rimuovi il responsabile %1 da %2</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Navigator</source>
        <translation>Navigatore</translation>
    </message>
    <message>
        <source>Personas and maps</source>
        <translation>Personas e mappe</translation>
    </message>
    <message>
        <source>Add Persona</source>
        <translation>Aggiungi persona</translation>
    </message>
    <message>
        <source>Add Map</source>
        <translation>Aggiungi mappa</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rinomina</translation>
    </message>
    <message>
        <source>Duplicate Map</source>
        <translation>Duplica mappa</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Move Up</source>
        <translation>Sposta su</translation>
    </message>
    <message>
        <source>Move Down</source>
        <translation>Sposta giù</translation>
    </message>
    <message>
        <source>Derive Future State</source>
        <translation>Deriva stato futuro</translation>
    </message>
    <message>
        <source>Copy this map as a future-state map derived from it</source>
        <translation>Copia questa mappa in una nuova mappa dello stato futuro derivata da essa</translation>
    </message>
    <message>
        <source>Import Map from Another Project File…</source>
        <translation>Importa mappa da un altro file di progetto…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Add a persona or a map</source>
        <translation>Aggiungi una persona o una mappa</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Altro</translation>
    </message>
    <message>
        <source>More map actions</source>
        <translation>Altre azioni sulle mappe</translation>
    </message>
    <message>
        <source>(unnamed map)</source>
        <translation>(mappa senza nome)</translation>
    </message>
    <message>
        <source>(unnamed persona)</source>
        <translation>(persona senza nome)</translation>
    </message>
    <message>
        <source>Maps without a persona</source>
        <translation>Mappe senza persona</translation>
    </message>
    <message>
        <source>current state</source>
        <translation>stato attuale</translation>
    </message>
    <message>
        <source>future state</source>
        <translation>stato futuro</translation>
    </message>
    <message>
        <source>ideal state</source>
        <translation>stato ideale</translation>
    </message>
    <message>
        <source>New persona</source>
        <translation>Nuova persona</translation>
    </message>
    <message>
        <source>map</source>
        <translation>mappa</translation>
    </message>
    <message>
        <source>persona</source>
        <translation>persona</translation>
    </message>
    <message>
        <source>Rename %1 &apos;%2&apos;</source>
        <translation>Rinomina %1 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>Delete map</source>
        <translation>Elimina mappa</translation>
    </message>
    <message numerus="yes">
        <source>Delete the map “%1” with its %n card(s)? You can undo this.</source>
        <translation>
            <numerusform>Eliminare la mappa “%1” con %n scheda? Puoi annullare l’operazione.</numerusform>
            <numerusform>Eliminare la mappa “%1” con %n schede? Puoi annullare l’operazione.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import map from project</source>
        <translation>Importa mappa da un progetto</translation>
    </message>
    <message>
        <source>JourneyDesk projects (*.journey);;All files (*)</source>
        <translation>Progetti JourneyDesk (*.journey);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>Impossibile importare</translation>
    </message>
    <message>
        <source>“%1” cannot be opened.</source>
        <translation>Impossibile aprire “%1”.</translation>
    </message>
    <message>
        <source>Import map</source>
        <translation>Importa mappa</translation>
    </message>
    <message>
        <source>That project has no maps.</source>
        <translation>Quel progetto non contiene mappe.</translation>
    </message>
    <message>
        <source>Map to import:</source>
        <translation>Mappa da importare:</translation>
    </message>
</context>
<context>
    <name>NewMapWords</name>
    <message>
        <source>New map</source>
        <translation>Nuova mappa</translation>
    </message>
    <message>
        <source>Stage {n}</source>
        <translation>Fase {n}</translation>
    </message>
    <message>
        <source>Step {n}</source>
        <translation>Passo {n}</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (copia)</translation>
    </message>
    <message>
        <source>{name} — future state</source>
        <translation>{name} — stato futuro</translation>
    </message>
</context>
<context>
    <name>OpportunityStatuses</name>
    <message>
        <source>Idea</source>
        <translation>Idea</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Pianificata</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In corso</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Completata</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Scartata</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Schede</translation>
    </message>
    <message>
        <source>Emotion</source>
        <translation>Emozione</translation>
    </message>
    <message>
        <source>Emotion point</source>
        <translation>Punto emotivo</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>Struttura</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Passo</translation>
    </message>
    <message>
        <source>Lane: %1</source>
        <translation>Corsia: %1</translation>
    </message>
</context>
<context>
    <name>PosterWords</name>
    <message>
        <source>Assembly</source>
        <translation>Montaggio</translation>
    </message>
    <message>
        <source>Assembly: {name}</source>
        <translation>Montaggio: {name}</translation>
    </message>
    <message>
        <source>{label} of {rows}×{cols}</source>
        <translation>{label} di {rows}×{cols}</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>orizzontale</translation>
    </message>
    <message>
        <source>portrait</source>
        <translation>verticale</translation>
    </message>
    <message>
        <source>{poster} poster ({w} × {h} mm) on {n} {tile} sheets ({orient}), {rows} × {cols}, overlap {ov} mm</source>
        <translation>Poster {poster} ({w} × {h} mm) su {n} fogli {tile} ({orient}), {rows} × {cols}, sovrapposizione {ov} mm</translation>
    </message>
    <message>
        <source>Cut each sheet along the cut marks of its left and top edges, lay it over its neighbours and line those edges up with their alignment marks (triangles).</source>
        <translation>Taglia ogni foglio lungo i segni di taglio dei bordi sinistro e superiore, sovrapponilo ai vicini e allinea quei bordi ai loro segni di allineamento (triangoli).</translation>
    </message>
    <message>
        <source>{poster} poster · {tile} sheet · overlap {ov} mm · page {page}</source>
        <translation>poster {poster} · foglio {tile} · sovrapposizione {ov} mm · pagina {page}</translation>
    </message>
    <message>
        <source>, cropped to the map ({w} × {h} mm)</source>
        <translation>, ritagliato sulla mappa ({w} × {h} mm)</translation>
    </message>
    <message>
        <source>bleed 3 mm</source>
        <translation>abbondanza 3 mm</translation>
    </message>
    <message>
        <source>page {page}</source>
        <translation>pagina {page}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferenze</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Lingua del sistema</translation>
    </message>
    <message>
        <source>The new language takes effect when JourneyDesk is restarted.</source>
        <translation>La nuova lingua sarà attiva al prossimo avvio di JourneyDesk.</translation>
    </message>
    <message>
        <source>Autosave interval</source>
        <translation>Intervallo di salvataggio automatico</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>While a project has unsaved changes, a recovery copy is written this often. Your own file is only written when you save.</source>
        <translation>Finché un progetto ha modifiche non salvate, a questo intervallo viene scritta una copia di recupero. Il tuo file viene scritto solo quando salvi.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>&amp;Salvataggio automatico ogni:</translation>
    </message>
    <message>
        <source>The preferences could not be saved: %1</source>
        <translation>Impossibile salvare le preferenze: %1</translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <source>Presentation — JourneyDesk</source>
        <translation>Presentazione — JourneyDesk</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Presenter View — JourneyDesk</source>
        <translation>Visualizzazione relatore — JourneyDesk</translation>
    </message>
    <message>
        <source>Time since the start</source>
        <translation>Tempo trascorso dall’inizio</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>Narrazione</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Scena successiva</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 di %2: %3</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Work</source>
        <translation>Recupera il lavoro non salvato</translation>
    </message>
    <message>
        <source>JourneyDesk did not close properly. Unsaved work was kept for these projects. Your own files have not been changed.</source>
        <translation>JourneyDesk non è stato chiuso correttamente. Il lavoro non salvato di questi progetti è stato conservato. I tuoi file non sono stati modificati.</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Progetto</translation>
    </message>
    <message>
        <source>Original file</source>
        <translation>File originale</translation>
    </message>
    <message>
        <source>Saved at</source>
        <translation>Salvato il</translation>
    </message>
    <message>
        <source>(untitled project)</source>
        <translation>(progetto senza titolo)</translation>
    </message>
    <message>
        <source>(never saved)</source>
        <translation>(mai salvato)</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Ripristina</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Confronta</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Scarta</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Più tardi</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Scarta</translation>
    </message>
    <message>
        <source>Delete the recovered work of “%1” for good?</source>
        <translation>Eliminare definitivamente il lavoro recuperato di “%1”?</translation>
    </message>
</context>
<context>
    <name>SceneForm</name>
    <message>
        <source>Scene title</source>
        <translation>Titolo della scena</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titolo</translation>
    </message>
    <message>
        <source>Scene text</source>
        <translation>Testo della scena</translation>
    </message>
    <message>
        <source>text</source>
        <translation>testo</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>Choose an image for the scene</source>
        <translation>Scegli un’immagine per la scena</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Remove the scene&apos;s image</source>
        <translation>Rimuovi l’immagine della scena</translation>
    </message>
    <message>
        <source>image</source>
        <translation>immagine</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatica</translation>
    </message>
    <message>
        <source>As long as the narration takes to read</source>
        <translation>Quanto serve per leggere la narrazione</translation>
    </message>
    <message>
        <source>Duration in seconds</source>
        <translation>Durata in secondi</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>durata</translation>
    </message>
    <message>
        <source>Narration</source>
        <translation>Narrazione</translation>
    </message>
    <message>
        <source>narration</source>
        <translation>narrazione</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Testo</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Immagine</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durata</translation>
    </message>
    <message>
        <source>What to say while the scene is shown</source>
        <translation>Cosa dire mentre viene mostrata la scena</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuna)</translation>
    </message>
</context>
<context>
    <name>ScoreLabels</name>
    <message>
        <source>Very negative</source>
        <translation>Molto negativa</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativa</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutra</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positiva</translation>
    </message>
    <message>
        <source>Very positive</source>
        <translation>Molto positiva</translation>
    </message>
</context>
<context>
    <name>ScoresEditor</name>
    <message>
        <source>New score…</source>
        <translation>Nuovo punteggio…</translation>
    </message>
    <message>
        <source>Name of a new score</source>
        <translation>Nome del nuovo punteggio</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Chiave</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Punteggi</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Predefiniti</translation>
    </message>
    <message>
        <source>This project&apos;s</source>
        <translation>Del progetto</translation>
    </message>
    <message>
        <source>(changed)</source>
        <translation>(modificato)</translation>
    </message>
    <message>
        <source>Given on %1 card(s)</source>
        <translation>Assegnato in %1 scheda/e</translation>
    </message>
    <message>
        <source>Built-in scores can be relabelled, not removed</source>
        <translation>Dei punteggi predefiniti puoi cambiare le etichette, ma non puoi rimuoverli</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Ripristina</translation>
    </message>
    <message>
        <source>Back to the built-in labels and range</source>
        <translation>Torna alle etichette e all’intervallo predefiniti</translation>
    </message>
    <message>
        <source>Removes the score and its value on %1 card(s); Undo brings them back</source>
        <translation>Rimuove il punteggio e il suo valore da %1 scheda/e; Annulla li ripristina</translation>
    </message>
    <message>
        <source>Not a valid score: %1</source>
        <translation>Punteggio non valido: %1</translation>
    </message>
    <message>
        <source>Rename score %1</source>
        <translation>Rinomina punteggio %1</translation>
    </message>
    <message>
        <source>Cards already give this score values from %1 to %2; the range must include them.</source>
        <translation>Alcune schede assegnano già a questo punteggio valori da %1 a %2; l’intervallo deve includerli.</translation>
    </message>
    <message>
        <source>“%1” is not a number.</source>
        <translation>“%1” non è un numero.</translation>
    </message>
    <message>
        <source>The minimum (%1) must be below the maximum (%2).</source>
        <translation>Il minimo (%1) deve essere inferiore al massimo (%2).</translation>
    </message>
    <message>
        <source>Change range of score %1</source>
        <translation>Cambia intervallo del punteggio %1</translation>
    </message>
    <message>
        <source>Add score %1</source>
        <translation>Aggiungi punteggio %1</translation>
    </message>
    <message>
        <source>Reset score %1</source>
        <translation>Ripristina punteggio %1</translation>
    </message>
    <message>
        <source>Remove score %1</source>
        <translation>Rimuovi punteggio %1</translation>
    </message>
</context>
<context>
    <name>SlideWords</name>
    <message>
        <source>Objective</source>
        <translation>Obiettivo</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Stage {n} of {total}</source>
        <translation>Fase {n} di {total}</translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation>Punti di contatto</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Punti critici</translation>
    </message>
    <message>
        <source>Moments of truth</source>
        <translation>Momenti della verità</translation>
    </message>
    <message>
        <source>In summary</source>
        <translation>In sintesi</translation>
    </message>
    <message>
        <source>Top pain points</source>
        <translation>Principali punti critici</translation>
    </message>
    <message>
        <source>Opportunities by impact and effort</source>
        <translation>Opportunità per impatto e sforzo</translation>
    </message>
    <message>
        <source>+ {n} more</source>
        <translation>+ altri {n}</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Nessuno registrato</translation>
    </message>
    <message>
        <source>Emotion curve</source>
        <translation>Curva emotiva</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Oggi</translation>
    </message>
    <message>
        <source>Future</source>
        <translation>Futuro</translation>
    </message>
    <message>
        <source>Ideal</source>
        <translation>Ideale</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuovo</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modificato</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Rimosso</translation>
    </message>
    <message>
        <source>No matching stage</source>
        <translation>Nessuna fase corrispondente</translation>
    </message>
    <message>
        <source>No cards</source>
        <translation>Nessuna carta</translation>
    </message>
</context>
<context>
    <name>StarterQuestions</name>
    <message>
        <source>What does the customer do here?</source>
        <translation>Cosa fa il cliente qui?</translation>
    </message>
    <message>
        <source>What do they think? What do they ask themselves?</source>
        <translation>Cosa pensa? Quali domande si fa?</translation>
    </message>
    <message>
        <source>How do they feel here?</source>
        <translation>Come si sente qui?</translation>
    </message>
    <message>
        <source>Where do they touch us, and through which channel?</source>
        <translation>Dove entra in contatto con noi, e attraverso quale canale?</translation>
    </message>
    <message>
        <source>Through which channel do they reach us?</source>
        <translation>Attraverso quale canale ci raggiunge?</translation>
    </message>
    <message>
        <source>Who meets the customer here?</source>
        <translation>Chi incontra il cliente qui?</translation>
    </message>
    <message>
        <source>What happens behind the scenes, and who owns it?</source>
        <translation>Cosa succede dietro le quinte, e chi ne è responsabile?</translation>
    </message>
    <message>
        <source>Which systems and processes support this?</source>
        <translation>Quali sistemi e processi lo supportano?</translation>
    </message>
    <message>
        <source>Who owns this step?</source>
        <translation>Chi è responsabile di questo passo?</translation>
    </message>
    <message>
        <source>What gets in their way?</source>
        <translation>Cosa gli è d’ostacolo?</translation>
    </message>
    <message>
        <source>What could change?</source>
        <translation>Cosa potrebbe cambiare?</translation>
    </message>
    <message>
        <source>Which moment decides whether they stay?</source>
        <translation>Quale momento decide se resta?</translation>
    </message>
    <message>
        <source>What do they see, hold or receive?</source>
        <translation>Cosa vede, tocca o riceve?</translation>
    </message>
    <message>
        <source>What do we know, and from which research?</source>
        <translation>Cosa sappiamo, e da quale ricerca?</translation>
    </message>
    <message>
        <source>What do we measure here?</source>
        <translation>Cosa misuriamo qui?</translation>
    </message>
</context>
<context>
    <name>StorylineExportDialog</name>
    <message>
        <source>Export Storyline</source>
        <translation>Esporta storyline</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mappa</translation>
    </message>
    <message>
        <source>(unnamed map)</source>
        <translation>(mappa senza nome)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Slides (PNG images in a folder)</source>
        <translation>Diapositive (immagini PNG in una cartella)</translation>
    </message>
    <message>
        <source>Video (MP4)</source>
        <translation>Video (MP4)</translation>
    </message>
    <message>
        <source>PowerPoint deck (PPTX)</source>
        <translation>Presentazione PowerPoint (PPTX)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dimensioni</translation>
    </message>
    <message>
        <source>Crossfade</source>
        <translation>Dissolvenza incrociata</translation>
    </message>
    <message>
        <source>Narration as captions in the frames</source>
        <translation>Narrazione come sottotitoli nei fotogrammi</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Salva in</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Sfoglia…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <source>Compare stages with “%1”</source>
        <translation>Confronta le fasi con “%1”</translation>
    </message>
    <message>
        <source>Compare stages (no map is derived from or for this one)</source>
        <translation>Confronta le fasi (nessuna mappa derivata da questa o da cui questa deriva)</translation>
    </message>
    <message>
        <source>slides</source>
        <translation>diapositive</translation>
    </message>
    <message>
        <source>The project has no map.</source>
        <translation>Il progetto non contiene mappe.</translation>
    </message>
    <message>
        <source>%1 scenes, %2 min %3 s</source>
        <translation>%1 scene, %2 min %3 s</translation>
    </message>
    <message>
        <source>Folder for the slides</source>
        <translation>Cartella per le diapositive</translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation>Video MP4 (*.mp4)</translation>
    </message>
    <message>
        <source>PowerPoint decks (*.pptx)</source>
        <translation>Presentazioni PowerPoint (*.pptx)</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Scegli dove salvare l’esportazione.</translation>
    </message>
    <message>
        <source>The export would replace the project file itself.</source>
        <translation>L’esportazione sostituirebbe il file stesso del progetto.</translation>
    </message>
    <message>
        <source>“%1” is a file; slides go into a folder.</source>
        <translation>“%1” è un file; le diapositive vanno in una cartella.</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>La cartella “%1” non esiste.</translation>
    </message>
    <message>
        <source>“%1” is a folder; give a file name.</source>
        <translation>“%1” è una cartella; indica un nome di file.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Interrompi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Esportazione non riuscita: %1</translation>
    </message>
    <message>
        <source>Stopped: nothing was finished.</source>
        <translation>Interrotta: non è stato completato nulla.</translation>
    </message>
    <message>
        <source>Storyline exported to %1</source>
        <translation>Storyline esportata in %1</translation>
    </message>
</context>
<context>
    <name>StorylinePanel</name>
    <message>
        <source>Storyline</source>
        <translation>Storyline</translation>
    </message>
    <message>
        <source>Storyline mode</source>
        <translation>Modalità storyline</translation>
    </message>
    <message>
        <source>One map</source>
        <translation>Una mappa</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Confronta</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostra</translation>
    </message>
    <message>
        <source>Scenes</source>
        <translation>Scene</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Su</translation>
    </message>
    <message>
        <source>Move the scene up</source>
        <translation>Sposta su la scena</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Giù</translation>
    </message>
    <message>
        <source>Move the scene down</source>
        <translation>Sposta giù la scena</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Add a scene of your own after the selected one</source>
        <translation>Aggiungi una tua scena dopo quella selezionata</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Delete the scene (scenes of your own only)</source>
        <translation>Elimina la scena (solo le scene aggiunte da te)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Ripristina</translation>
    </message>
    <message>
        <source>Go back to the default storyline</source>
        <translation>Torna alla storyline predefinita</translation>
    </message>
    <message>
        <source>Stages added since the storyline was written have no scene yet</source>
        <translation>Le fasi aggiunte dopo la stesura della storyline non hanno ancora una scena</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titolo</translation>
    </message>
    <message>
        <source>Preview of the scene</source>
        <translation>Anteprima della scena</translation>
    </message>
    <message>
        <source>Present from Here</source>
        <translation>Presenta da qui</translation>
    </message>
    <message>
        <source>Present the storyline from the selected scene</source>
        <translation>Presenta la storyline a partire dalla scena selezionata</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(senza titolo)</translation>
    </message>
    <message>
        <source>Compare with “%1”</source>
        <translation>Confronta con “%1”</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(senza nome)</translation>
    </message>
    <message>
        <source>Compare (no map derived from or for this one)</source>
        <translation>Confronta (nessuna mappa derivata da questa o da cui questa deriva)</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Confronto</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Conclusione</translation>
    </message>
    <message>
        <source>Your scene</source>
        <translation>La tua scena</translation>
    </message>
    <message>
        <source>(auto)</source>
        <translation>(automatica)</translation>
    </message>
    <message>
        <source>Untick to leave the scene out</source>
        <translation>Deseleziona per escludere la scena</translation>
    </message>
    <message numerus="yes">
        <source>Add Scenes for %n New Stage(s)</source>
        <translation>
            <numerusform>Aggiungi scene per %n nuova fase</numerusform>
            <numerusform>Aggiungi scene per %n nuove fasi</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a Scene for “%1”</source>
        <translation>Aggiungi una scena per “%1”</translation>
    </message>
    <message>
        <source>Edit %2 of scene %1</source>
        <translation>Modifica %2 della scena %1</translation>
    </message>
    <message>
        <source>Automatic duration of scene %1</source>
        <translation>Durata automatica della scena %1</translation>
    </message>
    <message>
        <source>Set duration of scene %1</source>
        <translation>Imposta la durata della scena %1</translation>
    </message>
    <message>
        <source>Hide scene %1</source>
        <translation>Nascondi la scena %1</translation>
    </message>
    <message>
        <source>Show scene %1</source>
        <translation>Mostra la scena %1</translation>
    </message>
    <message>
        <source>Move scene %1 up</source>
        <translation>Sposta su la scena %1</translation>
    </message>
    <message>
        <source>Move scene %1 down</source>
        <translation>Sposta giù la scena %1</translation>
    </message>
    <message>
        <source>New scene</source>
        <translation>Nuova scena</translation>
    </message>
    <message>
        <source>Add scene %1</source>
        <translation>Aggiungi la scena %1</translation>
    </message>
    <message>
        <source>Delete scene %1</source>
        <translation>Elimina la scena %1</translation>
    </message>
    <message>
        <source>Add scenes for new stages</source>
        <translation>Aggiungi scene per le nuove fasi</translation>
    </message>
    <message>
        <source>Reset storyline</source>
        <translation>Reimposta la storyline</translation>
    </message>
    <message>
        <source>Compare stages in the storyline</source>
        <translation>Confronta le fasi nella storyline</translation>
    </message>
    <message>
        <source>Show one map in the storyline</source>
        <translation>Mostra una sola mappa nella storyline</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>Scegli un’immagine</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Immagini (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Cannot use this image: %1</source>
        <translation>Impossibile usare questa immagine: %1</translation>
    </message>
    <message>
        <source>Set image of scene %1</source>
        <translation>Imposta l’immagine della scena %1</translation>
    </message>
</context>
<context>
    <name>TemplateChooser</name>
    <message>
        <source>New Project</source>
        <translation>Nuovo progetto</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>%1 (my template)</source>
        <translation>%1 (mio modello)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Anteprima</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crea</translation>
    </message>
    <message>
        <source>No preview</source>
        <translation>Nessuna anteprima</translation>
    </message>
</context>
<context>
    <name>Verbs</name>
    <message>
        <source>Merge from %1</source>
        <translation>Unisci da %1</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Unisci</translation>
    </message>
    <message>
        <source>card</source>
        <translation>scheda</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>fase</translation>
    </message>
    <message>
        <source>step</source>
        <translation>passo</translation>
    </message>
    <message>
        <source>lane</source>
        <translation>corsia</translation>
    </message>
    <message>
        <source>connection</source>
        <translation>collegamento</translation>
    </message>
    <message>
        <source>persona</source>
        <translation>persona</translation>
    </message>
    <message>
        <source>team</source>
        <translation>reparto</translation>
    </message>
    <message>
        <source>source</source>
        <translation>fonte</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>evidenza</translation>
    </message>
    <message>
        <source>emotion curve</source>
        <translation>curva emotiva</translation>
    </message>
    <message>
        <source>emotion point</source>
        <translation>punto emotivo</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>commento</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>metrica</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>map</source>
        <translation>mappa</translation>
    </message>
    <message>
        <source>image</source>
        <translation>immagine</translation>
    </message>
    <message>
        <source>scene</source>
        <translation>scena</translation>
    </message>
    <message>
        <source>separator</source>
        <translation>separatore</translation>
    </message>
    <message>
        <source>Edit %2 %1</source>
        <translation>Modifica %2 %1</translation>
    </message>
    <message>
        <source>Edit %1 item</source>
        <translation>Modifica %1 elemento</translation>
    </message>
    <message>
        <source>Edit %1 items</source>
        <translation>Modifica %1 elementi</translation>
    </message>
    <message>
        <source>Rename %2 &apos;%1&apos;</source>
        <translation>Rinomina %2 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Aggiungi %1</translation>
    </message>
    <message>
        <source>Add persona</source>
        <translation>Aggiungi persona</translation>
    </message>
    <message>
        <source>Add team</source>
        <translation>Aggiungi reparto</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Aggiungi fonte</translation>
    </message>
    <message>
        <source>Add metric</source>
        <translation>Aggiungi metrica</translation>
    </message>
    <message>
        <source>Add evidence to %1</source>
        <translation>Aggiungi evidenza a %1</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Aggiungi commento</translation>
    </message>
    <message>
        <source>Reply to comment</source>
        <translation>Rispondi al commento</translation>
    </message>
    <message>
        <source>Resolve comment</source>
        <translation>Risolvi commento</translation>
    </message>
    <message>
        <source>Reopen comment</source>
        <translation>Riapri commento</translation>
    </message>
    <message>
        <source>Save export profile &apos;%1&apos;</source>
        <translation>Salva profilo di esportazione &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Delete %2 %1</source>
        <translation>Elimina %2 %1</translation>
    </message>
    <message>
        <source>Delete %1 item</source>
        <translation>Elimina %1 elemento</translation>
    </message>
    <message>
        <source>Delete %1 items</source>
        <translation>Elimina %1 elementi</translation>
    </message>
    <message>
        <source>Move %2 %1</source>
        <translation>Sposta %2 %1</translation>
    </message>
    <message>
        <source>Add card %1</source>
        <translation>Aggiungi scheda %1</translation>
    </message>
    <message>
        <source>Edit title of card %1</source>
        <translation>Modifica titolo della scheda %1</translation>
    </message>
    <message>
        <source>Change card kind</source>
        <translation>Cambia tipo di scheda</translation>
    </message>
    <message>
        <source>Resize card %1</source>
        <translation>Ridimensiona scheda %1</translation>
    </message>
    <message>
        <source>Move card %1</source>
        <translation>Sposta scheda %1</translation>
    </message>
    <message>
        <source>Move %1 cards</source>
        <translation>Sposta %1 schede</translation>
    </message>
    <message>
        <source>Cut %1 card</source>
        <translation>Taglia %1 scheda</translation>
    </message>
    <message>
        <source>Cut %1 cards</source>
        <translation>Taglia %1 schede</translation>
    </message>
    <message>
        <source>Paste %1 card</source>
        <translation>Incolla %1 scheda</translation>
    </message>
    <message>
        <source>Paste %1 cards</source>
        <translation>Incolla %1 schede</translation>
    </message>
    <message>
        <source>Duplicate %1 card</source>
        <translation>Duplica %1 scheda</translation>
    </message>
    <message>
        <source>Duplicate %1 cards</source>
        <translation>Duplica %1 schede</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>Aggiungi collegamento</translation>
    </message>
    <message>
        <source>Set image of %2 %1</source>
        <translation>Imposta immagine di %2 %1</translation>
    </message>
    <message>
        <source>Add image card</source>
        <translation>Aggiungi scheda immagine</translation>
    </message>
    <message>
        <source>Link card %1 to a map</source>
        <translation>Collega scheda %1 a una mappa</translation>
    </message>
    <message>
        <source>Unlink card %1</source>
        <translation>Scollega scheda %1</translation>
    </message>
    <message>
        <source>Edit link of card %1</source>
        <translation>Modifica collegamento della scheda %1</translation>
    </message>
    <message>
        <source>Add map</source>
        <translation>Aggiungi mappa</translation>
    </message>
    <message>
        <source>Duplicate map &apos;%1&apos;</source>
        <translation>Duplica mappa &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Derive future state of &apos;%1&apos;</source>
        <translation>Deriva stato futuro di &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Import map &apos;%1&apos;</source>
        <translation>Importa mappa &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Move map &apos;%1&apos; up</source>
        <translation>Sposta su la mappa &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Move map &apos;%1&apos; down</source>
        <translation>Sposta giù la mappa &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Delete map &apos;%1&apos;</source>
        <translation>Elimina mappa &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Delete persona &apos;%1&apos;</source>
        <translation>Elimina persona &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Edit storyline</source>
        <translation>Modifica storyline</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Aggiungi fase</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Aggiungi passo</translation>
    </message>
    <message>
        <source>Add lane</source>
        <translation>Aggiungi corsia</translation>
    </message>
    <message>
        <source>Move step %1</source>
        <translation>Sposta passo %1</translation>
    </message>
    <message>
        <source>Add emotion curve</source>
        <translation>Aggiungi curva emotiva</translation>
    </message>
    <message>
        <source>Move emotion point</source>
        <translation>Sposta punto emotivo</translation>
    </message>
    <message>
        <source>Add emotion point</source>
        <translation>Aggiungi punto emotivo</translation>
    </message>
    <message>
        <source>Change emotion score</source>
        <translation>Cambia punteggio emotivo</translation>
    </message>
    <message>
        <source>Move emotion point %1</source>
        <translation>Sposta punto emotivo %1</translation>
    </message>
    <message>
        <source>Import &apos;%1&apos;</source>
        <translation>Importa &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>VocabulariesEditor</name>
    <message>
        <source>Vocabulary</source>
        <translation>Vocabolario</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Canali</translation>
    </message>
    <message>
        <source>Card kinds</source>
        <translation>Tipi di scheda</translation>
    </message>
    <message>
        <source>Lane kinds</source>
        <translation>Tipi di corsia</translation>
    </message>
    <message>
        <source>Evidence methods</source>
        <translation>Metodi delle evidenze</translation>
    </message>
    <message>
        <source>Connection kinds</source>
        <translation>Tipi di collegamento</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Stati</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>canale</translation>
    </message>
    <message>
        <source>card kind</source>
        <translation>tipo di scheda</translation>
    </message>
    <message>
        <source>lane kind</source>
        <translation>tipo di corsia</translation>
    </message>
    <message>
        <source>evidence method</source>
        <translation>metodo delle evidenze</translation>
    </message>
    <message>
        <source>connection kind</source>
        <translation>tipo di collegamento</translation>
    </message>
    <message>
        <source>status</source>
        <translation>stato</translation>
    </message>
    <message>
        <source>New %1…</source>
        <translation>Nuovo %1…</translation>
    </message>
    <message>
        <source>Name of a new %1</source>
        <translation>Nome di un nuovo %1</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Chiave</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colore</translation>
    </message>
    <message>
        <source>Icon</source>
        <translation>Icona</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Integrato</translation>
    </message>
    <message>
        <source>This project&apos;s</source>
        <translation>Di questo progetto</translation>
    </message>
    <message>
        <source>In use, not defined (unknown)</source>
        <translation>In uso, non definito (sconosciuto)</translation>
    </message>
    <message>
        <source>(changed)</source>
        <translation>(modificato)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(sconosciuto)</translation>
    </message>
    <message>
        <source>Used %1 time(s) in this project</source>
        <translation>Utilizzi in questo progetto: %1</translation>
    </message>
    <message>
        <source>Not used in this project</source>
        <translation>Non usato in questo progetto</translation>
    </message>
    <message>
        <source>Nobody defines this value (another version wrote it, or it was typed in): it is kept and shown as written.</source>
        <translation>Nessuno definisce questo valore (è stato scritto da un’altra versione o digitato a mano): viene conservato e mostrato così com’è.</translation>
    </message>
    <message>
        <source>default</source>
        <translation>predefinito</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>Colore di %1</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>Scegli un colore</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>Default colour</source>
        <translation>Colore predefinito</translation>
    </message>
    <message>
        <source>Icon of %1</source>
        <translation>Icona di %1</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(predefinita)</translation>
    </message>
    <message>
        <source>Change icon of %1 %2</source>
        <translation>Cambia l’icona: %1 %2</translation>
    </message>
    <message>
        <source>Not defined in this project: there is nothing to remove</source>
        <translation>Non definito in questo progetto: non c’è nulla da rimuovere</translation>
    </message>
    <message>
        <source>Built-in entries cannot be removed</source>
        <translation>Le voci integrate non possono essere rimosse</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reimposta</translation>
    </message>
    <message>
        <source>Back to the built-in label, colour and icon</source>
        <translation>Ripristina etichetta, colore e icona integrati</translation>
    </message>
    <message>
        <source>Remove this entry</source>
        <translation>Rimuovi questa voce</translation>
    </message>
    <message>
        <source>Used %1 time(s): what uses it keeps the value “%2”, shown as unknown</source>
        <translation>Utilizzi: %1; gli elementi che lo usano mantengono il valore “%2”, mostrato come sconosciuto</translation>
    </message>
    <message>
        <source>Not accepted: %1</source>
        <translation>Non accettato: %1</translation>
    </message>
    <message>
        <source>Rename %1 %2</source>
        <translation>Rinomina %1 %2</translation>
    </message>
    <message>
        <source>Change colour of %1 %2</source>
        <translation>Cambia il colore: %1 %2</translation>
    </message>
    <message>
        <source>Add %1 %2</source>
        <translation>Aggiungi %1 %2</translation>
    </message>
    <message>
        <source>Reset %1 %2</source>
        <translation>Reimposta %1 %2</translation>
    </message>
    <message>
        <source>Remove %1 %2</source>
        <translation>Rimuovi %1 %2</translation>
    </message>
</context>
<context>
    <name>_Editor</name>
    <message>
        <source>English</source>
        <translation>Inglese</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>Italiano</translation>
    </message>
    <message>
        <source>Label (%1)</source>
        <translation>Etichetta (%1)</translation>
    </message>
</context>
</TS>
