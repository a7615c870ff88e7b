//! German.

use super::PolicyWords;

pub static WORDS: PolicyWords = PolicyWords {
    who: "Wer wir sind",
    what: "Was wir erheben und warum",
    visits: "Besuche auf unserer Website",
    kept: "Wie lange wir es aufbewahren",
    selling: "Verkauf und Weitergabe",
    safety: "Wie wir es schützen",
    rights: "Ihre Rechte",
    controller: |site| {
        format!(
            "{site} betreibt diese Website und entscheidet, was mit Ihren personenbezogenen Daten geschieht \
             (der Verantwortliche)."
        )
    },
    signup: "Anmeldung zu unserem E-Mail-Verteiler: Ihre E-Mail-Adresse und, wenn Sie sie angeben, Ihr Name und Ihre \
             Telefonnummer, mit einem Nachweis Ihrer Einwilligung — dem genauen Wortlaut, dem Sie zugestimmt haben, \
             wann, auf welcher Seite und unter welcher Fassung dieser Erklärung. Wir verwenden sie, um Ihnen den \
             gewünschten Newsletter zu senden, auf Grundlage Ihrer Einwilligung.",
    reservation: "Einen Artikel reservieren: Ihr Name, Ihre E-Mail-Adresse oder Telefonnummer, der Artikel, die Menge \
                  und Ihre Notiz. Wir verwenden sie, um den Artikel für Sie zurückzulegen und Ihnen zu sagen, wann er \
                  bereitliegt: um auszuführen, worum Sie gebeten haben.",
    favourites: "Favoriten merken: die Artikel, die Sie sich merken, gespeichert in Ihrem Browser, und bei Ihrem \
                 Kundenkonto, sobald Sie uns in einem unserer Formulare Ihre Angaben machen, damit Sie sie \
                 wiederfinden.",
    reasons: "Ihre Kaufgründe ordnen: Ihre Reihenfolge, bei Ihrem Kundenkonto, wenn wir Sie kennen. Wir verwenden die \
              Antworten, um zu lernen, was unseren Kunden wichtig ist, und berichten sie nur in Summen (unser \
              berechtigtes Interesse, das Geschäft zu verbessern).",
    nps: "Uns mit 0 bis 10 bewerten: Ihre Bewertung und was Sie zur Begründung schreiben. Wir verwenden sie, um das \
          Geschäft zu verbessern (unser berechtigtes Interesse), und berichten sie in Summen.",
    heard: "Uns sagen, wie Sie von uns erfahren haben: Ihre Antwort, in Summen verwendet, um zu lernen, welche unserer \
            Bemühungen wirken (unser berechtigtes Interesse).",
    warranty: "Die Garantie eines Produkts registrieren: Ihr Name, Ihre E-Mail-Adresse, die Seriennummer des Produkts \
               und das Kaufdatum, um die Garantie zu erfüllen (ein Vertrag mit Ihnen).",
    profile: "Uns mehr über sich erzählen: nur die Antworten, die Sie geben möchten (etwa Ihren Geburtstag oder Ihre \
              Interessen), um Sie besser zu bedienen, auf Grundlage Ihrer Einwilligung. Jede Frage ist freiwillig.",
    loyalty: "Teilnahme an unserem Treueprogramm: Ihr Name, Ihre E-Mail-Adresse, Ihre Kartennummer, der Wortlaut, dem \
              Sie zugestimmt haben, und die Seite, sowie die Stempel oder Punkte, die Ihre Einkäufe bringen, und die \
              Prämien, die Sie einlösen. Wir verwenden sie, um das Programm zu führen, an dem Sie teilnehmen (ein \
              Vertrag mit Ihnen); Ihre eigene Seite, die Sie über einen Link aus unserer E-Mail öffnen, zeigt sie \
              Ihnen.",
    in_the_shop: "Einkaufen in unserem Geschäft: Wenn Sie dem Personal Ihren Namen, Ihre E-Mail-Adresse oder \
                  Telefonnummer nennen, speichern wir Ihre Einkäufe bei Ihren Angaben, für Belege und Garantie, und um \
                  Ihnen Angebote zu senden, wenn Sie dem zugestimmt haben.",
    visits_counted: "Wir zählen Besuche auf unseren Seiten ohne Cookies: die Seite, die Seite, von der Sie kamen, \
                     Kampagnenkennungen in der Adresse, eine Bildschirmgrößenklasse (Handy, Tablet oder Computer), die \
                     Sprache Ihres Browsers und wie lange die Seite sichtbar war.",
    visits_code: "Ihre IP-Adresse und Ihr Browser werden in einen Code umgewandelt, der sich jeden Tag ändert und nicht \
                  zurückgerechnet werden kann; keins von beiden wird gespeichert. Sobald Sie uns in einem unserer \
                  Formulare Ihre Angaben machen, werden die Seiten, die Ihr Browser aufruft, mit Ihrem Kundenkonto \
                  verknüpft.",
    kept_events: |months| format!("Seitenbesuche und andere Ereignisse: {months} Monate, dann werden sie gelöscht."),
    kept_record_inactive: |months| {
        format!(
            "Ihr Kundenkonto: solange Sie mit uns in Kontakt sind. Nach {months} Monaten ohne Einkauf, Besuch, \
             Reservierung oder Antwort und ohne gültige Einwilligung wird es gelöscht."
        )
    },
    kept_record_until_asked: "Ihr Kundenkonto: bis Sie uns bitten, es zu löschen.",
    kept_consents: "Nachweise von Einwilligungen bleiben bei Ihrem Kundenkonto, als Beleg dafür, wozu Sie zugestimmt \
                    haben; wird Ihr Konto gelöscht, bleibt nur ein Vermerk, dass es gelöscht wurde, ohne Ihre Daten.",
    no_sale: "Wir verkaufen Ihre personenbezogenen Daten nicht. Sie bleiben auf unserem eigenen Server und gehen nicht \
              an Werbetreibende.",
    safe: "Ihr Name, Ihre E-Mail-Adresse, Telefonnummer und Straße werden verschlüsselt gespeichert. Unser Personal \
           meldet sich mit eigenen Konten an, und jeder Blick in ein Kundenkonto wird protokolliert.",
    rights_all: "Sie können alles, was wir über Sie speichern, einsehen und herunterladen, es berichtigen oder löschen \
                 lassen, jede Einwilligung jederzeit widerrufen (jeder Newsletter hat einen Abmeldelink mit einem \
                 Klick), der Verwendung Ihrer Antworten widersprechen und uns sagen, Ihre Daten nicht zu verkaufen oder \
                 weiterzugeben. Wir antworten innerhalb von 30 Tagen.",
    rights_not_sold: "Sobald Sie uns gesagt haben, Ihre Daten nicht zu verkaufen oder weiterzugeben, bleiben Sie außen \
                      vor bei den Kundenlisten, die wir exportieren, bei dem, was Anbindungen anderer Unternehmen an \
                      unsere Systeme lesen können, und bei den Meldungen, die unsere Systeme an deren Systeme senden; \
                      wir verwenden Ihre Daten nur für unseren eigenen Umgang mit Ihnen.",
    rights_ask: "Ihre Daten anfordern, löschen lassen oder ihren Verkauf und ihre Weitergabe untersagen",
    rights_correct: "Um Ihre Daten zu berichtigen, wenden Sie sich an uns (siehe „Wer wir sind“). Sie können sich auch \
                     bei Ihrer Datenschutzaufsichtsbehörde beschweren.",
    title: |site| format!("Datenschutz bei {site}"),
    privacy: "Datenschutz",
    in_force: |version, since| format!("Fassung {version}, gültig seit {since}."),
    no_longer: |version, of| format!("Fassung {version} vom {of}, nicht mehr gültig:"),
    read_current: "die gültige Fassung lesen",
    no_such_policy: "Diese Datenschutzerklärung gibt es nicht.",
};
